// The tabs the add-on creates and the exact headers of each (docs/design.md §2): the one header
// list in the code. Each column has a stable key, so code names a column by key and the tab
// modules (src/sheet/) find it by header name: people may reorder columns or add their own.

import type { TabColumn, TabDef } from '../ports/workbook';
import { columnLetters } from './cells';
import { FBA_SHIPMENTS_TAB } from './fba-shipments/tab-def';
import { REMOVALS_TAB } from './removals/tab-def';

export type { TabColumn, TabDef } from '../ports/workbook';

/** Column key → header text of one tab, typed so a misspelt key does not compile. */
type Headers<D extends TabDef> = { readonly [C in D['columns'][number] as C['key']]: C['header'] };

/** Key → header map of a tab, for reading and writing header-keyed records. */
export function headersOf<D extends TabDef>(def: D): Headers<D> {
  const out: Record<string, string> = {};
  for (const c of def.columns) out[c.key] = c.header;
  return out as Headers<D>;
}

/** A header cell as code compares it: surrounding spaces are not part of the name. */
export function headerText(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * How two names are compared: people type "seller sku", "Sku Map " or "Safety  Buffer" (two spaces,
 * or a non-breaking one pasted from a web page) and mean the same thing, so case is ignored and
 * every run of white space counts as one space.
 */
export function nameKey(name: unknown): string {
  return headerText(name).replace(/\s+/g, ' ').toLowerCase();
}

/** True when two header or tab names differ only in case or white space (runs of it, or around them). */
export function sameName(a: unknown, b: unknown): boolean {
  return nameKey(a) === nameKey(b);
}

/**
 * Where `header` sits (0-based) in a header row; -1 when absent. The one place headers are matched:
 * case and white space are ignored (sameName), and a repeated header counts at its first column.
 */
export function columnOf(headerRow: readonly unknown[], header: string): number {
  const wanted = nameKey(header);
  return headerRow.findIndex((h) => nameKey(h) === wanted);
}

/** The tab's own header for a header cell people typed ("seller sku " → "Seller SKU"); the cell's text when the tab has no such column. */
export function canonicalHeader(def: TabDef, cell: unknown): string {
  return def.columns.find((c) => sameName(c.header, cell))?.header ?? headerText(cell);
}

/** The name a tab really has among `tabNames`: exact first, else one that differs only in case or spaces ("SKU map", "Sku  Map "). */
export function findTabName(tabNames: readonly string[], wanted: string): string | null {
  if (tabNames.includes(wanted)) return wanted;
  return tabNames.find((n) => sameName(n, wanted)) ?? null;
}

const CHANNELS = ['FBM', 'FBA'] as const;
const EXCEPTION_STATUSES = ['Open', 'Acknowledged', 'Ignored', 'Resolved'] as const;

const settings = {
  name: 'Settings',
  columns: [
    { key: 'key', header: 'Key', width: 240 },
    { key: 'value', header: 'Value', width: 160 },
    { key: 'help', header: 'Help', width: 520 },
  ],
} as const satisfies TabDef;

const skuMap = {
  name: 'SKU Map',
  columns: [
    { key: 'sellerSku', header: 'Seller SKU', format: 'text', width: 160 },
    { key: 'marketplace', header: 'Marketplace', format: 'text' },
    { key: 'channel', header: 'Channel', validation: { list: CHANNELS } },
    { key: 'threePlSku', header: '3PL SKU', format: 'text', width: 160 },
    { key: 'asin', header: 'ASIN', format: 'text' },
    { key: 'fnsku', header: 'FNSKU', format: 'text' },
    // Counts keep Sheets' automatic format: "100%" or "£5" typed there later shows as typed, so the
    // SKU Map read can tell it from a count (a "0" format would show 1 and 5, read as units).
    { key: 'safetyBuffer', header: 'Safety Buffer' },
    { key: 'offer', header: 'Offer %', format: 'percent' },
    { key: 'maxQty', header: 'Max Qty' },
    { key: 'active', header: 'Active', validation: 'checkbox' },
    { key: 'notes', header: 'Notes', width: 240 },
    { key: 'status', header: 'Status', width: 320 },
    // Written by "Build SKU Map from Amazon and 3PL" on the rows it proposes (issue 18); last, so
    // existing sheets keep their order and only gain them at the right.
    { key: 'match', header: 'Match', format: 'text' },
    { key: 'confidence', header: 'Confidence', format: 'percent' },
  ],
} as const satisfies TabDef;

const carrierMap = {
  name: 'Carrier Map',
  columns: [
    { key: 'threePlCarrier', header: '3PL Carrier', format: 'text', width: 160 },
    { key: 'threePlService', header: '3PL Service', format: 'text', width: 160 },
    { key: 'carrierCode', header: 'Carrier Code', format: 'text', width: 160 },
    { key: 'carrierName', header: 'Carrier Name', format: 'text', width: 160 },
    { key: 'shippingMethod', header: 'Shipping Method', format: 'text', width: 160 },
    { key: 'notes', header: 'Notes', width: 240 },
  ],
} as const satisfies TabDef;

const exceptions = {
  name: 'Exceptions',
  addOnOwned: false,
  columns: [
    { key: 'key', header: 'Key', format: 'text', width: 220 },
    { key: 'type', header: 'Type', width: 180 },
    { key: 'severity', header: 'Severity' },
    { key: 'entity', header: 'Entity', format: 'text', width: 160 },
    { key: 'message', header: 'Message', width: 480 },
    { key: 'firstSeen', header: 'First Seen', format: 'datetime', width: 150 },
    { key: 'lastSeen', header: 'Last Seen', format: 'datetime', width: 150 },
    // Was "Count": it reads like units (set-up and the Exceptions tab rename an old header in place).
    { key: 'count', header: 'Times Seen', format: 'integer', was: ['Count'] },
    { key: 'status', header: 'Status', validation: { list: EXCEPTION_STATUSES } },
    { key: 'owner', header: 'Owner', width: 140 },
    { key: 'action', header: 'Action', width: 360 },
  ],
} as const satisfies TabDef;

const syncLog = {
  name: 'Sync Log',
  addOnOwned: true,
  columns: [
    { key: 'runId', header: 'Run ID', format: 'text', width: 160 },
    { key: 'job', header: 'Job', width: 110 },
    { key: 'start', header: 'Start', format: 'datetime', width: 150 },
    { key: 'end', header: 'End', format: 'datetime', width: 150 },
    { key: 'outcome', header: 'Outcome', width: 100 },
    { key: 'counts', header: 'Counts', width: 260 },
    { key: 'amazonCalls', header: 'Amazon Calls', format: 'integer' },
    { key: 'threePlCalls', header: '3PL Calls', format: 'integer' },
    { key: 'message', header: 'Message', width: 480 },
  ],
} as const satisfies TabDef;

/** Column keys are the InventoryRow field names (core/inventory/types.ts). */
const inventory = {
  name: 'Inventory',
  addOnOwned: true,
  columns: [
    // Quantities carry no number format: whole numbers show as such in Automatic, and each formatted
    // column costs a format cell per row written (18 of them made a new 10,000-row tab 513,000 cells,
    // about 25 s of a run, issue 13). Text columns are written as literal text (a leading apostrophe
    // keeps "00123" as typed) rather than '@', which cost three format cells on every new row: 300,000
    // cells, about 43 s, over a 100,000-row fill. Offer % and Updated At keep their formats.
    { key: 'sellerSku', header: 'Seller SKU', literal: true, width: 160 },
    // Added after the first release: a tab made before gets it at the right (ensureTable). No number
    // format: on a large catalogue every formatted column costs a format call over each block written,
    // and a title is only read by people (text that looks like a formula is still written as text).
    { key: 'productTitle', header: 'Product Title', width: 260 },
    { key: 'marketplace', header: 'Marketplace', literal: true },
    { key: 'channel', header: 'Channel' },
    { key: 'threePlSku', header: '3PL SKU', literal: true, width: 160 },
    { key: 'threePlOnHand', header: '3PL On Hand' },
    { key: 'threePlCommitted', header: '3PL Committed' },
    { key: 'threePlFulfillable', header: '3PL Fulfillable' },
    { key: 'unsentOrders', header: 'Unsent Orders' },
    { key: 'safetyBuffer', header: 'Safety Buffer' },
    { key: 'offerShare', header: 'Offer %', format: 'percent' },
    { key: 'maxQty', header: 'Max Qty' },
    { key: 'proposedQty', header: 'Proposed FBM Qty' },
    { key: 'amazonFbmQty', header: 'Amazon FBM Qty' },
    // Proposed FBM Qty − Amazon FBM Qty: what a push would do, at a glance (empty when either is
    // unknown). Whole numbers show as such without a format, which would cost a call per block written.
    { key: 'change', header: 'Change' },
    { key: 'lastPushedQty', header: 'Last Pushed Qty' },
    { key: 'previousQty', header: 'Previous Qty' },
    { key: 'pushState', header: 'Push State' },
    { key: 'fbaFulfillable', header: 'FBA Fulfillable' },
    { key: 'fbaInboundWorking', header: 'FBA Inbound Working' },
    { key: 'fbaInboundShipped', header: 'FBA Inbound Shipped' },
    { key: 'fbaInboundReceiving', header: 'FBA Inbound Receiving' },
    { key: 'fbaReserved', header: 'FBA Reserved' },
    { key: 'fbaUnfulfillable', header: 'FBA Unfulfillable' },
    { key: 'fbaResearching', header: 'FBA Researching' },
    { key: 'fbaTotal', header: 'FBA Total (info)' },
    { key: 'reason', header: 'Reason', width: 420 },
    { key: 'updatedAt', header: 'Updated At', format: 'datetime', width: 150 },
  ],
} as const satisfies TabDef;

/** The orders ledger (docs/design.md §2 "Orders"): exact headers, no buyer data. Column keys are LedgerRow's fields. */
const orders = {
  name: 'Orders',
  addOnOwned: true,
  columns: [
    { key: 'orderId', header: 'Amazon Order ID', format: 'text', width: 170 },
    { key: 'marketplace', header: 'Marketplace', format: 'text' },
    { key: 'purchaseDate', header: 'Purchase Date', format: 'datetime', width: 150 },
    { key: 'latestShipDate', header: 'Latest Ship Date', format: 'datetime', width: 150 },
    { key: 'amazonStatus', header: 'Amazon Status', width: 140 },
    { key: 'lines', header: 'Lines', format: 'text', width: 200 },
    { key: 'threePlOrderId', header: '3PL Order ID', format: 'text', width: 120 },
    { key: 'threePlStatus', header: '3PL Status', width: 120 },
    { key: 'attempts', header: 'Attempts', format: 'integer' },
    { key: 'tracking', header: 'Tracking', format: 'text', width: 180 },
    { key: 'carrier', header: 'Carrier', width: 160 },
    { key: 'shippedAt', header: 'Shipped At', format: 'datetime', width: 150 },
    { key: 'confirmedAt', header: 'Confirmed At', format: 'datetime', width: 150 },
    { key: 'state', header: 'State', width: 120 },
    { key: 'note', header: 'Note', width: 420 },
  ],
} as const satisfies TabDef;

/** Finance's category map (docs/design.md §2, §6): seeded with the default table on set-up, edited by people. */
const settlementMap = {
  name: 'Settlement Map',
  columns: [
    { key: 'transactionType', header: 'Transaction Type', format: 'text', width: 180 },
    { key: 'amountType', header: 'Amount Type', format: 'text', width: 180 },
    { key: 'amountDescription', header: 'Amount Description', format: 'text', width: 260 },
    { key: 'category', header: 'Category', width: 200 },
    { key: 'account', header: 'Account', format: 'text', width: 120 },
    { key: 'notes', header: 'Notes', width: 240 },
  ],
} as const satisfies TabDef;

/**
 * One row per settlement: these fixed headers first, then one column per category (the Settlement
 * Map's, UNMAPPED last) and the reserve roll-forward; the category columns are laid out per write.
 */
const settlements = {
  name: 'Settlements',
  addOnOwned: true,
  columns: [
    { key: 'settlementId', header: 'Settlement ID', format: 'text', width: 140 },
    { key: 'start', header: 'Start', format: 'datetime', width: 150 },
    { key: 'end', header: 'End', format: 'datetime', width: 150 },
    { key: 'depositDate', header: 'Deposit Date', format: 'datetime', width: 150 },
    { key: 'currency', header: 'Currency' },
    { key: 'reportedTotal', header: 'Reported Total', format: 'money' },
    { key: 'linesTotal', header: 'Lines Total', format: 'money' },
    { key: 'difference', header: 'Difference', format: 'money' },
  ],
} as const satisfies TabDef;

/** The Settlements tab's reserve roll-forward, right of the category columns. */
export const SETTLEMENT_RESERVE_HEADERS = { held: 'Reserve Held', released: 'Reserve Released', net: 'Reserve Net' } as const;

/** Every line of every imported settlement (docs/design.md §2). */
const settlementLines = {
  name: 'Settlement Lines',
  addOnOwned: true,
  columns: [
    { key: 'settlementId', header: 'Settlement ID', format: 'text', width: 140 },
    { key: 'posted', header: 'Posted', format: 'datetime', width: 150 },
    { key: 'month', header: 'Month', format: 'text' },
    { key: 'transactionType', header: 'Transaction Type', format: 'text', width: 160 },
    { key: 'orderId', header: 'Order ID', format: 'text', width: 170 },
    { key: 'sku', header: 'SKU', format: 'text', width: 140 },
    { key: 'amountType', header: 'Amount Type', format: 'text', width: 160 },
    { key: 'amountDescription', header: 'Amount Description', format: 'text', width: 220 },
    { key: 'amount', header: 'Amount', format: 'money' },
    { key: 'category', header: 'Category', width: 180 },
    { key: 'account', header: 'Account', format: 'text' },
  ],
} as const satisfies TabDef;

/**
 * Pages of a read that takes more than one execution (a very large 3PL catalogue), kept until the
 * read is complete and then removed. Hidden: working data, no one's to edit.
 */
const syncStaging = {
  name: 'Sync Staging',
  addOnOwned: true,
  hidden: true,
  columns: [
    { key: 'source', header: 'Source', format: 'text' },
    { key: 'part', header: 'Part', format: 'integer' },
    { key: 'data', header: 'Data', format: 'text' },
  ],
} as const satisfies TabDef;

/** The 3PL's invoiced charges, each matched to the work it pays for (issue 16; core/charges). */
const charges = {
  name: '3PL Charges',
  addOnOwned: true,
  columns: [
    { key: 'invoice', header: 'Invoice', format: 'text', width: 100 },
    { key: 'invoiceDate', header: 'Invoice Date', format: 'text', width: 100 },
    { key: 'transactionId', header: 'Transaction ID', format: 'text', width: 230 },
    { key: 'type', header: 'Type', width: 100 },
    { key: 'amount', header: 'Amount', format: 'money' },
    { key: 'currency', header: 'Currency', format: 'text' },
    { key: 'reference', header: 'Reference', format: 'text', width: 300 },
    { key: 'matchedTo', header: 'Matched To', format: 'text', width: 170 },
    { key: 'state', header: 'State', width: 320 },
  ],
} as const satisfies TabDef;

/**
 * The Dashboard (core/dashboard lays it out): figures on the left (Item … Detail), the last 30 days
 * on the right (Day … New exceptions, the range its chart draws). Written by the add-on after each run.
 */
const dashboard = {
  name: 'Dashboard',
  addOnOwned: true,
  columns: [
    { key: 'item', header: 'Item', format: 'text', width: 300 },
    { key: 'count', header: 'Count', format: 'integer', width: 80 },
    { key: 'when', header: 'When', format: 'datetime', width: 150 },
    { key: 'detail', header: 'Detail', format: 'text', width: 460 },
    { key: 'day', header: 'Day', format: 'text', width: 100 },
    { key: 'pushed', header: 'Stock changes pushed', format: 'integer', width: 150 },
    { key: 'opened', header: 'New exceptions', format: 'integer', width: 120 },
  ],
} as const satisfies TabDef;

export const TABS = { settings, skuMap, carrierMap, exceptions, syncLog, inventory, orders, settlementMap, settlements, settlementLines, syncStaging, dashboard, charges, fbaShipments: FBA_SHIPMENTS_TAB, removals: REMOVALS_TAB } as const;

/** Tab names by the same keys as TABS. */
export const TAB = {
  settings: settings.name,
  skuMap: skuMap.name,
  carrierMap: carrierMap.name,
  exceptions: exceptions.name,
  syncLog: syncLog.name,
  inventory: inventory.name,
  orders: orders.name,
  settlementMap: settlementMap.name,
  settlements: settlements.name,
  settlementLines: settlementLines.name,
  syncStaging: syncStaging.name,
  dashboard: dashboard.name,
  fbaShipments: FBA_SHIPMENTS_TAB.name,
  removals: REMOVALS_TAB.name,
  charges: charges.name,
} as const;

/** The definition of the tab named `name` (matched as people may have typed it); undefined for people's own tabs. */
export function tabDefNamed(name: string): TabDef | undefined {
  return Object.values(TABS).find((d) => sameName(d.name, name));
}

/** The tabs "Set up sheets" creates, in order. */
export const SETUP_TABS: readonly TabDef[] = [TABS.dashboard, TABS.settings, TABS.skuMap, TABS.carrierMap, TABS.settlementMap, TABS.fbaShipments, TABS.removals, TABS.exceptions, TABS.syncLog];

/** A header reduced to its letters and digits: "Offer", "offer %" and "OFFER-%" all give "offer". */
const lettersOf = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A header people typed differently from one of the tab's by more than case and spaces ("Offer" for "Offer %"), at its column index. */
export interface LookalikeHeader {
  typed: string;
  meant: TabColumn;
  index: number;
}

/**
 * The tab's columns missing from `header` whose header people typed differently by more than case
 * and spaces ("Offer" for "Offer %", "3PL-SKU"): the add-on does not read them, so their values would
 * be ignored with nothing said. Only such look-alikes are named: people's own columns ("My notes")
 * are theirs, never guessed at.
 */
export function lookalikeHeaders(def: TabDef, header: readonly unknown[], missing: readonly TabColumn[] = def.columns.filter((c) => columnOf(header, c.header) < 0)): LookalikeHeader[] {
  const isRead = (h: string) => def.columns.some((c) => [c.header, ...(c.was ?? [])].some((name) => columnOf([h], name) === 0));
  const cells = header.map(headerText);
  return missing.flatMap((c) => cells.flatMap((h, index) => (h !== '' && !isRead(h) && looksLikeHeader(h, c.header) ? [{ typed: h, meant: c, index }] : [])));
}

/** 'The "X" tab has no "A", "B" columns in its header row (row 1)': how every missing-column message starts. */
export function lacksColumns(tab: string, missing: readonly string[]): string {
  return `The "${tab}" tab has no ${missing.map((h) => `"${h}"`).join(', ')} column${missing.length > 1 ? 's' : ''} in its header row (row 1)`;
}

/** ' ("Offer" in H1 is not read as "Offer %")' for each header typed in place of a missing one; '' when there is none. */
export function lookalikesNote(def: TabDef, header: readonly unknown[], missing: readonly string[]): string {
  const alike = lookalikeHeaders(def, header).filter((l) => missing.includes(l.meant.header));
  return alike.length ? ` (${alike.map((l) => `"${l.typed}" in ${columnLetters(l.index + 1)}1 is not read as "${l.meant.header}"`).join('; ')})` : '';
}

/**
 * "Offer" for "Offer %" (the same letters), or a header cut to one end of the add-on's ("Buffer" for
 * "Safety Buffer", "Market" for "Marketplace"); a short word ("SKU", "Qty") is too common to say
 * which column was meant.
 */
function looksLikeHeader(typed: string, header: string): boolean {
  const t = lettersOf(typed);
  const h = lettersOf(header);
  return t === h || (t.length >= 4 && (h.startsWith(t) || h.endsWith(t)));
}
