// Reads Amazon's removal order detail, removal shipment detail and customer-returns reports by
// header name (columns: https://developer-docs.amazon.com/sp-api/docs/fba-removals-reports-attributes
// and fba-customer-concessions-reports-attributes; sp-api.md §8). A row that cannot be read is set
// aside with its line number and what is wrong; the rest of the report is still used.

import type { RemovalOrderLine, RemovalReports, RemovalShipmentLine, ReturnLpn } from './types';

export const REMOVAL_ORDER_REPORT = 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA';
export const REMOVAL_SHIPMENT_REPORT = 'GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA';
export const CUSTOMER_RETURNS_REPORT = 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA';

/** How people know each report (messages name it so). */
const REPORT_NAMES: Record<string, string> = {
  [REMOVAL_ORDER_REPORT]: 'removal order detail report',
  [REMOVAL_SHIPMENT_REPORT]: 'removal shipment detail report',
  [CUSTOMER_RETURNS_REPORT]: 'customer returns report',
};

export function reportName(type: string): string {
  return REPORT_NAMES[type] ?? type;
}

type Problem = RemovalReports['problems'][number];

class RowError extends Error {}

interface Sheet {
  header: string[];
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

function split(text: string): Sheet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const rows: Sheet['rows'] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells: Record<string, string> = {};
    const parts = line.split('\t');
    header.forEach((h, k) => (cells[h] = (parts[k] ?? '').trim()));
    rows.push({ line: i + 1, cells });
  }
  return { header, rows };
}

function text(cells: Record<string, string>, col: string, required = true): string {
  const v = cells[col] ?? '';
  if (required && !v) throw new RowError(`${col} is empty`);
  return v;
}

/** Quantities are whole numbers; an empty cell is 0 (Amazon leaves in-process-quantity empty once done). */
function count(cells: Record<string, string>, col: string): number {
  const v = cells[col] ?? '';
  if (!v) return 0;
  if (!/^\d+$/.test(v)) throw new RowError(`${col} is "${v}", not a whole number`);
  return Number(v);
}

function date(cells: Record<string, string>, col: string): number {
  const v = cells[col] ?? '';
  const t = Date.parse(v);
  if (!v || !Number.isFinite(t)) throw new RowError(`${col} is "${v}", not a date`);
  return t;
}

/**
 * Every row through `read`; a missing column stops the report (nothing in it can be trusted), a bad
 * cell sets that row aside. Both become problems naming the report and line.
 */
function readReport<T>(type: string, textIn: string, required: string[], read: (cells: Record<string, string>) => T, problems: Problem[]): T[] {
  const sheet = split(textIn);
  const missing = required.filter((c) => !sheet.header.includes(c));
  if (missing.length) {
    problems.push({ report: type, line: 1, message: `Amazon's ${reportName(type)} has no ${missing.join(', ')} column, so none of it was read (headers: ${sheet.header.join(', ') || 'none'}).` });
    return [];
  }
  const out: T[] = [];
  for (const row of sheet.rows) {
    try {
      out.push(read(row.cells));
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      problems.push({ report: type, line: row.line, message: `Line ${row.line} of Amazon's ${reportName(type)} was set aside: ${e.message}. The rest of the report was used; the Removals tab keeps what it showed for this removal.` });
    }
  }
  return out;
}

const ORDER_COLUMNS = ['request-date', 'order-id', 'order-type', 'order-status', 'sku', 'disposition', 'requested-quantity', 'cancelled-quantity', 'disposed-quantity', 'shipped-quantity', 'in-process-quantity'];
const SHIPMENT_COLUMNS = ['order-id', 'shipment-date', 'sku', 'shipped-quantity', 'carrier', 'tracking-number'];
const RETURN_COLUMNS = ['return-date', 'sku', 'detailed-disposition', 'license-plate-number'];

export function parseRemovalOrders(textIn: string, problems: Problem[]): RemovalOrderLine[] {
  return readReport(REMOVAL_ORDER_REPORT, textIn, ORDER_COLUMNS, (c) => ({
    orderId: text(c, 'order-id'),
    requestDate: date(c, 'request-date'),
    orderType: text(c, 'order-type'),
    orderStatus: text(c, 'order-status', false),
    sku: text(c, 'sku'),
    fnsku: text(c, 'fnsku', false),
    disposition: text(c, 'disposition', false),
    requested: count(c, 'requested-quantity'),
    cancelled: count(c, 'cancelled-quantity'),
    disposed: count(c, 'disposed-quantity'),
    shipped: count(c, 'shipped-quantity'),
    inProcess: count(c, 'in-process-quantity'),
  }), problems);
}

export function parseRemovalShipments(textIn: string, problems: Problem[]): RemovalShipmentLine[] {
  return readReport(REMOVAL_SHIPMENT_REPORT, textIn, SHIPMENT_COLUMNS, (c) => ({
    orderId: text(c, 'order-id'),
    shipmentDate: date(c, 'shipment-date'),
    sku: text(c, 'sku'),
    fnsku: text(c, 'fnsku', false),
    disposition: text(c, 'disposition', false),
    quantity: count(c, 'shipped-quantity'),
    carrier: text(c, 'carrier', false),
    trackingNumber: text(c, 'tracking-number'),
    orderType: text(c, 'removal-order-type', false),
  }), problems);
}

/** Only returns with an LPN matter here: the LPN is what the 3PL may scan on a unit. */
export function parseReturnLpns(textIn: string, problems: Problem[]): ReturnLpn[] {
  return readReport(CUSTOMER_RETURNS_REPORT, textIn, RETURN_COLUMNS, (c) => ({
    returnDate: date(c, 'return-date'),
    sku: text(c, 'sku'),
    fnsku: text(c, 'fnsku', false),
    disposition: text(c, 'detailed-disposition', false),
    lpn: text(c, 'license-plate-number', false),
  }), problems).filter((r) => r.lpn);
}
