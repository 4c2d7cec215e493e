// Amazon's FBA shipments for the FBA Shipments tab (docs/design.md §3 "FBA replenishment";
// sp-api.md §7): inbound plans changed since the last run from Fulfillment Inbound v2024-03-20
// (newest first, so the walk stops at the first plan already seen), then v0 getShipments by
// last-updated range for shipments made in Seller Central's old workflow and for status changes,
// then v0 items (QuantityReceived) of the shipments the 3PL sent that Amazon is checking in.
// Each watermark moves only after its walk completed, so a cut run reads the same changes again.

import type { SpApiClient } from '../../amazon/client';
import type { InboundShipment } from '../../amazon/schemas/inbound';
import type { AmazonShipmentView, FbaItem, FbaRow } from '../../core/fba-shipments/types';
import { AMAZON_ARRIVED, AMAZON_SENDABLE } from '../../core/fba-shipments/types';
import type { KeyValueStore } from '../../ports/store';
import type { Address } from '../../threepl/types';

export const FBA_KEYS = {
  /** ISO lastUpdatedAt of the newest inbound plan read completely. */
  plansSeenUntil: 'fbaShipments.plansSeenUntil',
  /** ISO instant up to which v0 getShipments (DATE_RANGE) was read completely. */
  v0SeenUntil: 'fbaShipments.v0SeenUntil',
  /** A walk of the plans cut by the time limit (PlansPass): the next run skips what it read. */
  plansPass: 'fbaShipments.plansPass',
} as const;

/**
 * The part of a cut walk already read: plans last updated in [doneTo, top] (those at doneTo by id),
 * newest first, for the walk that reads plans newer than `after`. Without it a catalogue of plans
 * that takes longer than one run to read starts again from the newest every run, and never ends.
 */
interface PlansPass {
  after: number;
  top: number;
  doneTo: number;
  doneIds: string[];
}

function readPass(store: KeyValueStore): PlansPass | null {
  try {
    const v = JSON.parse(store.get(FBA_KEYS.plansPass) ?? 'null') as PlansPass | null;
    return v && typeof v.after === 'number' && typeof v.top === 'number' && typeof v.doneTo === 'number' && Array.isArray(v.doneIds) ? v : null;
  } catch {
    return null;
  }
}

/** How far back a first run looks: a shipment older than this is done with. */
const LOOKBACK_MS = 90 * 86_400_000;
/** v0 may show an update a little after it happened: each range overlaps the last by this. */
const OVERLAP_MS = 10 * 60_000;
/** listInboundPlans allows 1–30 (fulfillmentInbound_2024-03-20.json pageSize). */
const PLAN_PAGE = 30;

export interface Located {
  plan: string;
  apiShipmentId: string;
  address?: Address;
}

export interface AmazonRead {
  views: AmazonShipmentView[];
  /** Shipments read from v2024 this run: where to find them again, and their destination address. */
  located: Map<string, Located>;
}

export function sumItems(list: ReadonlyArray<{ sku: string; quantity: number }>): FbaItem[] {
  const m = new Map<string, number>();
  for (const l of list) m.set(l.sku, (m.get(l.sku) ?? 0) + l.quantity);
  return [...m.entries()].map(([sku, quantity]) => ({ sku, quantity }));
}

/** v2024 Address → the 3PL's ship-to (the FC's own name and address, as Amazon gives it). */
export function addressOf(s: InboundShipment): Address | undefined {
  const a = s.destination.address;
  if (!a) return undefined;
  return { name: a.name, line1: a.addressLine1, line2: a.addressLine2, city: a.city, region: a.stateOrProvinceCode, postcode: a.postalCode, countryIso2: a.countryCode };
}

export function allShipmentItems(amazon: SpApiClient, plan: string, apiShipmentId: string): FbaItem[] {
  const out: Array<{ sku: string; quantity: number }> = [];
  let token: string | undefined;
  do {
    const page = amazon.listShipmentItems(plan, apiShipmentId, { pageSize: 1000, paginationToken: token });
    out.push(...page.items.map((i) => ({ sku: i.msku, quantity: i.quantity })));
    token = page.nextToken;
  } while (token);
  return sumItems(out);
}

/** One v2024 shipment: its view, and where to find it. Null when Amazon has not confirmed it (no FBA id yet). */
export function readV2024Shipment(amazon: SpApiClient, plan: string, apiShipmentId: string, rowOf: (id: string) => FbaRow | undefined, withItems = true): { view: AmazonShipmentView; located: Located } | null {
  const s = amazon.getInboundShipment(plan, apiShipmentId);
  const id = s.shipmentConfirmationId;
  if (!id) return null;
  const known = rowOf(id);
  const status = (s.status ?? '').toUpperCase();
  // Items change only while the shipment is being prepared; after that the row's are kept.
  const items = withItems && (!known || !known.items.length || AMAZON_SENDABLE.has(status)) ? allShipmentItems(amazon, plan, apiShipmentId) : undefined;
  return { view: { shipmentId: id, plan, destination: s.destination.warehouseId ?? '', status, items }, located: { plan, apiShipmentId, address: addressOf(s) } };
}

function readPlans(amazon: SpApiClient, store: KeyValueStore, now: number, rows: ReadonlyMap<string, FbaRow>, out: AmazonRead): void {
  const seen = Date.parse(store.get(FBA_KEYS.plansSeenUntil) ?? '');
  // Strictly newer than the newest plan already read: a plan's items are fixed once confirmed, and
  // status changes of shipments already listed come from v0 (readV0) whatever this walk skips.
  const saved = readPass(store);
  // A first walk cut part-way carries on from its own start, not from a lookback moved by the clock.
  const after = Number.isFinite(seen) ? seen : saved?.after ?? now - LOOKBACK_MS;
  let newest = Number.isFinite(seen) ? seen : 0;
  const plans = new Set([...rows.values()].map((r) => r.plan).filter(Boolean));
  const pass = saved && saved.after === after ? saved : null;
  // What this walk has read without a gap, newest first (plans newer than a cut walk's top are read
  // again by the next run if this one is cut too: re-reading a plan changes nothing).
  let top = pass?.top ?? null;
  let doneTo = pass?.doneTo ?? null;
  let doneIds = new Set(pass?.doneIds ?? []);
  const done = (id: string, updated: number) => {
    if (pass && updated > pass.top) return;
    if (top === null) top = updated;
    if (doneTo === null || updated < doneTo) {
      doneTo = updated;
      doneIds = new Set();
    }
    doneIds.add(id);
  };
  let token: string | undefined;
  let complete = false;
  try {
    walk: do {
      const page = amazon.listInboundPlans({ pageSize: PLAN_PAGE, paginationToken: token, sortBy: 'LAST_UPDATED_TIME', sortOrder: 'DESC' });
      for (const p of page.plans) {
        const updated = Date.parse(p.lastUpdatedAt);
        if (updated <= after) break walk;
        newest = Math.max(newest, updated);
        if (pass && updated <= pass.top && (updated > pass.doneTo || (updated === pass.doneTo && pass.doneIds.includes(p.inboundPlanId)))) continue;
        // A plan past ACTIVE gains no shipments: the ones the tab holds were all read when it was, and
        // their status changes come from v0 below.
        if (!(p.status !== 'ACTIVE' && plans.has(p.inboundPlanId))) {
          const plan = amazon.getInboundPlan(p.inboundPlanId);
          for (const sh of plan.shipments ?? []) {
            const read = readV2024Shipment(amazon, p.inboundPlanId, sh.shipmentId, (id) => rows.get(id));
            if (!read) continue;
            out.views.push(read.view);
            out.located.set(read.view.shipmentId, read.located);
          }
        }
        done(p.inboundPlanId, updated);
      }
      token = page.nextToken;
    } while (token);
    complete = true;
  } finally {
    if (complete) {
      if (newest) store.set(FBA_KEYS.plansSeenUntil, new Date(newest).toISOString());
      if (pass) store.delete(FBA_KEYS.plansPass);
    } else if (top !== null && doneTo !== null) {
      store.set(FBA_KEYS.plansPass, JSON.stringify({ after, top, doneTo, doneIds: [...doneIds] } satisfies PlansPass));
    }
  }
}

/** Old-workflow shipments (no v2024 plan) and status changes of every shipment, by v0's last-updated range. */
function readV0(amazon: SpApiClient, store: KeyValueStore, now: number, rows: ReadonlyMap<string, FbaRow>, out: AmazonRead): void {
  const seen = Date.parse(store.get(FBA_KEYS.v0SeenUntil) ?? '');
  const after = Number.isFinite(seen) ? seen - OVERLAP_MS : now - LOOKBACK_MS;
  const fromV2024 = new Set(out.views.map((v) => v.shipmentId));
  let page = amazon.getShipmentsV0({ lastUpdatedAfter: new Date(after).toISOString(), lastUpdatedBefore: new Date(now).toISOString() });
  for (;;) {
    for (const s of page.shipments) {
      const id = s.ShipmentId;
      if (!id || fromV2024.has(id)) continue;
      const known = rows.get(id);
      const status = (s.ShipmentStatus ?? '').toUpperCase();
      if (known?.plan) {
        // A v2024 shipment: v0 has no READY_TO_SHIP and shows it as WORKING, which is no news.
        if (status && status !== 'WORKING') out.views.push({ shipmentId: id, plan: known.plan, destination: '', status });
        continue;
      }
      const view: AmazonShipmentView = { shipmentId: id, plan: '', destination: s.DestinationFulfillmentCenterId ?? '', status };
      if (!known || !known.items.length || AMAZON_SENDABLE.has(status)) {
        const items = amazon.getShipmentItemsV0(id);
        view.items = sumItems(items.map((i) => ({ sku: i.SellerSKU, quantity: i.QuantityShipped })));
        const received = sumItems(items.map((i) => ({ sku: i.SellerSKU, quantity: i.QuantityReceived ?? 0 })));
        // Nothing received yet reads as an empty cell, not "× 0" lines.
        if (received.some((i) => i.quantity > 0)) view.received = received;
      }
      out.views.push(view);
    }
    if (!page.nextToken) break;
    page = amazon.getShipmentsV0({ nextToken: page.nextToken });
  }
  store.set(FBA_KEYS.v0SeenUntil, new Date(now).toISOString());
}

/**
 * Shipped-vs-received: v0 items carry QuantityReceived for shipments of both workflows (v2024
 * listShipmentItems has only the quantity sent). Read for the shipments the 3PL sent while Amazon
 * checks them in, until the row is closed.
 */
export function readReceived(amazon: SpApiClient, rows: ReadonlyArray<FbaRow>): AmazonShipmentView[] {
  const out: AmazonShipmentView[] = [];
  for (const r of rows) {
    if (!r.threePlOrderId || !AMAZON_ARRIVED.has(r.amazonStatus) || (r.state !== 'shipped' && r.state !== 'receiving')) continue;
    const items = amazon.getShipmentItemsV0(r.shipmentId);
    out.push({ shipmentId: r.shipmentId, plan: r.plan, destination: '', status: r.amazonStatus, received: sumItems(items.map((i) => ({ sku: i.SellerSKU, quantity: i.QuantityReceived ?? 0 }))) });
  }
  return out;
}

/** Fills `out` as it goes, so what was read before a cut (DeadlineExceeded) is still merged. */
export function readAmazonShipments(amazon: SpApiClient, store: KeyValueStore, now: number, rows: ReadonlyArray<FbaRow>, out: AmazonRead): void {
  const byId = new Map(rows.map((r) => [r.shipmentId, r] as const));
  readPlans(amazon, store, now, byId, out);
  readV0(amazon, store, now, byId, out);
}
