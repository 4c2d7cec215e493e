// The orders flow's end-state invariants after a chaos seed (docs/chaos.md), read from the
// simulators' own state and the Orders tab, independently of the add-on's code: every shippable
// merchant order at the 3PL (ShipBob or Mintsoft) exactly once (and nothing else there), every tracked
// shipment confirmed to Amazon exactly once and no longer listed by the 3PL, no order lost, cancellations carried
// over, the ledger agreeing with both systems, and no buyer data in any tab.

import { packageReference } from '../../src/core/orders/confirm-items';
import type { ChaosOutcome } from './chaos-run';

export const CATEGORIES = [
  'duplicates',
  'wrongSends',
  'doubleConfirmations',
  'unconfirmed',
  'lostOrders',
  'cancelLeaks',
  'ledgerMismatches',
  'piiLeaks',
  'overlapViolations',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Violation {
  category: Category;
  orderId?: string;
  message: string;
}

export interface InvariantReport {
  counts: Record<Category, number>;
  violations: Violation[];
}

const AMAZON_LAG_MS = 3 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const FINAL_STATES = new Set(['confirmed', 'cancelled', 'cancel-too-late']);

type LedgerRow = Record<string, string>;

function ledgerRows(o: ChaosOutcome): LedgerRow[] {
  const ex = o.run.gas.spreadsheet.exportSheet('Orders');
  if (!ex) return [];
  const header = (ex.values[0] ?? []).map((h) => String(h));
  return ex.values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === null || r[i] === undefined ? '' : String(r[i])])));
}

export function checkInvariants(o: ChaosOutcome): InvariantReport {
  // The simulators move on lazily (shipping, feeds): bring them to now before reading their state.
  o.run.amazon.snapshot();
  const sbOrders = o.threePl.orders();
  const tp = o.threePl.name;
  const violations: Violation[] = [];
  const add = (category: Category, message: string, orderId?: string) => violations.push({ category, message, ...(orderId ? { orderId } : {}) });
  const amazon = o.run.amazon.state.orders;
  const byRef = new Map<string, typeof sbOrders>();
  for (const s of sbOrders) byRef.set(s.reference, [...(byRef.get(s.reference) ?? []), s]);
  const rows = ledgerRows(o);
  const rowsById = new Map<string, LedgerRow[]>();
  for (const r of rows) rowsById.set(r['Amazon Order ID']!, [...(rowsById.get(r['Amazon Order ID']!) ?? []), r]);

  // The 3PL holds nothing but the plan's merchant orders, each once.
  for (const [ref, list] of byRef) {
    const h = o.history.get(ref);
    if (!h) add('wrongSends', `${tp} holds order(s) ${list.map((s) => s.id).join(', ')} with reference ${ref}, which is no Amazon order of this world`, ref);
    else if (h.order.fulfilledBy !== 'MERCHANT') add('wrongSends', `FBA order ${ref} was sent to ${tp} (order ${list[0]!.id})`, ref);
    if (list.length > 1) add('duplicates', `${ref} exists ${list.length} times at ${tp} (orders ${list.map((s) => s.id).join(', ')})`, ref);
  }

  for (const [id, h] of o.history) {
    if (!h.arrived) continue;
    const a = amazon.get(id)!;
    const sb = byRef.get(id) ?? [];
    const first = sb[0];
    const ledger = rowsById.get(id) ?? [];
    const row = ledger[0];
    if (ledger.length > 1) add('ledgerMismatches', `${id} has ${ledger.length} rows in the Orders tab`, id);
    if (h.order.fulfilledBy !== 'MERCHANT') {
      if (row) add('ledgerMismatches', `FBA order ${id} is in the Orders ledger`, id);
      continue;
    }
    const cancelled = a.status === 'CANCELLED';
    const shipments = first ? first.shipments : [];
    const shipped = shipments.filter((s) => s.shipped);

    if (!cancelled) {
      if (!h.everShippable) {
        if (first) add('wrongSends', `${id} is still ${a.status} on Amazon (never paid) but is at ${tp} (order ${first.id})`, id);
        if (!row) add('lostOrders', `${id} (${a.status}) is not in the Orders ledger`, id);
        else if (row['State'] !== 'pending') add('ledgerMismatches', `${id} is ${a.status} on Amazon but its ledger State is "${row['State']}"`, id);
        continue;
      }
      if (!first) add('lostOrders', `${id} became shippable and was never cancelled, but ${tp} never got it (ledger: ${row ? `${row['State']} — ${row['Note']}` : 'no row'})`, id);
      else if (first.cancelled) add('lostOrders', `${id} is live on Amazon (${a.status}) but its ${tp} order ${first.id} is cancelled`, id);
      if (!row) {
        add('lostOrders', `${id} (${a.status} on Amazon) is not in the Orders ledger`, id);
        continue;
      }
    } else {
      if (first) {
        if (shipped.length > 0) {
          if (row?.['State'] !== 'cancel-too-late') add('ledgerMismatches', `${id} was cancelled on Amazon after ${tp} shipped ${shipped.length} shipment(s), but its ledger State is "${row?.['State'] ?? 'no row'}"`, id);
        } else {
          if (!first.cancelled) add('cancelLeaks', `${id} was cancelled on Amazon${h.atThreePlWhenCancelled ? ` while at ${tp}` : ''}, but ${tp} order ${first.id} is still ${first.status}`, id);
          if (row?.['State'] !== 'cancelled') add('ledgerMismatches', `${id} is cancelled on Amazon and at ${tp}, but its ledger State is "${row?.['State'] ?? 'no row'}"`, id);
        }
        // Amazon answers searchOrders up to two minutes before the call (docs/amazon-simulator.md).
        const carried = h.cancelledAt === null ? undefined : o.cleanRuns.find((r) => r.start >= h.cancelledAt! + AMAZON_LAG_MS);
        for (const s of shipments) {
          if (!carried || !s.shippedAt || s.shippedAt <= carried.end) continue;
          add('cancelLeaks', `${id} was cancelled on Amazon at ${iso(h.cancelledAt!)}; an undisturbed orders run (${iso(carried.start)}–${iso(carried.end)}) followed, yet ${tp} shipment ${s.id} shipped later, at ${iso(s.shippedAt)} (ledger: ${row?.['State'] ?? 'no row'} — ${row?.['Note'] ?? ''})`, id);
        }
      } else if (row && row['State'] !== 'cancelled') {
        add('ledgerMismatches', `${id} was cancelled on Amazon and never reached ${tp}, but its ledger State is "${row['State']}"`, id);
      }
      if (!row && first) add('lostOrders', `${id} reached ${tp} (order ${first.id}) but is not in the Orders ledger`, id);
    }

    // Every tracked shipment of a live order: one Amazon package, and the 3PL no longer lists it.
    for (const s of shipments) {
      if (!s.trackingNumber) continue;
      const ref = packageReference(String(s.id));
      const pkgs = a.packages.filter((p) => String(p.packageReferenceId) === ref || p.trackingNumber === s.trackingNumber);
      if (pkgs.length > 1) add('doubleConfirmations', `shipment ${s.id} of ${id} is confirmed ${pkgs.length} times on Amazon (packages ${pkgs.map((p) => p.packageReferenceId).join(', ')})`, id);
      if (cancelled) continue;
      if (pkgs.length === 0) add('unconfirmed', `shipment ${s.id} of ${id} (tracking ${s.trackingNumber}) was never confirmed to Amazon (ledger: ${row?.['State'] ?? 'no row'} — ${row?.['Note'] ?? ''})`, id);
      if (!s.uploaded) add('unconfirmed', `shipment ${s.id} of ${id} is still listed for confirmation by ${tp} (ShipBob: not flagged tracking-uploaded; Mintsoft: not in the tracking ledger)`, id);
    }
    // Every Amazon package stands for one 3PL shipment of this order with the same tracking.
    for (const p of a.packages) {
      const s = shipments.find((x) => packageReference(String(x.id)) === String(p.packageReferenceId));
      if (!s) add('doubleConfirmations', `Amazon package ${p.packageReferenceId} of ${id} matches no ${tp} shipment`, id);
      else if (s.trackingNumber !== p.trackingNumber) add('doubleConfirmations', `Amazon package ${p.packageReferenceId} of ${id} carries tracking ${p.trackingNumber}, ${tp} shipment ${s.id} ${s.trackingNumber ?? 'none'}`, id);
    }

    if (!row) continue;
    const state = row['State']!;
    if (first && row['3PL Order ID'] !== String(first.id)) add('ledgerMismatches', `${id}: ledger 3PL Order ID "${row['3PL Order ID']}", ${tp}'s order is ${first.id}`, id);
    if (!first && ['sent', 'shipped', 'confirmed', 'cancel-too-late'].includes(state)) add('ledgerMismatches', `${id}: ledger State "${state}" but ${tp} has no such order`, id);
    if (a.status === 'SHIPPED' && state !== 'confirmed') add('ledgerMismatches', `${id} is SHIPPED on Amazon but its ledger State is "${state}"`, id);
    if (state === 'confirmed' && a.status !== 'SHIPPED') add('ledgerMismatches', `${id}: ledger says confirmed, Amazon says ${a.status}`, id);
    if (o.stats.settled && !cancelled && !FINAL_STATES.has(state)) add('ledgerMismatches', `${id} is still "${state}" in the ledger after the recovery period (${row['Note']})`, id);
    for (const s of shipped) {
      const t = s.trackingNumber;
      if (t && !cancelled && !(row['Tracking'] ?? '').includes(t)) add('ledgerMismatches', `${id}: tracking ${t} of shipment ${s.id} is not in the ledger's Tracking cell ("${row['Tracking']}")`, id);
    }
  }
  for (const r of rows) if (!o.history.has(r['Amazon Order ID']!)) add('ledgerMismatches', `the ledger has a row for ${r['Amazon Order ID']}, which is no order of this world`);

  // Buyer data: the simulator's own recipient and buyer for every order, searched in every tab.
  const tabs = o.run.gas.spreadsheet.toDisplayJson();
  const text = Object.entries(tabs).map(([name, grid]) => `${name}\n${grid.map((r) => r.join('\t')).join('\n')}`).join('\n');
  for (const [id, a] of amazon) {
    const r = a.recipient;
    const values = [r.name, r.addressLine1, r.addressLine2, r.postalCode, r.phone, a.buyer.buyerEmail].filter((v): v is string => !!v && v.length >= 4);
    for (const v of values) if (text.includes(v)) add('piiLeaks', `buyer data of ${id} ("${v}") appears in the workbook`, id);
  }
  for (const p of o.overlapProblems) add('overlapViolations', p);

  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const v of violations) counts[v.category]++;
  return { counts, violations };
}

/** One line per violation, naming the seed: what a failing test prints. */
export function describe(seed: number, report: InvariantReport): string {
  return report.violations.map((v) => `seed ${seed} [${v.category}] ${v.message}`).join('\n');
}
