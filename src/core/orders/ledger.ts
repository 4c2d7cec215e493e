// The Orders ledger's text forms and merges: `SKU × qty` lines, tracking lists, and how an Amazon
// read updates a row (docs/design.md §2 "Orders", §3 "Orders" steps 1–4). Pure: rows in, rows out.

import type { AmazonOrderView, LedgerLine, LedgerRow, OrderState } from './types';
import { OPEN_AMAZON_STATUSES } from './types';

const TIMES = ' × ';

/** "TEE-M × 2" per line of text, in order; the same SKU twice stays twice, as Amazon listed it. */
export function formatLines(lines: ReadonlyArray<LedgerLine>): string {
  return lines.map((l) => `${l.sku}${TIMES}${l.quantity}`).join('\n');
}

/** Reads what formatLines wrote (also "x" or "*" typed by hand); unreadable lines are dropped. */
export function parseLines(text: string): LedgerLine[] {
  const out: LedgerLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^(.*\S)\s*[×x*]\s*(\d+)\s*$/.exec(raw.trim());
    if (m) out.push({ sku: m[1]!.trim(), quantity: Number(m[2]) });
  }
  return out;
}

/**
 * A Lines / Items cell as it reads, for a message about a changed cell: what was typed, not what could
 * be parsed from it (`TEE-M × -5` parses to nothing, and saying it was changed to "" hid the typing).
 */
export function cellLinesText(typed: string | undefined, lines: ReadonlyArray<LedgerLine>): string {
  return (typed ?? formatLines(lines)).replace(/\r?\n/g, '; ');
}

/** The same lines in the same order: a Lines cell that differs from Amazon's was changed by someone. */
export function sameLines(a: ReadonlyArray<LedgerLine>, b: ReadonlyArray<LedgerLine>): boolean {
  return formatLines(a) === formatLines(b);
}

export function formatList(values: ReadonlyArray<string>): string {
  return values.join('\n');
}

export function parseList(text: string): string[] {
  return text.split(/\r?\n|,/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The units of each line the 3PL is to ship: what Amazon still waits for (ordered − shipped). An
 * order first seen PARTIALLY_SHIPPED (part sent by hand or by another tool) must not ship twice.
 */
export function linesOf(order: AmazonOrderView): LedgerLine[] {
  return order.items
    .filter((i) => i.sku)
    .map((i) => ({ sku: i.sku, quantity: Math.max(0, i.quantity - i.shipped) }))
    .filter((l) => l.quantity > 0);
}

function initialState(status: string): OrderState {
  return status === 'PENDING' ? 'pending' : 'ready';
}

/**
 * A new ledger row for an order first seen, or null when the ledger has no business with it: only
 * merchant orders Amazon still expects to be shipped (or that wait for payment) are taken in. An
 * order placed and cancelled (or shipped by hand) before it was ever read is not the add-on's.
 */
export function newLedgerRow(order: AmazonOrderView): LedgerRow | null {
  if (order.fulfilledBy !== 'MERCHANT') return null;
  if (!OPEN_AMAZON_STATUSES.has(order.status)) return null;
  return {
    orderId: order.orderId,
    marketplace: order.marketplace,
    purchaseDate: order.purchaseDate,
    latestShipDate: order.latestShipDate,
    amazonStatus: order.status,
    lines: linesOf(order),
    threePlOrderId: '',
    threePlStatus: '',
    attempts: 0,
    tracking: [],
    carrier: '',
    shippedAt: null,
    confirmedAt: null,
    state: initialState(order.status),
    note: order.status === 'PENDING' ? 'Waiting for Amazon to make the order shippable (payment).' : '',
  };
}

/**
 * A row for an order the 3PL holds under its Amazon order id that the ledger lost (its row deleted,
 * or its Amazon Order ID cleared): read again from Amazon so its shipment is still confirmed. Null
 * for an order that is not a merchant order.
 */
export function readoptedRow(order: AmazonOrderView): LedgerRow | null {
  if (order.fulfilledBy !== 'MERCHANT') return null;
  return {
    ...(newLedgerRow({ ...order, status: 'UNSHIPPED' }) as LedgerRow),
    amazonStatus: order.status,
    state: 'sent',
    note: 'Not in the Orders tab (row deleted or its Amazon Order ID cleared?) though the 3PL holds it: read again from Amazon and adopted.',
  };
}

/**
 * Amazon's latest word on an order the ledger holds. Status moves (PENDING → UNSHIPPED, → CANCELLED,
 * → SHIPPED) change the state only where nothing at the 3PL depends on it; a cancellation of an order
 * the 3PL holds is left for the job, which must cancel it there first.
 */
export function mergeAmazon(row: LedgerRow, order: AmazonOrderView): LedgerRow {
  const next: LedgerRow = { ...row, amazonStatus: order.status, latestShipDate: order.latestShipDate ?? row.latestShipDate };
  if (row.purchaseDate === null) next.purchaseDate = order.purchaseDate;
  // Lines change only before the order reaches the 3PL: what was sent is what the 3PL holds.
  if (row.state === 'pending' || row.state === 'ready' || row.state === 'held') next.lines = linesOf(order);
  if (order.status === 'CANCELLED') {
    if (row.state === 'pending' || row.state === 'ready' || row.state === 'held') {
      next.state = 'cancelled';
      next.note = 'Cancelled on Amazon before it was sent to the 3PL.';
    }
    return next;
  }
  if (row.state === 'pending' && order.status !== 'PENDING') {
    next.state = 'ready';
    next.note = '';
  }
  if (order.status === 'SHIPPED' && row.state === 'shipped') {
    next.state = 'confirmed';
  }
  return next;
}

/** Rows by order id, in the ledger's order. */
export function byOrderId(rows: ReadonlyArray<LedgerRow>): Map<string, LedgerRow> {
  const map = new Map<string, LedgerRow>();
  for (const r of rows) if (r.orderId && !map.has(r.orderId)) map.set(r.orderId, r);
  return map;
}

/** Finished rows older than the retention go; open ones stay however old (docs/design.md §2: every growing tab has a retention rule). */
export function trimLedger(rows: ReadonlyArray<LedgerRow>, now: number, retentionDays: number): LedgerRow[] {
  const cutoff = now - retentionDays * 24 * 3600 * 1000;
  return rows.filter((r) => {
    const finished = r.state === 'confirmed' || r.state === 'cancelled';
    const at = r.confirmedAt ?? r.purchaseDate;
    return !(finished && at !== null && at < cutoff);
  });
}
