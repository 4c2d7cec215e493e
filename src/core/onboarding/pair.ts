// Pairing one Amazon offer with a 3PL product, strongest evidence first (issue 18): identical SKU;
// identical once case, spaces, dashes and leading zeros are taken out; a barcode the 3PL holds
// equal to a UPC/EAN/ISBN Amazon gives for the listing; similar titles. Two products that fit
// equally well are never chosen between: the row names both and proposes neither.

import { barcodeKey, normaliseSku } from './normalise';
import { buildTitleIndex, type TitleIndex } from './title-index';
import type { AmazonOffer, Candidate, CatalogueProduct, Pairing } from './types';

/** A title pairing needs at least this score (weighted Dice of the words). */
export const TITLE_MIN = 0.6;
/** Titles this similar are named in Notes as candidates, without being proposed. */
export const TITLE_SHOW = 0.3;
/** A runner-up within this of the best title makes the pairing ambiguous. */
const TITLE_MARGIN = 0.1;

/** Confidence by kind of evidence; a title's is its score, kept below a barcode's. */
const CONFIDENCE = { sku: 1, normalised: 0.9, barcode: 0.85, titleCap: 0.8 } as const;

export interface Catalogue {
  products: readonly CatalogueProduct[];
  pair(offer: AmazonOffer): Pairing;
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key);
  if (!l) map.set(key, [i]);
  else if (l[l.length - 1] !== i) l.push(i);
}

export function buildCatalogue(products: readonly CatalogueProduct[]): Catalogue {
  const bySku = new Map<string, number[]>();
  const byNorm = new Map<string, number[]>();
  const byBarcode = new Map<string, number[]>();
  products.forEach((p, i) => {
    push(bySku, p.sku, i);
    push(byNorm, normaliseSku(p.sku), i);
    for (const b of p.barcodes) {
      const k = barcodeKey(b);
      if (k) push(byBarcode, k, i);
    }
  });
  const usable = products.map((p, i) => (p.unusable ? -1 : i)).filter((i) => i >= 0);
  const titles: TitleIndex = buildTitleIndex(usable.map((i) => products[i]!.name));
  const candidate = (i: number, score: number, why: Candidate['why']): Candidate => ({ sku: products[i]!.sku, name: products[i]!.name, score, why });

  function decided(found: number[], why: 'SKU' | 'SKU (normalised)' | 'Barcode', confidence: number, titleRunnersUp: Candidate[]): Pairing {
    const distinct = [...new Set(found)];
    const fit = distinct.filter((i) => !products[i]!.unusable);
    if (fit.length > 1) {
      return { match: 'Ambiguous', confidence: 0, threePlSku: '', active: false, candidates: fit.map((i) => candidate(i, confidence, why)) };
    }
    const i = fit[0] ?? distinct[0]!;
    const exact = why === 'SKU' && fit.length === 1;
    return {
      match: why,
      confidence,
      threePlSku: products[i]!.sku,
      // Only an identical SKU is accepted without a person: every other kind of evidence can be wrong.
      active: exact,
      candidates: [candidate(i, confidence, why), ...titleRunnersUp.filter((c) => c.sku !== products[i]!.sku).slice(0, 2)],
    };
  }

  return {
    products,
    pair(offer) {
      const exact = bySku.get(offer.sellerSku);
      if (exact) return decided(exact, 'SKU', CONFIDENCE.sku, []);
      const titleMatches = offer.title ? titles.query(offer.title, 3).filter((m) => m.score >= TITLE_SHOW) : [];
      const titleCandidates = titleMatches.map((m) => candidate(usable[m.index]!, Math.round(m.score * 100) / 100, 'Title'));
      const norm = byNorm.get(normaliseSku(offer.sellerSku));
      if (norm) return decided(norm, 'SKU (normalised)', CONFIDENCE.normalised, titleCandidates);
      const viaBarcode: number[] = [];
      for (const id of offer.productIds) {
        if (id.type === 'ASIN') continue;
        const k = barcodeKey(id.value);
        for (const i of (k && byBarcode.get(k)) || []) viaBarcode.push(i);
      }
      if (viaBarcode.length) return decided(viaBarcode, 'Barcode', CONFIDENCE.barcode, titleCandidates);
      const [best, second] = titleCandidates;
      if (best && best.score >= TITLE_MIN) {
        if (second && second.score >= TITLE_MIN && best.score - second.score < TITLE_MARGIN) {
          return { match: 'Ambiguous', confidence: 0, threePlSku: '', active: false, candidates: titleCandidates.filter((c) => c.score >= TITLE_MIN) };
        }
        return { match: 'Title', confidence: Math.min(best.score, CONFIDENCE.titleCap), threePlSku: best.sku, active: false, candidates: titleCandidates };
      }
      return { match: 'None', confidence: 0, threePlSku: '', active: false, candidates: titleCandidates };
    },
  };
}
