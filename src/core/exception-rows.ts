// The Exceptions tab's rows (docs/design.md §5): one row per problem key, updated rather than added
// when the problem recurs, resolved when the job that raises it no longer sees it, and keeping
// what people typed (Acknowledged, Owner, their own rows and columns).

import { cellText, cellTime } from './cells';
import { capPerType } from './exception-cap';
import { actionOf, severityOfRaised, type ExceptionStatus, type RaisedException } from './exceptions';
import { SETTING_CELL_SENTENCE } from './settings-cells';
import { TABS, headersOf } from './tabs';

/** Exceptions column key → header (TABS.exceptions). */
const X = headersOf(TABS.exceptions);

/** The facts of a message: its words without the figures that move (units, dates, counts) or where a Settings value sits. */
function factsOf(message: unknown): string {
  return cellText(message).replace(SETTING_CELL_SENTENCE, '').replace(/\d+([.,:]\d+)*/g, '#');
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
  /** Keys of open rows that became High this run (a warning that turned grave): e-mailed as new ones are. */
  escalated: string[];
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
  const result: ReconcileResult = { rows: [], opened: [], reopened: [], resolved: [], escalated: [] };

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
      else if (status !== 'Ignored' && severityOfRaised(hit) === 'High' && cellText(row[X.severity]) !== 'High') result.escalated.push(key);
      result.rows.push(withStatusNote({
        ...row,
        [X.key]: key,
        [X.type]: hit.type,
        [X.severity]: severityOfRaised(hit),
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
      [X.severity]: severityOfRaised(hit),
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
