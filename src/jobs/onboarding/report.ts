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

/** Offers left without a proposal because of what people typed or deleted, and what to do about it. */
function notProposed(result: ProposeResult): string {
  let out = '';
  if (result.loose.length) {
    const shown = result.loose.slice(0, 5).map((l) => `row ${l.sheetRow} "${l.typed}" for Amazon's "${l.amazonSku}"`);
    const more = result.loose.length > shown.length ? ` and ${result.loose.length - shown.length} more` : '';
    out +=
      ` ${result.loose.length} row(s) name an Amazon Seller SKU in another case or spacing (${shown.join('; ')}${more}): no second row was proposed for ` +
      'those offers; type the Seller SKU exactly as Amazon has it, or the stock sync does not use the row.';
  }
  if (result.deleted) {
    out += ` ${result.deleted} offer(s) proposed by an earlier build have no row any more (deleted) and were not proposed again; add a row by hand to map one.`;
  }
  return out;
}

export function changeReport(r: ReportInput): { counts: Record<string, number>; message: string } {
  const { result } = r;
  const n = result.proposals.length;
  const counts: Record<string, number> = { amazonOffers: r.offers, '3plProducts': r.products, proposedRows: n, alreadyMapped: result.covered };
  for (const [kind, key] of ORDER) counts[key] = result.byMatch[kind] ?? 0;
  counts['deletedNotProposed'] = result.deleted;
  const read = `Read ${r.offers} Amazon offer(s) and ${r.products} ${r.threePlName} product(s); ${result.covered} offer(s) already had a SKU Map row.` + notProposed(result);
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
