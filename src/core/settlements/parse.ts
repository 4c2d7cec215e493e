// Reads an Amazon settlement report, GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 (text already
// decoded), into its summary and lines. Sources: the column list at
// https://developer-docs.amazon.com/sp-api/docs/settlement-reports-attributes and
// sp-api.md §6. What the file looks like, and what this reader does:
//   - tab-separated, the header first; columns are found by name (trimmed, any case), so extra,
//     reordered or missing optional columns are fine; a UTF-8 BOM, CRLF and blank lines are fine;
//   - the first data row is the settlement summary (settlement-id, start, end, deposit date,
//     total-amount, currency) with every transaction column empty; without it, or without its total
//     or its currency (a three-letter code), the file is refused;
//   - every later row is one transaction and carries an amount: in V2 files only the summary row
//     has no amount-type and no amount (sp-api.md §6, and the published sample files), so an
//     empty amount on a later row is a problem on that line, never read as zero;
//   - amounts and slashed dates are read with one convention chosen for the whole file
//     (amounts.ts, dates.ts), except a line's slashed date that reads both ways, which the
//     settlement's own period places (posted-date.ts); posted is posted-date-time, else posted-date;
//   - a date without a time ("2026-11-03", "03.11.2026") is the start of that day where the reader
//     shows it (`dayStart`, the spreadsheet's time zone), a date with a time keeps its moment;
//   - a transaction row that names a currency other than the summary's is a problem on that line
//     (its amount is never added into another currency's totals);
//   - every transaction row has all the header's cells and a posted date: a row cut short (a
//     truncated download) or without a date is a problem on that line, never imported half-read;
//   - a row that cannot be read becomes a LineProblem naming the line, the column and the value.

import { chooseDecimal, describeDecimal, parseCents } from './amounts';
import { parseSettlementDate, slashOrderShown, type DateResult } from './dates';
import { parsePostedDate } from './posted-date';
import type { LineProblem, ParseResult, SettlementLine, SettlementSummary } from './types';

export { monthOf } from './dates';

const COL = {
  settlementId: 'settlement-id',
  start: 'settlement-start-date',
  end: 'settlement-end-date',
  deposit: 'deposit-date',
  total: 'total-amount',
  currency: 'currency',
  transactionType: 'transaction-type',
  orderId: 'order-id',
  amountType: 'amount-type',
  amountDescription: 'amount-description',
  amount: 'amount',
  postedDate: 'posted-date',
  postedDateTime: 'posted-date-time',
  sku: 'sku',
} as const;
type Key = keyof typeof COL;
const KEYS = Object.keys(COL) as Key[];
const SLOT = {} as Record<Key, number>;
KEYS.forEach((k, i) => (SLOT[k] = i));

const REQUIRED: readonly Key[] = ['settlementId', 'total', 'currency', 'transactionType', 'amountType', 'amountDescription', 'amount'];
const TRANSACTION: readonly Key[] = ['transactionType', 'amountType', 'amountDescription', 'amount'];
const SUMMARY_DATES: ReadonlyArray<[Key, 'start' | 'end' | 'depositDate']> = [['start', 'start'], ['end', 'end'], ['deposit', 'depositDate']];

/** A data row, keeping only the cells the reader uses (cleaned, in KEYS order): a large file's
 * other columns are dropped at once, as memory is what limits the size one run can read. */
interface Row {
  lineNo: number;
  values: string[];
  /** How many cells the line has. */
  count: number;
  /** The first non-empty cell past the header's last column ('' when none). */
  extra: string;
}

/** One cell as a person means it: trimmed, and unquoted when a spreadsheet saved it quoted. */
function clean(cell: string): string {
  const t = cell.trim();
  return t.length >= 2 && t.charAt(0) === '"' && t.charAt(t.length - 1) === '"' ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

const isBlank = (line: string) => line.trim() === '';

type Columns = Partial<Record<Key, number>>;

function readHeader(line: string): { ok: true; columns: Columns; width: number; marketplaceAt: number } | { ok: false; message: string } {
  const names = line.split('\t').map((c) => clean(c).toLowerCase());
  if (!names.includes(COL.settlementId)) {
    if (line.trim().startsWith('<')) return { ok: false, message: 'This is an XML settlement report; the add-on reads the V2 flat file (tab-separated text), GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2.' };
    if (/settlement-id/i.test(line)) return { ok: false, message: 'The first line names settlement-id but is not tab-separated (saved as CSV?); use the settlement file as Amazon delivers it (tab-separated text).' };
    return { ok: false, message: 'Not an Amazon settlement report: the first line has no settlement-id column.' };
  }
  const columns: Columns = {};
  for (const key of KEYS) {
    const at = names.indexOf(COL[key]);
    if (at < 0) continue;
    if (names.indexOf(COL[key], at + 1) >= 0) return { ok: false, message: `The header names the column ${COL[key]} twice, so its values cannot be told apart.` };
    columns[key] = at;
  }
  const missing = REQUIRED.filter((k) => columns[k] === undefined).map((k) => COL[k]);
  if (missing.length) {
    const v1 = names.includes('price-type') || names.includes('item-related-fee-type');
    return {
      ok: false,
      message: v1
        ? 'This is the old (V1) settlement flat file, with price-type and fee-type columns; the add-on reads the V2 flat file (amount-type, amount-description, amount).'
        : `Not a V2 settlement flat file: the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`,
    };
  }
  if (columns.postedDate === undefined && columns.postedDateTime === undefined) {
    return { ok: false, message: 'Not a V2 settlement flat file: the header has neither a posted-date nor a posted-date-time column, so no line could be given its month.' };
  }
  return { ok: true, columns, width: names.length, marketplaceAt: names.indexOf('marketplace-name') };
}

export interface ParseOptions {
  /**
   * The instant a calendar day starts in the spreadsheet's time zone, from its UTC midnight (see
   * core/day-start.ts). Absent, a date without a time is UTC midnight.
   */
  dayStart?: (utcMidnight: number) => number;
}

export function parseSettlementFile(text: string, opts: ParseOptions = {}): ParseResult {
  const placed = (d: DateResult & { ok: true }): number | null => (d.ms !== null && d.day && opts.dayStart ? opts.dayStart(d.ms) : d.ms);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  while (i < lines.length && isBlank(lines[i] ?? '')) i++;
  if (i >= lines.length) return { ok: false, message: 'The file is empty.', incomplete: true };
  const header = readHeader(lines[i] ?? '');
  if (!header.ok) return header;
  const { columns, width } = header;

  const positions = KEYS.map((k) => columns[k]);
  const rows: Row[] = [];
  // The marketplace-name values the file holds, kept once each (never per line: memory).
  const marketplaceAt = header.marketplaceAt;
  const marketplaceNames = new Set<string>();
  // Where the header comes again (two files saved into one): the row index the next copy starts at, and its line.
  const copies: Array<{ at: number; lineNo: number }> = [];
  for (let n = i + 1; n < lines.length; n++) {
    const line = lines[n] ?? '';
    if (isBlank(line)) continue;
    const cells = line.split('\t');
    if (clean(cells[columns.settlementId!] ?? '').toLowerCase() === COL.settlementId) {
      copies.push({ at: rows.length, lineNo: n + 1 });
      continue;
    }
    const values = positions.map((at) => (at === undefined ? '' : clean(cells[at] ?? '')));
    if (marketplaceAt >= 0) {
      const name = clean(cells[marketplaceAt] ?? '');
      if (name) marketplaceNames.add(name);
    }
    let extra = '';
    for (let c = width; c < cells.length && !extra; c++) extra = clean(cells[c] ?? '');
    rows.push({ lineNo: n + 1, values, count: cells.length, extra });
  }
  const summaryRow = rows.shift();
  if (!summaryRow) return { ok: false, message: 'The file has a header but no summary row (the first data row, with the settlement total).', incomplete: true };
  const cell = (row: Row, key: Key): string => row.values[SLOT[key]] ?? '';
  const repeated = secondCopies(rows, copies, summaryRow, cell);

  const filled = TRANSACTION.filter((k) => cell(summaryRow, k) !== '');
  if (filled.length) {
    return { ok: false, message: `Line ${summaryRow.lineNo}, the first data row, is not the settlement summary: it has ${filled.map((k) => `${COL[k]} "${cell(summaryRow, k)}"`).join(', ')}. A V2 settlement file starts with one summary row holding the total.` };
  }
  const settlementId = cell(summaryRow, 'settlementId');
  if (!settlementId) return { ok: false, message: `Line ${summaryRow.lineNo}, the summary row, has no settlement-id.` };

  const decimal = chooseDecimal(amountCells(rows, summaryRow, cell));
  const shown = slashOrderShown(dateCells(rows, summaryRow, cell));
  const slash = shown ?? 'MDY';

  const totalText = cell(summaryRow, 'total');
  const totalCents = parseCents(totalText, decimal);
  if (totalCents === null) {
    return { ok: false, message: `Line ${summaryRow.lineNo}, the summary row: total-amount ${totalText ? `"${totalText}" is not an amount written with ${describeDecimal(decimal)}` : 'is empty'}, so the settlement total is unknown.` };
  }

  // Without its currency no amount of the file can be put in a column or a Dashboard sum without
  // guessing, and lines in two currencies would be added together: the file is refused, as without a total.
  const currencyText = cell(summaryRow, 'currency');
  if (!/^[A-Za-z]{3}$/.test(currencyText)) {
    return { ok: false, message: `Line ${summaryRow.lineNo}, the summary row: currency ${currencyText ? `"${currencyText}" is not a three-letter currency code (such as GBP or EUR)` : 'is empty'}, so the settlement's amounts are in no known currency.` };
  }

  const problems: LineProblem[] = [];
  const summary: SettlementSummary = { settlementId, start: null, end: null, depositDate: null, currency: currencyText.toUpperCase(), totalCents };
  const summaryIssues: string[] = [];
  // The period as the file writes it, for placing a line's slashed date that reads both ways.
  const period: { start: number | null; end: number | null } = { start: null, end: null };
  for (const [key, field] of SUMMARY_DATES) {
    const d = parseSettlementDate(cell(summaryRow, key), slash);
    if (!d.ok) {
      summaryIssues.push(`column "${COL[key]}" holds "${cell(summaryRow, key)}": ${d.problem}`);
      continue;
    }
    summary[field] = placed(d);
    if (field !== 'depositDate') period[field] = d.ms;
  }
  if (summaryIssues.length) problems.push({ lineNo: summaryRow.lineNo, message: `Line ${summaryRow.lineNo} (summary): ${summaryIssues.join('; ')}.` });

  // Lines of one order share their posted time: each distinct date text is read once.
  const dates = new Map<string, DateResult>();
  const posted = { order: slash, shown: shown !== null, ...period };
  const date = (text: string): DateResult => {
    let d = dates.get(text);
    if (!d) {
      d = parsePostedDate(text, posted);
      dates.set(text, (d = d.ok ? { ok: true, ms: placed(d) } : d));
    }
    return d;
  };
  const out: SettlementLine[] = [];
  for (const row of rows) {
    const copy = repeated.get(row);
    if (copy) {
      problems.push({ lineNo: row.lineNo, message: `Line ${row.lineNo}: it is in a second copy of settlement ${settlementId} (the file's header again at line ${copy}, then the same summary and lines), left out so the settlement is not counted twice.`, copyFrom: copy });
      continue;
    }
    const r = readLine(row, width, summary, decimal, date, cell);
    if ('message' in r) problems.push(r);
    else out.push(r);
  }
  return { ok: true, settlement: { summary, lines: out, problems, decimal, marketplaceNames: [...marketplaceNames] } };
}

type CellOf = (row: Row, key: Key) => string;

/**
 * The rows of a second copy of this settlement (after the header again: the same summary, then the
 * same lines, cell for cell), each with the line its header is on. A copy that differs, or another
 * settlement, is left to the line checks (a line of another settlement is named as such).
 */
function secondCopies(rows: readonly Row[], copies: ReadonlyArray<{ at: number; lineNo: number }>, summary: Row, cell: CellOf): Map<Row, number> {
  const out = new Map<Row, number>();
  if (copies.length === 0) return out;
  // Indexes in `rows`, which no longer holds the summary row.
  const starts = copies.map((c) => ({ at: c.at - 1, lineNo: c.lineNo }));
  const first = rows.slice(0, starts[0]!.at);
  const same = (a: Row, b: Row) => a.values.length === b.values.length && a.values.every((v, k) => v === b.values[k]);
  starts.forEach((c, k) => {
    const section = rows.slice(c.at, k + 1 < starts.length ? starts[k + 1]!.at : rows.length);
    const [head, ...body] = section;
    if (!head || cell(head, 'settlementId') !== cell(summary, 'settlementId') || !same(head, summary)) return;
    if (body.length !== first.length || !body.every((row, n) => same(row, first[n]!))) return;
    for (const row of section) out.set(row, c.lineNo);
  });
  return out;
}

function* amountCells(rows: readonly Row[], summary: Row, cell: CellOf): Generator<string> {
  yield cell(summary, 'total');
  for (const row of rows) yield cell(row, 'amount');
}

function* dateCells(rows: readonly Row[], summary: Row, cell: CellOf): Generator<string> {
  for (const [key] of SUMMARY_DATES) yield cell(summary, key);
  for (const row of rows) {
    yield cell(row, 'postedDate');
    yield cell(row, 'postedDateTime');
  }
}

function readLine(row: Row, width: number, summary: SettlementSummary, decimal: ',' | '.', date: (text: string) => DateResult, cell: CellOf): SettlementLine | LineProblem {
  const { settlementId } = summary;
  const issues: string[] = [];
  // A row cut short (a download that stopped mid-line) would read its missing cells as empty.
  if (row.count < width) issues.push(`it has ${row.count} cells but the header has ${width} columns, so it is cut short (a truncated file?) and its last columns are missing`);
  if (row.extra) issues.push(`it has ${row.count} cells but the header has ${width} columns ("${row.extra}" is past the last column), so its columns do not line up`);

  const id = cell(row, 'settlementId');
  if (id && id !== settlementId) issues.push(`column "settlement-id" holds "${id}", not this file's settlement ${settlementId}`);

  // An amount in another currency cannot be added to this settlement's totals: no rate is known.
  const currency = cell(row, 'currency').toUpperCase();
  if (currency && summary.currency && currency !== summary.currency) issues.push(`column "currency" holds "${cell(row, 'currency')}", not this settlement's ${summary.currency}, so its amount cannot be added to the settlement's totals`);

  const amountText = cell(row, 'amount');
  const amountCents = parseCents(amountText, decimal);
  if (!amountText) issues.push('column "amount" is empty; every transaction line carries an amount');
  else if (amountCents === null) issues.push(`column "amount" holds "${amountText}", which is not an amount written with ${describeDecimal(decimal)} like the rest of the file`);

  const postedKey: Key = cell(row, 'postedDateTime') ? 'postedDateTime' : 'postedDate';
  const posted = date(cell(row, postedKey));
  if (!posted.ok) issues.push(`column "${COL[postedKey]}" holds "${cell(row, postedKey)}": ${posted.problem}`);
  // Without its date a line has no Month, so it would drop out of every month-end split.
  else if (posted.ms === null) issues.push('columns "posted-date-time" and "posted-date" are both empty; every transaction line is posted on a date');

  if (issues.length || amountCents === null || !posted.ok || posted.ms === null) {
    return { lineNo: row.lineNo, message: `Line ${row.lineNo}: ${issues.join('; ')}.`, ...(id && id !== settlementId ? { otherSettlement: id } : {}) };
  }
  return {
    lineNo: row.lineNo,
    settlementId,
    transactionType: cell(row, 'transactionType'),
    orderId: cell(row, 'orderId'),
    sku: cell(row, 'sku'),
    amountType: cell(row, 'amountType'),
    amountDescription: cell(row, 'amountDescription'),
    amountCents,
    posted: posted.ms,
  };
}
