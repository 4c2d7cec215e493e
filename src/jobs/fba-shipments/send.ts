// Ticked FBA shipments created at the 3PL exactly once (docs/design.md §3 "FBA replenishment"): one
// outbound order of the FBA type whose reference is the FBA shipment id, addressed to the destination
// fulfilment centre, lines in 3PL SKUs from the SKU Map of Amazon's items as Amazon gives them this
// run (the Items cell is for reading: one someone changed is put back and said). Anything that cannot be decided before the
// call (an unmapped SKU, no ship-from location, no address) holds the row with nothing sent. The row
// is `sending` on the sheet before any create; the adapter looks the reference up first and adopts on
// a duplicate or a lost answer; an outcome nobody can decide is `unknown`, looked up again next run.

import type { SpApiClient } from '../../amazon/client';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import { mapFbaItems } from '../../core/fba-shipments/lines';
import type { FbaLine } from '../../core/fba-shipments/lines';
import type { FbaItem, FbaRow } from '../../core/fba-shipments/types';
import { FBA_EDIT_NOTE } from '../../core/fba-shipments/record';
import { cellLinesText, formatLines, sameLines } from '../../core/orders/ledger';
import { AMAZON_DEAD, AMAZON_SENDABLE } from '../../core/fba-shipments/types';
import { DeadlineExceeded } from '../../ports/clock';
import type { Deadline } from '../../ports/clock';
import { RemoteError, threePlUnreachable } from '../../ports/errors';
import type { FbaShipmentsTab } from '../../sheet/fba-shipments-tab';
import { AdapterError, type Address, type OutboundOrderRequest, type ThreePlAdapter } from '../../threepl/types';
import type { Located } from './amazon-read';
import { allShipmentItems, readV2024Shipment, sumItems } from './amazon-read';
import type { FbaRows } from './rows';
import { withThreePlOrder } from './threepl-status';
import { oneLocation, type OneLocation } from '../kit/locations-check';

/**
 * ShipBob's `shipping_method` is required and free text: "unknown values get created and default to
 * Standard" (spec 2026-01 Orders.CreateOrderModel.shipping_method); FBA Manual orders ship on
 * Amazon's labels, so the method only names the order's ship option at ShipBob.
 */
const FBA_SERVICE_LEVEL = 'Standard';
/** Kept free for writing the tab and the exceptions once the sends stop. */
const SEND_RESERVE_MS = 30_000;

export interface SendTally {
  sent: number;
  adopted: number;
  held: number;
  unknown: number;
  /** Ticked shipments left for the next run: the 3PL or Amazon could not be asked, or time ran short. */
  deferred: number;
  /** Amazon failed to give a shipment's items even after retries, so the sending stopped there: its words. */
  amazonFailed?: string;
  /** The ship-from location this run looked for: found, or the Settings cell that must name it and why. */
  location?: ShipFrom;
}

/** The location FBA orders ship from, or the Settings cell people must fill or correct. */
export type ShipFrom = OneLocation;

export interface SendContext {
  amazon: SpApiClient;
  adapter: ThreePlAdapter;
  map: SkuMapValidation;
  marketplace: string;
  threePlName: string;
  /** The ship-from location from Settings, or null (then the 3PL's only active location, if it has one). */
  location: string | null;
  /** The Settings key `location` came from, named when it is no location of the 3PL. */
  locationSetting: string;
  located: Map<string, Located>;
  tab: FbaShipmentsTab;
  deadline: Deadline;
  /** Items Amazon gave this run, by FBA shipment id (read with the plan). */
  itemsRead?: ReadonlyMap<string, FbaItem[]>;
  /** Rows whose Items cell was put back to Amazon's this run (their Note says so), for FBA_SHIPMENT_INVALID. */
  edits?: FbaRow[];
}

/** Ticked rows the 3PL has no order for yet (or may have: sending, unknown, re-ticked after a cancel). */
function candidates(rows: FbaRows): FbaRow[] {
  // A cancelled row ticked again goes through the lookup too, which finds the cancelled order and says so.
  return rows.rows.filter((r) => r.send && ['open', 'ready', 'held', 'sending', 'unknown', 'cancelled'].includes(r.state) && !(r.state === 'cancelled' && AMAZON_DEAD.has(r.amazonStatus)));
}

function hold(rows: FbaRows, id: string, note: string, tally: SendTally): void {
  rows.update(id, { state: 'held', note });
  tally.held++;
}

/** Where the row's v2024 shipment is: read this run, else found again in its plan (v0 shipments have none). */
function locate(ctx: SendContext, row: FbaRow): Located | undefined {
  const known = ctx.located.get(row.shipmentId);
  if (known || !row.plan) return known;
  const plan = ctx.amazon.getInboundPlan(row.plan);
  for (const sh of plan.shipments ?? []) {
    // Where it is and its address only: the items are read for this row alone (amazonItems).
    const read = readV2024Shipment(ctx.amazon, row.plan, sh.shipmentId, () => row, false);
    if (read) ctx.located.set(read.view.shipmentId, read.located);
    if (read?.view.shipmentId === row.shipmentId) return read.located;
  }
  return undefined;
}

/** The FC's address: read this run, else looked up again in the row's v2024 plan (v0 gives none). */
function addressFor(ctx: SendContext, row: FbaRow): Address | undefined {
  return locate(ctx, row)?.address;
}

/** What Amazon expects in the shipment now: read this run, else read again (v2024 items, or v0's for the old workflow). */
function amazonItems(ctx: SendContext, row: FbaRow): FbaItem[] | null {
  const read = ctx.itemsRead?.get(row.shipmentId);
  if (read) return read;
  if (row.plan) {
    const at = locate(ctx, row);
    return at ? allShipmentItems(ctx.amazon, at.plan, at.apiShipmentId) : null;
  }
  return sumItems(ctx.amazon.getShipmentItemsV0(row.shipmentId).map((i) => ({ sku: i.SellerSKU, quantity: i.QuantityShipped })));
}

/** Only Amazon's items are sent: a row whose Items cell differs has them put back, with a Note naming the cell. */
function restoreItems(ctx: SendContext, rows: FbaRows, row: FbaRow, items: FbaItem[]): FbaRow {
  if (sameLines(items, row.items)) return row;
  const note =
    `${FBA_EDIT_NOTE} the Items cell of FBA shipment ${row.shipmentId} read "${cellLinesText(row.itemsTyped, row.items)}", but Amazon's shipment holds "${formatLines(items).replace(/\n/g, '; ')}": ` +
    "Amazon's items were put back and are what the 3PL is sent. Items is for reading only; change the shipment in Seller Central.";
  const restored = rows.update(row.shipmentId, { items, note })!;
  ctx.edits?.push(restored);
  return restored;
}

/**
 * The typed location matched to the 3PL's own by ID or exact name (kit/locations-check.ts), as the
 * stock sync and the removals do: the order carries the ID, and a name or ID the 3PL does not have
 * is the Settings cell's problem, not the 3PL refusing the order.
 */
function locationFor(ctx: SendContext, tally: SendTally): ShipFrom {
  tally.location ??= oneLocation({ typed: ctx.location, setting: ctx.locationSetting, emptySetting: 'FBA ship-from location', purpose: 'ships FBA orders', warehouses: ctx.adapter.listWarehouses(), threePlName: ctx.threePlName });
  return tally.location;
}

function request(row: FbaRow, lines: FbaLine[], shipTo: Address, location: string): OutboundOrderRequest {
  return {
    primaryReference: row.shipmentId,
    secondaryReference: row.shipmentId,
    kind: 'fba_replenishment',
    shipTo,
    lines: lines.map((l) => ({ sku: l.threePlSku, quantity: l.quantity })),
    serviceLevel: FBA_SERVICE_LEVEL,
    warehouseHint: location,
    tags: {},
    // Small parcels on Amazon's own labels (uploaded by the merchant): ShipBob's FBA guide's MerchantResponsible.
    fba: { shipmentId: row.shipmentId, destinationFc: row.destination, carrierType: 'parcel', labelsBy: 'merchant' },
  };
}

interface Prepared {
  row: FbaRow;
  req: OutboundOrderRequest;
}

/** Decides what each candidate would send; a row that cannot go is held with the reason. */
function prepare(ctx: SendContext, rows: FbaRows, tally: SendTally): Prepared[] {
  const out: Prepared[] = [];
  const todo = candidates(rows);
  for (const [i, row] of todo.entries()) {
    const id = row.shipmentId;
    // A create may already be at the 3PL: only the lookup inside the create may decide those.
    const maybeThere = row.state === 'sending' || row.state === 'unknown';
    if (!maybeThere && !AMAZON_SENDABLE.has(row.amazonStatus)) {
      hold(rows, id, `Amazon shows the shipment as ${row.amazonStatus || 'unknown'}, so it is no longer waiting to be sent; nothing was sent to ${ctx.threePlName}. Untick Send from 3PL.`, tally);
      continue;
    }
    let items: FbaItem[] | null;
    try {
      items = amazonItems(ctx, row);
    } catch (e) {
      if (!(e instanceof RemoteError && e.retryable)) throw e;
      rows.update(id, { note: `Amazon could not give the shipment's items this run (${e.message}); tried again next run.` });
      // Failed even after retries: the shipments after this one would each wait through the same. They
      // wait as they were; those already prepared still go.
      tally.deferred += todo.length - i;
      tally.amazonFailed = e.message;
      break;
    }
    if (!items) {
      hold(rows, id, `Amazon no longer lists FBA shipment ${id} in plan ${row.plan}, so what it holds cannot be read; nothing was sent to ${ctx.threePlName}.`, tally);
      continue;
    }
    const current = restoreItems(ctx, rows, row, items);
    const mapped = mapFbaItems(current.items, ctx.marketplace, ctx.map);
    if (!mapped.ok) {
      hold(rows, id, `${mapped.reasons.join('; ')}.`, tally);
      continue;
    }
    const location = locationFor(ctx, tally);
    if ('problem' in location) {
      hold(rows, id, `Nothing was sent: ${location.problem}`, tally);
      continue;
    }
    const shipTo = addressFor(ctx, row);
    if (!shipTo) {
      hold(
        rows,
        id,
        row.plan
          ? `Amazon gave no address for fulfilment centre ${row.destination || '(none)'} in plan ${row.plan} yet (placement not confirmed?); tried again next run.`
          : `Amazon's API gives no destination address for a shipment made in Seller Central's old workflow (Fulfillment Inbound v0 has only the centre code ${row.destination}). Create it at ${ctx.threePlName} by hand with reference ${id}: the add-on adopts it.`,
        tally,
      );
      continue;
    }
    out.push({ row: rows.get(id)!, req: request(row, mapped.lines, shipTo, location.id) });
  }
  return out;
}

export function sendFbaOrders(ctx: SendContext, rows: FbaRows, tally: SendTally): void {
  const prepared = prepare(ctx, rows, tally);
  if (prepared.length === 0) return;
  if (ctx.deadline.remainingMs() < SEND_RESERVE_MS) {
    tally.deferred += prepared.length;
    return;
  }
  // On record before any call: a run killed mid-way leaves `sending`, which the next run looks up.
  const before = new Map(prepared.map((p) => [p.row.shipmentId, p.row] as const));
  for (const p of prepared) rows.update(p.row.shipmentId, { state: 'sending', note: `Sending to ${ctx.threePlName}…` });
  ctx.tab.write(rows.rows);
  const untouched = new Set(before.keys());
  try {
    for (const p of prepared) {
      const id = p.row.shipmentId;
      if (ctx.deadline.remainingMs() < SEND_RESERVE_MS) {
        tally.deferred += untouched.size;
        return;
      }
      // From here the create may reach the 3PL whatever happens next: the row stays `sending` unless we learn otherwise.
      untouched.delete(id);
      let outcome;
      try {
        outcome = ctx.adapter.createOutboundOrder(p.req);
      } catch (e) {
        if (e instanceof DeadlineExceeded) throw e;
        // The lookup before any create could not answer, even after retries: nothing was sent. The 3PL
        // is not answering, so the rest wait as they were (untouched) rather than each spend the run's
        // time on the same silence; the send phase reports the 3PL as not reachable this run.
        if (threePlUnreachable(e)) {
          const prev = before.get(id)!;
          rows.update(id, { state: prev.state === 'sending' || prev.state === 'unknown' ? prev.state : 'ready', note: `Not sent this run: ${e.message}` });
          tally.deferred += 1 + untouched.size;
        }
        throw e;
      }
      if (outcome.status === 'created') {
        rows.update(id, { state: 'sent', threePlOrderId: outcome.externalId ?? '', note: '' });
        tally.sent++;
      } else if (outcome.status === 'already_exists') {
        adopt(ctx, rows, id, outcome.externalId ?? '', tally);
      } else if (outcome.status === 'rejected') {
        hold(rows, id, `${ctx.threePlName} refused the order: ${outcome.messages.join(' ')} Correct the cause; the next run tries again.`, tally);
      } else {
        rows.update(id, { state: 'unknown', note: outcome.messages.join(' ') });
        tally.unknown++;
        // The 3PL gave no usable answer to the create nor to the lookups after it: it is failing, and
        // the next create would wait through the same. The rest wait as they were; this one is looked up next run.
        if (outcome.unanswered) {
          tally.deferred += untouched.size;
          throw new AdapterError('UPSTREAM', `${ctx.threePlName} gave no usable answer to creating the order for FBA shipment ${id}, so the other ticked shipments were not tried: ${outcome.messages[0] ?? ''}`.trim());
        }
      }
    }
  } finally {
    // Not reached (a cut or an error): nothing was sent for these, so they are as they were.
    for (const id of untouched) rows.update(id, before.get(id)!);
  }
}

/** The 3PL already holds an order with this reference (a lost answer, or made by hand): taken as it is. */
function adopt(ctx: SendContext, rows: FbaRows, id: string, externalId: string, tally: SendTally): void {
  const order = externalId ? ctx.adapter.getOrder(externalId) : null;
  if (order && order.status === 'cancelled') {
    // ShipBob refuses a second order with the same reference_id, even after a cancel (developer.shipbob.com/errors, 422).
    hold(rows, id, `${ctx.threePlName} already has a cancelled order ${externalId} with reference ${id} and refuses a second one with the same reference. Reinstate it at ${ctx.threePlName}, or create one by hand.`, tally);
    rows.update(id, { threePlOrderId: '' });
    return;
  }
  const row = rows.update(id, { state: 'sent', threePlOrderId: externalId, note: `Already at ${ctx.threePlName}; adopted.` })!;
  if (order) rows.update(id, withThreePlOrder(row, order, ctx.threePlName));
  tally.adopted++;
}
