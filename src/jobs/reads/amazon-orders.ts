// Amazon's merchant orders into the Orders ledger (docs/design.md §3 "Orders" step 1): searchOrders
// (v2026-01-01, fulfilledBy=MERCHANT, items included) by a lastUpdatedAfter cursor kept in document
// properties. The cursor moves only after the ledger holding what was read is written; a read cut
// by the time limit keeps its page token (valid 24 h) so the next run carries on where it stopped.
// The orders job and the stock sync both call this, so Amazon is searched once, not twice.

import type { SpApiClient, SearchOrdersParams } from '../../amazon/client';
import type { Order } from '../../amazon/schemas/orders';
import { marketplaceIdsOf } from '../../core/marketplace-list';
import { findMarketplace, MARKETPLACES } from '../../core/marketplaces';
import { byOrderId, mergeAmazon, newLedgerRow, parseLines } from '../../core/orders/ledger';
import { utcMinute } from '../../core/cells';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import type { AmazonOrderView, LedgerRow } from '../../core/orders/types';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import type { KeyValueStore } from '../../ports/store';
import type { OrdersTab } from '../../sheet/orders-tab';
import type { UnsentOrderLine } from '../../core/inventory/types';
import { readSealedLedger, sealLines } from './ledger-seal';

export const ORDERS_KEYS = {
  cursor: 'orders.amazonCursor',
  /** {token, before}: a read cut part-way (token of the next page, the read's upper bound). */
  page: 'orders.amazonPage',
  /** [[orderId, ms]]: when recent cancellations happened, for the stock sync's read-back. */
  cancelledAt: 'orders.cancelledAt',
} as const;

/**
 * Where the read of a set of marketplaces keeps its cursor and page token. One marketplace keeps
 * ORDERS_KEYS (as before issue 17); several keep their own, so a read of fewer marketplaces never
 * moves the cursor past orders of the others it did not ask for, and a marketplace added to the
 * list starts with a first read (its open orders of the last 14 days).
 */
export function ordersReadKeys(marketplaces: readonly string[]): { cursor: string; page: string } {
  if (marketplaces.length <= 1) return { cursor: ORDERS_KEYS.cursor, page: ORDERS_KEYS.page };
  const set = [...marketplaces].sort().join(',');
  return { cursor: `${ORDERS_KEYS.cursor}:${set}`, page: `${ORDERS_KEYS.page}:${set}` };
}

/** The first read looks this far back for orders still to ship: Amazon's ship-by windows are days. */
const FIRST_READ_LOOKBACK_MS = 14 * 24 * 3600 * 1000;
/** searchOrders answers up to two minutes before the call (sp-api.md §2.2). */
const AMAZON_LAG_MS = 2 * 60_000;
const CANCELLATIONS_KEPT_MS = 48 * 3600 * 1000;
const CANCELLATIONS_MAX = 300;

export interface LedgerRefresh {
  rows: LedgerRow[];
  /** Orders read this run, with what only they carry (the recipient), by order id. Memory only. */
  fresh: Map<string, Order>;
  /** Amazon's orders are in the ledger up to this time (ms). */
  seenUntil: number;
  /** False when the read stopped part-way (time limit, or Amazon's rate limit): the rest comes next run. */
  complete: boolean;
  /** Why an incomplete read stopped. */
  stoppedBy: 'deadline' | 'rate' | null;
  read: number;
  added: number;
  /** Orders whose row was deleted while not yet at the 3PL, not read back yet: [id, sealed lines]. */
  carried: Array<[string, string]>;
  /** Units typing (or deleting) took off rows past the seal's room. */
  shortfall: UnsentOrderLine[];
  /** Orders whose row was deleted and that Amazon could not give back: their units may be offered again. */
  lost: Array<{ orderId: string; lines: string; why: string }>;
  /** Deleted rows read back from Amazon this run. */
  restored: number;
  /** Unsent orders past the seal's room: their Lines cells cannot be checked. */
  unsealed: number;
}

export function orderView(o: Order, fallbackMarketplace: string): AmazonOrderView {
  const mpId = o.salesChannel.marketplaceId;
  const mp = (mpId && MARKETPLACES.find((m) => m.id === mpId)?.code) || (o.salesChannel.marketplaceName && findMarketplace(o.salesChannel.marketplaceName)?.code) || fallbackMarketplace;
  const latest = o.fulfillment?.shipByWindow?.latestDateTime;
  return {
    orderId: o.orderId,
    marketplace: mp,
    purchaseDate: Date.parse(o.createdTime),
    lastUpdated: Date.parse(o.lastUpdatedTime),
    latestShipDate: latest ? Date.parse(latest) : null,
    status: o.fulfillment?.fulfillmentStatus ?? '',
    fulfilledBy: o.fulfillment?.fulfilledBy ?? 'MERCHANT',
    serviceLevel: o.fulfillment?.fulfillmentServiceLevel ?? '',
    items: o.orderItems.map((i) => {
      const shipped = i.fulfillment?.quantityFulfilled ?? 0;
      return {
        orderItemId: i.orderItemId,
        sku: i.product?.sellerSku ?? '',
        quantity: i.quantityOrdered,
        shipped,
        unshipped: i.fulfillment?.quantityUnfulfilled ?? Math.max(0, i.quantityOrdered - shipped),
        title: i.product?.title,
      };
    }),
    packages: (o.packages ?? []).map((p) => ({ packageReferenceId: p.packageReferenceId, trackingNumber: p.trackingNumber })),
  };
}

function readCancellations(store: KeyValueStore): Array<[string, number]> {
  try {
    const v = JSON.parse(store.get(ORDERS_KEYS.cancelledAt) ?? '[]') as unknown;
    return Array.isArray(v) ? (v.filter((x) => Array.isArray(x) && typeof x[0] === 'string' && typeof x[1] === 'number') as Array<[string, number]>) : [];
  } catch {
    return [];
  }
}

export function cancellationTimes(store: KeyValueStore): Map<string, number> {
  return new Map(readCancellations(store));
}

function saveCancellations(store: KeyValueStore, added: Array<[string, number]>, now: number): void {
  if (!added.length) return;
  const kept = [...readCancellations(store).filter(([id]) => !added.some(([a]) => a === id)), ...added]
    .filter(([, at]) => now - at < CANCELLATIONS_KEPT_MS)
    .slice(-CANCELLATIONS_MAX);
  store.set(ORDERS_KEYS.cancelledAt, JSON.stringify(kept));
}

interface SavedPage {
  token: string;
  before: string;
  firstRead: boolean;
}

function savedPage(store: KeyValueStore, key: string): SavedPage | null {
  try {
    const v = JSON.parse(store.get(key) ?? 'null') as SavedPage | null;
    return v && typeof v.token === 'string' && typeof v.before === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Reads what changed on Amazon since the cursor into the ledger and writes the ledger (then moves
 * the cursor). `marketplaces`: the Settings one or list (primary first), searched in one call, as
 * searchOrders takes up to 50 marketplaceIds (sp-api.md §2.2); the primary is used when an order
 * does not name its own.
 */
export function refreshLedger(
  amazon: SpApiClient,
  tab: OrdersTab,
  store: KeyValueStore,
  now: number,
  marketplaces: string | readonly string[],
  /**
   * Stop (keeping the page token) rather than wait longer than this for searchOrders' rate limit
   * (one call every 3 minutes after a burst of 20): the orders job has other work to do meanwhile.
   * Unset: wait as long as the run's time allows (the stock sync needs every order first).
   */
  maxRateWaitMs?: number,
): LedgerRefresh {
  // Lines someone changed are put back before anything reads them (ledger-seal.ts).
  const sealed = readSealedLedger(store, tab.rows());
  const rows = sealed.rows;
  const index = byOrderId(rows);
  const fresh = new Map<string, Order>();
  const cancelled: Array<[string, number]> = [];
  const list = typeof marketplaces === 'string' ? [marketplaces] : [...marketplaces];
  const marketplace = list[0] ?? '';
  const keys = ordersReadKeys(list);
  const ids = marketplaceIdsOf(list);
  const cursor = store.get(keys.cursor);
  const firstRead = !cursor;
  const query: SearchOrdersParams = {
    ...(ids.length > 1 ? { marketplaceIds: ids } : {}),
    lastUpdatedAfter: cursor ?? new Date(now - FIRST_READ_LOOKBACK_MS).toISOString(),
    fulfilledBy: ['MERCHANT'],
    // The first read takes only what may still need shipping; later ones every change, cancellations included.
    ...(firstRead ? { statuses: ['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED'] as Array<'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED'> } : {}),
    includedData: ['RECIPIENT', 'FULFILLMENT'],
  };
  const resume = savedPage(store, keys.page);
  let token: string | undefined = resume?.token;
  let before: string | null = resume?.before ?? null;
  let complete = false;
  let read = 0;
  let added = 0;
  let pageFailed: unknown = null;
  let stoppedBy: LedgerRefresh['stoppedBy'] = null;
  const throttledBefore = amazon.stats.throttled;
  try {
    for (;;) {
      if (maxRateWaitMs !== undefined && amazon.waitMs('searchOrders') > maxRateWaitMs) {
        stoppedBy = 'rate';
        break;
      }
      let page;
      try {
        page = amazon.searchOrders(token ? { ...query, paginationToken: token } : query);
      } catch (e) {
        // A saved token older than its 24 hours is refused: read again from the cursor, which never moved.
        if (!(token && token === resume?.token && e instanceof RemoteError && e.kind === 'validation')) throw e;
        store.delete(keys.page);
        token = undefined;
        before = null;
        continue;
      }
      if (before === null) before = page.lastUpdatedBefore ?? new Date(now - AMAZON_LAG_MS).toISOString();
      for (const o of page.orders) {
        read++;
        const view = orderView(o, marketplace);
        if (view.fulfilledBy !== 'MERCHANT') continue;
        const known = index.get(view.orderId);
        if (known) {
          const merged = mergeAmazon(known, view);
          rows[rows.indexOf(known)] = merged;
          index.set(view.orderId, merged);
          if (view.status === 'CANCELLED' && known.amazonStatus !== 'CANCELLED') cancelled.push([view.orderId, view.lastUpdated]);
        } else {
          const row = newLedgerRow(view);
          if (!row) continue;
          rows.push(row);
          index.set(row.orderId, row);
          added++;
        }
        fresh.set(view.orderId, o);
      }
      token = page.pagination?.nextToken || undefined;
      if (!token) {
        complete = true;
        break;
      }
    }
  } catch (e) {
    // Time ran out while Amazon's rate limit (or its 429 back-off) still held the next page: the limit is what people can act on.
    if (e instanceof DeadlineExceeded) stoppedBy = amazon.waitMs('searchOrders') > 0 || amazon.stats.throttled > throttledBefore ? 'rate' : 'deadline';
    else pageFailed = e;
  }
  // Amazon gave this run the very status that was typed: it was no edit to undo, only early.
  for (const [id, t] of sealed.typedStatus) {
    const row = index.get(id);
    if (row && fresh.has(id) && row.amazonStatus === t.typed && row.note.startsWith(EDIT_NOTE)) {
      const kept = { ...row, note: t.note };
      rows[rows.indexOf(row)] = kept;
      index.set(id, kept);
    }
  }
  const back = readBack(amazon, sealed.missing.filter(([id]) => !index.has(id)), list);
  for (const row of back.rows) {
    rows.push(row);
    index.set(row.orderId, row);
  }
  restoreTypedCells(amazon, rows, fresh, marketplace);
  // The ledger first, then the cursor: a cut between the two re-reads, never skips.
  tab.write(rows);
  // The lost stay sealed (and counted) until the orders job has said so.
  const unsealed = sealLines(store, rows, [...back.carried, ...back.lost.map((l) => [l.orderId, l.lines] as [string, string])], sealed.shortfall);
  saveCancellations(store, cancelled, now);
  if (complete && before) {
    store.set(keys.cursor, before);
    store.delete(keys.page);
  } else if (token && before) {
    store.set(keys.page, JSON.stringify({ token, before, firstRead } satisfies SavedPage));
  }
  if (pageFailed) throw pageFailed;
  const seenUntil = complete && before ? Date.parse(before) : cursor ? Date.parse(cursor) : now - FIRST_READ_LOOKBACK_MS;
  return { rows, fresh, seenUntil, complete, stoppedBy: complete ? null : stoppedBy, read, added, carried: back.carried, shortfall: sealed.shortfall, lost: back.lost, restored: back.rows.length, unsealed };
}

/** getOrder allows a burst of 30, then one call every 2 s: past this wait the rest is read next run. */
const READ_BACK_MAX_WAIT_MS = 5_000;

/**
 * Orders the seal knew as not yet at the 3PL whose row someone deleted, read back from Amazon into
 * the ledger (held again if what held them still holds). One Amazon cannot give now is carried in
 * the seal and its units counted meanwhile; one Amazon does not know as an open merchant order of
 * these marketplaces is `lost` (found shipped or cancelled there, it is simply no longer unsent).
 */
function readBack(amazon: SpApiClient, missing: ReadonlyArray<[string, string]>, marketplaces: readonly string[]): { rows: LedgerRow[]; carried: Array<[string, string]>; lost: LedgerRefresh['lost'] } {
  const out: ReturnType<typeof readBack> = { rows: [], carried: [], lost: [] };
  for (const [orderId, lines] of missing) {
    if (amazon.waitMs('getOrder') > READ_BACK_MAX_WAIT_MS) {
      out.carried.push([orderId, lines]);
      continue;
    }
    try {
      const view = orderView(amazon.getOrder(orderId, ['FULFILLMENT']), marketplaces[0] ?? '');
      if (view.status === 'SHIPPED' || view.status === 'CANCELLED') continue;
      const row = marketplaces.includes(view.marketplace) ? newLedgerRow(view) : null;
      if (row) out.rows.push({ ...row, note: `Its row was deleted from the Orders tab while not yet at the 3PL: read again from Amazon. ${row.note}`.trim() });
      else out.lost.push({ orderId, lines, why: `Amazon no longer has it as an open merchant order of ${marketplaces.join(', ')}` });
    } catch (e) {
      if (e instanceof DeadlineExceeded || !(e instanceof RemoteError)) {
        out.carried.push([orderId, lines]);
        continue;
      }
      if (e.kind === 'not-found' || e.kind === 'validation') out.lost.push({ orderId, lines, why: `Amazon did not give it back (${e.message})` });
      else out.carried.push([orderId, lines]);
    }
  }
  return out;
}

/** Rows whose marketplace or ship date decides nothing any more: not asked of Amazon. */
const SETTLED_STATES: ReadonlySet<string> = new Set(['confirmed', 'cancelled', 'cancel-too-late']);

/**
 * Open rows whose cells Amazon's order must give back before any step reads them, with a Note that
 * raises ORDER_EDIT_INVALID. A Marketplace cell holding no marketplace code as the add-on writes it
 * (typed over: "Germany", "uk", emptied) took the order out of every marketplace served, so it was
 * never sent (a held one kept its old reason) and the stock sync stopped counting its units. A
 * Latest Ship Date typed as text ("next friday") is no date, so ORDER_STUCK never chased the order
 * past Amazon's real one; a Purchase Date so typed kept ORDER_ORPHANED from ever chasing an order that
 * never reached the 3PL. Left for the next run when Amazon cannot be asked now (typed text stays
 * in its cell meanwhile).
 */
function restoreTypedCells(amazon: SpApiClient, rows: LedgerRow[], fresh: ReadonlyMap<string, Order>, fallback: string): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const market = !MARKETPLACES.some((m) => m.code === r.marketplace);
    const date = r.latestShipDateTyped;
    const placed = r.purchaseDateTyped;
    if (SETTLED_STATES.has(r.state) || (!market && date === undefined && placed === undefined)) continue;
    let o = fresh.get(r.orderId);
    if (!o) {
      if (amazon.waitMs('getOrder') > READ_BACK_MAX_WAIT_MS) return;
      try {
        o = amazon.getOrder(r.orderId, ['FULFILLMENT']);
      } catch (e) {
        if (e instanceof DeadlineExceeded) return;
        if (e instanceof RemoteError) continue;
        throw e;
      }
    }
    const view = orderView(o, fallback);
    const { latestShipDateTyped: _typed, purchaseDateTyped: _placed, ...next } = r;
    const said: string[] = [];
    if (market) {
      next.marketplace = view.marketplace;
      said.push(`the Marketplace cell of order ${r.orderId} read "${r.marketplace}", but Amazon's order is of ${view.marketplace}: ${view.marketplace} was put back. Marketplace is for reading only; the add-on writes it from Amazon.`);
    }
    if (date !== undefined) {
      next.latestShipDate = view.latestShipDate;
      const amazons = view.latestShipDate === null ? 'none' : `${new Date(view.latestShipDate).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      said.push(`the Latest Ship Date cell of order ${r.orderId} read "${date}", which is no date: Amazon's (${amazons}) was put back, and the order is chased by it (ORDER_STUCK). Latest Ship Date is for reading only.`);
    }
    if (placed !== undefined) {
      next.purchaseDate = view.purchaseDate;
      said.push(`the Purchase Date cell of order ${r.orderId} read "${placed}", which is no date: Amazon's (${utcMinute(view.purchaseDate)} UTC) was put back, and the order is chased by it when it does not reach the 3PL in time (ORDER_ORPHANED). Purchase Date is for reading only.`);
    }
    rows[i] = { ...next, note: `${EDIT_NOTE} ${said.map((x, n) => (n ? `${x.charAt(0).toUpperCase()}${x.slice(1)}` : x)).join(' ')}` };
  }
}

/**
 * Units the stock sync counts beyond the ledger's rows: deleted rows not read back (their sealed
 * lines, the primary marketplace's pool) and what typing took off rows past the seal's room.
 */
export function unsentBeyondRows(refresh: Pick<LedgerRefresh, 'carried' | 'lost' | 'shortfall'>): UnsentOrderLine[] {
  const sealed = [...refresh.carried.map(([, text]) => text), ...refresh.lost.map((l) => l.lines)];
  return [...sealed.flatMap((text) => parseLines(text).map((l) => ({ sellerSku: l.sku, quantity: l.quantity }))), ...refresh.shortfall];
}
