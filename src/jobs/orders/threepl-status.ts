// What the 3PL says about the ledger's orders (docs/design.md §3 "Orders"): orders changed since the
// 3PL cursor update each row's 3PL order id, status, tracking, carrier and ship time; an order the
// ledger was still sending is adopted; a 3PL order with an Amazon-looking reference the ledger does
// not know is read again from Amazon and adopted when Amazon has it as a merchant order of this
// spreadsheet (its row was deleted or its id cleared), else ORDER_ORPHANED. The cursor moves only
// after a complete read is in the written ledger.

import type { SpApiClient } from '../../amazon/client';
import type { RaisedException } from '../../core/exceptions';
import { readoptedRow } from '../../core/orders/ledger';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import { orderView } from '../reads/amazon-orders';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import { unknownAtThreePl } from '../../core/orders/rules';
import type { LedgerRow } from '../../core/orders/types';
import { AMAZON_ORDER_ID } from '../../core/orders/types';
import type { ThreePlRef } from '../../core/web-links';
import type { KeyValueStore } from '../../ports/store';
import { shipmentRef } from '../../threepl/page-refs';
import type { OutboundOrder, ThreePlAdapter } from '../../threepl/types';
import type { Ledger } from './ledger';

export const THREEPL_KEYS = {
  cursor: 'orders.threePlCursor',
  /** When the ledger started (ms): 3PL orders created before it are not the add-on's to judge. */
  since: 'orders.since',
} as const;

const SHIPPED = new Set(['shipped', 'delivered', 'partially_shipped']);

/** The row as the 3PL's order shows it. */
export function withThreePl(row: LedgerRow, o: OutboundOrder): LedgerRow {
  const live = o.shipments.filter((s) => s.status !== 'cancelled');
  const tracked = live.filter((s) => s.trackingNumbers.length > 0);
  const shippedTimes = live.map((s) => (s.shippedAt ? Date.parse(s.shippedAt) : NaN)).filter(Number.isFinite);
  const first = tracked[0];
  const next: LedgerRow = {
    ...row,
    threePlOrderId: row.threePlOrderId || o.externalId,
    threePlStatus: o.rawStatus || o.status,
    tracking: tracked.length ? [...new Set(tracked.flatMap((s) => s.trackingNumbers))] : row.tracking,
    carrier: first?.carrier ? `${first.carrier}${first.carrierService ? ` / ${first.carrierService}` : ''}` : row.carrier,
    shippedAt: shippedTimes.length ? Math.min(...shippedTimes) : row.shippedAt,
  };
  const alive = o.status !== 'cancelled';
  if ((row.state === 'sending' || row.state === 'unknown' || row.state === 'ready' || row.state === 'held') && alive) {
    // The 3PL holds it (a create whose answer never arrived, or an earlier tool): adopted, never sent again.
    next.state = 'sent';
    next.note = 'Found at the 3PL by its reference; adopted.';
  }
  if (row.state === 'cancelled' && alive && !row.threePlOrderId) {
    // Closed as "never sent", yet the 3PL has it: back to `sent`, so the cancellation step cancels it there.
    next.state = 'sent';
    next.note = 'Cancelled on Amazon, but found at the 3PL: to be cancelled there.';
  }
  if ((next.state === 'sent' || next.state === 'sending' || next.state === 'unknown') && SHIPPED.has(o.status)) {
    next.state = 'shipped';
    next.note = '';
  }
  // Amazon already shows every item shipped (a confirmation whose ledger write was lost to a kill).
  if (next.state === 'shipped' && row.amazonStatus === 'SHIPPED' && o.status !== 'partially_shipped') next.state = 'confirmed';
  if (next.state === 'sent' && o.status === 'cancelled' && row.amazonStatus !== 'CANCELLED') {
    next.note = 'Cancelled at the 3PL while Amazon still expects it shipped.';
  }
  return next;
}

/**
 * The ledger's row for a 3PL order it lost, from Amazon's own record, or null (Amazon does not know
 * it as a merchant order of `marketplaces`, or cannot say now: ORDER_ORPHANED then says so).
 */
function readopt(amazon: SpApiClient | undefined, marketplaces: readonly string[], o: OutboundOrder): LedgerRow | null {
  if (!amazon) return null;
  try {
    const view = orderView(amazon.getOrder(o.primaryReference, ['FULFILLMENT']), marketplaces[0] ?? '');
    // Shipped and confirmed already (a row trimmed after its retention): nothing is left to do for it.
    if (!marketplaces.includes(view.marketplace) || view.status === 'SHIPPED') return null;
    const row = readoptedRow(view);
    return row && withThreePl(row, o);
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e;
    if (e instanceof RemoteError) return null;
    throw e;
  }
}

/**
 * The row of a 3PL order made in the ledger's time under an Amazon order id the ledger no longer
 * holds (its row deleted, or its Amazon Order ID cleared or typed over), read again from Amazon and
 * put in the ledger; null when it is not one, or Amazon does not have it as an open merchant order of
 * `marketplaces`. For the status read (an order that changed) and the confirm step (a shipment
 * waiting for its confirmation, which no change may bring). A row that holds this 3PL order under an
 * id Amazon does not know had that id typed over: the order's own id is put back on it (one row, not
 * a second one beside a phantom), and ORDER_EDIT_INVALID names the cell.
 */
export function restoreLostRow(ctx: { amazon?: SpApiClient; marketplaces?: readonly string[]; since: number; edits?: LedgerRow[] }, ledger: Ledger, o: OutboundOrder): LedgerRow | null {
  const created = o.createdAt ? Date.parse(o.createdAt) : NaN;
  const ledgerEra = Number.isFinite(created) && created >= ctx.since;
  const back = amazonLike(o) && ledgerEra ? readopt(ctx.amazon, ctx.marketplaces ?? [], o) : null;
  if (!back) return null;
  const typed = typedOver(ctx.amazon, ledger, o);
  if (!typed) {
    ledger.set(back);
    return back;
  }
  const row: LedgerRow = {
    ...back,
    attempts: typed.attempts,
    note:
      `${EDIT_NOTE} the Amazon Order ID cell of order ${back.orderId} was changed to "${typed.orderId}", which ${ledger.rows.some((x) => x !== typed && x.orderId === typed.orderId) ? 'another row holds' : 'Amazon does not know'}; ${back.orderId} was put back ` +
      `(its 3PL order ${o.externalId} carries it as its reference). Amazon Order ID is for reading only.`,
  };
  ledger.replace(typed, row);
  ctx.edits?.push(row);
  return row;
}

/**
 * The ledger row holding 3PL order `o` under another id that another row has too (a copy of its id) or
 * that Amazon answers it does not have; undefined when none, or Amazon cannot say now.
 */
function typedOver(amazon: SpApiClient | undefined, ledger: Ledger, o: OutboundOrder): LedgerRow | undefined {
  const r = ledger.rows.find((x) => x.threePlOrderId === o.externalId && x.orderId !== o.primaryReference);
  if (r && ledger.rows.some((x) => x !== r && x.orderId === r.orderId)) return r;
  if (!r || !amazon) return undefined;
  try {
    amazon.getOrder(r.orderId);
    // A real order whose 3PL Order ID cell names this one: not this row (cancel.ts looks past such an id).
    return undefined;
  } catch (e) {
    if (e instanceof RemoteError && e.kind === 'not-found') return r;
    if (e instanceof DeadlineExceeded || !(e instanceof RemoteError)) throw e;
    return undefined;
  }
}

/** A live 3PL order under a reference shaped like an Amazon order id, not an FBA replenishment. */
const amazonLike = (o: OutboundOrder): boolean => AMAZON_ORDER_ID.test(o.primaryReference) && o.kind !== 'fba_replenishment' && o.status !== 'cancelled';

export function syncThreePlStatus(
  ctx: {
    adapter: ThreePlAdapter;
    store: KeyValueStore;
    now: number;
    threePlName: string;
    orphanMinutes: number;
    /** To read again from Amazon a 3PL order whose ledger row was lost; without it such orders are only raised. */
    amazon?: SpApiClient;
    marketplaces?: readonly string[];
    /** Rows whose typed-over Amazon Order ID was put back this run (their Note says so), for ORDER_EDIT_INVALID. */
    edits?: LedgerRow[];
  },
  ledger: Ledger,
  /** Reference → the 3PL shipment of each order read (its page at the 3PL), for the run's exceptions. */
  shipmentsSeen?: Map<string, ThreePlRef>,
): { updated: number; raised: RaisedException[]; complete: boolean; nextCursor: string | null } {
  const { store } = ctx;
  if (!store.get(THREEPL_KEYS.since)) store.set(THREEPL_KEYS.since, String(ctx.now));
  const since = Number(store.get(THREEPL_KEYS.since));
  const page = ctx.adapter.listOrdersChangedSince(store.get(THREEPL_KEYS.cursor));
  const raised: RaisedException[] = [];
  let updated = 0;
  for (const o of page.orders) {
    const ref = shipmentRef(ctx.adapter.provider, o);
    if (ref) shipmentsSeen?.set(o.primaryReference, ref);
    const row = ledger.get(o.primaryReference);
    if (row) {
      ledger.set(withThreePl(row, o));
      updated++;
      continue;
    }
    // Made in the ledger's time under an Amazon order id the ledger does not hold (after this run's
    // Amazon read): its row was lost, and without one its shipment would never be confirmed.
    const back = restoreLostRow({ ...ctx, since }, ledger, o);
    if (back) {
      updated++;
      continue;
    }
    // Young orders may be ours, read from Amazon a moment from now; old ones predate the ledger.
    const created = o.createdAt ? Date.parse(o.createdAt) : NaN;
    const judged = Number.isFinite(created) && created >= since && ctx.now - created > ctx.orphanMinutes * 60_000;
    if (amazonLike(o) && judged) {
      raised.push({ ...unknownAtThreePl(o.primaryReference, o.externalId, ctx.threePlName), ...(ref ? { threePlRef: ref } : {}) });
    }
  }
  // An Amazon Order ID repeated on a second row (typed over with, or copied from, another order's):
  // the 3PL order the row holds says whose it is, without waiting for that order to change.
  const seen = new Set<string>();
  for (const r of [...ledger.rows]) {
    if (!seen.has(r.orderId)) {
      seen.add(r.orderId);
      continue;
    }
    if (!r.threePlOrderId) continue;
    const o = ctx.adapter.getOrder(r.threePlOrderId);
    if (o && o.primaryReference !== r.orderId && !ledger.get(o.primaryReference) && restoreLostRow({ ...ctx, since }, ledger, o)) updated++;
  }
  // The caller moves the cursor once the ledger holding these changes is written (never before).
  return { updated, raised, complete: page.complete, nextCursor: page.complete ? page.nextCursor : null };
}
