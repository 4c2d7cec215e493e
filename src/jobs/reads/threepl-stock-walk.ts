// The 3PL's stock read a page at a time, so a catalogue whose read takes longer than one execution
// still converges: pages read this run stay in memory and go to the hidden Sync Staging tab only
// when the run has to stop (its own time limit, an error); the cursor is kept in document
// properties. A catalogue that fits one run writes nothing to the sheet for its read. No periodic
// checkpoint: the walk stops itself WALK_STOP_MS before the job's budget, which ends well before
// Apps Script's 6 minutes, so a hard stop does not fall inside a walk (a checkpoint every two minutes
// staged 2,237 cells on every quiet run at 100,000 SKUs, issue 13).
//
// Orders sent to the 3PL while a walk spans executions are not in the pages read before they were
// sent: what the caller knows of unsent orders when the walk began is staged with it (`atStart`),
// so the stock sync can keep counting them (docs/design.md §3 "Inventory": never offer a unit twice).

import type { ClockPort, Deadline } from '../../ports/clock';
import { DeadlineExceeded } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/store';
import type { StagingTab } from '../../sheet/staging-tab';
import type { StockPages } from '../../threepl/types';
import { AdapterError } from '../../threepl/types';

const STATE_KEY = 'inventory.stockWalk';
const SOURCE = '3pl-stock';
const ORDERS_SOURCE = '3pl-stock-orders';
/** Stop reading with this much of the run left: staging the pages, computing and writing need it. */
export const WALK_STOP_MS = 75_000;
/** Answers to a kept cursor that mean the 3PL will not take it again. */
const CURSOR_REFUSED = new Set(['VALIDATION', 'NOT_FOUND', 'PRECONDITION']);

interface WalkState {
  startedAt: number;
  cursor: string;
  /** Parts staged so far. */
  parts: number;
  pages: number;
  items: number;
}

export interface StockWalkDone {
  done: true;
  lines: ReturnType<StockPages['assemble']>;
  /** When the first page was read: the snapshot is as old as that. */
  startedAt: number;
  /** What `atStart` gave when a walk over several executions began; null for a one-run read. */
  atStart: string | null;
  pages: number;
}

export interface StockWalkCut {
  done: false;
  message: string;
}

function load(store: KeyValueStore): WalkState | null {
  const raw = store.get(STATE_KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as WalkState;
    return typeof s.cursor === 'string' && Number.isInteger(s.parts) ? s : null;
  } catch {
    return null;
  }
}

/** True while a walk begun in an earlier run has pages still to read. */
export function walkUnderway(store: KeyValueStore): boolean {
  return load(store) !== null;
}

export interface WalkPorts {
  store: KeyValueStore;
  staging: StagingTab;
  clock: ClockPort;
  deadline: Deadline;
}

/**
 * Walks the 3PL's stock pages from where the last run stopped. `maxAgeMs`: a walk begun longer ago
 * than this would give a snapshot too old to push from, so it starts again. `atStart`: the caller's
 * note of the orders unsent right now, staged with a walk that has to continue next run.
 */
export function walkStock(pages: StockPages, ports: WalkPorts, maxAgeMs: number, atStart: () => string): StockWalkDone | StockWalkCut {
  const { store, staging, clock, deadline } = ports;
  let state = load(store);
  if (state && clock.now() - state.startedAt > maxAgeMs) {
    staging.clear(SOURCE);
    staging.clear(ORDERS_SOURCE);
    store.delete(STATE_KEY);
    state = null;
  }
  const startedAt = state?.startedAt ?? clock.now();
  let cursor: string | null = state?.cursor ?? null;
  let staged = state?.parts ?? 0;
  let pageCount = state?.pages ?? 0;
  let items = state?.items ?? 0;
  let fresh: string[] = [];

  const checkpoint = (next: string) => {
    // A walk staged for the first time also stages the orders unsent as it began.
    if (staged === 0) staging.put(ORDERS_SOURCE, 0, [atStart()]);
    if (fresh.length) staging.put(SOURCE, staged, fresh);
    staged += fresh.length;
    fresh = [];
    const s: WalkState = { startedAt, cursor: next, parts: staged, pages: pageCount, items };
    store.set(STATE_KEY, JSON.stringify(s));
  };
  const cut = (next: string, why: string): StockWalkCut => {
    checkpoint(next);
    return { done: false, message: `${why} The 3PL's stock was read in part (${pageCount} pages, ${items} items so far); the next run carries on from there.` };
  };

  for (let first = state === null; first || cursor !== null; first = false) {
    if (!first && deadline.remainingMs() < WALK_STOP_MS) return cut(cursor!, 'Out of time for this run.');
    let page: ReturnType<StockPages['next']>;
    try {
      page = pages.next(cursor);
    } catch (e) {
      if (e instanceof DeadlineExceeded && cursor !== null) return cut(cursor, 'Out of time for this run.');
      // A cursor kept from an earlier run that the 3PL no longer takes: the walk starts again next run.
      if (e instanceof AdapterError && CURSOR_REFUSED.has(e.code) && state !== null) forget(ports);
      else if (cursor !== null) checkpoint(cursor);
      throw e;
    }
    fresh.push(page.chunk);
    pageCount++;
    items += page.items;
    cursor = page.cursor;
  }
  const all = staged > 0 ? [...staging.parts(SOURCE, staged), ...fresh] : fresh;
  const orders = staged > 0 ? staging.parts(ORDERS_SOURCE, 1) : [];
  if (all.length !== staged + fresh.length || (staged > 0 && orders.length === 0)) {
    // Staged pages went missing (the hidden tab was edited or deleted): never compute from a part of the catalogue.
    forget(ports);
    return { done: false, message: "The 3PL stock pages kept from earlier runs are incomplete (the hidden Sync Staging tab was changed); the read starts again on the next run." };
  }
  const lines = pages.assemble(all);
  if (state !== null || staged > 0) forget(ports);
  return { done: true, lines, startedAt, atStart: orders[0] ?? null, pages: pageCount };
}

function forget(ports: WalkPorts): void {
  ports.staging.clear(SOURCE);
  ports.staging.clear(ORDERS_SOURCE);
  ports.store.delete(STATE_KEY);
}
