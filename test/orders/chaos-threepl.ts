// The chaos test's view of the 3PL it runs against (ShipBob or Mintsoft), read from the simulator's
// own state, so the driver and the invariants speak of orders and shipments the same way for both:
// open, on hold, shipped, cancelled, tracking, and whether the 3PL will stop listing the shipment
// for confirmation (ShipBob: is_tracking_uploaded; Mintsoft, which keeps no such flag: the add-on's
// tracking ledger in document properties, src/threepl/mintsoft/tracking.ts).

import type { ScenarioRun } from '../world/scenario/runner';

export interface ChaosShipment {
  id: number;
  status: string;
  open: boolean;
  onHold: boolean;
  shipped: boolean;
  trackingNumber: string | null;
  /** The 3PL will not list it for confirmation again. */
  uploaded: boolean;
  shippedAt: number | null;
  units: number;
}

export interface ChaosThreePlOrder {
  id: number;
  reference: string;
  status: string;
  cancelled: boolean;
  createdAt: number;
  shipments: ChaosShipment[];
}

export interface ChaosThreePl {
  name: 'ShipBob' | 'Mintsoft';
  /** Brings the simulator up to now and lists its orders. */
  orders(): ChaosThreePlOrder[];
  /** The orders as they stand, without moving the simulator on. */
  peek(): ChaosThreePlOrder[];
  /** The orders as they are, without moving the simulator on (for counting during a run). */
  count(): number;
}

const SHIPBOB_OPEN = new Set(['Processing', 'OnHold', 'Exception', 'None', 'LabeledCreated', 'ImportReview']);
/** Mintsoft's despatched family and CANCELLED (test/world/mintsoft/state.ts ORDER_STATUSES). */
const MINTSOFT_SHIPPED = new Set([4, 5, 6]);
const MINTSOFT_CANCELLED = 8;
const MINTSOFT_HOLDING = 9;
/** src/threepl/mintsoft/tracking.ts: TRACKING_LEDGER_KEY and OVERLAP_MS. */
const TRACKING_LEDGER_KEY = 'threepl.mintsoft.tracking';
const TRACKING_OVERLAP_MS = 10 * 60_000;

export function chaosThreePl(run: ScenarioRun): ChaosThreePl {
  const ms = run.mintsoft;
  if (!ms) {
    const sb = run.threePl;
    return {
      name: 'ShipBob',
      count: () => sb.state.orders.length,
      orders() {
        sb.snapshot();
        return this.peek();
      },
      peek() {
        return sb.state.orders.map((o) => ({
          id: o.id,
          reference: o.referenceId,
          status: o.status,
          cancelled: o.status === 'Cancelled',
          createdAt: o.createdAt,
          shipments: o.shipments.map((s) => ({
            id: s.id,
            status: s.status,
            open: SHIPBOB_OPEN.has(s.status),
            onHold: s.status === 'OnHold',
            shipped: s.status === 'Completed',
            trackingNumber: s.tracking?.trackingNumber ?? null,
            uploaded: s.isTrackingUploaded,
            shippedAt: s.actualFulfillmentDate ?? null,
            units: s.items.reduce((n, i) => n + i.quantity, 0),
          })),
        }));
      },
    };
  }
  const ledger = (): { since: number; done: Record<string, number> } | null => {
    const raw = run.gas.properties.document.data.get(TRACKING_LEDGER_KEY);
    return raw ? (JSON.parse(raw) as { since: number; done: Record<string, number> }) : null;
  };
  return {
    name: 'Mintsoft',
    count: () => ms.state.orders.length,
    orders() {
      ms.advance(run.world.clock.now());
      return this.peek();
    },
    peek() {
      const l = ledger();
      return ms.state.orders.map((o) => {
        const shipped = MINTSOFT_SHIPPED.has(o.statusId);
        const cancelled = o.statusId === MINTSOFT_CANCELLED;
        // Confirmed and remembered, or despatched before the ledger's window: never listed again.
        const uploaded = !!l && (l.done[o.id.toString(36)] !== undefined || (o.despatchDate !== null && o.despatchDate < l.since - TRACKING_OVERLAP_MS));
        // A Mintsoft order is one consignment: one shipment named by the order ID (src/threepl/mintsoft/orders.ts).
        return {
          id: o.id,
          reference: o.orderNumber,
          status: String(o.statusId),
          cancelled,
          createdAt: o.orderDate,
          shipments: [
            {
              id: o.id,
              status: String(o.statusId),
              open: !shipped && !cancelled,
              onHold: o.statusId === MINTSOFT_HOLDING,
              shipped,
              trackingNumber: o.trackingNumber,
              uploaded,
              shippedAt: o.despatchDate,
              units: o.items.reduce((n, i) => n + i.quantity, 0),
            },
          ],
        };
      });
    },
  };
}
