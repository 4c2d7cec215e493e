// Sending shippable orders to the 3PL exactly once (docs/design.md §3 "Orders" steps 2–3): the lines
// sent are Amazon's, from the order read this run (the Lines cell is for people to read; one someone
// changed is put back and said), mapped first (an unmappable line holds the whole order); the ledger records `sending` and the
// attempt before any create call; the adapter's create looks the reference up first and adopts on a
// duplicate or a lost answer; an outcome nobody can decide is `unknown`, looked up again next run.

import type { SpApiClient } from '../../amazon/client';
import type { Order } from '../../amazon/schemas/orders';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import { cellLinesText, linesOf, formatLines, mergeAmazon, sameLines } from '../../core/orders/ledger';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import { mapLines } from '../../core/orders/lines';
import type { MappedLine } from '../../core/orders/lines';
import type { LedgerRow } from '../../core/orders/types';
import { REFUSED_NOTE, SHIPPABLE_AMAZON_STATUSES } from '../../core/orders/types';
import { DeadlineExceeded } from '../../ports/clock';
import type { Deadline } from '../../ports/clock';
import { RemoteError, threePlUnreachable } from '../../ports/errors';
import { AdapterError, type Address, type ThreePlAdapter } from '../../threepl/types';
import type { OneLocation } from '../kit/locations-check';
import type { OrdersTab } from '../../sheet/orders-tab';
import type { Ledger } from './ledger';
import { outboundRequest, recipientOf, scrubBuyer } from './outbound';
import { orderView } from '../reads/amazon-orders';
import { getOrderWaitTooLong } from './order-pace';

/** A refusal by the 3PL is retried on its own this many times; then a person types "ready" in State. */
export const MAX_REFUSED_ATTEMPTS = 3;
export const REFUSED = REFUSED_NOTE;

export interface SendCounts {
  sent: number;
  adopted: number;
  held: number;
  unknown: number;
  /** Orders left for the next run: the run's time (or Amazon's getOrder rate) ran out first. */
  deferred?: number;
  /** Orders not sent because Amazon (their details) or the 3PL (its lookup before the create) answered with an error: tried again next run. */
  notSent?: number;
}

interface Prepared {
  row: LedgerRow;
  order: Order;
  shipTo: Address;
  lines: MappedLine[];
  /** The Note saying the Lines cell was put back to Amazon's lines, kept after the send. */
  edited?: string;
  /** The 3PL location the order ships from, when the 3PL needs one named. */
  shipFrom?: string;
}

function candidates(ledger: Ledger, marketplaces: readonly string[]): LedgerRow[] {
  return ledger.rows.filter((r) => {
    if (!marketplaces.includes(r.marketplace) || !SHIPPABLE_AMAZON_STATUSES.has(r.amazonStatus)) return false;
    if (r.state === 'held') return !(r.note.startsWith(REFUSED) && r.attempts >= MAX_REFUSED_ATTEMPTS);
    return r.state === 'ready' || r.state === 'sending' || r.state === 'unknown';
  });
}

function hold(ledger: Ledger, row: LedgerRow, note: string, counts: SendCounts): void {
  ledger.update(row.orderId, { state: 'held', note });
  counts.held++;
}

/** Orders prepared and sent together: one ledger write before their creates, bounded in time by the rate limits. */
const BATCH = 25;
/** Kept free for writing the ledger and the exceptions once the sends stop. */
const SEND_RESERVE_MS = 30_000;

/** Why an order of a marketplace the 3PL does not ship is held: a person ships it another way, or lets the 3PL. */
export function notShippedThereNote(marketplace: string, shipsTo: readonly string[], threePlName: string): string {
  return (
    `${threePlName} does not ship ${marketplace} orders (Settings "FBM marketplaces": ${shipsTo.join(', ') || 'none'}), so this order was not sent and nobody ships it yet. ` +
    `Ship it another way and confirm it in Seller Central, or add ${marketplace} to "FBM marketplaces" and the next orders run sends it.`
  );
}

/**
 * Only Amazon's lines are sent: a row whose Lines cell differs from the order Amazon gives has them
 * put back, with a Note naming the cell (ORDER_EDIT_INVALID), before anything is mapped or sent.
 */
function restoreLines(ledger: Ledger, row: LedgerRow, order: Order, edits?: LedgerRow[]): { row: LedgerRow; edited?: string } {
  const amazonLines = linesOf(orderView(order, row.marketplace));
  if (sameLines(amazonLines, row.lines)) return { row };
  const edited =
    `${EDIT_NOTE} the Lines cell of order ${row.orderId} read "${cellLinesText(row.linesTyped, row.lines)}", but Amazon's order is "${formatLines(amazonLines).replace(/\n/g, '; ')}": ` +
    'Amazon\'s lines were put back and are what the 3PL is sent and Amazon is confirmed. Lines is for reading only; change an order in Seller Central.';
  const restored = ledger.update(row.orderId, { lines: amazonLines, note: edited })!;
  edits?.push(restored);
  return { row: restored, edited };
}

/** A held order whose lines hold it for the reason its Note already gives: nothing changed, so Amazon is not asked again. */
function stillHeld(row: LedgerRow, reasons: string[]): boolean {
  return row.state === 'held' && row.note === `${reasons.join('; ')}.`;
}

/** Reads each order from Amazon (this run's search, else getOrder: the recipient comes only so), then maps Amazon's lines. */
function prepare(
  ctx: { amazon: SpApiClient; map: SkuMapValidation; fresh: Map<string, Order>; shipsTo: readonly string[]; threePlName: string; edits?: LedgerRow[]; shipFrom?: () => OneLocation },
  ledger: Ledger,
  rows: LedgerRow[],
  counts: SendCounts,
): { prepared: Prepared[]; stopped: boolean; /** The order that stopped it, counted as not sent (not as left). */ notSent?: string } {
  const out: Prepared[] = [];
  for (const listed of rows) {
    // Never sent to a 3PL that does not ship there: the order would leave from the wrong country, or not at all.
    if (!ctx.shipsTo.includes(listed.marketplace)) {
      hold(ledger, listed, notShippedThereNote(listed.marketplace, ctx.shipsTo, ctx.threePlName), counts);
      continue;
    }
    // A Settings cell that names no location of the 3PL holds every order, before Amazon is asked for
    // its address: the cell is the problem (CONFIG_INVALID names it), not the 3PL refusing the order.
    // A row that may already be at the 3PL keeps its state: the lookup decides it once the cell is fixed.
    const from = ctx.shipFrom?.();
    if (from && 'problem' in from) {
      if (listed.state !== 'sending' && listed.state !== 'unknown') hold(ledger, listed, `Nothing was sent: ${from.problem}`, counts);
      continue;
    }
    const early = mapLines(listed.lines, listed.marketplace, ctx.map);
    if (!early.ok && stillHeld(listed, early.reasons)) {
      counts.held++;
      continue;
    }
    let order = ctx.fresh.get(listed.orderId);
    if (!order || !order.recipient) {
      // getOrder allows one call every 2 s after a burst of 30: past that, send what is ready and read the rest next run.
      if (getOrderWaitTooLong(ctx.amazon)) return { prepared: out, stopped: true };
      try {
        order = ctx.amazon.getOrder(listed.orderId, ['RECIPIENT', 'FULFILLMENT']);
      } catch (e) {
        if (e instanceof DeadlineExceeded) return { prepared: out, stopped: true };
        // A body Amazon broke for this one order holds back this order only, never everyone else's.
        if (e instanceof RemoteError && (e.retryable || e.kind === 'schema')) {
          ledger.update(listed.orderId, { note: `Amazon could not give the order's details this run (${e.message}); tried again next run.` });
          counts.notSent = (counts.notSent ?? 0) + 1;
          // Amazon failing even after retries would fail the rest the same way: they wait for the next run.
          if (e.retryable) return { prepared: out, stopped: true, notSent: listed.orderId };
          continue;
        }
        // A row whose Amazon Order ID names no order (typed over, or pasted in): held on its own, so
        // one such row never stops the orders of everyone else. A row that may be at the 3PL keeps its state.
        if (e instanceof RemoteError && e.kind === 'not-found') {
          const note = `Amazon has no order ${listed.orderId} (getOrder answered ${e.status ?? 404} Not Found), so nothing is sent for this row. If its Amazon Order ID cell was typed over, put Amazon's ID back; a row the add-on did not write can be deleted.`;
          if (listed.state !== 'sending' && listed.state !== 'unknown') hold(ledger, listed, note, counts);
          else ledger.update(listed.orderId, { note });
          continue;
        }
        throw e;
      }
    }
    const { row, edited } = restoreLines(ledger, listed, order, ctx.edits);
    const view = orderView(order, row.marketplace);
    if (!SHIPPABLE_AMAZON_STATUSES.has(view.status)) {
      // Cancelled or shipped since the ledger last read it: the merge (and the cancellation step) decide, never a send.
      if (row.state !== 'sending' && row.state !== 'unknown') ledger.set(mergeAmazon(row, view));
      else ledger.update(row.orderId, { amazonStatus: view.status });
      continue;
    }
    const mapped = mapLines(row.lines, row.marketplace, ctx.map);
    if (!mapped.ok) {
      hold(ledger, row, `${mapped.reasons.join('; ')}.${edited ? ` ${edited}` : ''}`, counts);
      continue;
    }
    const shipTo = recipientOf(order);
    if (!shipTo) {
      hold(ledger, row, 'Amazon gave no shipping address for this order. The app needs the "Direct-to-Consumer Shipping" role in Seller Central to read addresses; nothing can be sent without one.', counts);
      continue;
    }
    out.push({ row: ledger.get(row.orderId)!, order, shipTo, lines: mapped.lines, ...(edited ? { edited } : {}), ...(from ? { shipFrom: from.id } : {}) });
  }
  return { prepared: out, stopped: false };
}

export function sendOrders(
  ctx: {
    amazon: SpApiClient;
    adapter: ThreePlAdapter;
    map: SkuMapValidation;
    fresh: Map<string, Order>;
    tab: OrdersTab;
    marketplace: string;
    /** Settings "Marketplaces" (default: `marketplace` alone): whose orders are looked at. */
    marketplaces?: readonly string[];
    /** Settings "FBM marketplaces" (default: all of `marketplaces`): whose orders the 3PL ships. */
    shipsTo?: readonly string[];
    threePlName: string;
    deadline: Deadline;
    /** Rows whose Lines cell was put back to Amazon's this run (their Note says so), for ORDER_EDIT_INVALID. */
    edits?: LedgerRow[];
    /** The location orders ship from, asked for only when an order is to go (3PLs that need one named). */
    shipFrom?: () => OneLocation;
  },
  ledger: Ledger,
  counts: SendCounts,
): void {
  const marketplaces = ctx.marketplaces?.length ? ctx.marketplaces : [ctx.marketplace];
  const shipsTo = ctx.shipsTo ?? marketplaces;
  const prepCtx = { ...ctx, shipsTo };
  // Oldest first: a backlog drains in the order the buyers placed it.
  const todo = candidates(ledger, marketplaces).sort((a, b) => (a.purchaseDate ?? 0) - (b.purchaseDate ?? 0));
  // Said, not silent: a run that stops with orders still to send is not "ok".
  const leftFrom = (i: number, counted?: string) => {
    const left = todo.slice(i).filter((r) => r.orderId !== counted && ['ready', 'sending', 'unknown'].includes(ledger.get(r.orderId)?.state ?? '')).length;
    if (left) counts.deferred = left;
  };
  for (let i = 0; i < todo.length; i += BATCH) {
    if (ctx.deadline.remainingMs() < SEND_RESERVE_MS) return leftFrom(i);
    const { prepared, stopped, notSent } = prepare(prepCtx, ledger, todo.slice(i, i + BATCH), counts);
    sendBatch(ctx, ledger, prepared, counts);
    if (stopped) return leftFrom(i, notSent);
  }
}

function sendBatch(ctx: { adapter: ThreePlAdapter; tab: OrdersTab; threePlName: string }, ledger: Ledger, prepared: Prepared[], counts: SendCounts): void {
  if (prepared.length === 0) return;
  // On record before any call: a run killed mid-batch leaves `sending`, which the next run looks up.
  const before = new Map(prepared.map((p) => [p.row.orderId, p.row] as const));
  for (const p of prepared) ledger.update(p.row.orderId, { state: 'sending', attempts: p.row.attempts + 1, note: `Sending to ${ctx.threePlName}…` });
  ctx.tab.write(ledger.rows);
  const untouched = new Set(before.keys());
  try {
    for (const p of prepared) {
      const id = p.row.orderId;
      // From here the create may reach the 3PL whatever happens next: the row stays `sending` (looked up next run) unless we learn otherwise.
      untouched.delete(id);
      let outcome;
      try {
        const req = outboundRequest(p.order, p.shipTo, p.lines, p.row.latestShipDate);
        outcome = ctx.adapter.createOutboundOrder(p.shipFrom ? { ...req, warehouseHint: p.shipFrom } : req);
      } catch (e) {
        if (e instanceof DeadlineExceeded) throw e;
        // The lookup that comes before any create could not answer, even after retries: nothing was
        // sent. The 3PL is not answering, so the rest wait as they were rather than each spend the
        // run's time on the same silence; the job says the 3PL was not reachable.
        if (threePlUnreachable(e)) {
          const prev = before.get(id)!;
          ledger.update(id, { state: prev.state === 'held' ? 'ready' : prev.state, attempts: prev.attempts, note: `Not sent this run: ${scrubBuyer(e.message, p.shipTo)}` });
          counts.notSent = (counts.notSent ?? 0) + 1;
          throw e;
        }
        throw e;
      }
      const said = scrubBuyer(outcome.messages.join(' '), p.shipTo);
      if (outcome.status === 'created' || outcome.status === 'already_exists') {
        const said = outcome.status === 'already_exists' ? `Already at ${ctx.threePlName}; adopted.` : '';
        ledger.update(id, { state: 'sent', threePlOrderId: outcome.externalId ?? '', note: p.edited ? `${p.edited}${said ? ` ${said}` : ''}` : said });
        if (outcome.status === 'created') counts.sent++;
        else counts.adopted++;
      } else if (outcome.status === 'rejected') {
        hold(ledger, ledger.get(id)!, `${REFUSED} ${said} Correct the cause, then type "ready" in this row's State cell to send it again.`, counts);
      } else {
        ledger.update(id, { state: 'unknown', note: said });
        counts.unknown++;
        // The 3PL gave no usable answer to the create nor to the lookups after it: it is failing, and each
        // order after this one would wait through the same. They stay ready; this one is looked up next run.
        if (outcome.unanswered) throw new AdapterError('UPSTREAM', `${ctx.threePlName} gave no usable answer to creating the order for ${id}, so the other orders were not tried: ${scrubBuyer(outcome.messages[0] ?? '', p.shipTo)}`.trim());
      }
    }
  } finally {
    // Not reached (a cut or an error): nothing was sent for these, so they are as they were.
    for (const id of untouched) ledger.set(before.get(id)!);
  }
}
