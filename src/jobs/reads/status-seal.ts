// The Orders tab's Amazon Status and Confirmed At as the add-on last wrote them, for the orders it
// still works on (kit/cell-seal.ts). Both are cells the steps trust as their own record: an Amazon
// Status typed SHIPPED (or PENDING, or any word) took an order out of the send, the orphan check and
// ORDER_STUCK, and a Confirmed At typed with State "confirmed" made an order Amazon was never told
// about read as confirmed. A cell that no longer holds what the add-on wrote is put back before any
// step reads it, the State is checked again against what was put back, and the row's Note names the
// cell (ORDER_EDIT_INVALID). The seal is written with every write of the tab (sealedOrdersTab),
// before the cells, so it never holds less than the tab the add-on wrote.

import { utcMinute } from '../../core/cells';
import { EDIT_NOTE, stateRechecked } from '../../core/orders/ledger-record';
import type { LedgerRow } from '../../core/orders/types';
import type { KeyValueStore } from '../../ports/store';
import type { OrdersTab } from '../../sheet/orders-tab';
import { putBackSealed, readSeal, writeSeal } from '../kit/cell-seal';

const SEAL = 'orders.statusSeal';
/** 8 chunks of 8 KB (about 2,000 open orders; most share one value): the store holds 500 KB in all. */
const SEAL_CHUNKS = 8;

/** Rows the add-on still works on: a finished one's cells decide nothing any more. */
const FINISHED: ReadonlySet<string> = new Set(['confirmed', 'cancelled', 'cancel-too-late']);

const MIN = 60_000;

/** To the minute: a sheet may give back a written time without its milliseconds. */
function sealed(r: Pick<LedgerRow, 'amazonStatus' | 'confirmedAt'>): string {
  return `${r.amazonStatus}\t${r.confirmedAt === null ? '' : Math.floor(r.confirmedAt / MIN)}`;
}

function unseal(text: string): { amazonStatus: string; confirmedAt: number | null } {
  const [status = '', at = ''] = text.split('\t');
  return { amazonStatus: status, confirmedAt: at === '' ? null : Number(at) * MIN };
}

/** Seals the open rows' two cells, newest first (the rows past the room keep their cells as read). */
export function sealStatuses(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): void {
  const open = rows.filter((r) => !FINISHED.has(r.state));
  open.sort((a, b) => (b.purchaseDate ?? 0) - (a.purchaseDate ?? 0));
  try {
    writeSeal(store, SEAL, open.map((r) => [r.orderId, sealed(r)] as const), SEAL_CHUNKS);
  } catch {
    // A seal that cannot be written leaves the cells trusted, as before it existed.
  }
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
 * The rows with each typed-over Amazon Status or Confirmed At put back to what the add-on wrote; the
 * State checked again against them. `typedStatus`: order id → the Amazon Status that was typed, so
 * a read of Amazon this run that gives that very status can withdraw the Note.
 */
export function putBackStatuses(store: KeyValueStore, rows: ReadonlyArray<LedgerRow>): { rows: LedgerRow[]; typedStatus: Map<string, { typed: string; note: string }> } {
  const seal = readSeal(store, SEAL, SEAL_CHUNKS);
  const typedStatus = new Map<string, { typed: string; note: string }>();
  if (!seal.size) return { rows: [...rows], typedStatus };
  const out = putBackSealed(seal, rows, (r) => r.orderId, sealed, (r, kept) => {
    const was = unseal(kept);
    const said: string[] = [];
    if (r.amazonStatus !== was.amazonStatus) {
      said.push(
        `the Amazon Status cell of order ${r.orderId} was changed to "${r.amazonStatus}", but Amazon's order is ${was.amazonStatus || 'not yet read'} as the add-on last read it: that was put back ` +
          '(it decides whether the order is sent, counted as unsent stock and chased when late). Amazon Status is for reading only; the add-on writes it from Amazon.',
      );
    }
    if (sealed({ ...r, amazonStatus: '' }) !== sealed({ ...was, amazonStatus: '' })) {
      const typed = r.confirmedAt === null ? 'empty' : `"${utcMinute(r.confirmedAt)}"`;
      const back = was.confirmedAt === null ? 'it was emptied again: the add-on has not confirmed this order to Amazon, and confirms it once it ships' : `the add-on's ${utcMinute(was.confirmedAt)} UTC was put back`;
      said.push(`the Confirmed At cell of order ${r.orderId} read ${typed}, but ${back}. Confirmed At is for reading only; the add-on writes it when Amazon takes the confirmation.`);
    }
    const back: LedgerRow = { ...r, amazonStatus: was.amazonStatus, confirmedAt: was.confirmedAt };
    const state = stateRechecked(back);
    // What an earlier put-back of this read said (Lines, the ID, a State) is kept after it.
    const earlier = [state.note, r.note].filter((n): n is string => !!n?.startsWith(EDIT_NOTE)).map((n) => n.slice(EDIT_NOTE.length).trim());
    const note = `${EDIT_NOTE} ${[...said, ...earlier].join(' ')}`;
    if (r.amazonStatus !== was.amazonStatus && said.length === 1 && !state.note) typedStatus.set(r.orderId, { typed: r.amazonStatus, note: r.note });
    return { ...back, state: state.state, note };
  });
  return { rows: out, typedStatus };
}
