// The public surface Apps Script sees: every export here becomes a top-level function of
// dist/Code.js (menu commands, simple triggers, trigger handlers, sidebar calls). Each is a few
// lines of wiring from Apps Script services (through src/adapters/gas) into src/jobs.

import { gasPorts } from '../adapters/gas/context';
import { gasWorkbook } from '../adapters/gas/workbook';
import { documentStore } from '../adapters/gas/store';
import { hasTrigger, installTimeTrigger, removeTriggers } from '../adapters/gas/triggers';
import { SECRET_KEYS } from '../core/secrets';
import { TAB } from '../core/tabs';
import { runSetup } from '../sheet/setup';
import type { SetupResult } from '../sheet/setup';
import { readSettings } from '../sheet/settings-tab';
import { runJob } from '../jobs/kit/runner';
import type { RunSummary } from '../jobs/kit/runner';
import type { Job, JobRequest } from '../jobs/kit/job';
import { findJob, scheduledJobs } from '../jobs/list';
import { saveSecrets, sidebarState } from '../jobs/sidebar';
import type { SidebarState } from '../jobs/sidebar';

const MENU_TITLE = 'FBA 3PL Sync';
const SCHEDULE_HANDLER = 'onScheduledRun';

/** Simple trigger. In AuthMode.NONE only the menu may be built: no properties, no sheet reads. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU_TITLE)
    .addItem('Open sidebar', 'showSidebar')
    .addItem('Sync all now', 'syncAllNow')
    .addSeparator()
    .addItem('Sync stock now', 'syncStockNow')
    .addItem('Approve stock push', 'approveStockPush')
    .addItem('Undo last stock push', 'undoLastStockPush')
    .addSeparator()
    .addItem('Set up sheets', 'setupSheets')
    .addItem('Turn on scheduled sync', 'enableScheduledSync')
    .addItem('Turn off scheduled sync', 'disableScheduledSync')
    .addToUi();
}

/** Editor add-on install: Google's guidance is to call onOpen. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setupSheets(): SetupResult {
  const result = runSetup(gasWorkbook());
  SpreadsheetApp.getActiveSpreadsheet().toast(result.message, MENU_TITLE, 8);
  return result;
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function getSidebarState(): SidebarState {
  const settings = readSettings(gasWorkbook()).settings;
  const schedule = { enabled: hasTrigger(SCHEDULE_HANDLER), everyMinutes: settings.syncEveryMinutes };
  return sidebarState(gasWorkbook(), documentStore(), schedule, settings.pushMode);
}

export function saveAmazonCredentials(fields: { clientId?: string; clientSecret?: string; refreshToken?: string }): string[] {
  const f = fields ?? {};
  return saveSecrets(documentStore(), { amazonClientId: f.clientId, amazonClientSecret: f.clientSecret, amazonRefreshToken: f.refreshToken });
}

export function saveThreePlCredentials(fields: { token?: string }): string[] {
  return saveSecrets(documentStore(), { threePlToken: (fields ?? {}).token });
}

function secretValues(): Array<string | null> {
  const store = documentStore();
  return Object.values(SECRET_KEYS).map((k) => store.get(k));
}

/** The ports for a job run; a sheet that was never set up gets its tabs first, so the run can log. */
function jobPorts() {
  const ports = gasPorts();
  if (!ports.workbook.tabNames().includes(TAB.syncLog)) runSetup(ports.workbook);
  return ports;
}

/** A name that is not a scheduled job: logged as a failed run that says which names exist. */
function unknownJob(name: string): Job {
  const known = scheduledJobs().map((j) => j.name);
  const message = `"${name}" is not a job this version runs. ${known.length ? `Available: ${known.join(', ')}.` : 'No sync jobs are available yet.'}`;
  return { name, label: name, scheduled: false, exceptionScope: [], run: () => ({ outcome: 'failed', counts: {}, message, resolves: [] }) };
}

/** Runs one job or "all"; `trigger`: the schedule started it, so its time counts toward the daily trigger runtime. */
function runNamed(job: string, trigger: boolean): RunSummary[] {
  const ports = jobPorts();
  const jobs = job === 'all' ? scheduledJobs() : [scheduledJobs().find((j) => j.name === job) ?? unknownJob(job)];
  const secrets = secretValues();
  return jobs.map((def) => runJob(def, ports, { secrets, trigger }));
}

/** Runs one job ("inventory", "orders", "settlements", ...) or "all" now, as the sidebar's "Sync now". */
export function syncNow(job: string): RunSummary[] {
  return runNamed(job, false);
}

export function syncAllNow(): void {
  const runs = syncNow('all');
  const text = runs.length ? runs.map((r) => `${r.job}: ${r.outcome}`).join('; ') : 'No sync jobs are available yet.';
  SpreadsheetApp.getActiveSpreadsheet().toast(text, MENU_TITLE, 8);
}

/** Runs a stock job from the menu and shows its outcome as a toast. */
function runFromMenu(name: string, request: JobRequest): RunSummary {
  const job = findJob(name) ?? unknownJob(name);
  const summary = runJob(job, jobPorts(), { secrets: secretValues(), request });
  SpreadsheetApp.getActiveSpreadsheet().toast(`${summary.outcome}: ${summary.message}`, MENU_TITLE, 10);
  return summary;
}

export function syncStockNow(): RunSummary {
  return runFromMenu('inventory', {});
}

/** Approves the stock push the Inventory tab shows as awaiting approval, and pushes it now. */
export function approveStockPush(): RunSummary {
  return runFromMenu('inventory', { approve: true });
}

/** Restores the FBM quantities Amazon had before the last stock push. */
export function undoLastStockPush(): RunSummary {
  return runFromMenu('inventory-undo', {});
}

export function enableScheduledSync(): string {
  const settings = readSettings(gasWorkbook()).settings;
  const state = installTimeTrigger(SCHEDULE_HANDLER, settings.syncEveryMinutes);
  SpreadsheetApp.getActiveSpreadsheet().toast(state.note, MENU_TITLE, 8);
  return state.note;
}

export function disableScheduledSync(): string {
  const n = removeTriggers(SCHEDULE_HANDLER);
  const note = n ? 'Scheduled sync is off.' : 'Scheduled sync was already off.';
  SpreadsheetApp.getActiveSpreadsheet().toast(note, MENU_TITLE, 8);
  return note;
}

/** The time-driven trigger's handler: runs every job (each skips work that is not due). */
export function onScheduledRun(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runNamed('all', true);
}
