// The keys the SKU Map builder compares by: a SKU with case, spaces, dashes and leading zeros
// taken out (how the same product ends up typed differently in Seller Central and at the 3PL),
// a barcode as its digits without leading zeros, and a title as its words.

/** "tee-m 01" and "TEE M01" → "TEEM01"; "00123" → "123". */
export function normaliseSku(sku: string): string {
  return sku.toUpperCase().replace(/[\s\-_–—.]+/g, '').replace(/^0+(?=.)/, '');
}

/**
 * A GTIN as digits without leading zeros, so a 12-digit UPC and the 13-digit EAN Amazon may hold
 * for it (the same number with a leading 0: GS1 GTIN-12 in a GTIN-13 field) meet. '' for anything
 * that is not 8, 12, 13 or 14 digits (GS1 GTIN lengths).
 */
export function barcodeKey(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) return '';
  return digits.replace(/^0+/, '');
}

/** Words that say nothing about which product a title names. */
const STOP = new Set(['the', 'and', 'for', 'with', 'of', 'a', 'an', 'in', 'to', 'by', 'on', 'or', 'de', 'und', 'et', 'le', 'la', 'der', 'die', 'das']);

/** A title's distinct words, lower case, accents off; single letters kept only as sizes (s, m, l). */
export function titleTokens(title: string): string[] {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const out = new Set<string>();
  for (const w of words) if (w && !STOP.has(w)) out.add(w);
  return [...out];
}
