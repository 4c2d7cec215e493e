// The public surface Apps Script sees: every export here becomes a top-level function of
// dist/Code.js (menu commands, simple triggers, trigger handlers, sidebar calls). Each is a few
// lines of wiring from Apps Script services (through src/adapters/gas) into src/jobs.

import { gasPorts } from '../adapters/gas/context';
import { gasWorkbook } from '../adapters/gas/workbook';
import { documentStore } from '../adapters/gas/store';
import { hasTrigger, installTimeTrigger, removeTriggers } from '../adapters/gas/triggers';
import { SECRET_KEYS } from '../core/secrets';
import { TAB } from '../core/tabs';
import { runSetup } from '../jobs/setup';
import type { SetupResult } from '../jobs/setup';
import { runJob } from '../jobs/runner';
import type { RunSummary } from '../jobs/runner';
import { findJob, jobNames } from '../jobs/registry';
import '../jobs/jobs';
import { runInventoryJob } from '../jobs/inventory/job';
import { readSettings } from '../jobs/settings-source';
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

/** Runs one job ("inventory", "orders", "settlements", ...) or "all" now, as the sidebar's "Sync now". */
export function syncNow(job: string): RunSummary[] {
  const ports = jobPorts();
  const names = job === 'all' ? jobNames() : [job];
  const secrets = secretValues();
  return names.map((name) => {
    const def = findJob(name);
    if (!def) {
      const known = jobNames();
      return runJob(name, () => ({
        outcome: 'failed',
        counts: {},
        message: `"${name}" is not a job this version runs. ${known.length ? `Available: ${known.join(', ')}.` : 'No sync jobs are available yet.'}`,
      }), ports, secrets);
    }
    return runJob(def.name, def.run, ports, secrets);
  });
}

export function syncAllNow(): void {
  const runs = syncNow('all');
  const text = runs.length ? runs.map((r) => `${r.job}: ${r.outcome}`).join('; ') : 'No sync jobs are available yet.';
  SpreadsheetApp.getActiveSpreadsheet().toast(text, MENU_TITLE, 8);
}

function runStock(job: string, options: Parameters<typeof runInventoryJob>[2]): RunSummary {
  const summary = runJob(job, (p, deadline) => runInventoryJob(p, deadline, options), jobPorts(), secretValues());
  SpreadsheetApp.getActiveSpreadsheet().toast(`${summary.outcome}: ${summary.message}`, MENU_TITLE, 10);
  return summary;
}

export function syncStockNow(): RunSummary {
  return runStock('inventory', {});
}

/** Approves the stock push the Inventory tab shows as awaiting approval, and pushes it now. */
export function approveStockPush(): RunSummary {
  return runStock('inventory', { approve: true });
}

/** Restores the FBM quantities Amazon had before the last stock push. */
export function undoLastStockPush(): RunSummary {
  return runStock('inventory-undo', { undo: true });
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
  syncNow('all');
}
