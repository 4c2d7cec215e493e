// Rate-limit floors shared by the orders bench: the virtual time a list of calls needs under the
// documented rate limits (sp-api.md §10.1 token buckets; 3pl-apis.md §2.7 ShipBob 150 requests a
// minute, sliding window) at the simulators' latencies. The stock sync's world-derived minimum is
// stock-floors.ts.

import { RATE_LIMITS } from '../src/amazon/rate-limits';
import { SHIPBOB_RATE_LIMIT_PER_MIN } from '../src/threepl/shipbob/adapter';

/** LWA access tokens live one hour (sp-api.md §1.1). */
export const LWA_TOKEN_MS = 3600_000;
/** Simulated latency per call (docs/amazon-simulator.md, docs/shipbob-simulator.md defaults). */
export const LATENCY_S = { amazon: 0.3, shipbob: 0.25 } as const;

export type System = 'amazon' | 'shipbob';

/** One operation's calls in a run, in the order the run makes them. */
export interface OpCalls {
  system: System;
  operation: string;
  calls: number;
}

export function total(ops: ReadonlyArray<OpCalls>, system: System): number {
  return ops.filter((o) => o.system === system).reduce((s, o) => s + o.calls, 0);
}

/** Seconds a burst-then-rate token bucket (full at the start) needs before the last of `calls` may start. */
function bucketWaitS(calls: number, rate: number, burst: number): number {
  return calls > burst ? (calls - burst) / rate : 0;
}

/** Seconds a sliding window of `limit` per `windowS` needs before the last of `calls` may start. */
function windowWaitS(calls: number, limit: number, windowS: number): number {
  return calls > limit ? Math.floor((calls - 1) / limit) * windowS : 0;
}

export interface Floors {
  /**
   * The rate-limit floor: calls beyond each bucket's burst at its documented rate, every bucket
   * refilling at once (a client with perfect parallelism). Max over Amazon's per-operation buckets
   * and ShipBob's one account-wide window.
   */
  rateS: number;
  /** The bucket that sets rateS. */
  bindingLimit: string;
  /**
   * A synchronous client (UrlFetchApp.fetch) at the simulator's latency: each operation's calls
   * one after another, waiting for a token when the bucket is empty, operations in sequence.
   */
  sequentialS: number;
}

export function floors(ops: ReadonlyArray<OpCalls>): Floors {
  let rateS = 0;
  let bindingLimit = 'none';
  let sequentialS = 0;
  const shipbobCalls = total(ops, 'shipbob');
  const sb = windowWaitS(shipbobCalls, SHIPBOB_RATE_LIMIT_PER_MIN, 60);
  if (sb > rateS) {
    rateS = sb;
    bindingLimit = `ShipBob ${SHIPBOB_RATE_LIMIT_PER_MIN}/min`;
  }
  for (const op of ops) {
    const limit = RATE_LIMITS[op.operation];
    const latency = LATENCY_S[op.system];
    if (!limit) {
      // LWA, S3 and ShipBob calls: only latency here (ShipBob's window is accounted for above).
      sequentialS += op.calls * latency;
      continue;
    }
    const wait = bucketWaitS(op.calls, limit.rate, limit.burst);
    if (wait > rateS) {
      rateS = wait;
      bindingLimit = `${op.operation} ${limit.rate}/s burst ${limit.burst}`;
    }
    // Call k starts when the previous one has answered and a token is there.
    let t = 0;
    for (let k = 0; k < op.calls; k++) {
      const token = k >= limit.burst ? (k - limit.burst + 1) / limit.rate : 0;
      t = Math.max(t, token) + latency;
    }
    sequentialS += t;
  }
  // ShipBob's window only binds past 150 calls a minute; add what it costs beyond the latency.
  sequentialS += Math.max(0, sb - shipbobCalls * LATENCY_S.shipbob);
  return { rateS, bindingLimit, sequentialS };
}
