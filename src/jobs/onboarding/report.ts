// What a SKU Map build changed, in the words of the Sync Log row: how many rows it added, how each
// was paired, where they start, and what is left for a person to do.

import type { ProposeResult } from '../../core/onboarding/propose';

interface ReportInput {
  result: ProposeResult;
  offers: number;
  products: number;
  firstRow: number;
  threePlName: string;
  fnskuNote: string;
}

/** Match → the Sync Log's count key (read as words: "3 exact sku") and the message's words. */
const ORDER: ReadonlyArray<[match: string, countKey: string, words: string]> = [
  ['SKU', 'exactSku', 'same SKU (ticked)'],
  ['SKU (normalised)', 'normalisedSku', 'SKU differing in case, spaces, dashes or leading zeros'],
  ['Barcode', 'barcodeMatch', 'barcode'],
  ['Title', 'titleMatch', 'similar title'],
  ['Ambiguous', 'ambiguous', 'ambiguous (two or more candidates)'],
  ['None', 'unmatched', 'no match'],
];

export function changeReport(r: ReportInput): { counts: Record<string, number>; message: string } {
  const { result } = r;
  const n = result.proposals.length;
  const counts: Record<string, number> = { amazonOffers: r.offers, '3plProducts': r.products, proposedRows: n, alreadyMapped: result.covered };
  for (const [kind, key] of ORDER) counts[key] = result.byMatch[kind] ?? 0;
  const read = `Read ${r.offers} Amazon offer(s) and ${r.products} ${r.threePlName} product(s); ${result.covered} offer(s) already had a SKU Map row.`;
  if (n === 0) return { counts, message: `${read} Nothing new to propose: the SKU Map was left as it was.` };
  const parts = ORDER.filter(([kind]) => result.byMatch[kind]).map(([kind, , words]) => `${result.byMatch[kind]} ${words}`);
  const rows = n === 1 ? `row ${r.firstRow}` : `rows ${r.firstRow}–${r.firstRow + n - 1}`;
  const toReview = n - (result.byMatch['SKU'] ?? 0);
  return {
    counts,
    message:
      `${read} Added ${n} proposed row(s) to the SKU Map (${rows}): ${parts.join(', ')}. ` +
      (toReview ? `${toReview} row(s) arrive unticked: check Match, Confidence and Notes, then tick Active to accept each.` : 'Every row was an exact SKU match and is ticked.') +
      r.fnskuNote,
  };
}
