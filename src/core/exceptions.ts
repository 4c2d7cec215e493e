// The Exceptions tab's model (docs/design.md §5): one row per problem key, updated rather than added
// when the problem recurs, resolved when the job that raises it no longer sees it, and keeping
// what people typed (Acknowledged, Owner, their own rows and columns).

import { cellText, cellTime } from './cells';
import { capPerType } from './exception-cap';
import { SETTING_CELL_SENTENCE } from './settings-cells';
import { TABS, headersOf } from './tabs';
import { sellerCentralOrderUrl, sellerCentralSkuUrl, shipBobInventoryUrl, threePlPageUrl } from './web-links';
import type { ThreePlRef } from './web-links';

const EXCEPTION_TYPES = [
  'UNMAPPED_SKU',
  'MAPPING_INVALID',
  'DUAL_CHANNEL_SKU',
  'FBA_CONVERSION_REFUSED',
  'OFFER_UNMANAGED',
  'ORDER_ORPHANED',
  'ORDER_HELD',
  'ORDER_STUCK',
  'ORDER_OUTCOME_UNKNOWN',
  'ORDER_EDIT_INVALID',
  'CARRIER_UNMAPPED',
  'STOCK_SYNC_TIMEOUT',
  'STOCK_PUSH_REJECTED',
  'STOCK_PUSH_NOT_APPLIED',
  'INVENTORY_DRIFT',
  'GUARDRAIL_HALT',
  'REMOVAL_UNIDENTIFIED',
  'REMOVAL_OVERDUE',
  'REMOVAL_DISCREPANCY',
  'REMOVAL_RECEIPT_FAILED',
  'REMOVAL_REPORT_INVALID',
  'SETTLEMENT_MISMATCH',
  'SETTLEMENT_UNMAPPED',
  'SETTLEMENT_REPORT_FAILED',
  'CHARGE_UNMATCHED',
  'CHARGE_DUPLICATE',
  'CELL_INVALID',
  'AUTH_FAILED',
  'QUOTA',
  'CONFIG_INVALID',
] as const;

/** docs/design.md §5 lists `FBA_SHIPMENT_*`: a family of types named by their suffix. */
type ExceptionType = (typeof EXCEPTION_TYPES)[number] | `FBA_SHIPMENT_${string}`;
type Severity = 'High' | 'Medium' | 'Low';
type ExceptionStatus = 'Open' | 'Acknowledged' | 'Ignored' | 'Resolved';

/** Exceptions column key → header (TABS.exceptions). */
const X = headersOf(TABS.exceptions);

/**
 * High: customers or money are affected now (oversell, late orders, stale stock on Amazon).
 * Medium: something is held back and needs a person, but nothing is wrong on Amazon yet.
 * Low: worth a look when time allows.
 */
const SEVERITY: Record<(typeof EXCEPTION_TYPES)[number], Severity> = {
  // The next three leave an offer unmanaged but do not by themselves say Amazon shows too much:
  // when it does, OFFER_UNMANAGED (rows the add-on knows) or ORDER_HELD (orders with unmapped
  // lines) is raised as High beside them.
  UNMAPPED_SKU: 'Medium',
  MAPPING_INVALID: 'Medium',
  DUAL_CHANNEL_SKU: 'Medium',
  // A merchant quantity the add-on held back because it would have turned an FBA offer into a
  // merchant-fulfilled one: oversold and stranded stock were one write away.
  FBA_CONVERSION_REFUSED: 'High',
  // Amazon shows more than the 3PL can pick and nobody lowers it: an oversell waiting to happen.
  OFFER_UNMANAGED: 'High',
  ORDER_ORPHANED: 'High',
  ORDER_HELD: 'High',
  ORDER_STUCK: 'High',
  ORDER_OUTCOME_UNKNOWN: 'High',
  // The add-on worked on the facts instead, so nothing goes wrong; a person should know their edit did nothing.
  ORDER_EDIT_INVALID: 'Medium',
  // A shipment waits unconfirmed; ORDER_STUCK (High) follows if it waits past Confirm timeout.
  CARRIER_UNMAPPED: 'Medium',
  STOCK_SYNC_TIMEOUT: 'High',
  STOCK_PUSH_REJECTED: 'High',
  STOCK_PUSH_NOT_APPLIED: 'High',
  // Was Low. Read-back raises drift only when Amazon shows more than the add-on pushed (net of the
  // orders since): Amazon then offers units the 3PL may not hold, an oversell (design §5).
  INVENTORY_DRIFT: 'High',
  GUARDRAIL_HALT: 'High',
  REMOVAL_UNIDENTIFIED: 'Medium',
  REMOVAL_OVERDUE: 'Low',
  // Units Amazon sent back did not all arrive: money (a reimbursement claim), not the stock on sale.
  REMOVAL_DISCREPANCY: 'Medium',
  REMOVAL_RECEIPT_FAILED: 'Medium',
  REMOVAL_REPORT_INVALID: 'Low',
  SETTLEMENT_MISMATCH: 'Medium',
  SETTLEMENT_UNMAPPED: 'Low',
  SETTLEMENT_REPORT_FAILED: 'Medium',
  // Money, not stock: neither can make Amazon promise more than the 3PL can pick.
  CHARGE_UNMATCHED: 'Low',
  CHARGE_DUPLICATE: 'Medium',
  // A figure people typed over in a finance tab: held out of totals until fixed, nothing wrong on Amazon.
  CELL_INVALID: 'Medium',
  AUTH_FAILED: 'High',
  QUOTA: 'Medium',
  CONFIG_INVALID: 'High',
};

/** The severity the Exceptions tab shows for a type; High ones are e-mailed (jobs/kit/alerts). */
export function severityOf(type: string): Severity {
  // Shipped stock Amazon no longer expects may be refused or lost: someone must act at once (issue 15).
  if (type === 'FBA_SHIPMENT_CANCELLED') return 'High';
  if (type.startsWith('FBA_SHIPMENT_')) return 'Medium';
  return (SEVERITY as Record<string, Severity | undefined>)[type] ?? 'Medium';
}

/** The types the inventory job raises, and so may resolve when it no longer sees them. */
export const INVENTORY_EXCEPTION_TYPES: readonly ExceptionType[] = [
  'MAPPING_INVALID',
  'UNMAPPED_SKU',
  'DUAL_CHANNEL_SKU',
  'FBA_CONVERSION_REFUSED',
  'OFFER_UNMANAGED',
  'GUARDRAIL_HALT',
  'STOCK_PUSH_REJECTED',
  'STOCK_PUSH_NOT_APPLIED',
  'INVENTORY_DRIFT',
  'STOCK_SYNC_TIMEOUT',
];

/** The types the orders job raises, and so may resolve when it no longer sees them. */
export const ORDER_EXCEPTION_TYPES: readonly ExceptionType[] = ['ORDER_HELD', 'ORDER_OUTCOME_UNKNOWN', 'ORDER_ORPHANED', 'ORDER_STUCK', 'ORDER_EDIT_INVALID', 'CARRIER_UNMAPPED'];

/** A problem a job sees now. The key identifies the problem across runs. */
export interface RaisedException {
  key: string;
  type: ExceptionType;
  /** What the problem is about, e.g. "UK FBM TEE-M" or "SKU Map row 7". */
  entity: string;
  /** Plain words: what happened, why it matters, what to do. Never a secret. */
  message: string;
  /** The next step in one line, for the Action column; the type's usual step when absent. */
  action?: string;
  /**
   * The 3PL's own id for what the problem is about (a shipment, a receiving order), when the job
   * knows it: the Entity then links to that page at the 3PL (entityLink). Not part of the key.
   */
  threePlRef?: ThreePlRef;
  /**
   * A value people typed (a Settlement Map or Carrier Map cell, a finance tab's figure) cannot be used: like a Settings
   * problem, the run that raises it is at best "partial" (jobs/kit/settings-check). Not part of the key.
   */
  typedInput?: boolean;
}

/** Each type's usual next step (the Action column); docs/operations.md says the same at length. */
const ACTIONS: Record<(typeof EXCEPTION_TYPES)[number], string> = {
  UNMAPPED_SKU: 'Add a SKU Map row for it (FBM with its 3PL SKU), or set this row to Ignored if it is not for sale.',
  MAPPING_INVALID: 'Fix the SKU Map cell the message names; the row syncs again on the next run.',
  DUAL_CHANNEL_SKU: 'Keep the SKU Map row that matches how Amazon fulfils the offer; delete or untick the other.',
  FBA_CONVERSION_REFUSED: 'Check the offer in Seller Central: it is FBA now, so make its SKU Map row FBA.',
  OFFER_UNMANAGED: 'Tick or fix the SKU Map row, or lower the quantity in Seller Central now.',
  ORDER_ORPHANED: 'Check the order at the 3PL and in the Sync Log; send or cancel it by hand if needed.',
  ORDER_HELD: 'Fix the SKU Map row the message names; the next orders run sends the order.',
  ORDER_STUCK: 'Chase the 3PL (or the carrier) for this order; cancel it on Amazon if it cannot ship.',
  ORDER_OUTCOME_UNKNOWN: 'Search the 3PL for the Amazon order id; the add-on adopts it once the 3PL shows it.',
  ORDER_EDIT_INVALID: 'Nothing to undo: the add-on put back what Amazon and the 3PL show. To send a held order again, type "ready" in its State.',
  CARRIER_UNMAPPED: 'Add a Carrier Map row with the exact Seller Central carrier code for this carrier.',
  STOCK_SYNC_TIMEOUT: 'Look at the Sync Log for the failing runs and fix their cause (credentials, 3PL outage).',
  STOCK_PUSH_REJECTED: 'Read Amazon\'s reason in the message, fix the listing in Seller Central, then sync again.',
  STOCK_PUSH_NOT_APPLIED: 'Compare the quantity in Seller Central; the next sync pushes again.',
  INVENTORY_DRIFT: 'Check who changed the quantity in Seller Central; the next sync sets it back.',
  GUARDRAIL_HALT: 'Check the Inventory tab; if the changes are right, use Approve stock push.',
  REMOVAL_UNIDENTIFIED: 'Match the receipt to a removal order at the 3PL.',
  REMOVAL_OVERDUE: 'Ask the carrier or Amazon where the removal shipment is.',
  REMOVAL_DISCREPANCY: 'Ask the 3PL to recount; if units are missing, open a case with Amazon for the removal shipment.',
  REMOVAL_RECEIPT_FAILED: 'Fix what the message names (SKU Map row, 3PL product or location); the next run makes the receipt.',
  REMOVAL_REPORT_INVALID: 'Check the removal in Seller Central (Reports → Fulfillment → Removals); tell support if the line keeps failing.',
  SETTLEMENT_MISMATCH: 'Compare the settlement with Seller Central (Payments → All statements).',
  SETTLEMENT_UNMAPPED: 'Set the Category of this triple in the Settlement Map, then use Recategorise settlements.',
  SETTLEMENT_REPORT_FAILED: 'Download the settlement from Seller Central and import the file from the sidebar.',
  CHARGE_UNMATCHED: 'Match the charge to an order, shipment or receipt at the 3PL.',
  CHARGE_DUPLICATE: 'Ask the 3PL to credit the second charge for this shipment; it resolves once the credit is invoiced.',
  CELL_INVALID: 'Type the cell again as one of the allowed values the message lists; the next run reads it.',
  AUTH_FAILED: 'Reconnect the system in the sidebar with a new token or refresh token.',
  QUOTA: 'Sync less often (Settings "Sync every (minutes)") or use a Google Workspace account.',
  CONFIG_INVALID: 'Fix the cell the message names; the allowed values are listed there.',
};

/** The Action column's text for a raised problem. */
export function actionOf(e: Pick<RaisedException, 'type' | 'action'>): string {
  if (e.action) return e.action;
  if (e.type.startsWith('FBA_SHIPMENT_')) return 'Check the FBA shipment in Seller Central and at the 3PL.';
  return (ACTIONS as Record<string, string | undefined>)[e.type] ?? 'Read the message and fix its cause.';
}

/** Types keyed `TYPE:<marketplace>:<Seller SKU>`: the offer's page in Seller Central is where to look. */
const OFFER_KEYED = ['DUAL_CHANNEL_SKU', 'STOCK_PUSH_REJECTED', 'STOCK_PUSH_NOT_APPLIED', 'INVENTORY_DRIFT', 'OFFER_UNMANAGED', 'FBA_CONVERSION_REFUSED'];
/** Types keyed `TYPE:<Amazon order id>:…` (or `TYPE:threepl:<reference>`, the reference being the Amazon order id). */
const ORDER_KEYED = ['ORDER_HELD', 'ORDER_OUTCOME_UNKNOWN', 'ORDER_ORPHANED', 'ORDER_STUCK', 'ORDER_EDIT_INVALID'];

/**
 * Where a person goes to look at what an Exceptions row is about, read from its key (the keys are
 * built by exceptionKey, parts joined by ':'; a Seller SKU may itself hold ':', so it is the rest).
 * `marketplace` (Settings) places order ids, whose keys name none. Null: no page to link.
 */
export function exceptionLink(key: string, marketplace: string): string | null {
  const [type = '', a = '', b = '', ...more] = key.split(':');
  const rest = (from: string[]) => from.join(':');
  // A row counting the rest of its type (exception-cap.ts) is about no one page.
  if (a === '+more') return null;
  if (OFFER_KEYED.includes(type)) return sellerCentralSkuUrl(a, rest([b, ...more]));
  if (type === 'MAPPING_INVALID') {
    if (a === 'row') return null;
    if (b === 'shared') return shipBobInventoryUrl();
    return sellerCentralSkuUrl(a, rest(more));
  }
  if (type === 'UNMAPPED_SKU') {
    if (a === '3PL') return b && b !== 'many' ? shipBobInventoryUrl() : null;
    const sku = rest(more);
    return b === 'amazon' && sku !== 'many' ? sellerCentralSkuUrl(a, sku) : null;
  }
  // ORDER_ORPHANED:threepl:<id> and :ledger:<id> name the order second; :+more names none.
  if (ORDER_KEYED.includes(type)) return a === '+more' ? null : sellerCentralOrderUrl(marketplace, a === 'threepl' || a === 'ledger' ? b : a);
  return null;
}

/**
 * The Entity cell's link: the 3PL page of what the problem is about when its id is known (a
 * shipment, a receiving order: where the problem is worked on), else the page its key names.
 */
export function entityLink(key: string, marketplace: string, ref?: ThreePlRef | null): string | null {
  return (ref ? threePlPageUrl(ref) : null) ?? exceptionLink(key, marketplace);
}

/** The facts of a message: its words without the figures that move (units, dates, counts) or where a Settings value sits. */
function factsOf(message: unknown): string {
  return cellText(message).replace(SETTING_CELL_SENTENCE, '').replace(/\d+([.,:]\d+)*/g, '#');
}

/** `MAPPING_INVALID:UK:FBM:TEE-M` */
export function exceptionKey(type: ExceptionType, ...parts: ReadonlyArray<string | number>): string {
  return [type, ...parts.map((p) => String(p))].join(':');
}

/** A row of the Exceptions tab keyed by header; other columns people added travel along. */
type ExceptionRecord = Record<string, unknown>;

/**
 * Which rows this run may resolve: a list of types (the job's own), or a predicate for finer
 * scopes (e.g. a run that could not read the 3PL must not resolve 3PL-based problems).
 */
export type ExceptionScope = ReadonlyArray<string> | ((row: { key: string; type: string }) => boolean);

interface ReconcileOptions {
  now: number;
  scope: ExceptionScope;
}

export interface ReconcileResult {
  rows: ExceptionRecord[];
  /** Keys seen for the first time (for alert emails). */
  opened: string[];
  /** Keys that were Resolved and came back. */
  reopened: string[];
  /** Keys resolved by this run. */
  resolved: string[];
}

const STATUS_WORDS = 'Open, Acknowledged, Ignored or Resolved';

/**
 * How a Status cell reads. The four statuses in any case (and "ack…" / "ignore…", written out in
 * full) are `known`; empty is Open. Anything else people typed ("In progress", "Fixed", "snoozed")
 * is not guessed at: it counts as Open (so it is worked and alerted like one) and the caller keeps
 * the words in the cell and says so in the Action column.
 */
export function readStatus(v: unknown): { status: ExceptionStatus; known: boolean } {
  const t = cellText(v).toLowerCase();
  if (t === '' || t === 'open') return { status: 'Open', known: true };
  if (t.startsWith('ack')) return { status: 'Acknowledged', known: true };
  if (t.startsWith('ignore')) return { status: 'Ignored', known: true };
  if (t === 'resolved') return { status: 'Resolved', known: true };
  return { status: 'Open', known: false };
}

function normaliseStatus(v: unknown): ExceptionStatus {
  return readStatus(v).status;
}

/** The Action note on a row whose Status the add-on cannot read; one at a time, replaced when the words change. */
const STATUS_NOTE = /^Status ".*?" is not one the add-on reads \([^)]*\), so this row counts as Open\. /s;

function statusNote(typed: unknown): string {
  return `Status "${cellText(typed)}" is not one the add-on reads (${STATUS_WORDS}), so this row counts as Open. `;
}

/** The row's Action with the note for an unreadable Status added (or a stale one taken off); the row itself when nothing changes. */
function withStatusNote(row: ExceptionRecord): ExceptionRecord {
  const action = cellText(row[X.action]);
  const bare = action.replace(STATUS_NOTE, '');
  const next = readStatus(row[X.status]).known ? bare : statusNote(row[X.status]) + bare;
  return next === action ? row : { ...row, [X.action]: next };
}

function countOf(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(cellText(v));
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

function typeOfRow(row: ExceptionRecord, key: string): string {
  const t = cellText(row[X.type]);
  if (t) return t;
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : key;
}

function inScope(scope: ExceptionScope, key: string, type: string): boolean {
  return typeof scope === 'function' ? scope({ key, type }) : scope.indexOf(type) >= 0;
}

/** `scope` plus the rows `also` names (a check every job runs, such as Settings or the quota, resolves its own rows). */
export function widenScope(scope: ExceptionScope, also: (row: { key: string; type: string }) => boolean): ExceptionScope {
  return (row) => also(row) || inScope(scope, row.key, row.type);
}

/**
 * Merges the problems a run raised into the Exceptions rows. Rows keep their order; new problems
 * are appended in the order raised. A key raised twice in one run counts once (first message wins).
 */
export function reconcileExceptions(
  existingRows: ReadonlyArray<ExceptionRecord>,
  raisedNow: ReadonlyArray<RaisedException>,
  options: ReconcileOptions,
): ReconcileResult {
  const now = new Date(options.now);
  const shown = new Set(existingRows.filter((row) => normaliseStatus(row[X.status]) !== 'Resolved').map((row) => cellText(row[X.key])).filter((k) => k));
  const raised = new Map<string, RaisedException>();
  for (const r of capPerType(raisedNow, shown)) if (!raised.has(r.key)) raised.set(r.key, r);

  const handled = new Set<string>();
  const result: ReconcileResult = { rows: [], opened: [], reopened: [], resolved: [] };

  for (const row of existingRows) {
    const key = cellText(row[X.key]);
    // Rows without a key (typed by people) and second copies of a key are left exactly as they are.
    if (!key || handled.has(key)) {
      result.rows.push({ ...row });
      continue;
    }
    handled.add(key);
    const status = normaliseStatus(row[X.status]);
    const hit = raised.get(key);
    if (hit) {
      // Ignored stays closed while the problem is the same; new facts (another SKU, another reason) reopen it.
      const ignoredStill = status === 'Ignored' && factsOf(row[X.message]) === factsOf(hit.message);
      const reopen = status === 'Resolved' || (status === 'Ignored' && !ignoredStill);
      if (reopen) result.reopened.push(key);
      result.rows.push(withStatusNote({
        ...row,
        [X.key]: key,
        [X.type]: hit.type,
        [X.severity]: severityOf(hit.type),
        [X.entity]: hit.entity,
        [X.message]: hit.message,
        [X.firstSeen]: cellTime(row[X.firstSeen]) === null ? now : row[X.firstSeen],
        [X.lastSeen]: now,
        [X.count]: countOf(row[X.count]) + 1,
        // Words people typed that are no status stay as typed (withStatusNote says how they are read).
        [X.status]: reopen ? 'Open' : readStatus(row[X.status]).known ? status : row[X.status],
        [X.owner]: row[X.owner] ?? '',
        [X.action]: actionOf(hit),
      }));
    } else if (status !== 'Resolved' && status !== 'Ignored' && inScope(options.scope, key, typeOfRow(row, key))) {
      result.resolved.push(key);
      const typed = readStatus(row[X.status]).known ? null : cellText(row[X.status]);
      // The problem cleared: Resolved, and the words it replaces are kept in the Action cell.
      const action = typed === null ? {} : { [X.action]: `Resolved: the problem cleared (Status was "${typed}").` };
      result.rows.push({ ...row, [X.status]: 'Resolved', ...action });
    } else {
      result.rows.push(withStatusNote({ ...row }));
    }
  }

  for (const [key, hit] of raised) {
    if (handled.has(key)) continue;
    result.opened.push(key);
    result.rows.push({
      [X.key]: key,
      [X.type]: hit.type,
      [X.severity]: severityOf(hit.type),
      [X.entity]: hit.entity,
      [X.message]: hit.message,
      [X.firstSeen]: now,
      [X.lastSeen]: now,
      [X.count]: 1,
      [X.status]: 'Open',
      [X.owner]: '',
      [X.action]: actionOf(hit),
    });
  }
  return result;
}

/**
 * Retention for the Exceptions tab (docs/design.md §2: every growing tab has a retention rule): a
 * Resolved row whose Last Seen is older than `retentionDays` is dropped. Open and Acknowledged rows,
 * and rows whose Last Seen cannot be read, are always kept.
 */
export function pruneResolved(rows: ReadonlyArray<ExceptionRecord>, options: { now: number; retentionDays: number }): ExceptionRecord[] {
  const cutoff = options.now - options.retentionDays * 86_400_000;
  return rows.filter((row) => {
    if (normaliseStatus(row[X.status]) !== 'Resolved') return true;
    const seen = cellTime(row[X.lastSeen]);
    return seen === null || seen >= cutoff;
  });
}
