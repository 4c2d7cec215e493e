// Tracking back to Amazon when the 3PL keeps no "uploaded" flag (3pl-apis.md §6.2 item 8: "emulated
// with a ledger elsewhere"): despatched orders are read with GET /api/Order/List?SinceDespatchDate=
// (DISCOVERY.md), and the ones already confirmed are remembered in document properties. The ledger
// keeps only what lies after a watermark, so it stays far below the 9 KB a property value may hold.

import type { MarkSyncedResult, UnsyncedShipment } from '../types';
import type { MintsoftContext } from './context';
import { msQueryDate } from './http';
import { mapOrder, readOrderPages } from './orders';

export const TRACKING_LEDGER_KEY = 'threepl.mintsoft.tracking';
/** Despatches written a little late, or at the same second as the watermark, are read again. */
const OVERLAP_MS = 10 * 60_000;
/** A shipment nobody confirms (another tool's order) stops holding the watermark back after this. */
const MAX_LAG_MS = 24 * 3600_000;
/**
 * Most confirmations kept: about 14 characters each, so the record stays under Apps Script's 9 KB a
 * property value. Past it the watermark moves on, and a despatch still waiting behind it is no longer
 * offered: the orders job's ORDER_STUCK (confirm timeout) tells a person.
 */
export const MAX_DONE = 450;

interface TrackingLedger {
  /** Despatches at or after this instant (ms) are read. */
  since: number;
  /** Order id (base 36) → despatch time (s) of the shipments confirmed since the watermark. */
  done: Record<string, number>;
}

function load(ctx: MintsoftContext): TrackingLedger {
  try {
    const v = JSON.parse(ctx.store.get(TRACKING_LEDGER_KEY) ?? '') as TrackingLedger;
    if (typeof v.since === 'number' && v.done && typeof v.done === 'object') return v;
  } catch {
    // First run, or a damaged record: start a day back; Amazon's own packages stop a second confirmation.
  }
  return { since: ctx.clock.now() - MAX_LAG_MS, done: {} };
}

/** The despatch times of the last listing, so marking knows where the watermark may move; whether it was read to the end. */
const lastListing = new WeakMap<MintsoftContext, { times: Map<string, number>; complete: boolean }>();

export function listUnsyncedShipments(ctx: MintsoftContext): UnsyncedShipment[] {
  const ledger = load(ctx);
  const got = readOrderPages(ctx, { SinceDespatchDate: msQueryDate(ledger.since - OVERLAP_MS) });
  const out: UnsyncedShipment[] = [];
  const times = new Map<string, number>();
  for (const raw of got.items) {
    const order = mapOrder(ctx, raw);
    for (const s of order.shipments) {
      if (s.trackingNumbers.length === 0 || (s.status !== 'shipped' && s.status !== 'delivered')) continue;
      const at = s.shippedAt ? Date.parse(s.shippedAt) : ctx.clock.now();
      times.set(s.externalId, at);
      if (ledger.done[Number(s.externalId).toString(36)] !== undefined) continue;
      out.push({ order, shipment: { ...s, trackingSynced: false } });
    }
  }
  lastListing.set(ctx, { times, complete: got.complete });
  return out;
}

export function markShipmentsSynced(ctx: MintsoftContext, shipmentIds: string[]): MarkSyncedResult {
  const ledger = load(ctx);
  const now = ctx.clock.now();
  const listing = lastListing.get(ctx) ?? { times: new Map<string, number>(), complete: false };
  const times = listing.times;
  for (const id of shipmentIds) ledger.done[Number(id).toString(36)] = Math.floor((times.get(id) ?? now) / 1000);
  // The watermark moves to the oldest despatch still waiting, or to the newest seen when none waits;
  // after a listing cut short it stays (unread pages may hold older despatches), unless a day behind.
  const waiting = [...times].filter(([id]) => ledger.done[Number(id).toString(36)] === undefined).map(([, t]) => t);
  // reduce, not Math.max(...): a day of despatches spread into arguments can overflow the stack (core/lists.ts).
  const newest = [...times.values()].reduce((m, t) => Math.max(m, t), ledger.since);
  const target = !listing.complete ? ledger.since : waiting.length ? waiting.reduce((m, t) => Math.min(m, t), Number.POSITIVE_INFINITY) : newest;
  ledger.since = Math.max(target, now - MAX_LAG_MS, ledger.since);
  const keepFrom = Math.floor((ledger.since - OVERLAP_MS) / 1000);
  for (const [k, t] of Object.entries(ledger.done)) if (t < keepFrom) delete ledger.done[k];
  const kept = Object.entries(ledger.done).sort((a, b) => a[1] - b[1]);
  if (kept.length > MAX_DONE) {
    const cut = kept[kept.length - MAX_DONE]![1];
    ledger.since = Math.max(ledger.since, cut * 1000 + OVERLAP_MS);
    // By count, not time: many despatches share a second. One dropped at the cut's second may be offered
    // again; the orders job finds its Amazon package and only marks it.
    for (const [k] of kept.slice(0, kept.length - MAX_DONE)) delete ledger.done[k];
  }
  ctx.store.set(TRACKING_LEDGER_KEY, JSON.stringify(ledger));
  return { synced: [...shipmentIds], failed: [] };
}
