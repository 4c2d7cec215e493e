// The Orders tab's Amazon Status, Confirmed At, Latest Ship Date and Attempts as the add-on last wrote
// them, and whether it wrote a 3PL Order ID, Tracking and Shipped At, for the orders it still works on
// (kit/cell-seal.ts). These are cells the steps trust as their own record: an Amazon Status typed
// SHIPPED (or PENDING, or any word) took an order out of the send, the orphan check and ORDER_STUCK;
// a Confirmed At typed with State "confirmed" made an order Amazon was never told about read as
// confirmed; a typed 3PL Order ID or Tracking made the State "sent" or "shipped" stand; a later Latest
// Ship Date typed silenced ORDER_STUCK; a typed Attempts changed when a refused order stops being
// sent again. A cell that no longer holds what the add-on wrote is put back before any step reads it,
// the State is checked again against what was put back, and the row's Note names the cell
// (ORDER_EDIT_INVALID). The seal is written with every write of the tab (sealedOrdersTab), before the
// cells, so it never holds less than the tab the add-on wrote.

import { sameWrittenTime, utcMinute } from '../../core/cells';
import { EDIT_NOTE, stateRechecked } from '../../core/orders/ledger-record';
import type { LedgerRow, OrderState } from '../../core/orders/types';
import type { KeyValueStore } from '../../ports/store';
import type { OrdersTab } from '../../sheet/orders-tab';
import { putBackSealed, readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'orders.statusSeal';
/** 8 chunks of 8 KB (about 2,000 open orders; most share one value): the store holds 500 KB in all. */
const SEAL_CHUNKS = 8;

/** Finished orders: sealed after the open ones, with their State (a word typed there reopened them). */
const FINISHED: ReadonlySet<string> = new Set(['confirmed', 'cancelled', 'cancel-too-late']);

const MIN = 60_000;

/**
 * Cells that say the order got further at the 3PL, sealed only as filled or empty: one filled by a
 * person where the add-on left it empty claims what never happened (a 3PL Order ID and State "sent"
 * took an unsent order out of the send and the stock sync's unsent units; a Tracking and State
 * "shipped" silenced ORDER_STUCK). Their values are the 3PL's, read again whenever it changes them.
 */
const PROGRESS = [
  { flag: 'i', cell: '3PL Order ID', filled: (r: LedgerRow) => r.threePlOrderId !== '', typed: (r: LedgerRow) => r.threePlOrderId, clear: (r: LedgerRow): LedgerRow => ({ ...r, threePlOrderId: '' }) },
  { flag: 't', cell: 'Tracking', filled: (r: LedgerRow) => r.tracking.length > 0, typed: (r: LedgerRow) => r.tracking.join(', '), clear: (r: LedgerRow): LedgerRow => ({ ...r, tracking: [] }) },
  { flag: 's', cell: 'Shipped At', filled: (r: LedgerRow) => r.shippedAt !== null, typed: (r: LedgerRow) => (r.shippedAt === null ? '' : utcMinute(r.shippedAt)), clear: (r: LedgerRow): LedgerRow => ({ ...r, shippedAt: null }) },
] as const;

/** To the minute: a sheet may give back a written time without its milliseconds. */
const minute = (ms: number | null): string => (ms === null ? '' : String(Math.floor(ms / MIN)));

/** The same time as sealed, as the sheet gives it back (core/cells.ts): not typed. */
const near = sameWrittenTime;

/** The row's cells as sealed, its times taken as the seal's when they are near them (the comparison putBackSealed makes). */
function sealedNear(r: LedgerRow, kept: string | undefined): string {
  if (kept === undefined) return sealed(r);
  const was = unseal(kept);
  return sealed({ ...r, confirmedAt: near(r.confirmedAt, was.confirmedAt) ? was.confirmedAt : r.confirmedAt, latestShipDate: near(r.latestShipDate, was.latestShipDate) ? was.latestShipDate : r.latestShipDate });
}

/** Minutes in base 36 (5 characters): orders due the same minute (Amazon's ship-by times are few) share one sealed value. */
const shortMinute = (ms: number | null): string => (ms === null ? '' : Math.floor(ms / MIN).toString(36));

/** The State of a finished order (an open one's State is checked against its other cells instead, ledger-record.ts). */
function sealed(r: LedgerRow): string {
  return `${r.amazonStatus}\t${minute(r.confirmedAt)}\t${PROGRESS.filter((p) => p.filled(r)).map((p) => p.flag).join('')}\t${shortMinute(r.latestShipDate)}\t${r.attempts}\t${FINISHED.has(r.state) ? r.state : ''}`;
}

function unseal(text: string): { amazonStatus: string; confirmedAt: number | null; flags: string; latestShipDate: number | null; attempts: number; finished: OrderState | null } {
  const [status = '', at = '', flags = '', due = '', tries = '0', done = ''] = text.split('\t');
  const finished = FINISHED.has(done) ? (done as OrderState) : null;
  return { amazonStatus: status, confirmedAt: at === '' ? null : Number(at) * MIN, flags, latestShipDate: due === '' ? null : parseInt(due, 36) * MIN, attempts: Number(tries) || 0, finished };
}

/** Seals the open rows' cells, newest first (the rows past the room keep their cells as read). */
export function sealStatuses(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): void {
  const twice = repeatedIds(rows);
  const newest = (a: LedgerRow, b: LedgerRow) => (b.purchaseDate ?? 0) - (a.purchaseDate ?? 0);
  const kept = rows.filter((r) => !twice.has(r.orderId));
  // Open orders first (their cells decide what is sent, confirmed and chased), then finished ones, newest first.
  const ordered = [...kept.filter((r) => !FINISHED.has(r.state)).sort(newest), ...kept.filter((r) => FINISHED.has(r.state)).sort(newest)];
  try {
    writeSeal(store, SEAL, ordered.map((r) => [r.orderId, sealed(r)] as const), SEAL_CHUNKS);
  } catch {
    // A seal that cannot be written leaves the cells trusted, as before it existed.
  }
}

/** Ids that more than one row holds. */
function repeatedIds(rows: ReadonlyArray<LedgerRow>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of rows) (seen.has(r.orderId) ? twice : seen).add(r.orderId);
  return twice;
}

/** The Orders tab whose every write seals first: no write of the add-on's is ever taken for typing. */
export function sealedOrdersTab(tab: OrdersTab, store: KeyValueStore): OrdersTab {
  return {
    rows: () => tab.rows(),
    write: (rows, orElse) => {
      sealStatuses(store, orElse ? orElse.rows : rows);
      tab.write(rows, orElse);
    },
  };
}

/**
 * The rows with each typed-over Amazon Status, Confirmed At, Latest Ship Date, 3PL Order ID, Tracking or
 * Shipped At put back to what the add-on wrote (the last three emptied when it wrote none); the State checked again. `typedStatus`: order id → the Amazon Status that was typed, so
 * a read of Amazon this run that gives that very status can withdraw the Note.
 */
export function putBackStatuses(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): { rows: LedgerRow[]; typedStatus: Map<string, { typed: string; note: string }> } {
  const seal = readSeal(store, SEAL, SEAL_CHUNKS);
  const typedStatus = new Map<string, { typed: string; note: string }>();
  if (!seal.size) return { rows: [...rows], typedStatus };
  // An id on two rows (one copied or typed over onto another) says nothing of which row is the order's.
  const twice = repeatedIds(rows);
  const out = putBackSealed(seal, rows, (r) => r.orderId, (r) => (twice.has(r.orderId) ? (seal.get(r.orderId) ?? '') : sealedNear(r, seal.get(r.orderId))), (r, kept) => {
    const was = unseal(kept);
    const said: string[] = [];
    if (r.amazonStatus !== was.amazonStatus) {
      said.push(
        `the Amazon Status cell of order ${r.orderId} was changed to "${r.amazonStatus}", but Amazon's order is ${was.amazonStatus || 'not yet read'} as the add-on last read it: that was put back ` +
          '(it decides whether the order is sent, counted as unsent stock and chased when late). Amazon Status is for reading only; the add-on writes it from Amazon.',
      );
    }
    if (!near(r.confirmedAt, was.confirmedAt)) {
      const typed = r.confirmedAt === null ? 'empty' : `"${utcMinute(r.confirmedAt)}"`;
      const back = was.confirmedAt === null ? 'it was emptied again: the add-on has not confirmed this order to Amazon, and confirms it once it ships' : `the add-on's ${utcMinute(was.confirmedAt)} UTC was put back`;
      said.push(`the Confirmed At cell of order ${r.orderId} read ${typed}, but ${back}. Confirmed At is for reading only; the add-on writes it when Amazon takes the confirmation.`);
    }
    let back: LedgerRow = { ...r, amazonStatus: was.amazonStatus, confirmedAt: near(r.confirmedAt, was.confirmedAt) ? r.confirmedAt : was.confirmedAt };
    // Text that is no date is asked of Amazon (reads/amazon-orders.ts restoreTypedCells); another date is put back from here.
    if (r.latestShipDateTyped === undefined && !near(r.latestShipDate, was.latestShipDate)) {
      const typed = r.latestShipDate === null ? 'empty' : `"${utcMinute(r.latestShipDate)}"`;
      said.push(
        `the Latest Ship Date cell of order ${r.orderId} read ${typed}, but Amazon's is ${was.latestShipDate === null ? 'none' : `${utcMinute(was.latestShipDate)} UTC`} as the add-on last read it: that was put back, ` +
          'and the order is chased by it (ORDER_STUCK). Latest Ship Date is for reading only.',
      );
      back = { ...back, latestShipDate: was.latestShipDate };
    }
    for (const p of PROGRESS) {
      // Emptied by a person: nothing to put back from here (the 3PL's next read of the order does), and nothing claimed.
      if (!p.filled(r) || was.flags.includes(p.flag)) continue;
      said.push(`the ${p.cell} cell of order ${r.orderId} read "${p.typed(r)}", but the add-on had written none there (${p.cell} comes from the 3PL): it was emptied again. ${p.cell} is for reading only.`);
      back = p.clear(back);
    }
    // The count of create calls decides when a refused order stops being sent again by itself.
    if (r.attempts !== was.attempts) {
      said.push(
        `the Attempts cell of order ${r.orderId} read "${r.attemptsTyped ?? r.attempts}", but the add-on had started ${was.attempts} create call${was.attempts === 1 ? '' : 's'}: ${was.attempts} was put back. ` +
          'Attempts is for reading only; to send a held order again, type "ready" in its State cell.',
      );
      back = { ...back, attempts: was.attempts };
    }
    // A finished order's State is the add-on's last word on it: a word typed there (or one read back
    // from cells typed over, such as "sent" for a confirmed order whose Amazon Status was typed) is put back.
    const typedState = r.stateTyped ?? r.state;
    if (was.finished && typedState.toLowerCase() !== was.finished) {
      said.push(
        `the State cell of order ${r.orderId} was changed to "${typedState}", but the order is ${was.finished} (the add-on's word, put back). ` +
          'People may type only "ready" there (to send a held order again); the add-on writes the rest.',
      );
    }
    if (!said.length) return r;
    if (was.finished) {
      // Said above: the Note the State's own check wrote from the typed cells is not the order's.
      return { ...back, state: was.finished, note: `${EDIT_NOTE} ${said.map((x, n) => (n ? `${x.charAt(0).toUpperCase()}${x.slice(1)}` : x)).join(' ')}` };
    }
    const state = stateRechecked(back);
    // What an earlier put-back of this read said (Lines, the ID, a State) is kept after it.
    const earlier = [state.note, r.note].filter((n): n is string => !!n?.startsWith(EDIT_NOTE)).map((n) => n.slice(EDIT_NOTE.length).trim());
    const note = `${EDIT_NOTE} ${[...said, ...earlier].map((x, i) => (i ? `${x.charAt(0).toUpperCase()}${x.slice(1)}` : x)).join(' ')}`;
    if (r.amazonStatus !== was.amazonStatus && said.length === 1 && !state.note) typedStatus.set(r.orderId, { typed: r.amazonStatus, note: r.note });
    return { ...back, state: state.state, note };
  });
  return { rows: out, typedStatus };
}
