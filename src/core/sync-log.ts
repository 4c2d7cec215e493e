// Sync Log rows (one per job run) and their retention: old rows are trimmed so the growing tab
// stays far below the spreadsheet's 10-million-cell limit (docs/design.md §2).

import { cellTime } from './cells';
import { TABS, headersOf } from './tabs';

type SyncOutcome = 'ok' | 'partial' | 'held' | 'skipped' | 'failed';

/** Sync Log column key → header (TABS.syncLog). */
const L = headersOf(TABS.syncLog);

/** Sheets refuses cells over 50,000 characters; a log message never needs that much. */
const MAX_LOG_MESSAGE = 2000;

export interface SyncLogEntry {
  runId: string;
  job: string;
  /** ms since the epoch */
  start: number;
  end: number | null;
  outcome: SyncOutcome;
  /** e.g. { sent: 3, confirmed: 2 } → "3 orders sent, 2 shipments confirmed" (COUNT_WORDS) */
  counts: Readonly<Record<string, number>>;
  amazonCalls: number;
  threePlCalls: number;
  /** Plain words; the caller passes only non-secret data. */
  message: string;
}

type SyncLogRecord = Record<string, unknown>;

/** "inventory-20261102080000-3f9a": sortable by start time, unique with a random suffix. */
export function makeRunId(job: string, start: number, suffix: string): string {
  const stamp = new Date(start).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${job}-${stamp}${suffix ? `-${suffix}` : ''}`;
}

/**
 * How a person reads each count a run reports (JobOutcome.counts): the words for one and for many.
 * One table for every job, so the Sync Log and the Dashboard say "stock" and "orders" the same way.
 * Keys: inventory (jobs/inventory: offers … capped), orders (jobs/orders: read … unknown),
 * settlements (jobs/settlements: reports … unmapped) and the runner's `opened`.
 */
export const COUNT_WORDS: Readonly<Record<string, readonly [one: string, many: string]>> = {
  // Stock sync and its undo.
  offers: ['offer checked', 'offers checked'],
  changes: ['stock change proposed', 'stock changes proposed'],
  unsentOrders: ['order not yet at the 3PL', 'orders not yet at the 3PL'],
  applied: ['earlier stock update confirmed on Amazon', 'earlier stock updates confirmed on Amazon'],
  notApplied: ['stock update Amazon did not apply', 'stock updates Amazon did not apply'],
  queued: ['stock change waiting for Amazon', 'stock changes waiting for Amazon'],
  pushed: ['stock change pushed', 'stock changes pushed'],
  rejected: ['stock change rejected by Amazon', 'stock changes rejected by Amazon'],
  unanswered: ['stock change Amazon did not answer', 'stock changes Amazon did not answer'],
  unconfirmed: ['stock change with no processing report (left to the read-back)', 'stock changes with no processing report (left to the read-back)'],
  refused: ['stock change not sent (FBA only on Amazon)', 'stock changes not sent (FBA only on Amazon)'],
  stockReadKept: ['3PL stock read kept from an earlier run (the 3PL reported no stock movement since)', '3PL stock reads kept from earlier runs (the 3PL reported no stock movement since)'],
  capped: ['undo lowered to the stock the 3PL can pick', 'undos lowered to the stock the 3PL can pick'],
  skipped: ['offer not undone', 'offers not undone'],
  // Orders sync.
  read: ['Amazon order read', 'Amazon orders read'],
  added: ['new order in the ledger', 'new orders in the ledger'],
  readBack: ['deleted Orders row read back from Amazon', 'deleted Orders rows read back from Amazon'],
  deferred: ['order left to send next run', 'orders left to send next run'],
  sent: ['order sent', 'orders sent'],
  adopted: ['order found already at the 3PL', 'orders found already at the 3PL'],
  held: ['order held', 'orders held'],
  unknown: ['order whose sending is unconfirmed', 'orders whose sending is unconfirmed'],
  confirmed: ['shipment confirmed', 'shipments confirmed'],
  alreadyConfirmed: ['shipment already confirmed', 'shipments already confirmed'],
  waiting: ['shipment waiting to be confirmed', 'shipments waiting to be confirmed'],
  carrierWaiting: ['shipment waiting for a Carrier Map row', 'shipments waiting for a Carrier Map row'],
  confirmLeft: ['shipped order left to confirm next run', 'shipped orders left to confirm next run'],
  confirmFailed: ['shipment not confirmed (Amazon refused or did not answer; tried again next run)', 'shipments not confirmed (Amazon refused or did not answer; tried again next run)'],
  lostRowsBack: ['shipped order whose deleted row was read back', 'shipped orders whose deleted rows were read back'],
  notSent: ['order not sent (an API error; tried again next run)', 'orders not sent (an API error; tried again next run)'],
  cancelled: ['cancellation passed to the 3PL', 'cancellations passed to the 3PL'],
  tooLate: ['cancellation too late (already shipped)', 'cancellations too late (already shipped)'],
  cancelLeft: ['Amazon cancellation not yet carried to the 3PL', 'Amazon cancellations not yet carried to the 3PL'],
  // Settlements import and recategorising.
  reports: ['settlement report found', 'settlement reports found'],
  imported: ['settlement imported', 'settlements imported'],
  duplicates: ['settlement already imported', 'settlements already imported'],
  lines: ['settlement line', 'settlement lines'],
  linesLeftOut: ['settlement line left out (unreadable)', 'settlement lines left out (unreadable)'],
  moved: ['line moved to another category', 'lines moved to another category'],
  settlements: ['settlement', 'settlements'],
  unmapped: ['line type still unmapped', 'line types still unmapped'],
  settlementsLeft: ['settlement left as it was', 'settlements left as they were'],
  // 3PL charges (jobs/charges).
  invoicesRead: ['3PL invoice read', '3PL invoices read'],
  chargesImported: ['3PL charge imported', '3PL charges imported'],
  chargesUnmatched: ['3PL charge unmatched', '3PL charges unmatched'],
  chargesDuplicate: ['3PL charge billed twice', '3PL charges billed twice'],
  threePlOrdersRead: ['3PL order read to match charges', '3PL orders read to match charges'],
  // Removals (jobs/removals).
  removalReportLines: ['removal report line read', 'removal report lines read'],
  receiptsMade: ['removal receipt made at the 3PL', 'removal receipts made at the 3PL'],
  receiptsAdopted: ['removal receipt found already at the 3PL', 'removal receipts found already at the 3PL'],
  removalsHeld: ['removal held (no receipt made)', 'removals held (no receipt made)'],
  receiptsFailed: ['removal receipt refused or unconfirmed', 'removal receipts refused or unconfirmed'],
  removalsCounted: ['removal counted at the 3PL', 'removals counted at the 3PL'],
  // FBA replenishment (jobs/fba-shipments).
  fbaShipments: ['FBA shipment in the tab', 'FBA shipments in the tab'],
  fbaRead: ['FBA shipment read from Amazon', 'FBA shipments read from Amazon'],
  fbaLooked: ['FBA order checked at the 3PL', 'FBA orders checked at the 3PL'],
  fbaSent: ['FBA order created at the 3PL', 'FBA orders created at the 3PL'],
  fbaAdopted: ['FBA order found already at the 3PL', 'FBA orders found already at the 3PL'],
  fbaHeld: ['ticked FBA shipment held', 'ticked FBA shipments held'],
  fbaUnknown: ['FBA order whose sending is unconfirmed', 'FBA orders whose sending is unconfirmed'],
  fbaDeferred: ['ticked FBA shipment left for the next run', 'ticked FBA shipments left for the next run'],
  fbaCancelled: ['FBA order cancelled at the 3PL', 'FBA orders cancelled at the 3PL'],
  fbaCommittedUnits: ['unit held back from FBM for FBA', 'units held back from FBM for FBA'],
  // SKU Map builder (jobs/onboarding).
  amazonOffers: ['Amazon offer read', 'Amazon offers read'],
  '3plProducts': ['3PL product read', '3PL products read'],
  proposedRows: ['SKU Map row proposed', 'SKU Map rows proposed'],
  alreadyMapped: ['offer already in the SKU Map', 'offers already in the SKU Map'],
  // Every run (jobs/kit/runner).
  opened: ['new exception', 'new exceptions'],
};

/** A key no table entry names, readable: "tooLate" → "too late", "3plErrors" → "3pl errors". */
function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** One count in words: "3 orders sent", "1 shipment confirmed"; an unknown key reads "2 too late". */
export function countInWords(key: string, n: number): string {
  const words = COUNT_WORDS[key];
  if (!words) return `${n} ${keyWords(key)}`;
  return `${n} ${n === 1 ? words[0] : words[1]}`;
}

/**
 * The counts in words, in the order the job gave them ("3 orders sent, 2 shipments confirmed").
 * Zeros are left out: a person reads what happened, not a list of things that did not. A run that
 * counted only zeros says so; one that counted nothing leaves the cell empty.
 */
export function countsInWords(counts: Readonly<Record<string, number>>): string {
  const keys = Object.keys(counts);
  const said = keys.filter((k) => counts[k] !== 0 && Number.isFinite(counts[k])).map((k) => countInWords(k, counts[k]!));
  if (said.length > 0) return said.join(', ');
  return keys.length > 0 ? 'nothing to count' : '';
}

/** The Sync Log row of one run, keyed by header. */
export function syncLogRecord(entry: SyncLogEntry): SyncLogRecord {
  const message = entry.message.length > MAX_LOG_MESSAGE ? `${entry.message.slice(0, MAX_LOG_MESSAGE - 1)}…` : entry.message;
  return {
    [L.runId]: entry.runId,
    [L.job]: entry.job,
    [L.start]: new Date(entry.start),
    [L.end]: entry.end === null ? '' : new Date(entry.end),
    [L.outcome]: entry.outcome,
    [L.counts]: countsInWords(entry.counts),
    [L.amazonCalls]: entry.amazonCalls,
    [L.threePlCalls]: entry.threePlCalls,
    [L.message]: message,
  };
}

/**
 * The Start and End cells' number format: Sheets shows a date-time in the spreadsheet's time zone,
 * and the pattern names that zone, since the Sync Log's headers cannot ("2026-11-02 08:00 Europe/London").
 * Sheets patterns: https://developers.google.com/sheets/api/guides/formats (quoted text is literal).
 */
export function syncLogTimeFormat(timeZone: string): string {
  return `yyyy-mm-dd hh:mm "${timeZone.replace(/"/g, '')}"`;
}

interface TrimResult {
  kept: SyncLogRecord[];
  /** Positions (0-based, in the input) of the removed rows, ascending. */
  removedIndexes: number[];
}

/**
 * Removes rows whose Start is more than `retentionDays` before `now`. Rows whose Start cannot be
 * read (a person's note) are kept: retention must never delete what it does not understand.
 */
export function trimSyncLog(rows: ReadonlyArray<SyncLogRecord>, options: { now: number; retentionDays: number }): TrimResult {
  const cutoff = options.now - options.retentionDays * 86_400_000;
  const kept: SyncLogRecord[] = [];
  const removedIndexes: number[] = [];
  rows.forEach((row, i) => {
    const start = cellTime(row[L.start]);
    if (start !== null && start < cutoff) removedIndexes.push(i);
    else kept.push(row);
  });
  return { kept, removedIndexes };
}
