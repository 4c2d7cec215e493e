// The Orders tab's Lines as the add-on last wrote them, for the orders the stock sync counts as
// unsent (kit/cell-seal.ts): a Lines cell someone changed is put back before any job reads it, and
// the row's Note says so (ORDER_EDIT_INVALID), so typed lines never move a stock figure or a send.
// A sealed order whose row is gone from the tab is named (`missing`), so it is read back from Amazon
// rather than lost; rows past the seal's room are tallied by SKU, so typing in them never lowers
// the unsent units the stock sync counts below what the add-on wrote.

import { cellLinesText, formatLines, parseLines } from '../../core/orders/ledger';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import type { UnsentOrderLine } from '../../core/inventory/types';
import type { LedgerRow } from '../../core/orders/types';
import { NOT_AT_THREE_PL, OPEN_AMAZON_STATUSES } from '../../core/orders/types';
import type { KeyValueStore } from '../../ports/store';
import { putBackSealed, putBackTypedIds, readSeal, sealedOnOneLine, utf8Bytes, writeSeal } from '../kit/cell-seal';
import { putBackStatuses } from './status-seal';

const SEAL = 'orders.linesSeal';
/** 16 chunks of 8 KB (about 5,000 one-line orders): a quarter of the store's 500 KB at most. */
const SEAL_CHUNKS = 16;
/** {"UK\tSKU": units} of the unsent orders past the seal's room, as the add-on last wrote them. */
const REST = 'orders.linesSeal.rest';

const isUnsent = (r: LedgerRow) => OPEN_AMAZON_STATUSES.has(r.amazonStatus) && NOT_AT_THREE_PL.has(r.state);

export interface SealedRead {
  /** The tab's rows, each changed Lines cell put back to what the add-on wrote (Amazon's lines). */
  rows: LedgerRow[];
  /** Sealed orders (not yet at the 3PL when last written) whose row is no longer in the tab: [id, lines]. */
  missing: Array<[string, string]>;
  /** Units the rows past the seal's room show fewer than the add-on wrote (typed or deleted there). */
  shortfall: UnsentOrderLine[];
  /** Rows whose Amazon Status alone was typed over and put back: order id → the typed word and the Note before. */
  typedStatus: Map<string, { typed: string; note: string }>;
}

function tallyOf(rows: ReadonlyArray<LedgerRow>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) for (const l of r.lines) out.set(`${r.marketplace}\t${l.sku}`, (out.get(`${r.marketplace}\t${l.sku}`) ?? 0) + l.quantity);
  return out;
}

function readRest(store: KeyValueStore): Map<string, number> {
  try {
    const v = JSON.parse(store.get(REST) ?? '{}') as Record<string, unknown>;
    return new Map(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return new Map();
  }
}

/**
 * The ID typed over on an unsent order's row, put back (kit/cell-seal.ts putBackTypedIds): otherwise
 * the order would be read back as a second row and the typed one asked of Amazon in vain.
 */
function putBackOrderIds(seal: ReadonlyMap<string, string>, rows: ReadonlyArray<LedgerRow>): LedgerRow[] {
  return putBackTypedIds(seal, rows, {
    idOf: (r) => r.orderId,
    written: (r) => formatLines(r.lines),
    candidate: isUnsent,
    putBack: (r, id) => ({
      ...r,
      orderId: id,
      note:
        `${EDIT_NOTE} the Amazon Order ID cell of order ${id} was changed to "${r.orderId}"; ${id} was put back ` +
        "(it is Amazon's ID, which ties the row to the buyer's order, its 3PL order and its confirmation). Amazon Order ID is for reading only.",
    }),
  });
}

export function readSealedLedger(store: KeyValueStore, read: ReadonlyArray<LedgerRow>): SealedRead {
  const seal = readSeal(store, SEAL, SEAL_CHUNKS);
  const tabRows = seal.size ? putBackOrderIds(seal, read) : [...read];
  const inTab = new Set(tabRows.map((r) => r.orderId));
  const missing = [...seal].filter(([id]) => !inTab.has(id));
  const lined = putBackSealed(seal, tabRows, (r) => r.orderId, (r) => formatLines(r.lines), (r, kept) => ({
    ...r,
    lines: parseLines(kept),
    note:
      `${EDIT_NOTE} the Lines cell of order ${r.orderId} was changed to "${cellLinesText(r.linesTyped, r.lines)}"; Amazon's lines "${sealedOnOneLine(kept)}" were put back ` +
      '(they are what the 3PL is sent, Amazon is confirmed and the stock sync counts). Lines is for reading only; change an order in Seller Central.',
  }));
  // Before the unsent tally below: a typed Amazon Status must not take an order out of it either.
  const { rows, typedStatus } = putBackStatuses(store, lined);
  const now = tallyOf(rows.filter((r) => isUnsent(r) && !seal.has(r.orderId)));
  const shortfall: UnsentOrderLine[] = [];
  for (const [key, units] of readRest(store)) {
    const less = units - (now.get(key) ?? 0);
    const [marketplace, sku] = key.split('\t') as [string, string];
    if (less > 0) shortfall.push({ sellerSku: sku, quantity: less, marketplace });
  }
  return { rows, missing, shortfall, typedStatus };
}

/** The rows with every changed Lines cell put back to what the add-on wrote (Amazon's lines). */
export function restoreSealedLines(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): LedgerRow[] {
  return readSealedLedger(store, rows).rows;
}

/**
 * Seals the lines of the orders not yet at the 3PL: `carried` first (sealed orders whose row is gone,
 * kept until read back), then newest first. Those past the room are tallied by SKU instead, with
 * `shortfall` (units already found missing there) kept in the tally. Returns how many went unsealed.
 */
export function sealLines(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>, carried: ReadonlyArray<readonly [string, string]> = [], shortfall: ReadonlyArray<UnsentOrderLine> = []): number {
  const open = rows.filter(isUnsent);
  open.sort((a, b) => (b.purchaseDate ?? 0) - (a.purchaseDate ?? 0));
  const unsealed = new Set(writeSeal(store, SEAL, [...carried, ...open.map((r) => [r.orderId, formatLines(r.lines)] as const)], SEAL_CHUNKS));
  const rest = tallyOf(open.filter((r) => unsealed.has(r.orderId)));
  if (rest.size) for (const l of shortfall) rest.set(`${l.marketplace ?? ''}\t${l.sellerSku}`, (rest.get(`${l.marketplace ?? ''}\t${l.sellerSku}`) ?? 0) + l.quantity);
  // The largest first: a tally too large for one property keeps what matters most.
  const kept: Record<string, number> = {};
  let size = 2;
  for (const [k, n] of [...rest].sort((a, b) => b[1] - a[1])) {
    const add = utf8Bytes(JSON.stringify(k)) + String(n).length + 2;
    if (size + add > 8000) break;
    kept[k] = n;
    size += add;
  }
  try {
    if (rest.size) store.set(REST, JSON.stringify(kept));
    else store.delete(REST);
  } catch {
    // The tally is a floor for the stock sync only; the run's note still says rows went unsealed.
  }
  return unsealed.size;
}
