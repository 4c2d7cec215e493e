// What the simulated warehouse does over virtual time: commit stock to orders, ship them (with
// tracking, deducting stock and charging a fee) once shipAfter has passed or a scenario step says
// so, deliver, receive inbound boxes and returns, and roll charges into daily invoices. Computed
// lazily from the virtual clock on every request. Status names: spec 2026-01 Orders.OrderStatus,
// Orders.OrderStatusEnum, Receiving.ReceivingStatus; returns AwaitingArrival → Arrived →
// Processing → Completed (3pl-apis.md §2.5).

import type { ShipBobState, SimOrder, SimReturn, SimShipment, SimWro } from './state';

export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export class Warehouse {
  constructor(
    private readonly st: ShipBobState,
    private readonly shipAfterMs: number | null,
    private readonly deliverAfterMs: number | null,
  ) {}

  /** Commits what is free at the shipment's location; records when the last unit was committed. */
  allocate(s: SimShipment, now: number): void {
    for (const it of s.items) {
      const need = it.quantity - it.committed;
      if (need <= 0) continue;
      const take = Math.min(need, this.st.fulfillable(this.st.peek(it.inventoryId, s.locationId)));
      if (take <= 0) continue;
      this.st.cell(it.inventoryId, s.locationId).committed += take;
      it.committed += take;
    }
    if (s.readyAt === null && s.items.every((i) => i.committed >= i.quantity)) s.readyAt = now;
  }

  release(s: SimShipment): void {
    for (const it of s.items) {
      const cell = this.st.cell(it.inventoryId, s.locationId);
      cell.committed = Math.max(0, cell.committed - it.committed);
      it.committed = 0;
    }
    s.readyAt = null;
  }

  newShipment(o: SimOrder, locationId: number, items: SimShipment['items'], now: number): SimShipment {
    const s: SimShipment = {
      id: this.st.next('shipment'),
      orderId: o.id,
      status: 'Processing',
      locationId,
      items,
      createdAt: now,
      lastUpdateAt: now,
      shipAt: this.shipAfterMs === null ? null : now + this.shipAfterMs,
      readyAt: null,
      tracking: null,
      isTrackingUploaded: false,
      lastTrackingUpdateAt: null,
      actualFulfillmentDate: null,
      deliveryDate: null,
      invoiceAmount: null,
    };
    o.shipments.push(s);
    return s;
  }

  /** Brings everything time-driven up to `now`: allocation, automatic shipping, delivery, invoices. */
  advance(now: number): void {
    for (const o of this.st.orders) {
      if (o.status === 'Cancelled') continue;
      for (const s of o.shipments) {
        if (s.status === 'Processing') {
          this.allocate(s, now);
          if (s.shipAt !== null && s.readyAt !== null) {
            const at = Math.max(s.shipAt, s.readyAt);
            if (at <= now) this.ship(o, s, at);
          }
        }
        if (s.status === 'Completed' && s.deliveryDate === null && this.deliverAfterMs !== null && s.actualFulfillmentDate !== null) {
          const at = s.actualFulfillmentDate + this.deliverAfterMs;
          if (at <= now) this.deliver(o, s, at);
        }
      }
    }
    this.invoice(now);
  }

  ship(o: SimOrder, s: SimShipment, at: number): void {
    const { carrier, service } = this.st.seed.behaviour;
    for (const it of s.items) {
      this.st.moveStock(it.inventoryId, s.locationId, { onHand: -it.quantity, committed: -it.committed }, { at, category: 'OrderPicked', orderId: o.id });
    }
    const prefix = carrier.replace(/[^A-Za-z]/g, '').slice(0, 2).toUpperCase() || 'TN';
    const trackingNumber = `${prefix}${String(s.id).padStart(9, '0')}GB`;
    s.status = 'Completed';
    s.tracking = {
      carrier,
      service,
      trackingNumber,
      trackingUrl: `https://tracking.example/${encodeURIComponent(carrier)}/${trackingNumber}`,
      shippingDate: at,
    };
    s.actualFulfillmentDate = at;
    s.lastTrackingUpdateAt = at;
    s.lastUpdateAt = at;
    const units = s.items.reduce((n, i) => n + i.quantity, 0);
    const fees = this.st.seed.fees;
    s.invoiceAmount = round2(fees.shipmentBase + fees.shipmentPerExtraUnit * Math.max(0, units - 1));
    this.charge({ amount: s.invoiceAmount, at, fee: 'Shipping', referenceId: String(s.id), referenceType: 'Shipment', invoiceType: 'Shipping', locationId: s.locationId });
    this.restatus(o, at);
  }

  deliver(o: SimOrder, s: SimShipment, at: number): void {
    s.deliveryDate = at;
    s.lastUpdateAt = at;
    s.lastTrackingUpdateAt = at;
    o.lastUpdateAt = Math.max(o.lastUpdateAt, at);
  }

  restatus(o: SimOrder, at: number): void {
    const live = o.shipments.filter((s) => s.status !== 'Cancelled');
    let status: SimOrder['status'];
    if (live.length === 0) status = 'Cancelled';
    else if (live.every((s) => s.status === 'Completed')) status = 'Fulfilled';
    else if (live.some((s) => s.status === 'Completed')) status = 'PartiallyFulfilled';
    else if (live.some((s) => s.status === 'Exception')) status = 'Exception';
    else status = 'Processing';
    o.status = status;
    o.lastUpdateAt = Math.max(o.lastUpdateAt, at);
  }

  /** A `ship` step: everything open ships now, or part of it (the rest stays in a new shipment). */
  shipNow(o: SimOrder, now: number, part?: Array<{ sku: string; quantity: number }> | true): void {
    const open = o.shipments.filter((s) => s.status === 'Processing' || s.status === 'OnHold' || s.status === 'Exception');
    if (open.length === 0) throw new Error(`ShipBob simulator: order ${o.referenceId} has nothing left to ship`);
    for (const s of open) {
      this.allocate(s, now);
      if (part) this.split(o, s, part, now);
      const short = s.items.filter((i) => i.committed < i.quantity);
      if (short.length) throw new Error(`ShipBob simulator: not enough stock to ship ${short.map((i) => i.sku).join(', ')} for ${o.referenceId}`);
      this.ship(o, s, now);
      if (part) break;
    }
  }

  private split(o: SimOrder, s: SimShipment, part: Array<{ sku: string; quantity: number }> | true, now: number): void {
    const units = s.items.reduce((n, i) => n + i.quantity, 0);
    if (units < 2) throw new Error(`ShipBob simulator: order ${o.referenceId} has one unit; it cannot ship in part`);
    const want = new Map<string, number>();
    if (part === true) {
      // The first half of the units, in line order.
      let left = Math.floor(units / 2);
      for (const it of s.items) {
        const q = Math.min(it.quantity, left);
        want.set(it.sku, q);
        left -= q;
      }
    } else {
      for (const p of part) want.set(p.sku, p.quantity);
    }
    const rest: SimShipment['items'] = [];
    for (const it of s.items) {
      const q = Math.min(it.quantity, want.get(it.sku) ?? 0);
      const remain = it.quantity - q;
      if (remain > 0) {
        const movedCommit = Math.max(0, it.committed - q);
        rest.push({ ...it, quantity: remain, committed: movedCommit });
        it.committed -= movedCommit;
      }
      it.quantity = q;
    }
    s.items = s.items.filter((i) => i.quantity > 0);
    if (s.items.length === 0) throw new Error(`ShipBob simulator: the part to ship for ${o.referenceId} is empty`);
    if (rest.length) {
      const r = this.newShipment(o, s.locationId, rest, now);
      r.shipAt = s.shipAt;
      this.allocate(r, now);
    }
  }

  setHold(o: SimOrder, status: 'OnHold' | 'Exception' | 'Processing', now: number): void {
    for (const s of o.shipments) {
      if (s.status === 'Processing' || s.status === 'OnHold' || s.status === 'Exception') {
        s.status = status;
        s.lastUpdateAt = now;
        // Released work goes back into the queue for the full shipAfter.
        if (status === 'Processing' && s.shipAt !== null && this.shipAfterMs !== null) s.shipAt = Math.max(s.shipAt, now + this.shipAfterMs);
      }
    }
    this.restatus(o, now);
  }

  /** Units arrive in boxes; with `complete` they are counted and stowed and become on-hand stock. */
  receiveWro(w: SimWro, now: number, opts: { trackingNumber?: string; lines?: Array<{ sku: string; quantity: number }>; complete: boolean }): void {
    const boxes = w.boxes.filter((b) => (opts.trackingNumber ? b.trackingNumber === opts.trackingNumber : true) && b.status !== 'Completed' && b.status !== 'Cancelled');
    if (boxes.length === 0) throw new Error(`ShipBob simulator: receiving order ${w.id} has no open box to receive`);
    const override = new Map((opts.lines ?? []).map((l) => [l.sku, l.quantity]));
    for (const b of boxes) {
      b.status = opts.complete ? 'Completed' : 'Arrived';
      b.arrivedAt ??= now;
      if (!opts.complete) continue;
      b.receivedAt = now;
      for (const it of b.items) {
        const got = override.has(it.sku) ? override.get(it.sku)! : it.quantity;
        override.delete(it.sku);
        it.received = got;
        it.stowed = got;
        this.st.moveStock(it.inventoryId, w.locationId, { onHand: got }, { at: now, category: 'ReceivingStow' });
        const cell = this.st.cell(it.inventoryId, w.locationId);
        cell.awaiting = Math.max(0, cell.awaiting - it.quantity);
        const fee = round2(this.st.seed.fees.receivingPerUnit * got);
        if (fee > 0) this.charge({ amount: fee, at: now, fee: 'WRO Receiving Fee', referenceId: String(w.id), referenceType: 'WRO', invoiceType: 'Inbound Fee', locationId: w.locationId });
      }
    }
    const all = w.boxes.filter((b) => b.status !== 'Cancelled');
    let status: string;
    if (all.every((b) => b.status === 'Completed')) {
      const short = all.some((b) => b.items.some((i) => i.received < i.quantity));
      status = short ? 'Incomplete' : 'Completed';
    } else if (all.every((b) => b.status !== 'Awaiting')) status = all.some((b) => b.status === 'Completed') ? 'Processing' : 'Arrived';
    else status = 'PartiallyArrived';
    this.setWroStatus(w, status, now);
  }

  setWroStatus(w: SimWro, status: string, now: number): void {
    if (w.status !== status) w.statusHistory.push({ status, at: now });
    w.status = status;
    w.lastUpdated = now;
  }

  receiveReturn(r: SimReturn, now: number, opts: { lines?: Array<{ sku: string; quantity: number }>; complete: boolean }): void {
    if (r.status === 'Completed' || r.status === 'Cancelled') throw new Error(`ShipBob simulator: return ${r.referenceId} is already ${r.status}`);
    const override = new Map((opts.lines ?? []).map((l) => [l.sku, l.quantity]));
    this.setReturnStatus(r, 'Arrived', now);
    if (!opts.complete) return;
    for (const it of r.inventory) {
      const got = override.has(it.sku) ? override.get(it.sku)! : it.quantity;
      it.processed = got;
      it.action = 'Restock';
      this.st.moveStock(it.inventoryId, r.locationId, { onHand: got }, { at: now, category: 'InventoryRestocked' });
    }
    this.setReturnStatus(r, 'Completed', now);
    this.charge({ amount: this.st.seed.fees.returnBase, at: now, fee: 'Return Processing Fee', referenceId: String(r.id), referenceType: 'Return', invoiceType: 'Return', locationId: r.locationId });
  }

  setReturnStatus(r: SimReturn, status: SimReturn['status'], now: number): void {
    if (r.status !== status) r.statusHistory.push({ status, at: now });
    r.status = status;
  }

  private charge(c: { amount: number; at: number; fee: string; referenceId: string; referenceType: 'Shipment' | 'Return' | 'WRO'; invoiceType: 'Shipping' | 'Inbound Fee' | 'Return'; locationId: number }): void {
    const n = this.st.next('tx');
    this.st.transactions.push({
      transactionId: `01SIMTX${String(n).padStart(19, '0')}`,
      amount: c.amount,
      currency: this.st.seed.fees.currency,
      chargeDate: c.at,
      fee: c.fee,
      type: 'Charge',
      referenceId: c.referenceId,
      referenceType: c.referenceType,
      invoiceType: c.invoiceType,
      locationName: this.st.locationName(c.locationId),
      invoiceId: null,
      invoiceDate: null,
    });
  }

  /** Charges from days before today are invoiced, one invoice per day and invoice type [simplified]. */
  private invoice(now: number): void {
    const today = dayOf(now);
    const groups = new Map<string, typeof this.st.transactions>();
    for (const t of this.st.transactions) {
      if (t.invoiceId !== null || dayOf(t.chargeDate) >= today) continue;
      // An invoice has one currency_code (spec 2026-01 Billing.InvoiceDtoV3), so currencies never share one.
      const key = `${dayOf(t.chargeDate)}|${t.invoiceType}|${t.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    for (const [key, txs] of groups) {
      const [date, type, currency] = key.split('|') as [string, string, string];
      const inv = { id: this.st.next('invoice'), date, type, amount: round2(txs.reduce((n, t) => n + t.amount, 0)), currency };
      this.st.invoices.push(inv);
      for (const t of txs) {
        t.invoiceId = inv.id;
        t.invoiceDate = date;
      }
    }
  }
}
