// The data shapes of an imported Amazon settlement (V2 flat file, docs/design.md §3 "Settlements"):
// the summary row, the transaction lines, and what could not be read. Amounts are integer
// hundredths of the currency unit ("cents", also for JPY) so every sum is exact.

export interface SettlementSummary {
  settlementId: string;
  /** ms (settlement-start-date) */
  start: number | null;
  /** ms (settlement-end-date) */
  end: number | null;
  /** ms */
  depositDate: number | null;
  currency: string;
  /** total-amount of the summary row (money to the seller positive, as in the file). */
  totalCents: number;
}

export interface SettlementLine {
  /** 1-based line number in the file (header = 1). */
  lineNo: number;
  settlementId: string;
  transactionType: string;
  orderId: string;
  sku: string;
  amountType: string;
  amountDescription: string;
  amountCents: number;
  /** ms, posted-date-time (or posted-date when the file has no time). */
  posted: number | null;
}

/** A line that could not be read: plain words naming the column and the value. */
export interface LineProblem {
  lineNo: number;
  message: string;
  /** The line belongs to another settlement (a file holding two): its settlement id. */
  otherSettlement?: string;
  /** The line is in a second copy of the settlement (the file saved twice into one): the line the copy's header is on. */
  copyFrom?: number;
}

export interface ParsedSettlement {
  summary: SettlementSummary;
  /** Every data line after the summary row that parsed. */
  lines: SettlementLine[];
  /** Lines that could not be parsed: never dropped silently, never guessed. */
  problems: LineProblem[];
  /** The decimal mark, chosen once per file. */
  decimal: ',' | '.';
  /** The distinct marketplace-name values of its lines ("Amazon.fr"), as written. */
  marketplaceNames?: string[];
}

/** Not ok: no header, no summary row, or not a V2 flat file. */
/**
 * `incomplete`: the text stops before the settlement's summary row (empty, or a header alone): what a
 * download cut short looks like, as no settlement file Amazon makes is that short.
 */
export type ParseResult = { ok: true; settlement: ParsedSettlement } | { ok: false; message: string; incomplete?: true };

/**
 * One Settlement Map row. Each match cell is "any", or a comma list of values, each exact or
 * ending in "*" (a prefix). sheetRow is null for the built-in defaults.
 */
export interface SettlementRule {
  sheetRow: number | null;
  transactionType: string;
  amountType: string;
  amountDescription: string;
  category: string;
  account: string;
  notes: string;
  /**
   * Set (the problem, in plain words) when the row cannot be used: it still claims the lines it
   * matches, which stay UNMAPPED, so a wider row (a catch-all) never takes them silently.
   */
  unusable?: string;
}
