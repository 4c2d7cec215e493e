// The settlements job (docs/design.md §3 "Settlements"): every settlement report Amazon lists is
// imported once — downloaded, parsed by header name, categorised with the Settlement Map, its lines
// in Settlement Lines and its breakdown in Settlements — and a file a person uploads goes through
// the same import. Recategorising re-applies the edited map to everything imported, without
// downloading again.

import type { SpApiClient } from '../../amazon/client';
import { decodeBytes } from '../../amazon/charset';
import type { RaisedException } from '../../core/exceptions';
import { SETTLEMENTS_SUMMARY_KEY, settlementsByCurrency } from '../../core/settlements/by-currency';
import { readSettlementRules } from '../../core/settlements/categories';
import { NO_ROW_PREFIX, settlementsWithoutRow } from '../../core/settlements/no-row';
import { zonedMonthOf } from '../../core/settlements/dates';
import { UNLISTED_PREFIX, unlistedMarketplace, unlistedMarketplaces, unlistedNamed } from '../../core/settlements/unlisted-marketplace';
import { parseSettlementFile, type ParseOptions } from '../../core/settlements/parse';
import { cellTimeShown, dayShown, dayStartShown } from '../kit/sheet-zone';
import { DeadlineExceeded } from '../../ports/clock';
import { RemoteError } from '../../ports/errors';
import { isLinesColumnsRow, settlementLinesTab } from '../../sheet/settlement-lines-tab';
import { isMapColumnsRow, settlementMapTab } from '../../sheet/settlement-map-tab';
import { isSettlementsColumnsRow, isTyped, settlementsTab } from '../../sheet/settlements-tab';
import { TAB, TABS, headersOf } from '../../core/tabs';
import { cellException, cellKeyPrefix } from '../../core/typed-cells';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { ACCESS_KEY, aboutOneReport, accessRefused, givenUp, LIST_WINDOW_MS, listSettlementReports, reportFailed } from './discover';
import type { ImportResult, SettlementTabs } from './import';
import { importSettlement, MAP_ROW_PREFIX } from './import';
import { incompleteKeys } from './met-again';
import { recategorise } from './recategorise';
import { currencyCheck, settledUnlisted, supersede } from './import-checks';
import { SETTLEMENT_KEYS, clearFailing, handledReports, importing, markHandled, recordCategories, setUnlistedSettlements, unlistedSettlements, writtenCategories } from './state';
import { pushAll } from '../../core/lists';

type Tabs = SettlementTabs & { settlementsRead(): boolean; mapRead(): boolean };

/** Month in the spreadsheet's time zone, as Posted is shown; UTC where no zone is known (tests of other concerns). */
function monthOfLines(ctx: JobContext): ((ms: number) => string) | undefined {
  const day = dayShown(ctx);
  return day ? zonedMonthOf(day) : undefined;
}

/**
 * How a settlement file is read here: a date without a time starts its day in the spreadsheet's time
 * zone, so the sheet shows the day the file names (UTC midnight is the day before west of UTC).
 */
function readOptions(ctx: JobContext): ParseOptions {
  const dayStart = dayStartShown(ctx);
  return dayStart ? { dayStart } : {};
}

function tabsOf(ctx: JobContext): Tabs {
  const wb = ctx.ports.workbook;
  const { store } = ctx.ports;
  const tab = settlementMapTab(wb);
  let mapRead = false;
  const map = {
    ...tab,
    records() {
      const records = tab.records();
      mapRead = true;
      return records;
    },
  };
  // Category columns are known by name: the map's, and those the add-on last wrote.
  const settlements = settlementsTab(wb, {
    mapped: () => readSettlementRules(map.records()).rules.map((r) => r.category),
    written: () => writtenCategories(store),
    record: (categories) => recordCategories(store, categories),
  }, cellTimeShown(ctx));
  let read = false;
  return {
    map,
    settlements: {
      ...settlements,
      rows() {
        read = true;
        return settlements.rows();
      },
      // The Dashboard's per-currency figures follow every write, so it never reads the tab itself;
      // a Reported Total or Currency typed over is left out (its CELL_INVALID says so), never counted as 0
      // or as a currency of its own.
      write(rows, categories) {
        settlements.write(rows, categories);
        const H = headersOf(TABS.settlements);
        const paid = rows.filter((r) => !isTyped(r, H.reportedTotal) && !isTyped(r, H.currency));
        ctx.ports.store.set(SETTLEMENTS_SUMMARY_KEY, JSON.stringify(settlementsByCurrency(paid, ctx.now)));
      },
    },
    lines: settlementLinesTab(wb, monthOfLines(ctx), cellTimeShown(ctx)),
    settlementsRead: () => read,
    mapRead: () => mapRead,
  };
}

/**
 * The Settlements cells an import read but could not use (kept as typed), raised by the run that
 * read the tab; only such a run may resolve them.
 */
function typedCells(ctx: JobContext, tabs: Tabs): (row: { key: string }) => boolean {
  if (!tabs.settlementsRead()) return () => false;
  ctx.raise(tabs.settlements.problems().map(cellException));
  return (row) => row.key.startsWith(cellKeyPrefix(TAB.settlements));
}

/**
 * Settlements whose Settlements row was deleted, raised by an import that read the Settlement ID
 * column anyway (one that imported something); only such a run may resolve them.
 */
function rowsMissing(ctx: JobContext, tabs: Tabs, looked: boolean): (row: { key: string }) => boolean {
  if (!looked) return () => false;
  const lines = new Map([...tabs.lines.counts()].map(([id, n]) => [id, { lines: n }] as const));
  ctx.raise(settlementsWithoutRow(lines, tabs.settlements.rows().map((r) => r.settlementId), importing(ctx.ports.store)));
  return (row) => row.key.startsWith(NO_ROW_PREFIX);
}

function describe(results: ImportResult[], missed: readonly string[] = []): { counts: Record<string, number>; text: string; incomplete: boolean } {
  const imported = results.filter((r) => r.status === 'imported');
  const dup = results.filter((r) => r.status === 'duplicate').length;
  const partial = results.find((r) => r.status === 'partial');
  const unread = results.reduce((n, r) => n + r.unread, 0);
  const parts = [`${imported.length} settlement(s) imported (${imported.reduce((n, r) => n + r.lines, 0)} lines)`];
  if (dup) parts.push(`${dup} already imported, left as they were`);
  if (partial) parts.push(`settlement ${partial.settlementId} is being imported: ${partial.lines} lines so far, the rest next run`);
  if (unread) parts.push(`${unread} line(s) could not be read or used and were left out (see Exceptions)`);
  const late = results.filter((r) => r.afterEnd).map((r) => r.settlementId);
  if (late.length) parts.push(`settlement(s) ${late.join(', ')} have lines posted after the settlement ended, imported as posted (see Exceptions)`);
  pushAll(parts, missed);
  // Lines replaced or trimmed by the budget: said in full, so nothing leaves the tab unannounced.
  const notes = results.flatMap((r) => r.notes);
  return {
    counts: { imported: imported.length, duplicates: dup, lines: imported.reduce((n, r) => n + r.lines, 0), ...(unread ? { linesLeftOut: unread } : {}) },
    text: [`${parts.join('; ')}.`, ...notes].join(' '),
    // Lines left out, a report not imported or one that disagrees with the import: the run did not
    // use everything it was given.
    incomplete: unread > 0 || missed.length > 0 || results.some((r) => r.differs || r.afterEnd),
  };
}

/** A file's bytes as text: gunzipped when it is gzip, decoded as UTF-8 or, failing that, Windows-1252. */
function fileText(ctx: JobContext, base64: string): string {
  let bytes = ctx.ports.codec.base64Decode(base64);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = ctx.ports.codec.gunzip(bytes);
  return decodeBytes(bytes, '', ctx.ports.codec);
}

/** An uploaded file's name as the tabs and messages show it. */
const uploadName = (file: { name: string }) => file.name.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'the uploaded file';

function importUpload(ctx: JobContext, file: { name: string; base64: string }): JobOutcome {
  const name = uploadName(file);
  let text: string;
  try {
    text = fileText(ctx, file.base64);
  } catch (e) {
    ctx.raise(reportFailed(`upload:${name}`, `The file "${name}" could not be read (${e instanceof Error ? e.message : String(e)}). Upload the settlement report as downloaded from Seller Central (a .txt flat file, or its .gz).`));
    return { outcome: 'failed', counts: {}, message: `"${name}" could not be read.`, resolves: [] };
  }
  const parsed = parseSettlementFile(text, readOptions(ctx));
  if (!parsed.ok) {
    ctx.raise(reportFailed(`upload:${name}`, `"${name}" is not a settlement flat file: ${parsed.message}`));
    return { outcome: 'failed', counts: {}, message: `"${name}" is not a settlement flat file.`, resolves: [] };
  }
  const tabs = tabsOf(ctx);
  const result = importSettlement({ tabs, store: ctx.ports.store, deadline: ctx.deadline, linesKept: ctx.settings.settlementLinesKept, dayOf: dayShown(ctx) }, parsed.settlement, `"${name}"`);
  // The file's lines name their marketplace: one Settings does not list is said as for a listed report.
  const outside = result.status === 'imported' ? unlistedNamed(parsed.settlement.marketplaceNames, ctx.settings.marketplaces) : [];
  const said: string[] = [];
  if (outside.length) {
    ctx.raise(result.raised, unlistedMarketplace(result.settlementId, `the file "${name}"`, outside, result.currency ?? '', ctx.settings.marketplaces));
    setUnlistedSettlements(ctx.ports.store, { ...unlistedSettlements(ctx.ports.store), [result.settlementId]: outside });
    said.push(`settlement ${result.settlementId} (${outside.join(', ')}, ${result.currency || 'no currency'}) is for a marketplace not in Settings "Marketplaces" and was imported all the same: add it there (see Exceptions)`);
  } else ctx.raise(result.raised, currencyCheck(ctx, result));
  const missing = rowsMissing(ctx, tabs, result.status !== 'duplicate');
  const cells = typedCells(ctx, tabs);
  const d = describe([result], said);
  const wholeAgain = result.status === 'imported' ? incompleteKeys(result.settlementId) : [];
  return {
    outcome: result.status === 'partial' || d.incomplete ? 'partial' : 'ok',
    counts: d.counts,
    message: result.status === 'duplicate' && !result.differs && !result.unread ? `Settlement ${result.settlementId} from "${name}" was already imported; nothing changed.` : `From "${name}": ${d.text}`,
    // Settlement Map rows are looked at only by an import that read the map.
    resolves: (row) => row.key === reportFailed(`upload:${name}`, '').key || wholeAgain.includes(row.key) || (result.status !== 'duplicate' && (row.key.startsWith(MAP_ROW_PREFIX) || isLinesColumnsRow(row))) || cells(row) || missing(row) || (tabs.mapRead() && isMapColumnsRow(row)) || (tabs.settlementsRead() && isSettlementsColumnsRow(row)),
  };
}

function importListed(ctx: JobContext, amazon: SpApiClient): JobOutcome {
  const { store } = ctx.ports;
  // A cursor from before settlements were listed for every marketplace may have passed some: the
  // whole window is listed once more (reports already handled are skipped, settlements already
  // imported are left as they are).
  const cursor = store.get(SETTLEMENT_KEYS.everyMarketplace) ? store.get(SETTLEMENT_KEYS.cursor) : null;
  const since = cursor ?? new Date(ctx.now - LIST_WINDOW_MS + 3600_000).toISOString();
  let reports;
  try {
    reports = listSettlementReports(amazon, since);
  } catch (e) {
    if (e instanceof RemoteError && e.system === 'amazon' && e.status === 403) {
      ctx.raise(accessRefused(e.message));
      return { outcome: 'failed', counts: {}, message: 'Amazon refused to list settlement reports (see Exceptions: the Finance and Accounting role).', resolves: [] };
    }
    throw e;
  }
  const handled = handledReports(store);
  const tabs = tabsOf(ctx);
  // A Settlement Map that cannot be read stops the run here, before any report is marked handled
  // (its SETTLEMENT_REPORT_FAILED would be lost with the run) or any line is written.
  if (reports.some((r) => !handled.has(r.reportId))) tabs.map.records();
  const results: ImportResult[] = [];
  const raised: RaisedException[] = [];
  const resolved = new Set<string>([ACCESS_KEY]);
  const unlisted = settledUnlisted(ctx, resolved);
  // Reports this run could not import, for the Sync Log: the run is then partial.
  const missed: string[] = [];
  let waitingFrom: string | null = null;
  let latest = since;
  let cut = '';
  for (const report of reports) {
    if (handled.has(report.reportId)) continue;
    const status = report.processingStatus;
    if (status === 'IN_QUEUE' || status === 'IN_PROGRESS') {
      waitingFrom ??= report.createdTime;
      continue;
    }
    if (status === 'FATAL' || status === 'CANCELLED' || !report.reportDocumentId) {
      raised.push(reportFailed(report.reportId, `Amazon's settlement report ${report.reportId} (created ${report.createdTime}) ended ${status}${report.reportDocumentId ? '' : ' without a document'}, so it cannot be imported. Download the settlement from Seller Central (Payments → Reports repository) and import the file from the sidebar.`));
      markHandled(store, [report.reportId]);
      missed.push(`report ${report.reportId} ended ${status}${report.reportDocumentId ? '' : ' without a document'} and cannot be imported`);
      continue;
    }
    let text: string;
    try {
      text = amazon.downloadReport(report.reportDocumentId);
    } catch (e) {
      if (e instanceof DeadlineExceeded) {
        cut = ` ${e.message}; the rest next run.`;
        waitingFrom ??= report.createdTime;
        break;
      }
      // Anything but refused credentials (which stop every report alike) is about this one report: a
      // body cut short or garbled, a document Amazon cannot find, an expired or refused document URL,
      // an unknown charset. The others are still imported, and this one is tried again next run.
      if (aboutOneReport(e)) {
        const why = e instanceof Error ? e.message : String(e);
        if (givenUp(ctx, report, `could not be downloaded (${why})`, raised, missed)) continue;
        // Never skipped: the cursor stays at this report and the next run downloads it again.
        raised.push(reportFailed(report.reportId, `Settlement report ${report.reportId} could not be downloaded (${why}); the next run tries again. If it keeps failing, download the settlement from Seller Central (Payments → Reports repository) and import the file from the sidebar.`));
        waitingFrom ??= report.createdTime;
        missed.push(`report ${report.reportId} could not be downloaded, the next run tries again`);
        continue;
      }
      throw e;
    }
    const parsed = parseSettlementFile(text, readOptions(ctx));
    if (parsed.ok || !parsed.incomplete) clearFailing(store, report.reportId);
    // A document that stops before its summary row was cut short on the way: downloaded again next run.
    if (!parsed.ok && parsed.incomplete) {
      if (givenUp(ctx, report, `arrived incomplete (${parsed.message})`, raised, missed)) continue;
      raised.push(reportFailed(report.reportId, `Settlement report ${report.reportId} arrived incomplete (${parsed.message}); the next run downloads it again. If it keeps arriving so, download the settlement from Seller Central (Payments → Reports repository) and import the file from the sidebar.`));
      waitingFrom ??= report.createdTime;
      missed.push(`report ${report.reportId} arrived incomplete, the next run downloads it again`);
      continue;
    }
    if (!parsed.ok) {
      raised.push(reportFailed(report.reportId, `Settlement report ${report.reportId} could not be read as a V2 settlement flat file: ${parsed.message}`));
      markHandled(store, [report.reportId]);
      missed.push(`report ${report.reportId} is not a settlement flat file`);
      continue;
    }
    const result = importSettlement({ tabs, store, deadline: ctx.deadline, linesKept: ctx.settings.settlementLinesKept, dayOf: dayShown(ctx) }, parsed.settlement, `report ${report.reportId}`);
    if (result.replaced) supersede(results, raised, result.settlementId);
    results.push(result);
    pushAll(raised, result.raised);
    // A settlement for a marketplace Settings does not list says so, in place of its currency, once
    // (a whole copy replacing its incomplete import in this same run is not said again).
    const outside = result.status === 'imported' ? unlistedMarketplaces(report.marketplaceIds, ctx.settings.marketplaces) : [];
    const key = `${UNLISTED_PREFIX}${result.settlementId}`;
    if (!outside.length) pushAll(raised, currencyCheck(ctx, result));
    else if (!raised.some((x) => x.key === key)) {
      raised.push(unlistedMarketplace(result.settlementId, `report ${report.reportId}`, outside, result.currency ?? '', ctx.settings.marketplaces));
      unlisted[result.settlementId] = outside;
      resolved.delete(key);
      missed.push(`settlement ${result.settlementId} (${outside.join(', ')}, ${result.currency || 'no currency'}) is for a marketplace not in Settings "Marketplaces" and was imported all the same: add it there (see Exceptions)`);
    }
    if (result.status === 'partial') {
      waitingFrom ??= report.createdTime;
      cut = ' The time limit was reached; the next run carries on with the same settlement.';
      break;
    }
    markHandled(store, [report.reportId]);
    resolved.add(reportFailed(report.reportId, '').key);
    // What an earlier, incomplete import of the settlement raised is raised again if still true.
    if (result.status === 'imported') for (const k of incompleteKeys(result.settlementId)) resolved.add(k);
    if (report.createdTime > latest) latest = report.createdTime;
  }
  // The cursor never passes a report that still has to be imported.
  store.set(SETTLEMENT_KEYS.cursor, waitingFrom ?? latest);
  store.set(SETTLEMENT_KEYS.everyMarketplace, '1');
  setUnlistedSettlements(store, unlisted);
  ctx.raise(raised);
  const mapRead = results.some((r) => r.status !== 'duplicate');
  const missing = rowsMissing(ctx, tabs, mapRead);
  const cells = typedCells(ctx, tabs);
  const d = describe(results, missed);
  return {
    outcome: cut || d.incomplete ? 'partial' : 'ok',
    counts: { reports: reports.length, ...d.counts },
    message: `${d.text}${cut}`,
    // Mismatches and unmapped triples stay until a person acts or finance recategorises; the
    // Settlement Map's own rows are looked at only when an import read the map.
    resolves: (row) => resolved.has(row.key) || (mapRead && (row.key.startsWith(MAP_ROW_PREFIX) || isLinesColumnsRow(row))) || cells(row) || missing(row) || (tabs.mapRead() && isMapColumnsRow(row)) || (tabs.settlementsRead() && isSettlementsColumnsRow(row)),
  };
}

export const settlementsJob: Job = {
  name: 'settlements',
  label: 'Settlements import',
  scheduled: true,
  standalone: true,
  exceptionScope: ['SETTLEMENT_REPORT_FAILED'],
  withoutAccess: { amazon: 'No settlement report can be listed or imported (a file downloaded from Seller Central can still be imported from the sidebar).' },
  run: (ctx) => (ctx.request.file ? importUpload(ctx, ctx.request.file) : importListed(ctx, ctx.amazon())),
  resumeNote: () => 'The next run carries on: settlements already imported are never imported twice.',
  // An upload is not kept anywhere (its bytes would not fit in document properties): say so.
  skippedNote: (request) => (request.file ? `"${uploadName(request.file)}" was not imported and is not kept: nothing from it is in the tabs. Upload it again in a minute or two.` : undefined),
};

export const recategoriseJob: Job = {
  name: 'settlements-recategorise',
  label: 'Recategorise settlements',
  scheduled: false,
  exceptionScope: ['SETTLEMENT_UNMAPPED'],
  run: (ctx) => recategorise(ctx, tabsOf(ctx)),
};
