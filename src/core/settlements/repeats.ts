// Lines of a settlement file that repeat an earlier line in every column the add-on reads (type,
// order, SKU, amount type and description, amount, posted time). Two order items of one SKU can look
// so, so a repeat is never dropped; but when the lines do not add up to Amazon's total, a line the
// file repeats by mistake is the likeliest cause, and SETTLEMENT_MISMATCH names it.

import type { SettlementLine } from './types';

export interface Repeat {
  lineNo: number;
  /** The earlier line it repeats. */
  of: number;
  amountCents: number;
}

export function repeatedLines(lines: readonly SettlementLine[]): Repeat[] {
  const first = new Map<string, number>();
  const out: Repeat[] = [];
  for (const l of lines) {
    const key = [l.transactionType, l.orderId, l.sku, l.amountType, l.amountDescription, l.amountCents, l.posted].join('\t');
    const seen = first.get(key);
    if (seen === undefined) first.set(key, l.lineNo);
    else out.push({ lineNo: l.lineNo, of: seen, amountCents: l.amountCents });
  }
  return out;
}

/** A sentence for the mismatch message, or '' when no line repeats another. */
export function repeatsNote(lines: readonly SettlementLine[], differenceCents: number, currency: string): string {
  const repeats = repeatedLines(lines);
  if (!repeats.length) return '';
  const shown = repeats.slice(0, 5).map((r) => `line ${r.lineNo} repeats line ${r.of}`).join(', ') + (repeats.length > 5 ? ', …' : '');
  const sum = repeats.reduce((n, r) => n + r.amountCents, 0);
  const whole = sum === -differenceCents ? `, which accounts for the whole difference` : '';
  return `${repeats.length} line(s) repeat an earlier line in every column read (${shown}; ${(sum / 100).toFixed(2)} ${currency} in all${whole}): if the file repeats them by mistake, that is the cause. `;
}
