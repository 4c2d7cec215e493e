// A backlog: N unshipped merchant orders already waiting when the add-on starts (its first day, or
// after a long outage). The orders job runs every 5 minutes — the shortest "Sync every (minutes)",
// and back to back when a run takes longer — until every order is confirmed, the sends or the
// confirmations stop moving, or a virtual day has passed; the times are set next to the floor the
// rate limits allow (orders-floors.ts backlogFloor).

import { backlogWorld, SHIP_AFTER_MS } from './orders-world';
import { backlogFloor } from './orders-floors';
import type { BacklogFloor } from './orders-floors';
import { measuredRun, startDriver } from './orders-run';
import type { OrdersRun } from './orders-run';

const EVERY_MS = 5 * 60_000;
const GIVE_UP_MS = 24 * 3600_000;
/** Runs without one more order sent or read (while some wait) before the bench calls the sends stalled. */
const SEND_STALL_RUNS = 12;
/** Runs without one more confirmation while orders are at ShipBob: longer than the warehouse's two hours. */
const CONFIRM_STALL_RUNS = 36;

export interface BacklogReport {
  n: number;
  runs: OrdersRun[];
  /** Virtual seconds from the first run's start until the last order reached ShipBob / was confirmed; null if it did not. */
  allSentS: number | null;
  allConfirmedS: number | null;
  /** Why the bench stopped: cleared, stalled (sends or confirmations), or the day ran out. */
  ended: 'cleared' | 'sends stalled' | 'confirmations stalled' | 'day over';
  final: { placed: number; sent: number; confirmed: number };
  floor: BacklogFloor;
  triggerMin: number;
  fetches: number;
  realMs: number;
}

export function runBacklog(n: number, log: (line: string) => void = () => {}): BacklogReport {
  const started = Date.now();
  const world = backlogWorld(n);
  const d = startDriver(world.scenario);
  const { clock } = d.run.world;
  const t0 = clock.now();
  let ended: BacklogReport['ended'] = 'day over';
  let sentStill = 0;
  let confirmedStill = 0;
  for (let k = 0; clock.now() - t0 < GIVE_UP_MS; k++) {
    const at = t0 + k * EVERY_MS;
    if (at > clock.now()) clock.advanceTo(at);
    const before = d.last;
    const r = measuredRun(d);
    log(`  backlog ${n} run ${r.run} +${((Date.parse(r.at) - t0) / 60_000).toFixed(0)} min: ${r.execution}/${r.job} · ${r.fetches} fetches · ${r.virtualS.toFixed(1)} s · sent ${r.progress.sent}/${r.progress.placed}, confirmed ${r.progress.confirmed}`);
    if (r.progress.confirmed === r.progress.placed) {
      ended = 'cleared';
      break;
    }
    // Reading more of Amazon's orders into the ledger is progress too (a large backlog takes hours to read).
    const moved = r.progress.sent > before.sent || (r.counts['added'] ?? 0) > 0;
    sentStill = !moved && r.progress.sent < r.progress.placed ? sentStill + 1 : 0;
    // Only orders already at ShipBob can be confirmed: before any is, nothing is stalled here.
    confirmedStill = r.progress.confirmed === before.confirmed && r.progress.sent > r.progress.confirmed ? confirmedStill + 1 : 0;
    if (sentStill >= SEND_STALL_RUNS) {
      ended = 'sends stalled';
      break;
    }
    if (confirmedStill >= CONFIRM_STALL_RUNS) {
      ended = 'confirmations stalled';
      break;
    }
  }
  const p = d.last;
  const lastOf = (m: Map<string, number>) => Math.max(...m.values());
  return {
    n,
    runs: d.runs,
    allSentS: p.sent === p.placed && p.placed > 0 ? (lastOf(p.sentAt) - t0) / 1000 : null,
    allConfirmedS: p.confirmed === p.placed && p.placed > 0 ? (lastOf(p.confirmedAt) - t0) / 1000 : null,
    ended,
    final: { placed: p.placed, sent: p.sent, confirmed: p.confirmed },
    floor: backlogFloor(n, SHIP_AFTER_MS),
    triggerMin: d.runs.reduce((s, r) => s + r.virtualS * 1000 + r.cpuMs, 0) / 60_000,
    fetches: d.runs.reduce((s, r) => s + r.fetches, 0),
    realMs: Date.now() - started,
  };
}
