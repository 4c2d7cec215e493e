// The public surface Apps Script sees: every export here becomes a top-level function of
// dist/Code.js (menu commands, simple triggers, trigger handlers, sidebar calls). Each is a few
// lines of wiring from Apps Script services (through src/adapters/gas) into src/jobs.

import { gasPorts } from '../adapters/gas/context';
import { gasWorkbook } from '../adapters/gas/workbook';
import { gasSheetStyle } from '../adapters/gas/sheet-style';
import { documentCache, documentLock, documentStore } from '../adapters/gas/store';
import { currentUserKey, deleteOwnTrigger, installTimeTrigger, ownTriggerUids, removeTriggers } from '../adapters/gas/triggers';
import { SCHEDULE_RECORD_KEY, SCHEDULE_REQUESTED_KEY, decideEnable, intervalChange, decideScheduledRun, disableNote, enableNote, parseScheduleRecord, scheduleView, serializeScheduleRecord, shownInterval } from '../core/schedule';
import { SCHEDULE_INTERVAL_KEY } from '../core/trigger-runtime';
import { audit, auditPushMode, whoLabel } from '../jobs/kit/audit';
import { SECRET_KEYS } from '../core/secrets';
import { TAB, findTabName, nameKey } from '../core/tabs';
import { runSetup } from '../sheet/setup';
import type { SetupResult } from '../sheet/setup';
import { readSettings } from '../sheet/settings-tab';
import { runJob } from '../jobs/kit/runner';
import { inExecutionOrder } from '../jobs/kit/turns';
import { createRedactor } from '../jobs/kit/redaction';
import type { RunSummary } from '../jobs/kit/runner';
import type { Job, JobRequest } from '../jobs/kit/job';
import { findJob, scheduledJobs } from '../jobs/list';
import { credentialFields, disconnect, saveSecrets, sidebarState } from '../jobs/sidebar';
import { checkJobName, checkNoArguments } from '../jobs/job-arg';
import type { SidebarState } from '../jobs/sidebar';
import { runConnectionTest } from '../jobs/sidebar/connection-test';
import type { ConnectionTestResult } from '../jobs/sidebar/connection-test';
import { setPushMode as writePushMode, setSellerId } from '../jobs/sidebar/settings-writes';

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
    .addItem('Sync orders now', 'syncOrdersNow')
    .addItem('Sync FBA shipments now', 'syncFbaShipmentsNow')
    .addItem('Sync removals now', 'syncRemovalsNow')
    .addItem('Approve stock push', 'approveStockPush')
    .addItem('Undo last stock push', 'undoLastStockPush')
    .addItem('Import settlements now', 'importSettlementsNow')
    .addItem('Recategorise settlements', 'recategoriseSettlements')
    .addItem('Build SKU Map from Amazon and 3PL', 'buildSkuMap')
    .addItem('Import 3PL charges now', 'importChargesNow')
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
  const result = runSetup(gasWorkbook(), gasSheetStyle());
  SpreadsheetApp.getActiveSpreadsheet().toast(result.message, MENU_TITLE, 8);
  return result;
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function getSidebarState(): SidebarState {
  const settings = readSettings(gasWorkbook()).settings;
  const record = parseScheduleRecord(documentStore().get(SCHEDULE_RECORD_KEY));
  const view = scheduleView(record, currentUserKey(), record ? 0 : ownTriggerUids(SCHEDULE_HANDLER).length, () => ownTriggerUids(SCHEDULE_HANDLER));
  const schedule = { ...view, everyMinutes: shownInterval(view.enabled, documentStore().get(SCHEDULE_INTERVAL_KEY), settings.syncEveryMinutes) };
  // Tried without waiting and let go at once: only to tell the person a run is under way.
  const lock = documentLock();
  const free = lock.tryLock(0);
  if (free) lock.release();
  return forSidebar(sidebarState(gasWorkbook(), documentStore(), schedule, settings, !free));
}

/**
 * "Test connection": one harmless call to Amazon ("amazon") or the 3PL ("threePl"), answered in
 * plain words (jobs/sidebar/connection-test.ts). Reads only; nothing is written to the sheet.
 */
export function testConnection(system: 'amazon' | 'threePl'): ConnectionTestResult {
  if (system !== 'amazon' && system !== 'threePl') throw new Error('testConnection takes "amazon" or "threePl".');
  const ports = gasPorts();
  return forSidebar(runConnectionTest(ports, readSettings(ports.workbook).settings, system, secretValues()));
}

/** Push mode from the sidebar: dry-run, approve or auto, written to Settings and audited. */
export function setPushMode(mode: 'dry-run' | 'approve' | 'auto'): string {
  const ports = jobPorts();
  const { workbook, dashboard } = createRedactor(secretValues()).ports(ports);
  return writePushMode(workbook, ports.store, Date.now(), currentUserKey(), mode, dashboard);
}

/** The Amazon seller ID (merchant token) entered with the Amazon credentials; it lives in Settings. */
export function saveAmazonSellerId(sellerId: string): string {
  const { workbook, dashboard } = createRedactor(secretValues()).ports(jobPorts());
  return setSellerId(workbook, Date.now(), currentUserKey(), sellerId, dashboard);
}

/** The sidebar's links to a tab (Exceptions, Inventory, Settings…): only the add-on's own tabs. */
export function showTab(name: 'Exceptions' | 'Inventory' | 'Settings' | 'Sync Log' | 'SKU Map'): string {
  const allowed: readonly string[] = [TAB.exceptions, TAB.inventory, TAB.settings, TAB.syncLog, TAB.skuMap];
  if (typeof name !== 'string' || !allowed.includes(name)) throw new Error(`showTab takes one of ${allowed.join(', ')}.`);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const found = findTabName(ss.getSheets().map((s) => s.getName()), name);
  const sheet = found ? ss.getSheetByName(found) : null;
  if (!sheet) return `There is no ${name} tab yet.`;
  sheet.activate();
  return `Showing the ${found} tab.`;
}

/** The manual (docs/operations.md, built into dist/Manual.html) in a dialog, at `section` when given. */
export function showManual(section?: string): void {
  const html = HtmlService.createHtmlOutputFromFile('Manual').setWidth(720).setHeight(560);
  // A heading id from the sidebar's own table: checked, then only ever used as a string literal.
  if (typeof section === 'string' && /^[a-z0-9_-]{1,80}$/.test(section)) {
    html.append(`<script>location.hash = ${JSON.stringify(section)};</script>`);
  }
  SpreadsheetApp.getUi().showModelessDialog(html, 'FBA 3PL Sync manual');
}

/** Validates every field (type, length, Amazon's documented prefixes) before writing any: all saved or none. */
export function saveAmazonCredentials(fields: { clientId?: string; clientSecret?: string; refreshToken?: string }): string[] {
  const f = credentialFields(fields, ['clientId', 'clientSecret', 'refreshToken'] as const);
  const saved = saveSecrets(documentStore(), { amazonClientId: f.clientId, amazonClientSecret: f.clientSecret, amazonRefreshToken: f.refreshToken });
  auditSaved('Amazon', saved);
  return saved;
}

export function saveThreePlCredentials(fields: { token?: string; username?: string; password?: string }): string[] {
  const f = credentialFields(fields, ['token', 'username', 'password'] as const);
  const saved = saveSecrets(documentStore(), { threePlToken: f.token, threePlUsername: f.username, threePlPassword: f.password });
  auditSaved('3PL', saved);
  return saved;
}

/** An audit row now, by the running user (jobs/kit/audit.ts); the Sync Log tab is made if missing. */
function auditNow(what: string): void {
  // Audit texts name fields, never values; the redaction point still stands between them and the cell.
  const { workbook, dashboard } = createRedactor(secretValues()).ports(jobPorts());
  // The Sync Log's times name the spreadsheet's zone on audit rows too (the dashboard port knows it).
  audit(workbook, Date.now(), currentUserKey(), what, dashboard);
}

/** Names the fields saved, never their values. */
function auditSaved(system: string, saved: readonly string[]): void {
  if (saved.length) auditNow(`${system} credentials saved (${saved.join(', ')})`);
}

/** Clears one system's credentials (and its cached token) and audits it when something was removed. */
function disconnectSystem(name: string, args: unknown[], system: 'amazon' | 'threePl', label: string): string {
  checkNoArguments(name, args);
  const before = storedSecretCount();
  const note = disconnect(documentStore(), documentCache(), system);
  if (storedSecretCount() < before) auditNow(`${label} credentials disconnected`);
  return note;
}

/** Clears the Amazon credentials and the cached LWA access token. */
export function disconnectAmazon(...args: unknown[]): string {
  return disconnectSystem('disconnectAmazon', args, 'amazon', 'Amazon');
}

/** Clears the 3PL token (ShipBob caches nothing). */
export function disconnectThreePl(...args: unknown[]): string {
  return disconnectSystem('disconnectThreePl', args, 'threePl', '3PL');
}

/** How many credentials are stored: a disconnect that removed one is audited. */
function storedSecretCount(): number {
  return secretValues().filter((v) => v !== null).length;
}

function secretValues(): Array<string | null> {
  const store = documentStore();
  return Object.values(SECRET_KEYS).map((k) => store.get(k));
}

/** What goes back to the sidebar passes the same redaction as cells and logs (jobs/kit/redaction). */
function forSidebar<T>(value: T): T {
  return createRedactor(secretValues()).value(value);
}

/** The ports for a job run; a sheet that was never set up gets its tabs first, so the run can log. */
function jobPorts() {
  const ports = gasPorts();
  if (findTabName(ports.workbook.tabNames(), TAB.syncLog) === null) runSetup(ports.workbook, ports.sheetStyle);
  return ports;
}

/**
 * Every run notices a Push mode typed into Settings since the last run, for the audit trail: the mode
 * people chose, not the dry run a setting that cannot be used falls back to (nobody typed that; the
 * Sync Log and CONFIG_INVALID say why nothing was pushed).
 */
function noticePushMode(ports: ReturnType<typeof gasPorts>): void {
  const { pushMode, pushModeChosen } = readSettings(ports.workbook).settings;
  auditPushMode(ports.workbook, ports.store, ports.clock.now(), currentUserKey(), pushModeChosen ?? pushMode, ports.dashboard);
}

/** A name that is not a scheduled job: logged as a failed run that says which names exist. */
function unknownJob(name: string): Job {
  const known = scheduledJobs().map((j) => j.name);
  const message = `"${name}" is not a job this version runs. ${known.length ? `Available: ${known.join(', ')}.` : 'No sync jobs are available yet.'}`;
  return { name, label: name, scheduled: false, exceptionScope: [], run: () => ({ outcome: 'failed', counts: {}, message, resolves: [] }) };
}

/** Runs jobs one after another on one set of ports; `trigger`: the schedule started them, so their time counts toward the daily trigger runtime. */
function runJobs(jobs: readonly Job[], opts: { trigger?: boolean; request?: JobRequest }): RunSummary[] {
  const ports = jobPorts();
  const executionStart = ports.clock.now();
  noticePushMode(ports);
  const secrets = secretValues();
  return inExecutionOrder(jobs, ports.store).map(({ job, ahead }) => runJob(job, ports, { secrets, executionStart, shared: jobs.length > 1, ahead, ...opts }));
}

/** Runs one scheduled job by name, or "all". */
function runNamed(job: string, trigger: boolean): RunSummary[] {
  return runJobs(job === 'all' ? scheduledJobs() : [scheduledJobs().find((j) => j.name === job) ?? unknownJob(job)], { trigger });
}

/** Runs one job ("inventory", "orders", "settlements", ...) or "all" now, as the sidebar's "Sync now". */
export function syncNow(job: string): RunSummary[] {
  return runNamed(checkJobName(job, scheduledJobs().map((j) => j.name)), false);
}

export function syncAllNow(): void {
  const runs = syncNow('all');
  const text = runs.length ? runs.map((r) => `${r.job}: ${r.outcome}`).join('; ') : 'No sync jobs are available yet.';
  SpreadsheetApp.getActiveSpreadsheet().toast(text, MENU_TITLE, 8);
}

/** Runs a job from the menu and shows its outcome as a toast. */
function runFromMenu(name: string, request: JobRequest): RunSummary {
  const [summary] = runJobs([findJob(name) ?? unknownJob(name)], { request }) as [RunSummary];
  SpreadsheetApp.getActiveSpreadsheet().toast(`${summary.outcome}: ${summary.message}`, MENU_TITLE, 10);
  return summary;
}

export function syncStockNow(): RunSummary {
  return runFromMenu('inventory', {});
}

/** Orders: Amazon's merchant orders to the 3PL, and its shipments confirmed back to Amazon. */
export function syncOrdersNow(): RunSummary {
  return runFromMenu('orders', {});
}

/** FBA shipments: Amazon's inbound shipments into the tab; ticked ones created at the 3PL once. */
export function syncFbaShipmentsNow(): RunSummary {
  return runFromMenu('fbaShipments', {});
}

/** Removals: Amazon's removal orders coming back, each made an expected receipt at the 3PL once and followed until counted. */
export function syncRemovalsNow(): RunSummary {
  return runFromMenu('removals', {});
}

/** Settlements: every settlement report Amazon lists that is not imported yet. */
export function importSettlementsNow(): RunSummary {
  return runFromMenu('settlements', {});
}

/** Re-applies the edited Settlement Map to every imported settlement (nothing is downloaded again). */
export function recategoriseSettlements(): RunSummary {
  return runFromMenu('settlements-recategorise', {});
}

/** 3PL charges: every invoice the 3PL issued that is not imported yet, matched to the ledgers. */
export function importChargesNow(): RunSummary {
  return runFromMenu('charges', {});
}

/** Proposes a SKU Map row for every Amazon offer without one, paired with a 3PL product where the evidence allows (jobs/onboarding). */
export function buildSkuMap(): RunSummary {
  return runFromMenu('sku-map-build', {});
}

/** Largest settlement file the sidebar may send: 40 MB of base64 (about 30 MB of file). */
const MAX_UPLOAD_BASE64 = 40 * 1024 * 1024;

/**
 * A settlement file a person uploaded in the sidebar (reports older than 90 days cannot be listed):
 * the same parser and the same once-only rule as the reports the job finds.
 */
export function importSettlementFile(name: unknown, base64: unknown): RunSummary {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new Error('The file name must be text of 1 to 200 characters.');
  if (typeof base64 !== 'string' || base64.length === 0) throw new Error('The file is empty.');
  if (base64.length > MAX_UPLOAD_BASE64) throw new Error('The file is larger than 30 MB; split it or import it from Amazon with "Import settlements now".');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('The file did not arrive as base64.');
  auditNow(`Settlement file uploaded (${name.replace(/[^\w .()-]/g, '_').slice(0, 120)})`);
  const [summary] = runJobs([findJob('settlements')!], { request: { file: { name, base64 } } }) as [RunSummary];
  return forSidebar(summary);
}

/** Approves the stock push the Inventory tab shows as awaiting approval, and pushes it now. */
export function approveStockPush(): RunSummary {
  // Recorded before the run, so the run's own row (its outcome) stays the newest Sync Log row.
  auditNow('Stock push approved');
  return runFromMenu('inventory', { approve: true });
}

/** Restores the FBM quantities Amazon had before the last stock push. */
export function undoLastStockPush(): RunSummary {
  auditNow('Undo of the last stock push requested');
  return runFromMenu('inventory-undo', {});
}

/**
 * Turns on the shared schedule: one trigger per spreadsheet, recorded with its id and owner in
 * document properties (core/schedule.ts). Another editor's schedule is never doubled: it must be
 * turned off first. Two editors turning it on at once both install, but only the recorded trigger
 * runs; the other removes itself when it first fires.
 */
export function enableScheduledSync(): string {
  const store = documentStore();
  const me = currentUserKey();
  const decision = decideEnable(parseScheduleRecord(store.get(SCHEDULE_RECORD_KEY)), me);
  let note: string;
  if (decision.action === 'refuse') note = decision.message;
  else {
    const { settings, problems } = readSettings(gasWorkbook());
    const state = installTimeTrigger(SCHEDULE_HANDLER, settings.syncEveryMinutes);
    store.set(SCHEDULE_RECORD_KEY, serializeScheduleRecord({ state: 'on', uid: state.uid, owner: me, since: Date.now() }));
    auditNow(`Scheduled sync turned on (${state.note.replace(/\.$/, '').toLowerCase()})`);
    note = enableNote(state.note, problems.find((p) => p.key === 'Sync every (minutes)')?.message);
  }
  SpreadsheetApp.getActiveSpreadsheet().toast(note, MENU_TITLE, 8);
  return note;
}

/** Any editor may turn the shared schedule off; the owner's trigger then stops itself (onScheduledRun). */
export function disableScheduledSync(): string {
  const store = documentStore();
  const me = currentUserKey();
  const record = parseScheduleRecord(store.get(SCHEDULE_RECORD_KEY));
  const n = removeTriggers(SCHEDULE_HANDLER);
  store.set(SCHEDULE_RECORD_KEY, serializeScheduleRecord({ state: 'off', by: me, at: Date.now() }));
  if (record?.state === 'on' || n > 0) {
    const owner = record?.state === 'on' ? record.owner : me;
    auditNow(`Scheduled sync turned off (it was set up by ${whoLabel(owner)})`);
  }
  const note = disableNote(record, me, n);
  SpreadsheetApp.getActiveSpreadsheet().toast(note, MENU_TITLE, 8);
  return note;
}

/**
 * A "Sync every (minutes)" changed while the schedule is on takes effect at the schedule's next
 * firing: its trigger (this execution's own, so its owner is running) is replaced by one at the new
 * interval, and the Sync Log says so. Without this the old interval ran on, with nothing saying so.
 */
function followIntervalSetting(store: ReturnType<typeof documentStore>): void {
  const { settings, problems, cells } = readSettings(gasWorkbook());
  const KEY = 'Sync every (minutes)';
  const usable = cells.has(nameKey(KEY)) && !problems.some((p) => p.key === KEY || p.key === '');
  const change = intervalChange(store.get(SCHEDULE_REQUESTED_KEY), store.get(SCHEDULE_INTERVAL_KEY), settings.syncEveryMinutes, usable);
  if (change === null) return;
  const state = installTimeTrigger(SCHEDULE_HANDLER, change);
  store.set(SCHEDULE_RECORD_KEY, serializeScheduleRecord({ state: 'on', uid: state.uid, owner: currentUserKey(), since: Date.now() }));
  auditNow(`Scheduled sync follows Settings "${KEY}" (${change}): ${state.note.replace(/\.$/, '').toLowerCase()}`);
}

/**
 * The time-driven trigger's handler: runs every job (each skips work that is not due), but only
 * when it is the recorded shared schedule. Any other trigger (turned off, or replaced by another
 * editor's) does nothing and, running as its owner, deletes itself.
 */
export function onScheduledRun(e?: GoogleAppsScript.Events.TimeDriven): void {
  const store = documentStore();
  const uid = e?.triggerUid;
  const decision = decideScheduledRun(parseScheduleRecord(store.get(SCHEDULE_RECORD_KEY)), uid, () => ownTriggerUids(SCHEDULE_HANDLER));
  if (decision.action === 'remove-stale' && uid) {
    deleteOwnTrigger(uid);
    console.log(`Scheduled sync: removed a trigger that is no longer the schedule (${decision.reason}).`);
    return;
  }
  if (decision.action === 'ignore') return;
  if (decision.action === 'adopt' && uid) {
    store.set(SCHEDULE_RECORD_KEY, serializeScheduleRecord({ state: 'on', uid, owner: currentUserKey(), since: Date.now() }));
  }
  try {
    followIntervalSetting(store);
  } catch (e) {
    // The sync itself still runs at the old interval; the next firing tries again.
    console.log(`Scheduled sync: could not change the interval (${e instanceof Error ? e.message : String(e)}).`);
  }
  runNamed('all', true);
}
