// The Exceptions tab: a run's problems merged into it (core/exceptions decides how), in one write,
// then each row's Entity linked to the page where it can be looked at (Seller Central, ShipBob).
// Only the job runner reconciles, with the running job's scope; a job may read which keys are shown.

import { entityLink } from '../core/exceptions';
import { pruneResolved, readStatus, reconcileExceptions } from '../core/exception-rows';
import type { RaisedException } from '../core/exceptions';
import type { ExceptionScope, ReconcileResult } from '../core/exception-rows';
import { cellText } from '../core/cells';
import { TAB, TABS, columnOf, headersOf } from '../core/tabs';
import type { TabColumn } from '../core/tabs';
import { utf8Bytes } from '../core/utf8';
import { threePlPageUrl } from '../core/web-links';
import type { ThreePlRef } from '../core/web-links';
import type { LinkCell, SheetStylePort } from '../ports/sheet-style';
import type { KeyValueStore } from '../ports/store';
import type { WorkbookPort } from '../ports/workbook';
import { ensureTable, readTable, sameRecords, writeTable } from './table';
import type { Table } from './table';

interface ReconcileRequest {
  raised: ReadonlyArray<RaisedException>;
  now: number;
  /** The rows this run may resolve when it no longer raises them. */
  scope: ExceptionScope;
  /** Resolved rows older than this are dropped (Settings "Log retention (days)"). */
  retentionDays?: number;
  /** Settings "Marketplace": where order ids are looked up (their keys name no marketplace). */
  marketplace?: string;
}

const X = headersOf(TABS.exceptions);

/**
 * The Entity cells, rows as written (row = index + 2), each with its link or none: given together,
 * the column is one write. The tab is rewritten whole on every reconcile, which drops rich text, so
 * the links go back on each time; the tab's rows are few.
 */
function entityLinks(header: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, marketplace: string, refs: ReadonlyMap<string, ThreePlRef>): LinkCell[] {
  const column = columnOf(header, X.entity) + 1;
  if (column < 1) return [];
  const out: LinkCell[] = [];
  rows.forEach((r, i) => {
    const text = cellText(r[X.entity]);
    const key = cellText(r[X.key]);
    if (text) out.push({ row: i + 2, column, text, url: entityLink(key, marketplace, refs.get(key)) });
  });
  // Nothing to link: the cells stay as written.
  return out.some((c) => c.url) ? out : [];
}

/** "… SKU Map row 12 …" in an Action cell (a proposed row to review, core/inventory/unmapped.ts): a link to that row. */
const SKU_MAP_ROW = /\bSKU Map row (\d+)\b/;

/** The Action cells that name a SKU Map row, each linked to the row; other Action cells are left alone. */
function actionLinks(header: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): LinkCell[] {
  const column = columnOf(header, X.action) + 1;
  if (column < 1) return [];
  const out: LinkCell[] = [];
  rows.forEach((r, i) => {
    const text = cellText(r[X.action]);
    const m = SKU_MAP_ROW.exec(text);
    if (m) out.push({ row: i + 2, column, text, url: null, sheetCell: { tab: TAB.skuMap, a1: `A${m[1]}` } });
  });
  return out;
}

/**
 * Document property: exception key → the 3PL id its Entity links to. A 3PL id is known only to the
 * run that read it (a ShipBob shipment id is in no tab), while every run rewrites the tab: kept
 * here, the link stays through other jobs' runs and through runs that see the problem again
 * without the id, and goes with the row.
 */
const REFS_KEY = 'exceptions.threePlRefs';
/** Under Apps Script's 9 KB per property value (apps-script.md, PropertiesService limits), in UTF-8 bytes. */
const REFS_MAX_BYTES = 8_000;

type StoredRef = [provider: string, kind: ThreePlRef['kind'], id: string];

function parseRefs(text: string): Map<string, ThreePlRef> {
  const out = new Map<string, ThreePlRef>();
  if (!text) return out;
  try {
    const parsed = JSON.parse(text) as Record<string, StoredRef>;
    for (const [key, v] of Object.entries(parsed)) {
      if (Array.isArray(v) && (v[1] === 'shipment' || v[1] === 'receiving')) out.set(key, { provider: String(v[0]), kind: v[1], id: String(v[2]) });
    }
  } catch {
    // A value that is not ours any more: the links fall back to what the keys give.
  }
  return out;
}

/** The 3PL ids the tab keeps links for, by exception key (a job need not look up again what is known). */
export function keptThreePlRefs(store: KeyValueStore): ReadonlyMap<string, ThreePlRef> {
  return parseRefs(store.get(REFS_KEY) ?? '');
}

/**
 * The refs of the rows the tab holds now: this run's, else the one kept for the key. Open rows
 * first, so a tab with more linked rows than the property holds drops the links of closed ones.
 */
function keptRefs(rows: ReadonlyArray<Record<string, unknown>>, raised: ReadonlyArray<RaisedException>, old: ReadonlyMap<string, ThreePlRef>): { refs: Map<string, ThreePlRef>; text: string } {
  const now = new Map<string, ThreePlRef>();
  // An id with no page to open (a 3PL whose addresses are not known) is neither linked nor kept.
  for (const r of raised) if (r.threePlRef && threePlPageUrl(r.threePlRef) && !now.has(r.key)) now.set(r.key, r.threePlRef);
  const closed = (r: Record<string, unknown>) => ['Resolved', 'Ignored'].includes(readStatus(r[X.status]).status);
  const ordered = [...rows.filter((r) => !closed(r)), ...rows.filter(closed)];
  const refs = new Map<string, ThreePlRef>();
  const stored: Record<string, StoredRef> = {};
  let size = 2;
  for (const r of ordered) {
    const key = cellText(r[X.key]);
    const ref = now.get(key) ?? old.get(key);
    if (!key || !ref || refs.has(key)) continue;
    // This run links every row it knows an id for; only what fits is remembered for the next runs.
    refs.set(key, ref);
    const entry: StoredRef = [ref.provider, ref.kind, ref.id];
    const cost = utf8Bytes(JSON.stringify(key)) + utf8Bytes(JSON.stringify(entry)) + 2;
    if (size + cost > REFS_MAX_BYTES) continue;
    size += cost;
    stored[key] = entry;
  }
  return { refs, text: size > 2 ? JSON.stringify(stored) : '' };
}

interface ExceptionsTab {
  reconcile(req: ReconcileRequest): ReconcileResult;
}

/** A column still under a former header ("Count", now "Times Seen"): renamed in place, its values kept. */
function migrated(wb: WorkbookPort, table: Table | null): Table | null {
  if (!table) return table;
  const columns: readonly TabColumn[] = TABS.exceptions.columns;
  for (const col of columns) {
    const now = col.header;
    const old = (col.was ?? []).find((w) => columnOf(table.header, w) >= 0);
    if (old === undefined) continue;
    const at = columnOf(table.header, old);
    if (at < 0 || columnOf(table.header, now) >= 0) continue;
    wb.writeCell(table.tab, 1, at + 1, now);
    const oldKey = table.header[at]!;
    table.header = table.header.map((h, i) => (i === at ? now : h));
    table.records = table.records.map((r) => {
      const { [oldKey]: v, ...rest } = r;
      return { ...rest, [now]: v ?? '' };
    });
  }
  return table;
}

/**
 * Keys of the rows still shown as a problem (any Status but Resolved) that start with one of
 * `prefixes`: which orders a capped backlog already names, so a job keeps naming those rather than
 * opening new rows for every order the backlog reaches (core/orders/rules.ts atMostNamed).
 */
export function exceptionKeysShown(wb: WorkbookPort, prefixes: readonly string[]): Set<string> {
  const table = readTable(wb, TAB.exceptions);
  const out = new Set<string>();
  for (const r of table?.records ?? []) {
    const key = cellText(r[X.key]);
    if (key && prefixes.some((p) => key.startsWith(p)) && readStatus(r[X.status]).status !== 'Resolved') out.add(key);
  }
  return out;
}

/** `style` absent: values only, no links. `store` absent: 3PL links only for what this run raised. */
export function exceptionsTab(wb: WorkbookPort, style?: SheetStylePort, store?: KeyValueStore): ExceptionsTab {
  let table: Table | null | undefined;
  return {
    reconcile({ raised, now, scope, retentionDays, marketplace = '' }) {
      if (table === undefined) table = migrated(wb, readTable(wb, TAB.exceptions));
      const header = ensureTable(wb, TABS.exceptions, table);
      // Rows people emptied are gone for good; everything else is kept as typed.
      const existing = (table?.records ?? []).filter((r) => Object.values(r).some((v) => v !== ''));
      const result = reconcileExceptions(existing, raised, { now, scope });
      if (retentionDays !== undefined) result.rows = pruneResolved(result.rows, { now, retentionDays });
      const cols = [...header, ...TABS.exceptions.columns.map((c) => c.header).filter((h) => columnOf(header, h) < 0)];
      // A run that changed no row writes nothing: the tab (and its links) stay as the last run left them.
      const unchanged = table !== null && cols.length === header.length && table.records.length === result.rows.length && sameRecords(table.records, result.rows, cols);
      if (!unchanged) writeTable(wb, TABS.exceptions, cols, result.rows);
      const before = store?.get(REFS_KEY) ?? '';
      const kept = keptRefs(result.rows, raised, parseRefs(before));
      // Written only when it changes: most runs raise no 3PL id and leave the property alone.
      if (store && kept.text !== before) {
        if (kept.text) store.set(REFS_KEY, kept.text);
        else store.delete(REFS_KEY);
      }
      if (style && !unchanged) {
        style.setLinks(TAB.exceptions, entityLinks(cols, result.rows, marketplace, kept.refs));
        style.setLinks(TAB.exceptions, actionLinks(cols, result.rows));
      }
      table = { tab: TAB.exceptions, header: cols, records: result.rows as Table['records'] };
      return result;
    },
  };
}
