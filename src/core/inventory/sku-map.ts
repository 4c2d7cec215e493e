// SKU Map validation, row by row (docs/design.md §1, §2): each row gets a Status text, a bad row is
// held back with a MAPPING_INVALID exception and the rest of the map still syncs.

import { cellText, idDateProblem, isEmptyCell, parseCount, parseFlag, parseShare } from '../cells';
import { exceptionKey, type RaisedException } from '../exceptions';
import { findMarketplace, marketplaceHelp } from '../marketplaces';
import { TABS, headersOf } from '../tabs';
import type { AmazonListing, Channel, RawRow, SkuMapEntry } from './types';

/** SKU Map column key → header (TABS.skuMap). */
export const SKU_MAP_COLUMNS = headersOf(TABS.skuMap);

/**
 * ok: used; dual: valid but held (mapped as FBM and FBA while Amazon does not list the SKU with
 * both channels); inactive / blank: skipped quietly.
 */
type SkuMapRowState = 'ok' | 'invalid' | 'inactive' | 'blank' | 'dual';

export interface SkuMapRowResult {
  rowIndex: number;
  /** The row number people see (header is row 1). */
  sheetRow: number;
  state: SkuMapRowState;
  /** The text for the SKU Map's Status column. */
  status: string;
  problems: string[];
  sellerSku: string;
  marketplace: string;
  /** null when the Channel cell is not FBM/FBA. */
  channel: Channel | null;
  /** The 3PL SKU cell as typed (trimmed), whatever the row's state: an unticked row still sells its stock on Amazon. */
  threePlSku: string;
  /** Set for ok and dual rows. */
  entry: SkuMapEntry | null;
}

export interface SkuMapValidation {
  rows: SkuMapRowResult[];
  /** Active, valid, not held: the offers the sync works on (both channels). */
  entries: SkuMapEntry[];
  /** Valid rows held because the Seller SKU is mapped as both FBM and FBA. */
  held: SkuMapEntry[];
  exceptions: RaisedException[];
}

interface SkuMapOptions {
  /** Used when the Marketplace cell is empty (the Settings marketplace). */
  defaultMarketplace: string;
  /** Sheet row of rows[0]; 2 when the header is row 1. */
  firstSheetRow?: number;
  /**
   * Seller SKUs Amazon lists in `marketplace` with both a merchant (DEFAULT) and an FBA (AMAZON_*)
   * channel on one listing, from this run's listings read. An FBM and an FBA row for such a SKU
   * are both valid; without this (listings not read) they are held as DUAL_CHANNEL_SKU.
   */
  bothChannelsOnAmazon?: BothChannels | ReadonlyArray<BothChannels>;
  /**
   * The marketplaces the spreadsheet serves (Settings "Marketplaces", primary first). A valid row of
   * any other is not used and its Status says so. Absent: the default marketplace alone.
   */
  marketplaces?: readonly string[];
}

/** The Status of a valid row whose marketplace the Settings do not list: it is not synced, and why. */
export function notListedStatus(marketplace: string, listed: readonly string[]): string {
  return `Not used: ${marketplace} is not in Settings "Marketplaces" (${listed.join(', ') || 'none'}). Add ${marketplace} there to sync this row, or untick Active.`;
}

/**
 * A row's marketplace code as the add-on names it: "gb", "Amazon.co.uk" and "United Kingdom" are all
 * UK; empty means the Settings marketplace. Text no marketplace matches stays as typed (upper case),
 * so it never matches a real one and validation says why.
 */
export function rowMarketplace(row: RawRow, defaultMarketplace: string): string {
  const typed = cellText(row[SKU_MAP_COLUMNS.marketplace]);
  if (!typed) return defaultMarketplace.toUpperCase();
  return findMarketplace(typed)?.code ?? typed.toUpperCase();
}

/** A Seller SKU cell holding a number where Amazon has the same digits with leading zeros. */
interface LostZeros {
  rowIndex: number;
  sheetRow: number;
  /** The number as the cell holds it: "123". */
  typed: string;
  /** Amazon's Seller SKU: "00123". */
  amazonSku: string;
}

/**
 * Seller SKU cells that hold a number (123) while Amazon lists the same digits with leading zeros
 * ("00123"): Sheets turned the typed "00123" into a number because the cell was not plain text.
 * A number Amazon also lists as it is (123) is left alone.
 */
export function findLostLeadingZeros(
  rows: ReadonlyArray<RawRow>,
  amazonSellerSkus: Iterable<string>,
  where: { marketplace: string; defaultMarketplace: string },
  firstSheetRow = 2,
): LostZeros[] {
  const mkt = where.marketplace.toUpperCase();
  const listed = new Set<string>();
  const zeroPadded = new Map<string, string>();
  for (const sku of amazonSellerSkus) {
    listed.add(sku);
    if (/^0+\d+$/.test(sku)) zeroPadded.set(String(Number(sku)), sku);
  }
  const out: LostZeros[] = [];
  if (zeroPadded.size === 0) return out;
  rows.forEach((row, i) => {
    const v = row[SKU_MAP_COLUMNS.sellerSku];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || rowMarketplace(row, where.defaultMarketplace) !== mkt) return;
    const typed = String(v);
    const amazonSku = zeroPadded.get(typed);
    if (amazonSku && !listed.has(typed)) out.push({ rowIndex: i, sheetRow: firstSheetRow + i, typed, amazonSku });
  });
  return out;
}

/** What to tell people about one such cell. */
export function lostZerosText(z: LostZeros): string {
  return (
    `SKU Map row ${z.sheetRow} holds the number ${z.typed} as its Seller SKU, but Amazon's Seller SKU is "${z.amazonSku}": ` +
    `Sheets dropped the leading zeros when it was typed. Format the ${SKU_MAP_COLUMNS.sellerSku} column as Plain text (Format → Number → Plain text), then type "${z.amazonSku}" again`
  );
}

/** The Status texts with each such row's explained (the row is not used: Amazon has no Seller SKU 123). */
export function explainLostZeros(statuses: readonly string[], found: ReadonlyArray<LostZeros>): string[] {
  const out = [...statuses];
  for (const z of found) out[z.rowIndex] = `Not used: ${lostZerosText(z)}.`;
  return out;
}

/** One marketplace's listings with both channels (a listing's channels differ per marketplace). */
interface BothChannels {
  marketplace: string;
  sellerSkus: ReadonlySet<string>;
}

/** SkuMapOptions.bothChannelsOnAmazon from a listings read of `marketplace`. */
export function bothChannelsOnAmazon(marketplace: string, listings: ReadonlyArray<AmazonListing>): BothChannels {
  return { marketplace, sellerSkus: new Set(listings.filter((l) => l.fbm && l.fba).map((l) => l.sellerSku)) };
}

/** `UK:FBM:TEE-M` */
export function offerKey(marketplace: string, channel: string, sellerSku: string): string {
  return `${marketplace}:${channel}:${sellerSku}`;
}

const CHANNEL_ALIASES: Record<string, Channel> = { FBM: 'FBM', MFN: 'FBM', FBA: 'FBA', AFN: 'FBA' };

export function parseChannel(v: unknown): Channel | null {
  return CHANNEL_ALIASES[cellText(v).toUpperCase()] ?? null;
}

/** Columns of identifiers, never numbers or dates (formatted Plain text by "Set up sheets"). */
const ID_COLUMNS = ['sellerSku', 'threePlSku', 'asin', 'fnsku'] as const;

const MAPPING_COLUMNS = ['sellerSku', 'channel', 'threePlSku', 'asin', 'fnsku', 'safetyBuffer', 'offer', 'maxQty'] as const;

function rowList(rows: number[]): string {
  if (rows.length <= 1) return `row ${rows[0]}`;
  return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
}

interface Draft {
  result: SkuMapRowResult;
  entry: SkuMapEntry | null;
  rawChannel: string;
}

function readRow(row: RawRow, rowIndex: number, sheetRow: number, defaultMarketplace: string): Draft {
  const C = SKU_MAP_COLUMNS;
  const sellerSku = cellText(row[C.sellerSku]);
  const marketplace = rowMarketplace(row, defaultMarketplace);
  const rawChannel = cellText(row[C.channel]).toUpperCase();
  const channel = parseChannel(row[C.channel]);
  const threePlSku = cellText(row[C.threePlSku]);
  const result: SkuMapRowResult = { rowIndex, sheetRow, state: 'ok', status: '', problems: [], sellerSku, marketplace, channel, threePlSku, entry: null };
  const draft: Draft = { result, entry: null, rawChannel };

  if (!sellerSku && !rawChannel && !threePlSku && MAPPING_COLUMNS.every((c) => isEmptyCell(row[C[c]]))) {
    result.state = 'blank';
    return draft;
  }
  const active = parseFlag(row[C.active], C.active, true);
  if (active.ok && !active.value) {
    // Inactive rows are parked, often half filled: they are neither checked nor counted as duplicates.
    result.state = 'inactive';
    result.status = 'Inactive: not synced.';
    return draft;
  }
  const problems = result.problems;
  if (!active.ok) problems.push(active.problem);
  if (!sellerSku) problems.push('Seller SKU is empty');
  for (const c of ID_COLUMNS) {
    const asDate = idDateProblem(row[C[c]], C[c]);
    if (asDate) problems.push(asDate);
  }
  const typedMarketplace = cellText(row[C.marketplace]);
  if (typedMarketplace && !findMarketplace(typedMarketplace)) {
    problems.push(`the ${C.marketplace} cell of row ${sheetRow} holds "${typedMarketplace}", which is not an Amazon marketplace the add-on knows (${marketplaceHelp()}, or leave it empty for the Settings marketplace)`);
  }
  if (!channel) problems.push(rawChannel ? `Channel "${cellText(row[C.channel])}" is not FBM or FBA` : 'Channel is empty; choose FBM or FBA');
  const buffer = parseCount(row[C.safetyBuffer], C.safetyBuffer);
  const offer = parseShare(row[C.offer], C.offer);
  const maxQty = parseCount(row[C.maxQty], C.maxQty);
  // Each problem names what the cell may hold, so the fix needs no manual.
  if (!buffer.ok) problems.push(`${buffer.problem} (allowed: a whole number of units, 0 or more, or empty for the Settings default)`);
  if (!offer.ok) problems.push(`${offer.problem} (allowed: a percentage from 0% to 100%, or empty)`);
  if (!maxQty.ok) problems.push(`${maxQty.problem} (allowed: a whole number of units, 0 or more, or empty for no cap)`);
  if (channel === 'FBM' && !threePlSku) problems.push('FBM row has no 3PL SKU, so there is no 3PL stock to offer');
  if (channel === 'FBA') {
    // Amazon owns FBA stock (docs/design.md §1): a buffer, offer share or cap here suggests someone expects a push.
    const set = (['safetyBuffer', 'offer', 'maxQty'] as const).filter((c) => !isEmptyCell(row[C[c]])).map((c) => C[c]);
    if (set.length) problems.push(`FBA row has ${set.join(', ')} set, but the add-on never sets FBA quantities (Amazon holds that stock); clear ${set.length > 1 ? 'them' : 'it'} or change Channel to FBM`);
  }
  if (problems.length === 0 && channel && buffer.ok && offer.ok && maxQty.ok) {
    draft.entry = {
      rowIndex,
      key: offerKey(marketplace, channel, sellerSku),
      sellerSku,
      marketplace,
      channel,
      threePlSku,
      asin: cellText(row[C.asin]),
      fnsku: cellText(row[C.fnsku]),
      safetyBuffer: buffer.value,
      offerShare: offer.value,
      maxQty: maxQty.value,
    };
  }
  return draft;
}

function invalidKey(d: Draft): string {
  const r = d.result;
  if (!r.sellerSku) return exceptionKey('MAPPING_INVALID', 'row', r.sheetRow);
  return exceptionKey('MAPPING_INVALID', r.marketplace, r.channel ?? (d.rawChannel || '?'), r.sellerSku);
}

/**
 * Validates every SKU Map row. Duplicates (same Seller SKU + marketplace + channel among active
 * rows) hold all copies, since there is no telling which one is meant. The same Seller SKU in
 * two marketplaces is fine. A Seller SKU mapped as FBM and FBA in one marketplace is valid when
 * Amazon lists it with both channels (options.bothChannelsOnAmazon: Amazon's "Multiple
 * Fulfillment Channels with Default MFN and FBA"); otherwise both rows are held as DUAL_CHANNEL_SKU.
 */
export function validateSkuMap(rows: ReadonlyArray<RawRow>, options: SkuMapOptions): SkuMapValidation {
  const first = options.firstSheetRow ?? 2;
  const defaultMarketplace = options.defaultMarketplace.toUpperCase();
  const listed = (options.marketplaces?.length ? options.marketplaces : [defaultMarketplace]).map((m) => m.toUpperCase());
  const drafts = rows.map((row, i) => readRow(row, i, first + i, defaultMarketplace));
  // Group only on collision: most offers are unique, and per-row arrays would dominate the cost.
  const firstOfOffer = new Map<string, Draft>();
  const offerGroups = new Map<string, Draft[]>();
  const channelsOfSku = new Map<string, number>();
  const skuKeys: string[] = [];
  for (const d of drafts) {
    const r = d.result;
    // A marketplace the spreadsheet does not serve: its rows are not used, so neither duplicates nor held.
    if (r.state !== 'ok' || !r.sellerSku || !r.channel || !listed.includes(r.marketplace)) continue;
    const k = d.entry ? d.entry.key : offerKey(r.marketplace, r.channel, r.sellerSku);
    const seen = firstOfOffer.get(k);
    if (!seen) firstOfOffer.set(k, d);
    else {
      const g = offerGroups.get(k);
      if (g) g.push(d);
      else offerGroups.set(k, [seen, d]);
    }
    const skuKey = `${r.marketplace}:${r.sellerSku}`;
    skuKeys[r.rowIndex] = skuKey;
    channelsOfSku.set(skuKey, (channelsOfSku.get(skuKey) ?? 0) | (r.channel === 'FBM' ? 1 : 2));
  }
  for (const group of offerGroups.values()) {
    const rowsText = rowList(group.map((d) => d.result.sheetRow));
    const r0 = group[0]!.result;
    for (const d of group) {
      d.result.problems.push(`duplicate: ${rowsText} all map Seller SKU ${r0.sellerSku} in ${r0.marketplace} as ${r0.channel}; keep one and delete or untick the others`);
      d.entry = null;
    }
  }

  const boths = options.bothChannelsOnAmazon === undefined ? [] : 'marketplace' in options.bothChannelsOnAmazon ? [options.bothChannelsOnAmazon] : [...options.bothChannelsOnAmazon];
  const bothIn = new Map(boths.map((b) => [b.marketplace.toUpperCase(), b.sellerSkus] as const));
  const onAmazonBoth = (r: SkuMapRowResult) => bothIn.get(r.marketplace ?? '')?.has(r.sellerSku) === true;
  const dualGroups = new Map<string, Draft[]>();
  const dualOnAmazon = new Set<Draft>();
  for (const d of drafts) {
    const r = d.result;
    const skuKey = skuKeys[r.rowIndex];
    if (skuKey === undefined || channelsOfSku.get(skuKey) !== 3) continue;
    if (onAmazonBoth(r)) {
      dualOnAmazon.add(d);
      continue;
    }
    const g = dualGroups.get(skuKey);
    if (g) g.push(d);
    else dualGroups.set(skuKey, [d]);
  }
  const exceptions: RaisedException[] = [];
  const dualHeld = new Set<Draft>();
  for (const group of dualGroups.values()) {
    const r0 = group[0]!.result;
    const rowsText = rowList(group.map((d) => d.result.sheetRow));
    for (const d of group) {
      dualHeld.add(d);
      if (d.result.problems.length === 0) {
        d.result.state = 'dual';
        d.result.status = `Held: Seller SKU ${r0.sellerSku} is mapped as both FBM and FBA in ${r0.marketplace} (${rowsText})${bothIn.has(r0.marketplace ?? '') ? ', but Amazon lists it with one channel only' : ''}; nothing is pushed for it.`;
      }
    }
    exceptions.push({
      key: exceptionKey('DUAL_CHANNEL_SKU', r0.marketplace, r0.sellerSku),
      type: 'DUAL_CHANNEL_SKU',
      entity: `${r0.marketplace} ${r0.sellerSku}`,
      message:
        `Seller SKU ${r0.sellerSku} is mapped as both FBM and FBA in ${r0.marketplace} (SKU Map ${rowsText})` +
        `${bothIn.has(r0.marketplace ?? '') ? ', but Amazon lists it with one channel only' : ''}. ` +
        'A merchant quantity sent to an offer Amazon fulfils would turn it into a merchant-fulfilled offer, so the add-on pushes nothing for this SKU. ' +
        'Keep the row that matches how the offer is fulfilled on Amazon and delete or untick the other.',
    });
  }

  const invalid = new Map<string, { drafts: Draft[] }>();
  const entries: SkuMapEntry[] = [];
  const held: SkuMapEntry[] = [];
  for (const d of drafts) {
    const r = d.result;
    if (r.state === 'blank' || r.state === 'inactive') continue;
    if (r.problems.length) {
      r.state = 'invalid';
      r.status = `Not used: ${r.problems.join('; ')}.`;
      d.entry = null;
      const k = invalidKey(d);
      const g = invalid.get(k);
      if (g) g.drafts.push(d);
      else invalid.set(k, { drafts: [d] });
      continue;
    }
    r.entry = d.entry;
    if (!d.entry) continue;
    // Before issue 17 such a row said OK and was skipped silently.
    if (!listed.includes(d.entry.marketplace)) {
      r.status = notListedStatus(d.entry.marketplace, listed);
      continue;
    }
    if (dualHeld.has(d)) held.push(d.entry);
    else {
      entries.push(d.entry);
      r.status = d.entry.channel === 'FBA' ? 'OK (FBA: stock is read from Amazon, never pushed).' : 'OK';
      if (dualOnAmazon.has(d)) {
        r.status =
          d.entry.channel === 'FBA'
            ? 'OK (Amazon lists this SKU as FBM and FBA: the FBA stock is read, never pushed).'
            : 'OK (Amazon lists this SKU as FBM and FBA: only the merchant quantity, channel DEFAULT, is pushed).';
      }
    }
  }

  for (const [key, { drafts: group }] of invalid) {
    const r0 = group[0]!.result;
    const problems: string[] = [];
    for (const d of group) for (const p of d.result.problems) if (problems.indexOf(p) < 0) problems.push(p);
    const where = rowList(group.map((d) => d.result.sheetRow));
    const what = r0.sellerSku ? ` (Seller SKU ${r0.sellerSku}, ${r0.marketplace}${r0.channel ? `, ${r0.channel}` : ''})` : '';
    exceptions.push({
      key,
      type: 'MAPPING_INVALID',
      entity: r0.sellerSku ? `${r0.marketplace} ${r0.channel ?? (group[0]!.rawChannel || '?')} ${r0.sellerSku}` : `SKU Map row ${r0.sheetRow}`,
      message:
        `SKU Map ${where}${what} ${group.length > 1 ? 'are' : 'is'} not used: ${problems.join('; ')}. ` +
        "Until it is fixed, the add-on does not update Amazon's quantity for this offer. " +
        'Fix the SKU Map; the next sync picks the change up.',
    });
  }

  return { rows: drafts.map((d) => d.result), entries, held, exceptions };
}
