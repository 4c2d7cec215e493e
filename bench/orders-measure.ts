// Measures one orders-job execution in the in-process world: Amazon calls by operationId, ShipBob
// calls by purpose (its get-orders serves three: the lookup before a create, the changes since the
// cursor, the tracking poll), spreadsheet calls, URL fetches, virtual time and CPU; and, from the
// simulators, how far the day's orders have got (sent to ShipBob, fully confirmed on Amazon).

import { applyStep } from '../test/world/scenario/runner';
import type { ScenarioRun } from '../test/world/scenario/runner';
import type { ExecutionRecord } from '../test/world/world';
import type { SimRequest, SimResponse } from '../test/world/http';

export interface ShipBobTally {
  /** Answered calls (a 429 is counted apart) by purpose. */
  calls: Record<string, number>;
  /** Orders the get-orders pages carried, by purpose: what the page-size minimum is computed from. */
  items: Record<string, number>;
  rateLimited: number;
}

/** ShipBob's operation (spec 2026-01 operationIds), with get-orders split by what the query asks. */
function purposeOf(req: SimRequest): string {
  const m = /^https?:\/\/[^/]+\/[^/]+(\/[^?]*)(?:\?(.*))?$/.exec(req.url);
  const path = m?.[1] ?? '';
  const query = m?.[2] ?? '';
  if (path === '/order' && req.method === 'GET') {
    if (/(^|&)ReferenceIds=/.test(query)) return 'get-orders (lookup)';
    if (/(^|&)HasTracking=/.test(query)) return 'get-orders (tracking)';
    if (/(^|&)LastUpdateStartDate=/.test(query)) return 'get-orders (changes)';
    return 'get-orders';
  }
  if (path === '/order' && req.method === 'POST') return 'create-order';
  if (/^\/order\/[^/]+:cancel$/.test(path)) return 'cancel-order';
  if (/^\/order\/[^/]+$/.test(path)) return 'get-order';
  if (path === '/shipment:batchUpdateTrackingUpload') return 'mark-tracking-uploaded';
  if (path === '/channel') return 'get-channels';
  return `${req.method} ${path}`;
}

/** Wraps the world's ShipBob routes so every answered call is tallied by purpose. */
export function tallyShipBob(run: ScenarioRun): ShipBobTally {
  const tally: ShipBobTally = { calls: {}, items: {}, rateLimited: 0 };
  const net = run.world.network;
  const original = net.handlerFor.bind(net);
  net.handlerFor = (url: string) => {
    const h = original(url);
    if (!h || !/shipbob\.com/i.test(url)) return h;
    return (req: SimRequest): SimResponse => {
      const res = h(req);
      if ('timeout' in res) return res;
      if (res.status === 429) {
        tally.rateLimited++;
        return res;
      }
      const p = purposeOf(req);
      tally.calls[p] = (tally.calls[p] ?? 0) + 1;
      if (p.startsWith('get-orders') && res.status === 200 && typeof res.body === 'string') {
        try {
          const body = JSON.parse(res.body) as unknown;
          if (Array.isArray(body)) tally.items[p] = (tally.items[p] ?? 0) + body.length;
        } catch {
          // An unreadable page carries no orders to count.
        }
      }
      return res;
    };
  };
  return tally;
}

export interface Execution {
  record: ExecutionRecord;
  /** The job's RunSummary fields the bench reads. */
  job: { outcome: string; counts: Record<string, number>; message: string } | null;
  error?: string;
  amazon: Record<string, number>;
  amazon429: number;
  lwa: number;
  shipbob: Record<string, number>;
  shipbobItems: Record<string, number>;
  shipbob429: number;
  fetches: number;
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  return out;
}

/** One `syncNow("orders")` execution started as the schedule starts it (a time trigger: no UI). */
export function runOrdersOnce(run: ScenarioRun, tally: ShipBobTally, step: number): Execution {
  const amazonBefore = run.amazon.calls.length;
  const sbBefore = { ...tally.calls };
  const itemsBefore = { ...tally.items };
  const rlBefore = tally.rateLimited;
  applyStep(run, { run: 'syncNow', args: ['orders'], as: 'time-trigger' }, step);
  const result = run.results[run.results.length - 1]!;
  const rec = result.record;
  const amazon: Record<string, number> = {};
  let amazon429 = 0;
  for (const c of run.amazon.calls.slice(amazonBefore)) {
    if (c.status === 429) amazon429++;
    else amazon[c.operation] = (amazon[c.operation] ?? 0) + 1;
  }
  const lwa = rec.fetches['api.amazon.com'] ?? 0;
  const summary = (Array.isArray(result.value) ? result.value[0] : undefined) as Execution['job'] | undefined;
  return {
    record: rec,
    job: summary ?? null,
    ...(result.error ? { error: result.error } : {}),
    amazon,
    amazon429,
    lwa,
    shipbob: diff(tally.calls, sbBefore),
    shipbobItems: diff(tally.items, itemsBefore),
    shipbob429: tally.rateLimited - rlBefore,
    fetches: Object.values(rec.fetches).reduce((a, b) => a + b, 0),
  };
}

export interface Progress {
  /** Orders placed on Amazon so far (merchant, not cancelled). */
  placed: number;
  /** Of those, at ShipBob. */
  sent: number;
  /** Of those, every unit confirmed on Amazon (SHIPPED). */
  confirmed: number;
  /** Per order id: when ShipBob got it and when Amazon's last package for it was confirmed (ms). */
  sentAt: Map<string, number>;
  confirmedAt: Map<string, number>;
}

export function progress(run: ScenarioRun): Progress {
  const sentAt = new Map<string, number>();
  for (const o of run.threePl.state.orders) if (!sentAt.has(o.referenceId)) sentAt.set(o.referenceId, o.createdAt);
  const confirmedAt = new Map<string, number>();
  let placed = 0;
  let sent = 0;
  for (const o of run.amazon.state.orders.values()) {
    if (o.fulfilledBy !== 'MERCHANT' || o.status === 'CANCELLED') continue;
    placed++;
    if (sentAt.has(o.orderId)) sent++;
    if (o.status === 'SHIPPED' && o.packages.length) confirmedAt.set(o.orderId, Math.max(...o.packages.map((p) => p.created)));
  }
  return { placed, sent, confirmed: confirmedAt.size, sentAt, confirmedAt };
}
