// Amounts of a settlement file, written in the seller's locale: "1,234.56" (UK, US) or "1.234,56"
// / "95,00" (EU). Amazon's notice of the V2 flat file's format says amounts come "in local format
// (e.g. 95,00 in EU)" (https://developer-docs.amazon.com/sp-api/changelog/update-deprecation-of-two-payment-settlement-report-types,
// sp-api.md §6), so the decimal mark is chosen once per file from all its
// amounts and every cell is then read with that one mark: a cell is never guessed on its own.
//
// The rule (chooseDecimal):
//   - strong evidence: a value that ends in a mark followed by one or two digits and reads only
//     with that mark as the decimal ("95,00", "1.234,56", "12.5", "1,234.56");
//   - weak evidence: a value that reads with only one mark because of thousands grouping, since a
//     currency amount never has three decimals ("1.234" can only be 1234 with a decimal comma;
//     "1,234" only 1234 with a decimal point);
//   - the majority of the strong votes wins; without any, the majority of the weak votes; with
//     neither (only whole numbers, where the choice changes nothing) or a tie, the decimal point.
// Cells that do not read with the chosen mark are reported by the parser, not repaired.

export type DecimalMark = ',' | '.';

// Thousands grouping: the other mark, or a space (also the no-break spaces French exports use);
// one kind per number (the backreference), groups of exactly three digits.
const POINT = /^(\d{1,3}(?:([, \u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)(?:\.(\d{1,2}))?$/;
const COMMA = /^(\d{1,3}(?:([. \u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)(?:,(\d{1,2}))?$/;
const ENDS_IN_DECIMALS = /[.,]\d{1,2}$/;

/** The amount in cents when `text` reads with `decimal` as its decimal mark; null when it does not. */
export function parseCents(text: string, decimal: DecimalMark): number | null {
  let t = text.trim();
  let sign = 1;
  const first = t.charAt(0);
  if (first === '-' || first === '+' || first === '\u2212') {
    if (first !== '+') sign = -1;
    t = t.slice(1).trim();
  }
  const m = (decimal === '.' ? POINT : COMMA).exec(t);
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/\D/g, '');
  const fraction = ((m[3] ?? '') + '00').slice(0, 2);
  const cents = Number(whole) * 100 + Number(fraction);
  if (!Number.isSafeInteger(cents)) return null;
  return cents === 0 ? 0 : sign * cents;
}

/** The file's decimal mark from all its amount cells (empty cells give no evidence). */
export function chooseDecimal(values: Iterable<string>): DecimalMark {
  const strong = { '.': 0, ',': 0 };
  const weak = { '.': 0, ',': 0 };
  for (const v of values) {
    if (!/[.,]/.test(v)) continue;
    const point = parseCents(v, '.') !== null;
    const comma = parseCents(v, ',') !== null;
    if (point === comma) continue;
    const mark: DecimalMark = point ? '.' : ',';
    const tail = v.trim();
    // Strong only when the trailing digits are the decimals under the winning mark.
    if (ENDS_IN_DECIMALS.test(tail) && tail.charAt(tail.search(/[.,]\d{1,2}$/)) === mark) strong[mark]++;
    else weak[mark]++;
  }
  if (strong[','] !== strong['.']) return strong[','] > strong['.'] ? ',' : '.';
  if (weak[','] !== weak['.']) return weak[','] > weak['.'] ? ',' : '.';
  return '.';
}

/** How the file writes amounts, for a message: "a decimal comma (e.g. -1.234,56)". */
export function describeDecimal(decimal: DecimalMark): string {
  return decimal === ',' ? 'a decimal comma (e.g. -1.234,56)' : 'a decimal point (e.g. -1,234.56)';
}
