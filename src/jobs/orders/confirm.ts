// 3PL shipments with tracking → Amazon confirmShipment, exactly once (docs/design.md §3 "Orders"
// step 5). Each shipment is one package whose packageReferenceId is derived from the 3PL shipment
// id, and Amazon's own packages for the order are read (getOrder, PACKAGES) before confirming: a
// package already there — from a run whose answer was lost, or one cut before it marked the 3PL —
// is never sent again. Only then is the shipment marked as uploaded at the 3PL. A Carrier Map row
// that cannot be used holds its shipments, and a carrier code Amazon refuses is raised at once
// naming the row.

import type { SpApiClient } from '../../amazon/client';
import { SpApiError } from '../../amazon/errors';
import type { Order } from '../../amazon/schemas/orders';
import type { RaisedException } from '../../core/exceptions';
import type { CarrierMap } from '../../core/orders/carrier-map';
import { carrierMissing, carrierRefused, findCarrier } from '../../core/orders/carrier-map';
import { orderAsksForAmazonItems, packageItems, packageReference } from '../../core/orders/confirm-items';
import { findMarketplace } from '../../core/marketplaces';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import type { AmazonOrderItem, LedgerRow } from '../../core/orders/types';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import { utcMinute } from '../../core/cells';
import type { ThreePlRef } from '../../core/web-links';
import { DeadlineExceeded } from '../../ports/clock';
import type { Deadline } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import { noteShipment } from '../../threepl/page-refs';
import type { Shipment, ThreePlAdapter, UnsyncedShipment } from '../../threepl/types';
import { orderView } from '../reads/amazon-orders';
import type { Ledger } from './ledger';
import { withThreePl } from './threepl-status';
import { getOrderWaitTooLong } from './order-pace';
import { pushAll } from '../../core/lists';

/** Kept free at the end of the step for marking the confirmed shipments at the 3PL. */
const CONFIRM_RESERVE_MS = 40_000;
/** Marked at the 3PL in batches as the step goes, so a cut loses little. */
const MARK_BATCH = 50;
/** Shipments waiting for the Carrier Map read from Amazon in one run at most: the rest of getOrder's burst is the send step's. */
const BLOCKED_READS = 10;

export interface ConfirmCounts {
  confirmed: number;
  alreadyConfirmed: number;
  waiting: number;
  /** Shipped orders whose row was lost, read again from Amazon to be confirmed. */
  lostRowsBack?: number;
  /** Shipments not confirmed because Amazon refused the confirmation or could not be reached (their Note says which): tried again next run. */
  confirmFailed?: number;
  /** Shipments waiting for a usable Carrier Map row for their carrier (CARRIER_UNMAPPED): a person has to add or fix it. */
  carrierWaiting?: number;
  /** Shipped orders left for the next run: the run's time (or Amazon's getOrder rate) ran out first. */
  confirmLeft?: number;
}

function hasPackage(order: Order, ref: string): boolean {
  return (order.packages ?? []).some((p) => String(p.packageReferenceId) === ref);
}

function threePlSkuOf(map: SkuMapValidation, marketplace: string): (sellerSku: string) => string | null {
  const fbm = new Map<string, string>();
  for (const e of [...map.entries, ...map.held]) if (e.channel === 'FBM' && e.marketplace === marketplace && !fbm.has(e.sellerSku)) fbm.set(e.sellerSku, e.threePlSku);
  return (sku) => fbm.get(sku) ?? null;
}

function byReference(list: UnsyncedShipment[]): Map<string, UnsyncedShipment[]> {
  const out = new Map<string, UnsyncedShipment[]>();
  for (const u of list) {
    const g = out.get(u.order.primaryReference);
    if (g) g.push(u);
    else out.set(u.order.primaryReference, [u]);
  }
  return out;
}

export function confirmShipments(
  ctx: {
    amazon: SpApiClient;
    adapter: ThreePlAdapter;
    map: SkuMapValidation;
    carriers: CarrierMap;
    /** The primary marketplace: an order whose ledger row names none is taken as one of it. */
    marketplace: string;
    /** Settings "Marketplaces"; with more than one, carrier exceptions are kept per marketplace. */
    marketplaces?: readonly string[];
    now: number;
    threePlName: string;
    deadline: Deadline;
    /** Reference → the order's 3PL shipment, for the run's exceptions (a shipped order waiting for its confirmation). */
    shipmentsSeen?: Map<string, ThreePlRef>;
    /** Rows whose typed Amazon Status or State Amazon's order disproved this run (their Note says so), for ORDER_EDIT_INVALID. */
    edits?: LedgerRow[];
    /** Puts back the ledger's row, read again from Amazon, of a shipped order whose row was lost (threepl-status.ts restoreLostRow). */
    lostRow?: (ledger: Ledger, o: UnsyncedShipment['order']) => LedgerRow | null;
  },
  ledger: Ledger,
): { counts: ConfirmCounts; raised: RaisedException[] } {
  const counts: ConfirmCounts = { confirmed: 0, alreadyConfirmed: 0, waiting: 0 };
  const raised: RaisedException[] = [];
  const toMark: string[] = [];
  const skuOfIn = new Map<string, (sellerSku: string) => string | null>();
  const skuOf = (marketplace: string) => {
    let f = skuOfIn.get(marketplace);
    if (!f) skuOfIn.set(marketplace, (f = threePlSkuOf(ctx.map, marketplace)));
    return f;
  };
  const several = (ctx.marketplaces?.length ?? 1) > 1;
  const groups: Array<[string, UnsyncedShipment[]]> = [];
  // Said, not silent: a run that stops with shipped orders still to confirm is not "ok" (job.ts).
  // Shipments no Carrier Map row can translate wait for a person, whatever the run's time: they are not "left".
  const blocked = new Set<string>();
  let blockedReads = 0;
  const leftFrom = (i: number) => {
    const left = groups.slice(i).filter(([ref]) => {
      const row = ledger.get(ref);
      return !blocked.has(ref) && !!row && row.state !== 'cancel-too-late' && row.state !== 'cancelled' && row.state !== 'confirmed' && row.amazonStatus !== 'CANCELLED';
    }).length;
    if (left) counts.confirmLeft = left;
  };
  try {
    const all = [...byReference(ctx.adapter.listUnsyncedShipments())];
    for (const [ref, group] of all) {
      const marketplace = ledger.get(ref)?.marketplace || ctx.marketplace;
      if (group.every((u) => !usableCarrier(ctx.carriers, u.shipment, marketplace))) blocked.add(ref);
    }
    // Those that can be confirmed first: a backlog waiting for the Carrier Map never holds them back.
    pushAll(groups, all.filter(([ref]) => !blocked.has(ref)));
    pushAll(groups, all.filter(([ref]) => blocked.has(ref)));
    for (let i = 0; i < groups.length; i++) {
      const [ref, group] = groups[i]!;
      // Time for marking what was confirmed is kept: confirmed but unmarked shipments would be read again next run.
      if (ctx.deadline.remainingMs() < CONFIRM_RESERVE_MS) {
        leftFrom(i);
        break;
      }
      if (toMark.length >= MARK_BATCH) markSynced(ctx.adapter, toMark.splice(0));
      noteShipment(ctx.shipmentsSeen, ref, ctx.adapter.provider, { shipments: group.map((u) => u.shipment) });
      let row = ledger.get(ref);
      // A shipped order whose row was deleted (or its id cleared) while it waited for its confirmation:
      // no change at the 3PL brings it back to the status read, so it is read again from Amazon here,
      // or its shipment would never be confirmed.
      if (!row && ctx.lostRow && !getOrderWaitTooLong(ctx.amazon)) {
        const back = ctx.lostRow(ledger, group[0]!.order);
        if (back) {
          row = back;
          counts.lostRowsBack = (counts.lostRowsBack ?? 0) + 1;
        }
      }
      // Only orders the ledger sent for Amazon: an FBA replenishment or another tool's order is not ours to confirm.
      if (!row || row.state === 'cancel-too-late' || row.state === 'cancelled') continue;
      // No cell is taken as proof of a confirmation: a State "confirmed" and a Confirmed At (typed, on
      // a row the seal has no room for, or an Amazon Status SHIPPED someone typed that the 3PL read
      // turned into "confirmed") are checked against Amazon's packages below. One an earlier run made
      // and was cut before marking the 3PL is found there and only marked; any other is still
      // confirmed, exactly once.
      // Waiting for the Carrier Map: Amazon is read for it (to see a confirmation made by hand in
      // Seller Central) for a few a run and only while getOrder needs no wait, so such a backlog spends
      // neither the run's time nor the rate the send step needs. A typed claim is still checked below.
      if (blocked.has(ref) && row.state !== 'confirmed' && row.amazonStatus !== 'SHIPPED' && (blockedReads >= BLOCKED_READS || ctx.amazon.waitMs('getOrder') > 0)) {
        ledger.set(withThreePl(row, group[0]!.order));
        const marketplace = row.marketplace || ctx.marketplace;
        const notes = group.map((u) => carrierWaitNote(findCarrier(ctx.carriers, u.shipment.carrier ?? '', u.shipment.carrierService ?? '', marketplace), u.shipment, marketplace, raised, ref, several));
        ledger.update(ref, { note: notes.join(' ') });
        counts.waiting += group.length;
        counts.carrierWaiting = (counts.carrierWaiting ?? 0) + group.length;
        continue;
      }
      if (blocked.has(ref)) blockedReads++;
      // getOrder allows one call every 2 s after a burst of 30: past that, the rest is confirmed next run.
      if (getOrderWaitTooLong(ctx.amazon)) {
        leftFrom(i);
        break;
      }
      // An Amazon Status SHIPPED, a State "confirmed" or a Confirmed At read before Amazon was asked: said below when Amazon's order disproves it.
      const claimed = row.amazonStatus === 'SHIPPED';
      const claimedConfirmed = row.state === 'confirmed' ? row.confirmedAt : undefined;
      ledger.set(withThreePl(row, group[0]!.order));
      let amazon: Order;
      try {
        amazon = ctx.amazon.getOrder(ref, ['PACKAGES']);
      } catch (e) {
        // A body Amazon broke for this one order is this order's problem: the others are still confirmed and sent.
        if (e instanceof RemoteError && (e.retryable || e.kind === 'schema')) {
          ledger.update(ref, { note: `Shipped; Amazon could not be read to confirm it this run (${e.message}).` });
          counts.waiting += group.length;
          counts.confirmFailed = (counts.confirmFailed ?? 0) + group.length;
          // Amazon failing even after retries (not one order's body) would fail the rest the same way,
          // each after its own retries: they wait for the next run, counted, rather than spend the run's time.
          if (e.retryable) {
            leftFrom(i + 1);
            break;
          }
          continue;
        }
        throw e;
      }
      const view = orderView(amazon, row.marketplace);
      if (view.status === 'CANCELLED') {
        // Not confirmed; the cancellation step (next run) cancels what has not shipped yet and says the rest was too late.
        ledger.update(ref, { amazonStatus: 'CANCELLED', note: `Cancelled on Amazon after ${ctx.threePlName} shipped part or all of it.` });
        continue;
      }
      const items = view.items.map((i) => ({ ...i }));
      if (items.every((i) => i.shipped >= i.quantity)) {
        // Confirmed outside the add-on (Seller Central, another tool): nothing is left to confirm, and a
        // second confirmation would be refused; the 3PL stops listing the shipments.
        for (const u of group) toMark.push(u.shipment.externalId);
        counts.alreadyConfirmed += group.length;
        const current = ledger.get(ref)!;
        const ours = group.every((u) => hasPackage(amazon, packageReference(u.shipment.externalId)));
        ledger.update(ref, { amazonStatus: 'SHIPPED', state: 'confirmed', confirmedAt: current.confirmedAt ?? ctx.now, note: ours ? '' : 'Amazon already shows every item shipped (confirmed outside the add-on).' });
        continue;
      }
      const open = group.filter((u) => !hasPackage(amazon, packageReference(u.shipment.externalId))).sort((a, b) => (a.shipment.externalId < b.shipment.externalId ? -1 : 1));
      for (const u of group) {
        if (open.includes(u)) continue;
        toMark.push(u.shipment.externalId);
        counts.alreadyConfirmed++;
      }
      const notes: string[] = [];
      let confirmedAny = false;
      open.forEach((u, i) => {
        const marketplace = row.marketplace || ctx.marketplace;
        const where = { marketplace, keyed: several };
        const onlyLeft = i === open.length - 1 && liveUnshippedElsewhere(u) === 0 && orderAsksForAmazonItems(view.items, u.order.lines, skuOf(marketplace));
        const done = confirmOne(ctx, ref, where, u.shipment, items, skuOf(marketplace), onlyLeft, raised, notes);
        if (done === true) {
          toMark.push(u.shipment.externalId);
          counts.confirmed++;
          confirmedAny = true;
        } else {
          counts.waiting++;
          if (done === 'failed') counts.confirmFailed = (counts.confirmFailed ?? 0) + 1;
          if (done === 'carrier') counts.carrierWaiting = (counts.carrierWaiting ?? 0) + 1;
        }
      });
      const allShipped = items.every((i) => i.shipped >= i.quantity);
      const current = ledger.get(ref)!;
      // Amazon had not been told every item shipped: the cell saying so was typed (Amazon Status is
      // Amazon's). Said once with ORDER_EDIT_INVALID, as cancel.ts does for a typed CANCELLED; the
      // row's Note keeps no edit mark, so the exception clears on the next run.
      const disproved = claimed && view.status !== 'SHIPPED' ? `the Amazon Status cell of order ${ref} read "SHIPPED", but Amazon's order was ${view.status || 'not shipped'}: ${confirmedAny ? 'the shipment was confirmed to Amazon all the same' : 'it is confirmed to Amazon once it ships'} and Amazon's status put back.` : '';
      if (disproved) notes.unshift(`Amazon Status was typed over: ${disproved.slice(disproved.indexOf('read ') + 5)}`);
      // "confirmed" while Amazon had not been told every item shipped: not the add-on's (it writes it only once Amazon shows them all).
      const unproven = claimedConfirmed !== undefined && open.length > 0;
      const typedAt = unproven && claimedConfirmed !== null ? confirmedAtTyped(ref, claimedConfirmed, confirmedAny) : '';
      ledger.update(ref, {
        amazonStatus: allShipped ? 'SHIPPED' : confirmedAny || view.status === 'PARTIALLY_SHIPPED' ? 'PARTIALLY_SHIPPED' : view.status,
        confirmedAt: confirmedAny || (open.length === 0 && current.confirmedAt === null) ? ctx.now : unproven ? null : current.confirmedAt,
        state: allShipped ? 'confirmed' : current.state === 'sent' || current.state === 'confirmed' ? 'shipped' : current.state,
        note: [...(typedAt ? [`Confirmed At was typed over: ${typedAt.slice(typedAt.indexOf('read ') + 5)}`] : []), ...notes].join(' '),
      });
      if (disproved) ctx.edits?.push({ ...ledger.get(ref)!, note: `${EDIT_NOTE} ${disproved} Amazon Status is for reading only.` });
      if (typedAt) ctx.edits?.push({ ...ledger.get(ref)!, note: `${EDIT_NOTE} ${typedAt}` });
    }
  } finally {
    // Confirmed on Amazon: the 3PL must stop listing them, or every run would read Amazon for them again.
    if (toMark.length) markSynced(ctx.adapter, toMark);
  }
  return { counts, raised };
}

/** What ORDER_EDIT_INVALID says of a Confirmed At (with State "confirmed") that Amazon's packages disproved. */
function confirmedAtTyped(orderId: string, typed: number, confirmedNow: boolean): string {
  return (
    `the Confirmed At cell of order ${orderId} read "${utcMinute(typed)}" with State "confirmed", but Amazon had no confirmation of its shipment: ` +
    `${confirmedNow ? 'the shipment was confirmed to Amazon now' : 'it is confirmed to Amazon once it can be'}, and the cell says when. Confirmed At is for reading only; the add-on writes it when Amazon takes the confirmation.`
  );
}

/** Other shipments of the order the 3PL has not shipped yet (they carry the rest of its items). */
function liveUnshippedElsewhere(u: UnsyncedShipment): number {
  return u.order.shipments.filter((s) => s.externalId !== u.shipment.externalId && s.status !== 'cancelled' && s.status !== 'shipped' && s.status !== 'delivered').length;
}

function markSynced(adapter: ThreePlAdapter, ids: string[]): void {
  try {
    adapter.markShipmentsSynced(ids);
  } catch (e) {
    // Amazon's packages say these are confirmed: the next run finds them there and only marks them.
    if (e instanceof DeadlineExceeded || (e instanceof RemoteError && e.retryable)) return;
    throw e;
  }
}

/** The Carrier Map row that translates this shipment's carrier, when one can be used. */
function usableCarrier(carriers: CarrierMap, s: Shipment, marketplace: string): boolean {
  const rule = findCarrier(carriers, s.carrier ?? '', s.carrierService ?? '', marketplace);
  return !!rule && !rule.unusable;
}

/**
 * What a shipment waiting for the Carrier Map says in its row's Note, given the row found for its
 * carrier (none, or one that cannot be used); a carrier with no row is also raised as CARRIER_UNMAPPED.
 */
function carrierWaitNote(rule: ReturnType<typeof findCarrier>, s: Shipment, marketplace: string, raised: RaisedException[], orderId: string, keyed: boolean): string {
  if (rule?.unusable) return `Shipment ${s.externalId} waits: Carrier Map row ${rule.sheetRow} cannot be used (${rule.unusable}; see Exceptions).`;
  const carrier = s.carrier ?? '';
  const service = s.carrierService ?? '';
  raised.push(carrierMissing(carrier, service, orderId, keyed ? marketplace : ''));
  return `Shipment ${s.externalId} waits: carrier ${carrier || '(none)'}${service ? ` / ${service}` : ''} is not in the Carrier Map.`;
}

function confirmOne(
  ctx: { amazon: SpApiClient; carriers: CarrierMap; threePlName: string; now: number },
  orderId: string,
  /** The order's marketplace; `keyed`: the spreadsheet serves several, so a carrier gap is per marketplace. */
  where: { marketplace: string; keyed: boolean },
  s: Shipment,
  items: AmazonOrderItem[],
  skuOf: (sku: string) => string | null,
  onlyShipmentLeft: boolean,
  raised: RaisedException[],
  notes: string[],
): boolean | 'failed' | 'carrier' {
  const carrier = s.carrier ?? '';
  const service = s.carrierService ?? '';
  const rule = findCarrier(ctx.carriers, carrier, service, where.marketplace);
  if (!rule || rule.unusable) {
    notes.push(carrierWaitNote(rule, s, where.marketplace, raised, orderId, where.keyed));
    return 'carrier';
  }
  const pkgItems = packageItems(items, (s.lines ?? []).filter((l) => l.sku && l.quantity > 0), skuOf, onlyShipmentLeft);
  if (!pkgItems) {
    notes.push(`Shipment ${s.externalId} waits: its lines could not be matched to the Amazon order's items (check the SKU Map's 3PL SKUs).`);
    return false;
  }
  const ref = packageReference(s.externalId);
  try {
    ctx.amazon.confirmShipment(orderId, {
      packageReferenceId: ref,
      carrierCode: rule.carrierCode,
      ...(rule.carrierCode === 'Other' ? { carrierName: rule.carrierName } : {}),
      ...(rule.shippingMethod || service ? { shippingMethod: rule.shippingMethod || service } : {}),
      trackingNumber: s.trackingNumbers[0]!,
      shipDate: s.shippedAt ? new Date(Date.parse(s.shippedAt)).toISOString() : new Date(ctx.now).toISOString(),
      orderItems: pkgItems,
    }, findMarketplace(where.marketplace)?.id);
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e;
    if (!(e instanceof RemoteError) || e.kind === 'auth') throw e;
    // The answer was lost or refused: Amazon's packages tell whether it took the confirmation.
    if (confirmedAfterAll(ctx.amazon, orderId, ref)) {
      applyShipped(items, pkgItems);
      return true;
    }
    notes.push(`Shipment ${s.externalId} not confirmed: ${e.message}`);
    // Amazon's InvalidInput names the refused field only in its words; a refusal about the carrier is the Carrier Map row's.
    const carrierItem = e instanceof SpApiError && e.kind === 'validation' ? e.errors.find((x) => /carrier/i.test(`${x.message} ${x.details ?? ''}`)) : undefined;
    if (carrierItem) raised.push(carrierRefused(rule, carrierItem.message, orderId));
    // Amazon's answer, not a cell: said in the run's outcome, not only in the row's Note.
    return 'failed';
  }
  applyShipped(items, pkgItems);
  return true;
}

function confirmedAfterAll(amazon: SpApiClient, orderId: string, ref: string): boolean {
  try {
    return hasPackage(amazon.getOrder(orderId, ['PACKAGES']), ref);
  } catch (e) {
    if (e instanceof DeadlineExceeded) throw e;
    return false;
  }
}

function applyShipped(items: Array<{ orderItemId: string; shipped: number }>, pkg: Array<{ orderItemId: string; quantity: number }>): void {
  for (const p of pkg) {
    const it = items.find((i) => i.orderItemId === p.orderItemId);
    if (it) it.shipped += p.quantity;
  }
}
