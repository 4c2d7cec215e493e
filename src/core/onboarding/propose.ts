// The SKU Map builder's decision (issue 18): one proposed row per Amazon offer no SKU Map row
// covers yet, each paired with the 3PL product the evidence points to, never a row for a 3PL
// product alone (packaging, spares) and never a change to rows people made.

import { cellText, formatPercent } from '../cells';
import { findLostLeadingZeros, parseChannel, rowMarketplace, SKU_MAP_COLUMNS } from '../inventory/sku-map';
import type { RawRow } from '../inventory/types';
import type { Catalogue } from './pair';
import type { AmazonOffer, Candidate, CatalogueProduct, Pairing, ProposedRow } from './types';

export interface ProposeInput {
  /** The SKU Map's rows as they are. */
  rows: ReadonlyArray<RawRow>;
  offers: ReadonlyArray<AmazonOffer>;
  catalogue: Catalogue;
  /** The Settings marketplace: rows with an empty Marketplace cell are in it. */
  defaultMarketplace: string;
  /** Offers (rememberedKey) an earlier build proposed: never proposed again, even when their row is gone. */
  proposedBefore?: ReadonlySet<string>;
}

/** A SKU Map row whose Seller SKU is Amazon's only in another case or spacing, taken as that offer's row. */
export interface LooseRow {
  /** The row number people see (header is row 1). */
  sheetRow: number;
  typed: string;
  amazonSku: string;
}

export interface ProposeResult {
  proposals: ProposedRow[];
  /** Offers that already had a row. */
  covered: number;
  /** Proposed rows by Match. */
  byMatch: Record<string, number>;
  /** Rows typed in another case or spacing than Amazon's Seller SKU: they cover that offer (and Status says the spelling is off). */
  loose: LooseRow[];
  /** Offers an earlier build proposed whose row is gone (deleted by a person): not proposed again. */
  deleted: number;
}

const C = SKU_MAP_COLUMNS;

function offerKey(marketplace: string, channel: string, sellerSku: string): string {
  return `${marketplace}\u0000${channel}\u0000${sellerSku}`;
}

/** A Seller SKU as people may type Amazon's: case, spaces around and runs of spaces aside. */
function looseSku(sku: string): string {
  return sku.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * The offers rows already speak for: same Seller SKU, marketplace and channel; a row whose Channel
 * cannot be read speaks for both channels (it is someone's row, with its own Status); a number
 * that lost its leading zeros ("00123" typed as 123) speaks for the SKU it was meant to be; so does
 * a Seller SKU Amazon does not list as typed but does in another case or spacing ("tee-red-m" for
 * TEE-RED-M): proposing a second row for that offer, ticked when the 3PL has Amazon's spelling,
 * would push beside the person's row and turn both into duplicates once they fix the spelling.
 */
function coveredOffers(rows: ReadonlyArray<RawRow>, offers: ReadonlyArray<AmazonOffer>, defaultMarketplace: string): { covered: Set<string>; loose: LooseRow[] } {
  const out = new Set<string>();
  const loose: LooseRow[] = [];
  const mark = (mkt: string, channel: string | null, sku: string) => {
    if (channel) out.add(offerKey(mkt, channel, sku));
    else for (const ch of ['FBM', 'FBA']) out.add(offerKey(mkt, ch, sku));
  };
  const listed = new Set<string>();
  const byLoose = new Map<string, Set<string>>();
  for (const o of offers) {
    listed.add(`${o.marketplace}\u0000${o.sellerSku}`);
    const k = `${o.marketplace}\u0000${looseSku(o.sellerSku)}`;
    const set = byLoose.get(k);
    if (set) set.add(o.sellerSku);
    else byLoose.set(k, new Set([o.sellerSku]));
  }
  rows.forEach((row, i) => {
    const sku = cellText(row[C.sellerSku]);
    if (!sku) return;
    const mkt = rowMarketplace(row, defaultMarketplace);
    const channel = parseChannel(row[C.channel]);
    mark(mkt, channel, sku);
    if (listed.has(`${mkt}\u0000${sku}`)) return;
    for (const amazonSku of byLoose.get(`${mkt}\u0000${looseSku(sku)}`) ?? []) {
      mark(mkt, channel, amazonSku);
      loose.push({ sheetRow: i + 2, typed: sku, amazonSku });
    }
  });
  const byMarketplace = new Map<string, string[]>();
  for (const o of offers) {
    const list = byMarketplace.get(o.marketplace);
    if (list) list.push(o.sellerSku);
    else byMarketplace.set(o.marketplace, [o.sellerSku]);
  }
  for (const [marketplace, skus] of byMarketplace) {
    for (const z of findLostLeadingZeros(rows, skus, { marketplace, defaultMarketplace })) {
      mark(marketplace, parseChannel(rows[z.rowIndex]![C.channel]), z.amazonSku);
    }
  }
  return { covered: out, loose };
}

function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function named(c: Candidate): string {
  return c.name ? `${c.sku} "${short(c.name)}"` : c.sku;
}

function listed(cs: readonly Candidate[]): string {
  return cs.map((c) => `${named(c)} (${c.why === 'Title' ? `title ${formatPercent(c.score)}` : c.why})`).join('; ');
}

function notesFor(offer: AmazonOffer, p: Pairing, product: CatalogueProduct | undefined): string {
  const fba = offer.channel === 'FBA' ? ' FBA: Amazon holds this stock and no quantity is ever sent to it; a 3PL SKU is only needed to send stock from the 3PL.' : '';
  const others = p.candidates.slice(1);
  const also = others.length ? ` Also similar: ${listed(others)}.` : '';
  const unusable = product?.unusable ? ` The 3PL lists ${product.sku} as ${product.unusable}: check it before ticking Active.` : '';
  switch (p.match) {
    case 'SKU':
      return `Proposed: the 3PL has the same SKU${product?.name ? ` ("${short(product.name)}")` : ''}.${unusable}${fba}`;
    case 'SKU (normalised)':
      return `Proposed: 3PL SKU ${named(p.candidates[0]!)} differs from the Seller SKU only in case, spaces, dashes or leading zeros. Tick Active to accept.${unusable}${also}${fba}`;
    case 'Barcode':
      return `Proposed: 3PL product ${named(p.candidates[0]!)} carries a barcode Amazon lists for this offer (${offer.productIds.filter((i) => i.type !== 'ASIN').map((i) => `${i.type} ${i.value}`).join(', ')}). Tick Active to accept.${unusable}${also}${fba}`;
    case 'Title':
      return `Proposed: Amazon's title "${short(offer.title)}" is like 3PL product ${named(p.candidates[0]!)} (${formatPercent(p.candidates[0]!.score)}). Check it, then tick Active to accept.${unusable}${also}${fba}`;
    case 'Ambiguous':
      return `Not paired: ${p.candidates.length} 3PL products fit equally well: ${listed(p.candidates)}. Type the right one into 3PL SKU, then tick Active.${fba}`;
    default:
      return p.candidates.length
        ? `Not paired: no 3PL product matches well enough. Closest: ${listed(p.candidates)}. Type the 3PL SKU if one of them is it, then tick Active.${fba}`
        : `Not paired: no 3PL product has this SKU, a barcode Amazon lists for it, or a similar name${offer.title ? ` to "${short(offer.title)}"` : ''}. Type its 3PL SKU, then tick Active.${fba}`;
  }
}

/** Offers sorted as the rows will be appended: by Seller SKU, FBM before FBA, so a multi-channel listing's rows sit together. */
function ordered(offers: ReadonlyArray<AmazonOffer>): AmazonOffer[] {
  return [...offers].sort((a, b) => (a.marketplace < b.marketplace ? -1 : a.marketplace > b.marketplace ? 1 : a.sellerSku < b.sellerSku ? -1 : a.sellerSku > b.sellerSku ? 1 : a.channel === b.channel ? 0 : a.channel === 'FBM' ? -1 : 1));
}

export function proposeRows(input: ProposeInput): ProposeResult {
  const { covered, loose } = coveredOffers(input.rows, input.offers, input.defaultMarketplace.toUpperCase());
  const bySku = new Map(input.catalogue.products.map((p) => [p.sku, p] as const));
  const proposals: ProposedRow[] = [];
  const seen = new Set<string>();
  const byMatch: Record<string, number> = {};
  let already = 0;
  let deleted = 0;
  for (const offer of ordered(input.offers)) {
    const key = offerKey(offer.marketplace, offer.channel, offer.sellerSku);
    if (seen.has(key)) continue;
    seen.add(key);
    if (covered.has(key)) {
      already++;
      continue;
    }
    // Proposed by an earlier build and no row now: a person deleted it ("Delete rows for listings
    // you do not sell"). Proposing it again would bring back, ticked when the SKU is identical, a
    // row they removed, and the stock sync would push to that offer.
    if (input.proposedBefore?.has(rememberedKey(offer))) {
      deleted++;
      continue;
    }
    const pairing = input.catalogue.pair(offer);
    const product = pairing.threePlSku ? bySku.get(pairing.threePlSku) : undefined;
    proposals.push({ offer, pairing, notes: notesFor(offer, pairing, product) });
    byMatch[pairing.match] = (byMatch[pairing.match] ?? 0) + 1;
  }
  return { proposals, covered: already, byMatch, loose, deleted };
}

/** How the builder remembers an offer it proposed: "UK:FBM:TEE-M" (kept as text in a cell). */
export function rememberedKey(o: { marketplace: string; channel: string; sellerSku: string }): string {
  return `${o.marketplace}:${o.channel}:${o.sellerSku}`;
}

/**
 * The offers to remember after a build: those remembered before, those proposed now, and every
 * row that still carries a Match (proposed by a build made before the builder remembered them).
 */
export function rememberAfter(before: ReadonlySet<string>, rows: ReadonlyArray<RawRow>, proposals: ReadonlyArray<ProposedRow>, defaultMarketplace: string): string[] {
  const out = new Set(before);
  for (const p of proposals) out.add(rememberedKey(p.offer));
  for (const row of rows) {
    const sku = cellText(row[C.sellerSku]);
    const channel = parseChannel(row[C.channel]);
    if (sku && channel && cellText(row[C.match])) out.add(rememberedKey({ marketplace: rowMarketplace(row, defaultMarketplace.toUpperCase()), channel, sellerSku: sku }));
  }
  return [...out];
}

/** A proposed row as SKU Map cells by header: Active false unless the pairing is exact. */
export function proposalRecord(p: ProposedRow): Record<string, unknown> {
  const o = p.offer;
  return {
    [C.sellerSku]: o.sellerSku,
    [C.marketplace]: o.marketplace,
    [C.channel]: o.channel,
    [C.threePlSku]: p.pairing.threePlSku,
    [C.asin]: o.asin,
    [C.fnsku]: o.fnsku,
    [C.active]: p.pairing.active,
    [C.notes]: p.notes,
    [C.match]: p.pairing.match,
    // A share in a percent cell like Offer %; empty when nothing is proposed.
    [C.confidence]: p.pairing.threePlSku ? p.pairing.confidence : '',
  };
}
