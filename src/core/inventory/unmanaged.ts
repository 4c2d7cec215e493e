// OFFER_UNMANAGED: once the run's push is decided, the merchant-fulfilled offers drawing on one 3PL
// stock show more units on Amazon than the 3PL can pick, and an offer among them is not set by the
// sync: its SKU Map row is unticked, invalid or held, no FBM row maps it, or its new quantity has not
// reached Amazon (dry run, waiting for approval, held by a guardrail, refused, no answer). Nobody
// lowers it, so Amazon can sell stock the warehouse does not have: High (design §5), one per offer.

import { namedWhileCounted } from '../exception-cap';
import { exceptionKey, type RaisedException } from '../exceptions';
import { unsentThroughEveryRow } from './parked';
import type { SkuMapRowResult } from './sku-map';
import { aggregateThreePlStock } from './stock';
import { stockPartsOf, threePlSkuKinds, unsentUnitsFor } from './threepl-kinds';
import type { AmazonListing, InventoryRow, ThreePlStockRecord, UnsentOrderLine } from './types';

export interface UnmanagedInput {
  /** The primary marketplace: listings without one are its. */
  primary: string;
  /** The marketplaces the 3PL stock serves (Settings "FBM marketplaces" and the primary). */
  pooled: ReadonlySet<string>;
  /** Pooled marketplaces whose listings this run read in full: only their offers are judged. */
  read: ReadonlySet<string>;
  skuMap: ReadonlyArray<SkuMapRowResult>;
  /** The Inventory rows as this run leaves them (push states set). */
  rows: ReadonlyArray<InventoryRow>;
  /** Queued rows' quantities are on their way (a submitted feed); false: they did not leave. */
  queuedInFlight: boolean;
  listings: ReadonlyArray<AmazonListing>;
  threePlStock: ReadonlyArray<ThreePlStockRecord>;
  /** Settings "3PL locations"; empty = all. */
  locations: ReadonlyArray<string>;
  unsentOrders: ReadonlyArray<UnsentOrderLine>;
  threePlName?: string;
  /**
   * Set when this run cannot set any offer because Amazon cannot be read (a clause saying what could
   * not be read and why): `listings` then hold what Amazon showed when last read, less the units
   * ordered since.
   */
  unread?: string;
  /**
   * The OFFER_UNMANAGED keys the Exceptions tab shows now (any Status but Resolved), asked only when
   * more offers oversell than are named: while the count row is shown, the offers already named keep
   * their rows and no other is named, so fixing one does not open a row (and an e-mail) for the next.
   */
  shown?: () => ReadonlySet<string>;
}

/** Offers named one by one; the rest share one row, so a catalogue-wide problem is not thousands of rows. */
export const MAX_UNMANAGED_ROWS = 50;

interface Offer {
  sellerSku: string;
  marketplace: string;
  shown: number;
  /** What Amazon shows once this run's push lands. */
  after: number;
  threePlSku: string;
  /** Why the sync does not set it; null: it does. */
  why: string | null;
  todo: string;
}

const PARKED_WHY: Partial<Record<SkuMapRowResult['state'], string>> = {
  inactive: 'is unticked (Active is off)',
  invalid: 'is not valid',
  dual: 'is held',
};

const FIX_ROW = 'Fix or tick the row so the sync sets the quantity, or lower it in Seller Central.';

/** Why a row with a proposal still leaves Amazon above it after this run; null when it does not. */
function notSetWhy(row: InventoryRow, after: number): string | null {
  const p = row.proposedQty!;
  if (after <= p) return null;
  switch (row.pushState) {
    case 'dry-run':
      return `Push mode is dry-run, so the sync pushes nothing (it would set ${p})`;
    case 'awaiting approval':
      return `the change to ${p} waits for approval ("Approve stock push")`;
    case 'held by guardrail':
      return `a guardrail holds the push to ${p} (see GUARDRAIL_HALT)`;
    case 'queued':
      return `its new quantity ${p} has not reached Amazon yet (not sent yet, or Amazon did not answer)`;
    case 'rejected':
      return `Amazon refused the push of ${p} (see STOCK_PUSH_REJECTED)`;
    case 'accepted but not applied':
      return `Amazon accepted ${p} but has not applied it (see STOCK_PUSH_NOT_APPLIED)`;
    default:
      return `Amazon does not show the ${p} the sync proposes`;
  }
}

/** The offers judged: every merchant-fulfilled Seller SKU of the read marketplaces, with what it will show. */
function offersOf(input: UnmanagedInput, stockHas: (sku: string) => boolean, tpl: string): Offer[] {
  const { primary, pooled, read } = input;
  const shown = new Map<string, { qty: number; marketplace: string }>();
  for (const l of input.listings) {
    const m = l.marketplace ?? primary;
    if (!l.fbm || !read.has(m)) continue;
    const was = shown.get(l.sellerSku);
    if (!was || (l.fbmQuantity ?? 0) > was.qty) shown.set(l.sellerSku, { qty: l.fbmQuantity ?? 0, marketplace: m });
  }
  const rowsOf = new Map<string, InventoryRow[]>();
  for (const r of input.rows) {
    if (r.channel !== 'FBM' || !pooled.has(r.marketplace)) continue;
    rowsOf.set(r.sellerSku, [...(rowsOf.get(r.sellerSku) ?? []), r]);
  }
  const mapRowOf = new Map<string, SkuMapRowResult>();
  // A row whose Channel cell cannot be read may well be the FBM row meant: named when no FBM row is there.
  const unreadChannelOf = new Map<string, SkuMapRowResult>();
  for (const r of input.skuMap) {
    if (!r.sellerSku || !pooled.has(r.marketplace)) continue;
    if (r.channel === null) {
      if (!unreadChannelOf.has(r.sellerSku)) unreadChannelOf.set(r.sellerSku, r);
      continue;
    }
    if (r.channel !== 'FBM') continue;
    const was = mapRowOf.get(r.sellerSku);
    if (!was || (was.state !== 'ok' && r.state === 'ok')) mapRowOf.set(r.sellerSku, r);
  }
  const out: Offer[] = [];
  for (const sku of new Set([...shown.keys(), ...rowsOf.keys()])) {
    const seen = shown.get(sku);
    const rows = rowsOf.get(sku) ?? [];
    const marketplace = seen?.marketplace ?? rows[0]!.marketplace;
    if (!read.has(marketplace) && !rows.some((r) => read.has(r.marketplace))) continue;
    const qty = seen?.qty ?? 0;
    const set = rows.find((r) => r.proposedQty !== null);
    const mapRow = mapRowOf.get(sku) ?? unreadChannelOf.get(sku);
    if (set) {
      let after = qty;
      if (set.pushState === 'queued' && input.queuedInFlight) after = set.proposedQty!;
      else if (set.pushState === 'accepted') after = set.lastPushedQty ?? qty;
      const why = input.unread ? (after > set.proposedQty! ? `${input.unread}, so the sync cannot set it to ${set.proposedQty} this run` : null) : notSetWhy(set, after);
      out.push({ sellerSku: sku, marketplace: set.marketplace, shown: qty, after, threePlSku: set.threePlSku, why, todo: why && set.pushState === 'awaiting approval' ? 'Approve the push, or lower the quantity in Seller Central.' : 'Lower the quantity in Seller Central if the next sync does not.' });
      continue;
    }
    // A row not judged this run (listings partly read, FBA stock unknown) says so in its Reason.
    if (rows.some((r) => r.reason.startsWith('Not checked'))) continue;
    if (qty <= 0) continue;
    const threePlSku = mapRow?.threePlSku ?? '';
    let why: string;
    if (!mapRow) why = 'no FBM row in the SKU Map maps it';
    else if (mapRow.state === 'ok' && threePlSku && !stockHas(threePlSku)) why = `SKU Map row ${mapRow.sheetRow} maps it to 3PL SKU ${threePlSku}, which ${tpl} does not list`;
    else if (mapRow.state === 'ok') why = `the sync holds SKU Map row ${mapRow.sheetRow} (${(rows[0]?.reason ?? '').replace(/^Held: /, '').replace(/\.$/, '') || 'see its Status'})`;
    else if (mapRow.channel === null) why = `SKU Map row ${mapRow.sheetRow} is not valid (its Channel is neither FBM nor FBA)`;
    else why = `SKU Map row ${mapRow.sheetRow} ${PARKED_WHY[mapRow.state] ?? 'is not used'}`;
    out.push({ sellerSku: sku, marketplace, shown: qty, after: qty, threePlSku, why: `${why}, so the add-on ${mapRow ? 'no longer updates' : 'does not update'} this offer`, todo: mapRow ? FIX_ROW : 'Map it in the SKU Map (FBM, with its 3PL SKU) so the sync sets it, or lower it in Seller Central.' });
  }
  return out;
}

/** The offers found overselling, and their exceptions: past MAX_UNMANAGED_ROWS the last row stands for the rest. */
export interface UnmanagedOffers {
  raised: RaisedException[];
  /** Every offer found, the ones the last row only counts included: what a run's message must say. */
  offers: number;
}

/** One OFFER_UNMANAGED per offer not set by the sync on a 3PL stock its offers together oversell. */
export function findUnmanagedOffers(input: UnmanagedInput): RaisedException[] {
  return judgeUnmanagedOffers(input).raised;
}

/** findUnmanagedOffers with the count of offers, which the capped rows no longer give. */
export function judgeUnmanagedOffers(input: UnmanagedInput): UnmanagedOffers {
  const tpl = input.threePlName || 'the 3PL';
  const stock = aggregateThreePlStock(input.threePlStock, input.locations);
  const kinds = threePlSkuKinds(input.threePlStock);
  const unsent = unsentThroughEveryRow(input.unsentOrders, input.skuMap, input.pooled, input.primary);
  const pickable = (sku: string) => {
    const s = stock.get(sku);
    return !s || kinds.inactive.has(sku) ? 0 : Math.max(0, s.fulfillable - unsentUnitsFor(sku, unsent, kinds).units);
  };
  // Demand per 3PL SKU whose stock is taken (a bundle's parts); an offer with none is a pool of its own.
  const pools = new Map<string, { demand: number; offers: Offer[]; part: string }>();
  for (const o of offersOf(input, (sku) => stock.has(sku), tpl)) {
    if (o.after <= 0) continue;
    const parts = o.threePlSku ? stockPartsOf(o.threePlSku, kinds) : [{ sku: '', quantity: 1 }];
    for (const part of parts) {
      const id = part.sku || `no 3PL SKU:${o.sellerSku}`;
      const pool = pools.get(id) ?? { demand: 0, offers: [], part: part.sku };
      pool.demand += o.after * part.quantity;
      pool.offers.push(o);
      pools.set(id, pool);
    }
  }
  const raised = new Map<string, RaisedException>();
  for (const pool of pools.values()) {
    const can = pool.part ? pickable(pool.part) : 0;
    if (pool.demand <= can) continue;
    for (const o of pool.offers) {
      if (!o.why || raised.has(o.sellerSku)) continue;
      const others = pool.offers.filter((x) => x !== o);
      const stockText = !pool.part
        ? o.threePlSku
          ? 'nothing at the 3PL backs it'
          : 'no 3PL SKU is named for it, so no warehouse stock backs it'
        : `${tpl} can pick only ${can} of 3PL SKU ${pool.part}${others.length ? `, while the offers on it show ${pool.demand} units in all (${pool.offers.map((x) => `${x.sellerSku} ${x.after}`).join(', ')})` : ''}`;
      raised.set(o.sellerSku, {
        key: exceptionKey('OFFER_UNMANAGED', o.marketplace, o.sellerSku),
        type: 'OFFER_UNMANAGED',
        entity: `${o.marketplace} FBM ${o.sellerSku}`,
        message:
          `Amazon ${input.unread ? `showed ${o.shown} units (when last read, less the units ordered since)` : `shows ${o.shown} units`} of Seller SKU ${o.sellerSku} (${o.marketplace}, merchant-fulfilled), but ${o.why}, and ${stockText}. ` +
          `Amazon can sell stock the warehouse does not have. ${o.todo}`,
      });
    }
  }
  const all = [...raised.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (all.length <= MAX_UNMANAGED_ROWS) return { raised: all, offers: all.length };
  const market = input.primary.toUpperCase();
  const moreKey = exceptionKey('OFFER_UNMANAGED', market, '+more');
  const { named, rest } = namedWhileCounted(all, input.shown?.() ?? new Set<string>(), moreKey, MAX_UNMANAGED_ROWS - 1);
  const capped: RaisedException[] = [
    ...named,
    {
      key: moreKey,
      type: 'OFFER_UNMANAGED',
      entity: `${rest.length} more FBM offers`,
      message:
        `${rest.length} more merchant-fulfilled offers show more units on Amazon than the 3PL can pick while the sync does not set them (${rest
          .slice(0, 20)
          .map((e) => e.entity.replace(/^\S+ FBM /, ''))
          .join(', ')}${rest.length > 20 ? ', …' : ''}). The Inventory tab's Push State and Reason say why for each. Amazon can sell stock the warehouse does not have.`,
    },
  ];
  return { raised: capped, offers: all.length };
}
