// The Dashboard's figures and layout, from small inputs: a record kept in document properties (each
// job's last run and last success, the stock health the last stock run saw, pushed changes and new
// exceptions per day) and the Exceptions tab's rows. The Inventory tab is never read for it: the
// stock sync's own rows give the health figures as the run ends (jobs/kit/dashboard.ts).

import { cellText, cellTime } from './cells';
import type { ChargesSummary } from './charges/summary';
import { severityOf } from './exceptions';
import { readStatus } from './exception-rows';
import type { InventoryRow } from './inventory/types';
import { currencyAmount, type SettlementsSummary } from './settlements/by-currency';
import { TABS, headersOf } from './tabs';
import type { CellValue } from '../ports/workbook';

/** Days the chart covers, today included. */
export const DASHBOARD_DAYS = 30;

/** Grid width: Item, Count, When, Detail, then Day, Stock changes pushed, New exceptions (TABS.dashboard). */
export const DASHBOARD_WIDTH = TABS.dashboard.columns.length;
/** The chart's data range: the header cell of Day and the 30 rows under it (1-based). */
export const DASHBOARD_DATA = { row: 1, column: 5, rows: DASHBOARD_DAYS + 1, columns: 3 } as const;

type Severity = 'High' | 'Medium' | 'Low';
const SEVERITIES: readonly Severity[] = ['High', 'Medium', 'Low'];

/** One job's runs as the Dashboard shows them. */
interface JobRecord {
  name: string;
  label: string;
  /** End of the last run that did its work (ok, or held by a guardrail); null: none yet. */
  lastOk: number | null;
  lastRun: number;
  outcome: string;
}

/**
 * Offers of the marketplace as the stock sync last left the Inventory tab:
 * - atZero: Amazon offers none — an FBM row whose quantity on Amazon is 0 (Last Pushed Qty while
 *   its push is queued or accepted, else Amazon FBM Qty), an FBA row with FBA Fulfillable 0;
 * - held: not pushed on purpose — Push State "held by guardrail", or a Reason starting "Held:" (a
 *   SKU Map or channel problem holds the offer; core/inventory/build.ts);
 * - awaiting: Push State "awaiting approval" (Push mode approve).
 * Drifted offers come from the Exceptions tab (exceptionFigures), as read-back records drift there.
 */
export interface StockHealth {
  /** When a stock run first saw these figures: a run that sees the same ones keeps the earlier time (recordRun). */
  at: number;
  marketplace: string;
  offers: number;
  atZero: number;
  held: number;
  awaiting: number;
}

/** What the Dashboard remembers between runs (document property "dashboard.state"). */
export interface DashboardState {
  jobs: JobRecord[];
  stock: StockHealth | null;
  /** [day "2026-11-02" in the spreadsheet's zone, stock changes pushed, new exceptions], oldest first; days with neither are left out. */
  days: Array<[string, number, number]>;
  /** The chart was inserted (checked again whenever the tab is found empty). */
  chart: boolean;
}

/** One finished run, as the runner knows it. */
export interface DashboardRun {
  job: string;
  label: string;
  /** Scheduled jobs are the syncs a person expects to run; undo and recategorise only add to the daily figures. */
  scheduled: boolean;
  end: number;
  outcome: string;
  counts: Readonly<Record<string, number>>;
  /** The stock health this run saw, when it held the Inventory rows. */
  stock: StockHealth | null;
}

export function emptyDashboardState(): DashboardState {
  return { jobs: [], stock: null, days: [], chart: false };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The stored record, or an empty one when it is missing or unreadable (it only feeds a display). */
export function parseDashboardState(text: string | null): DashboardState {
  if (!text) return emptyDashboardState();
  try {
    const raw = JSON.parse(text) as Partial<DashboardState>;
    const jobs = Array.isArray(raw.jobs) ? raw.jobs.filter((j) => j && typeof j.name === 'string' && isNum(j.lastRun)) : [];
    const days = Array.isArray(raw.days) ? raw.days.filter((d) => Array.isArray(d) && typeof d[0] === 'string' && isNum(d[1]) && isNum(d[2])) : [];
    const stock = raw.stock && isNum(raw.stock.offers) ? raw.stock : null;
    return { jobs, stock, days, chart: raw.chart === true };
  } catch {
    return emptyDashboardState();
  }
}

/** "2026-11-02" shifted by `delta` calendar days. */
function shiftDay(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + delta)).toISOString().slice(0, 10);
}

/** The last `n` calendar days up to `today`, oldest first. */
export function lastDays(today: string, n = DASHBOARD_DAYS): string[] {
  return Array.from({ length: n }, (_, i) => shiftDay(today, i - n + 1));
}

/** The record after one run ends on `today` (a day in the spreadsheet's time zone). */
export function recordRun(state: DashboardState, run: DashboardRun, today: string): DashboardState {
  const jobs = state.jobs.map((j) => ({ ...j }));
  if (run.scheduled) {
    const did = run.outcome === 'ok' || run.outcome === 'held';
    const at = jobs.findIndex((j) => j.name === run.job);
    const before = at >= 0 ? jobs[at]! : null;
    const next: JobRecord = { name: run.job, label: run.label, lastOk: did ? run.end : (before?.lastOk ?? null), lastRun: run.end, outcome: run.outcome };
    if (at >= 0) jobs[at] = next;
    else jobs.push(next);
  }
  const pushed = Math.max(0, run.counts.pushed ?? 0);
  const opened = Math.max(0, run.counts.opened ?? 0);
  const first = lastDays(today)[0]!;
  const days = state.days.filter(([d]) => d >= first && d <= today).map((d) => [...d] as [string, number, number]);
  if (pushed || opened) {
    const row = days.find(([d]) => d === today);
    if (row) {
      row[1] += pushed;
      row[2] += opened;
    } else days.push([today, pushed, opened]);
    days.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  // Stock health's When is when its figures last changed: a run that moves none of them leaves the cell alone.
  const stock = run.stock && state.stock && sameHealth(run.stock, state.stock) ? state.stock : (run.stock ?? state.stock);
  return { jobs, stock, days, chart: state.chart };
}

function sameHealth(a: StockHealth, b: StockHealth): boolean {
  return a.marketplace === b.marketplace && a.offers === b.offers && a.atZero === b.atZero && a.held === b.held && a.awaiting === b.awaiting;
}

/** What Amazon offers buyers for an FBM row: the pushed quantity while Amazon has it in hand, else what it showed. */
function offeredFbm(r: InventoryRow): number | null {
  if ((r.pushState === 'queued' || r.pushState === 'accepted') && r.lastPushedQty !== null) return r.lastPushedQty;
  return r.amazonFbmQty ?? r.lastPushedQty;
}

/** Stock health of one marketplace's Inventory rows (definitions on StockHealth). */
export function stockHealth(rows: ReadonlyArray<InventoryRow>, marketplace: string, at: number): StockHealth {
  const mine = rows.filter((r) => r.marketplace === marketplace);
  const atZero = mine.filter((r) => (r.channel === 'FBA' ? r.fbaFulfillable === 0 : offeredFbm(r) === 0)).length;
  const held = mine.filter((r) => r.pushState === 'held by guardrail' || /^held:/i.test(r.reason)).length;
  const awaiting = mine.filter((r) => r.pushState === 'awaiting approval').length;
  return { at, marketplace, offers: mine.length, atZero, held, awaiting };
}

const X = headersOf(TABS.exceptions);

/** Exception types whose open rows are offers Amazon shows another quantity for than the add-on pushed. */
const DRIFT_TYPES: ReadonlySet<string> = new Set(['INVENTORY_DRIFT', 'STOCK_PUSH_NOT_APPLIED']);

export interface ExceptionFigures {
  open: number;
  bySeverity: Record<Severity, number>;
  /** Most severe first, then most rows, then by name; `since` is the oldest First Seen among them. */
  byType: Array<{ type: string; severity: Severity; open: number; since: number | null }>;
  /** Offers (by Entity) with an open INVENTORY_DRIFT or STOCK_PUSH_NOT_APPLIED row. */
  drifted: number;
}

/** Open means Open or Acknowledged (someone is on it): Resolved and Ignored rows are not counted. */
export function exceptionFigures(records: ReadonlyArray<Readonly<Record<string, unknown>>>): ExceptionFigures {
  const bySeverity: Record<Severity, number> = { High: 0, Medium: 0, Low: 0 };
  const types = new Map<string, { type: string; severity: Severity; open: number; since: number | null }>();
  const drifted = new Set<string>();
  let open = 0;
  for (const r of records) {
    const type = cellText(r[X.type]);
    // Read as the tab's reconcile reads it: words that are no status count as open.
    const { status } = readStatus(r[X.status]);
    if (!type || status === 'Resolved' || status === 'Ignored') continue;
    const typed = cellText(r[X.severity]);
    const severity = SEVERITIES.find((s) => s.toLowerCase() === typed.toLowerCase()) ?? severityOf(type);
    open++;
    bySeverity[severity]++;
    const first = cellTime(r[X.firstSeen]);
    const t = types.get(type) ?? { type, severity, open: 0, since: null };
    t.open++;
    if (first !== null && (t.since === null || first < t.since)) t.since = first;
    types.set(type, t);
    if (DRIFT_TYPES.has(type)) drifted.add(cellText(r[X.entity]) || cellText(r[X.key]));
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const byType = [...types.values()].sort((a, b) => rank(a.severity) - rank(b.severity) || b.open - a.open || (a.type < b.type ? -1 : 1));
  return { open, bySeverity, byType, drifted: drifted.size };
}

/** A section row's Item: set apart by dashes, as Settings' section rows are. */
export function dashboardSection(title: string): string {
  return `— ${title} —`;
}

export interface DashboardGrid {
  /** Rows 2 on, DASHBOARD_WIDTH cells each. */
  rows: CellValue[][];
  /** Indexes in `rows` of the section rows (shown bold). */
  sections: number[];
  /** Rows showing a job's last success in When (column 3): the tab module writes them as formulas (core/dashboard-formulas). */
  lastOk: Array<{ index: number; job: string; at: number }>;
}

const OUTCOME_WORDS: Record<string, string> = {
  ok: 'ok',
  held: 'held by a guardrail',
  partial: 'partial (carries on next run)',
  failed: 'failed (see the Sync Log)',
  skipped: 'skipped (another sync was running)',
};

/**
 * The Dashboard's cells under its header: figures on the left (a note naming the time zone, the
 * last successful sync per job, stock health, open exceptions by severity and type), and on the
 * right the last 30 days (the chart's data range), one row per day, oldest first.
 */
export function dashboardGrid(input: {
  state: DashboardState;
  exceptions: ExceptionFigures;
  timeZone: string;
  today: string;
  charges?: ChargesSummary | null;
  settlements?: SettlementsSummary | null;
}): DashboardGrid {
  const { state, exceptions: ex, timeZone, today } = input;
  const left: CellValue[][] = [];
  const sections: number[] = [];
  const lastOk: DashboardGrid['lastOk'] = [];
  const line = (item: string, count: CellValue = '', when: CellValue = '', detail = '') => left.push([item, count, when, detail]);
  const section = (title: string, count: CellValue = '', when: CellValue = '', detail = '') => {
    if (left.length > 0) line('');
    sections.push(left.length);
    line(dashboardSection(title), count, when, detail);
  };

  line(`Times are in ${timeZone}, the spreadsheet's time zone (File → Settings).`);
  section('Last successful sync', '', '', 'Last run');
  if (state.jobs.length === 0) line('No sync has run yet.');
  for (const j of state.jobs) {
    const last = OUTCOME_WORDS[j.outcome] ?? j.outcome;
    if (j.lastOk !== null) lastOk.push({ index: left.length, job: j.name, at: j.lastOk });
    line(j.label, '', j.lastOk === null ? '' : new Date(j.lastOk), `${j.lastOk === null ? 'Never succeeded yet. ' : ''}Last run ${last}.`);
  }

  const s = state.stock;
  const where = s ? ` (${s.marketplace})` : '';
  section('Stock health', '', s ? new Date(s.at) : '', s ? `As the last stock sync left the Inventory tab${where}; When: the figures last changed.` : 'No stock sync has run yet.');
  const n = (v: number | undefined): CellValue => (s ? (v ?? 0) : '');
  line('Offers', n(s?.offers), '', 'FBM and FBA rows of the Inventory tab.');
  line('Offers at zero', n(s?.atZero), '', 'Amazon offers none: FBM quantity 0 on Amazon (or just pushed), FBA fulfillable 0.');
  line('Held', n(s?.held), '', 'Not pushed on purpose: Push State "held by guardrail", or a Reason starting "Held:".');
  line('Awaiting approval', n(s?.awaiting), '', 'Push State "awaiting approval": tick "Approve stock push" in Settings to send.');
  line('Drifted', ex.drifted, '', 'Open INVENTORY_DRIFT or STOCK_PUSH_NOT_APPLIED: Amazon shows another quantity than the add-on pushed.');

  section('Open exceptions', ex.open, '', 'Open or Acknowledged rows of the Exceptions tab; When: the oldest First Seen.');
  for (const sev of SEVERITIES) line(sev, ex.bySeverity[sev], '', `${sev} severity`);
  for (const t of ex.byType) line(t.type, t.open, t.since === null ? '' : new Date(t.since), t.severity);

  // Finance's monthly view of the 3PL's invoices: one line per month, Type and currency, never a
  // total across currencies (core/charges/summary).
  const charges = input.charges;
  if (charges) {
    section('3PL charges by month', '', new Date(charges.at), 'Count: charges; Detail: net amount (credits deducted). From the 3PL Charges tab.');
    if (charges.lines.length === 0) line('No 3PL charges imported yet.');
    for (const c of charges.lines) line(`${c.month} ${c.type}`, c.count, '', `${c.currency} ${c.amount.toFixed(2)}`);
  }

  // Amazon pays each marketplace in its own currency (GBP, EUR, SEK, PLN): one line per currency, never a sum across them.
  const paid = input.settlements;
  if (paid) {
    section('Settlements by currency', '', new Date(paid.at), 'Count: settlements; When: the latest deposit; Detail: paid out in total (Reported Total). From the Settlements tab.');
    if (paid.lines.length === 0) line('No settlement imported yet.');
    for (const c of paid.lines) line(c.currency, c.settlements, c.lastDeposit === null ? '' : new Date(c.lastDeposit), currencyAmount(c.currency, c.paidCents));
  }

  const days = new Map(state.days.map(([d, p, o]) => [d, [p, o] as const]));
  const right: CellValue[][] = lastDays(today).map((d) => [d, days.get(d)?.[0] ?? 0, days.get(d)?.[1] ?? 0]);
  const height = Math.max(left.length, right.length);
  const rows = Array.from({ length: height }, (_, i) => [...(left[i] ?? ['', '', '', '']), ...(right[i] ?? ['', '', ''])]);
  return { rows, sections, lastOk };
}
