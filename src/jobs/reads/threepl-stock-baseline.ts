// The last full read of the 3PL's stock, kept on the hidden Sync Staging tab so that a later run can
// use it again when the 3PL says nothing moved since (ThreePlAdapter.stockMoves): a few "changed
// since" calls instead of every inventory page (35 at 10,000 SKUs, about 400 at 100,000; issue 13).
// The kept read is only as good as those reads are complete, and a change the 3PL logs nowhere (a lot
// expiring) would go unseen, so it is used for FULL_READ_EVERY_MS at most: then the 3PL is read in
// full again whatever it says. Any doubt (another account, a kept page edited or missing, a check
// that fails) means a full read, never a guess.

import { hash64 } from '../../core/digest';
import type { ClockPort } from '../../ports/clock';
import { DeadlineExceeded } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/store';
import type { StagingTab } from '../../sheet/staging-tab';
import { AdapterError, type StockLine, type ThreePlAdapter } from '../../threepl/types';

const KEY = 'inventory.stockBaseline';
const SOURCE = '3pl-stock-baseline';
/** The longest a full read is used again, however quiet the 3PL says it was. */
export const FULL_READ_EVERY_MS = 6 * 3600_000;
/**
 * The question "what moved since?" starts this long before the last time nothing had: ShipBob's
 * clock and ours may differ, and an event may be listed a little after it happened. An event seen
 * twice costs a full read; one missed could cost an oversell.
 */
export const MOVES_OVERLAP_MS = 10 * 60_000;
/**
 * The question costs a call per fulfilment centre and two more, and when something moved the full
 * read follows anyway: it is asked only when a full read takes at least this many times as many
 * calls (a small catalogue with stock moving every hour would pay for both on most runs).
 */
export const READ_TO_QUESTION_RATIO = 2;
/** Lines per staged part (a part is cut into cell-sized pieces by the staging tab). */
const LINES_PER_PART = 2_000;

interface BaselineState {
  account: string;
  /** When the full read began. */
  fullAt: number;
  /** The last time the 3PL said nothing had moved since the read (fullAt at first). */
  validAt: number;
  parts: number;
  /** hash64 of the parts joined: a hand edit of the hidden tab is never read as stock. */
  digest: string;
}

/** A line as kept: [sku, warehouse, on hand, allocated, available, on hold, inbound, in transit, inactive 1/0, name, bundle components]. */
type Kept = [string, string, number, number, number, number, number, number, 0 | 1, string | null, StockLine['bundle'] | null];

const slim = (l: StockLine): Kept => [l.sku, l.warehouseId, l.onHand, l.allocated, l.available, l.onHold, l.inbound, l.inTransit, l.inactive ? 1 : 0, l.name ?? null, l.bundle ?? null];

function unslim(k: Kept, asOf: string): StockLine {
  const [sku, warehouseId, onHand, allocated, available, onHold, inbound, inTransit, inactive, name, bundle] = k;
  return { sku, warehouseId, onHand, allocated, available, onHold, inbound, inTransit, unknown: false, asOf, ...(inactive ? { inactive: true } : {}), ...(name ? { name } : {}), ...(bundle ? { bundle } : {}) };
}

export interface BaselinePorts {
  store: KeyValueStore;
  staging: StagingTab;
  clock: ClockPort;
}

function load(store: KeyValueStore): BaselineState | null {
  try {
    const s = JSON.parse(store.get(KEY) ?? 'null') as BaselineState | null;
    const ok = s && typeof s.account === 'string' && Number.isFinite(s.fullAt) && Number.isFinite(s.validAt) && Number.isInteger(s.parts) && typeof s.digest === 'string';
    return ok ? s : null;
  } catch {
    return null;
  }
}

/** The fulfilment centres a read holds stock lines at: those the 3PL is asked about. */
function centresOf(warehouseIds: Iterable<string>): string[] {
  return [...new Set(warehouseIds)].filter((w) => w !== '*');
}

/** Calls the question "what moved?" takes for a read at `centres` fulfilment centres (stock-moved.ts: orders, products, one history call a centre). */
export function questionCalls(centres: number): number {
  return 2 + centres;
}

/**
 * Keeps a complete full read (lines the 3PL did not report are not kept: they are unknown, not
 * stock), when asking what moved would cost well under reading it again: `readCalls` is what this
 * read took.
 */
export function keepBaseline(adapter: ThreePlAdapter, ports: BaselinePorts, lines: readonly StockLine[], startedAt: number, readCalls: number): void {
  if (!adapter.stockMoves) return;
  if (readCalls < READ_TO_QUESTION_RATIO * questionCalls(centresOf(lines.map((l) => l.warehouseId)).length)) {
    forgetBaseline(ports);
    return;
  }
  const known = lines.filter((l) => !l.unknown);
  const parts: string[] = [];
  for (let at = 0; at === 0 || at < known.length; at += LINES_PER_PART) parts.push(JSON.stringify(known.slice(at, at + LINES_PER_PART).map(slim)));
  ports.staging.put(SOURCE, 0, parts);
  const state: BaselineState = { account: adapter.stockMoves.account, fullAt: startedAt, validAt: startedAt, parts: parts.length, digest: hash64(parts.join('\n')) };
  ports.store.set(KEY, JSON.stringify(state));
}

export function forgetBaseline(ports: Pick<BaselinePorts, 'store' | 'staging'>): void {
  if (!ports.store.get(KEY)) return;
  ports.staging.clear(SOURCE);
  ports.store.delete(KEY);
}

/** What a run may use instead of a full read: the kept lines, good as of `at`. */
export interface StillTrue {
  lines: StockLine[];
  at: number;
  /** When the full read they come from began. */
  fullAt: number;
}

/** The kept read's record, when it is for this account and young enough at `now`; null otherwise. */
function askableState(adapter: ThreePlAdapter, store: KeyValueStore, now: number): BaselineState | null {
  const state = load(store);
  const ok = !!adapter.stockMoves && !!state && state.account === adapter.stockMoves.account && now - state.fullAt <= FULL_READ_EVERY_MS && now >= state.fullAt;
  return ok ? state : null;
}

/**
 * True when a kept read could stand for a full one after the 3PL's few-call question: one is kept,
 * for this account, young enough. Whether anything moved is not asked here (no call is made).
 */
export function baselineAskable(adapter: ThreePlAdapter, ports: Pick<BaselinePorts, 'store' | 'clock'>): boolean {
  return askableState(adapter, ports.store, ports.clock.now()) !== null;
}

/**
 * The kept read, when the 3PL says nothing moved since it was last known good; null when the 3PL
 * must be read in full (nothing kept, another account, too old, something moved, the check failed).
 */
export function baselineStillTrue(adapter: ThreePlAdapter, ports: BaselinePorts): StillTrue | null {
  const moves = adapter.stockMoves;
  const now = ports.clock.now();
  const state = askableState(adapter, ports.store, now);
  if (!moves || !state) return null;
  const parts = ports.staging.parts(SOURCE, state.parts);
  if (parts.length !== state.parts || hash64(parts.join('\n')) !== state.digest) {
    forgetBaseline(ports);
    return null;
  }
  let kept: Kept[];
  try {
    kept = parts.flatMap((p) => JSON.parse(p) as Kept[]);
  } catch {
    forgetBaseline(ports);
    return null;
  }
  const warehouses = centresOf(kept.map((k) => k[1]));
  let moved: string | null;
  try {
    moved = warehouses.length ? moves.since(new Date(state.validAt - MOVES_OVERLAP_MS).toISOString(), warehouses) : 'no fulfilment centre was known';
  } catch (e) {
    // Out of time, or a refused token, is the run's to handle (a full read would be refused alike);
    // any other failure (an unreadable answer, an API version without the call) is answered by reading everything.
    if (e instanceof DeadlineExceeded || (e instanceof AdapterError && (e.code === 'AUTH' || e.code === 'FORBIDDEN'))) throw e;
    return null;
  }
  if (moved) return null;
  ports.store.set(KEY, JSON.stringify({ ...state, validAt: now } satisfies BaselineState));
  const asOf = new Date(now).toISOString();
  return { lines: kept.map((k) => unslim(k, asOf)), at: now, fullAt: state.fullAt };
}
