// Sidebar script (runs in the browser inside HtmlService's iframe): loads the state, renders it, and
// turns each click into one server call through google.script.run, with the busy indicator on while
// it is out and the result in plain words. Approve, undo and push mode auto ask first.

import { call } from './server';
import type { SidebarState } from '../jobs/sidebar';
import type { GuideStep } from '../jobs/sidebar/guide';
import { explainMessage } from '../jobs/sidebar/plain-words';
import type { Plain } from '../jobs/sidebar/plain-words';
import type { Level } from '../jobs/sidebar/connection-record';
import type { ConnectionTestResult } from '../jobs/sidebar/connection-test';
import { whileBusy, isBusy } from './busy';
import { confirmDialog } from './dialog';
import { $, el } from './dom';
import { jobLabel, outcomeLevel, plural } from './format';
import { showNotice } from './notice';
import { renderConnections } from './render-connections';
import { renderGuide } from './render-guide';
import { breakdownList, largestTable, renderStock, undoWarning } from './render-stock';
import { renderExceptions, renderRuns, renderSchedule, renderSync } from './render-status';

let state: SidebarState | null = null;

const WORST: Level[] = ['error', 'attention', 'todo', 'ok'];
const worst = (levels: Level[]): Level => WORST.find((l) => levels.includes(l)) ?? 'ok';

function failed(e: unknown): void {
  showNotice('error', [explainMessage((e as Error).message ?? String(e))]);
}

/** A run's outcome as one line: "Stock sync: partial — …". */
function runLine(r: { job: string; outcome: string; message: string }): Plain {
  const plain = explainMessage(r.message);
  return { text: `${jobLabel(r.job)}: ${r.outcome} — ${plain.text}`, details: plain.details };
}

function showRuns(runs: ReadonlyArray<{ job: string; outcome: string; message: string }>): void {
  if (runs.length === 0) showNotice('attention', [{ text: 'No sync jobs are available yet.', details: null }]);
  else showNotice(worst(runs.map((r) => outcomeLevel(r.outcome))), runs.map(runLine));
}

function stepAction(step: GuideStep): { label: string; run: () => void } | null {
  switch (step.id) {
    case 'sheets':
      return { label: 'Set up sheets', run: () => void act('setupSheets', 'Setting up the sheets…') };
    case 'amazon':
      return { label: 'Enter Amazon credentials', run: () => openForm('amazon') };
    case 'threePl':
      return { label: 'Enter the 3PL token', run: () => openForm('threepl') };
    case 'test':
      // A refused connection needs new credentials, not another test of the old ones.
      if (state?.amazon.connection.level === 'error') return { label: 'Fix the Amazon connection', run: () => openForm('amazon') };
      if (state?.threePl.connection.level === 'error') return { label: 'Fix the 3PL connection', run: () => openForm('threepl') };
      return { label: 'Test connections', run: () => void testBoth() };
    case 'dryRun':
      return state?.stock.pushMode === 'auto' ? null : { label: 'Run a dry run', run: () => void syncNow('inventory') };
    case 'pushMode':
      return { label: 'Choose push mode', run: () => $('push-mode').focus() };
  }
}

function render(s: SidebarState): void {
  state = s;
  const guidePrimary = renderGuide(s, stepAction);
  const syncAll = renderSync(s, (job) => void syncNow(job));
  const stockPrimary = renderStock(s);
  renderExceptions(s, (section) => {
    if (!isBusy()) whileBusy('Opening the manual…', () => call('showManual', section)).catch(failed);
  });
  renderConnections(s);
  renderSchedule(s);
  renderRuns(s);
  // One blue primary action at a time (Google's add-on convention): the next set-up step, else
  // what waits for a person, else "Sync all now".
  for (const b of Array.from($('main').querySelectorAll('button.action'))) if (b !== guidePrimary) b.classList.remove('action');
  const primary = guidePrimary ?? stockPrimary ?? (s.syncBlockers.length ? null : syncAll);
  primary?.classList.add('action');
}

/** While another execution runs, the state is read again every 20 s, so the buttons come back by themselves. */
const RUNNING_POLL_MS = 20_000;
let runningPoll: number | undefined;

async function refresh(): Promise<void> {
  try {
    const state = await whileBusy('Loading…', () => call('getSidebarState'));
    render(state);
    window.clearTimeout(runningPoll);
    runningPoll = state.runningNow ? window.setTimeout(() => void refresh(), RUNNING_POLL_MS) : undefined;
  } catch (e) {
    failed(e);
  }
}

function openForm(prefix: 'amazon' | 'threepl'): void {
  const details = $<HTMLDetailsElement>(`${prefix}-details`);
  details.open = true;
  details.scrollIntoView({ block: 'start' });
  (prefix === 'amazon' ? $('lwa-client-id') : $('threepl-token')).focus();
}

async function syncNow(job: string): Promise<void> {
  try {
    showRuns(await whileBusy(job === 'all' ? 'Running every sync…' : `Running the ${jobLabel(job).toLowerCase()}…`, () => call('syncNow', job)));
  } catch (e) {
    failed(e);
  }
  await refresh();
}

type Action = 'setupSheets' | 'enableScheduledSync' | 'disableScheduledSync' | 'disconnectAmazon' | 'disconnectThreePl';

async function act(name: Action, label: string): Promise<void> {
  try {
    const result = await whileBusy(label, () => call(name));
    showNotice('ok', [{ text: typeof result === 'string' ? result : result.message, details: null }]);
  } catch (e) {
    failed(e);
  }
  await refresh();
}

const SYSTEM_NAME = { amazon: 'Amazon', threePl: 'the 3PL' } as const;

async function runTest(system: 'amazon' | 'threePl'): Promise<ConnectionTestResult | null> {
  try {
    return await whileBusy(`Testing ${SYSTEM_NAME[system]}…`, () => call('testConnection', system));
  } catch (e) {
    failed(e);
    return null;
  }
}

/** A test the service could not answer (busy, down) is a note to try again, not a problem with what was saved. */
function testLevel(r: ConnectionTestResult): 'ok' | 'attention' | 'error' {
  if (r.ok) return 'ok';
  return r.refused === false ? 'attention' : 'error';
}

async function testConnection(system: 'amazon' | 'threePl'): Promise<void> {
  const r = await runTest(system);
  if (r) showNotice(testLevel(r), [{ text: r.message, details: r.details }]);
  await refresh();
}

async function testBoth(): Promise<void> {
  const results = [await runTest('amazon'), await runTest('threePl')].filter((r): r is ConnectionTestResult => r !== null);
  if (results.length) showNotice(worst(results.map(testLevel)), results.map((r) => ({ text: r.message, details: r.details })));
  await refresh();
}

/** The field's value, emptied at once: secrets do not stay in the page. */
function take(id: string): string {
  const input = $<HTMLInputElement>(id);
  const v = input.value.trim();
  input.value = '';
  return v;
}

async function saveAmazon(ev: Event): Promise<void> {
  ev.preventDefault();
  const fields = { clientId: take('lwa-client-id'), clientSecret: take('lwa-client-secret'), refreshToken: take('lwa-refresh-token') };
  const sellerId = $<HTMLInputElement>('seller-id').value.trim();
  const sellerChanged = sellerId !== '' && sellerId !== state?.amazon.sellerId;
  if (!fields.clientId && !fields.clientSecret && !fields.refreshToken && !sellerChanged) {
    showNotice('attention', [{ text: 'Nothing to save: fill in a field first (empty fields keep what is saved).', details: null }]);
    return;
  }
  try {
    await whileBusy('Saving…', async () => {
      if (fields.clientId || fields.clientSecret || fields.refreshToken) await call('saveAmazonCredentials', fields);
      if (sellerChanged) await call('saveAmazonSellerId', sellerId);
    });
  } catch (e) {
    failed(e);
    await refresh();
    return;
  }
  await refresh();
  if (state?.amazon.complete && state.amazon.sellerId) await testConnection('amazon');
  else showNotice('attention', [{ text: `Saved. ${state?.steps.find((s) => s.id === 'amazon')?.detail ?? ''}`.trim(), details: null }]);
}

async function saveThreePl(ev: Event): Promise<void> {
  ev.preventDefault();
  const token = take('threepl-token');
  const username = take('mintsoft-username');
  const password = take('mintsoft-password');
  if (!token && !username && !password) {
    showNotice('attention', [{ text: state?.threePl.provider === 'Mintsoft' ? 'Nothing to save: enter the Mintsoft username and password (or a static key) first.' : 'Nothing to save: paste the access token first.', details: null }]);
    return;
  }
  const fields = { ...(token ? { token } : {}), ...(username ? { username } : {}), ...(password ? { password } : {}) };
  try {
    await whileBusy('Saving…', () => call('saveThreePlCredentials', fields));
  } catch (e) {
    failed(e);
    await refresh();
    return;
  }
  await refresh();
  await testConnection('threePl');
}

async function approve(): Promise<void> {
  const a = state?.stock.approval;
  if (!a) return;
  const body: Node[] = [
    el('p', '', `Push ${plural(a.total, 'quantity change')} to Amazon's FBM listings?`),
    breakdownList(a),
    ...(a.held ? [el('p', '', `${a.held} of them are held by a guardrail; approving lifts the hold for exactly these quantities.`)] : []),
    el('p', 'small', 'Largest changes:'),
    largestTable(a),
    el('p', 'small secondary', 'The approval covers exactly what the Inventory tab shows now; anything computed later waits for the next approval.'),
  ];
  if (!(await confirmDialog('Approve the stock push', body, 'Approve and push'))) return;
  try {
    showRuns([await whileBusy('Pushing to Amazon…', () => call('approveStockPush'))]);
  } catch (e) {
    failed(e);
  }
  await refresh();
}

async function undo(): Promise<void> {
  const u = state?.stock.undo;
  if (!u || !state) return;
  const warning = undoWarning(u, state.threePl.provider);
  const body: Node[] = [
    el('p', '', `Put back the FBM quantities Amazon had before the last push (${plural(u.count, 'offer')})?`),
    ...(warning ? [warning] : []),
    ...(state.stock.pushMode === 'auto' ? [el('p', 'small', 'Push mode is auto: the next stock sync pushes the computed quantities again unless you switch it to dry-run or approve.')] : []),
  ];
  if (!(await confirmDialog('Undo the last stock push', body, 'Undo the push'))) return;
  try {
    showRuns([await whileBusy('Undoing the last push…', () => call('undoLastStockPush'))]);
  } catch (e) {
    failed(e);
  }
  await refresh();
}

/** Proposes SKU Map rows for offers without one (jobs/onboarding); rows people made are never changed. */
async function buildSkuMap(): Promise<void> {
  try {
    showRuns([await whileBusy('Reading Amazon and the 3PL to propose SKU Map rows…', () => call('buildSkuMap'))]);
  } catch (e) {
    failed(e);
  }
  await refresh();
}

async function changePushMode(): Promise<void> {
  const select = $<HTMLSelectElement>('push-mode');
  const mode = select.value as 'dry-run' | 'approve' | 'auto';
  if (!state || mode === state.stock.pushMode) return;
  if (mode === 'auto') {
    const body = [el('p', '', 'Every stock sync will push the computed quantities to Amazon without asking, within the guardrails (held pushes still wait for approval).')];
    if (!(await confirmDialog('Switch to auto?', body, 'Switch to auto'))) {
      select.value = state.stock.pushMode;
      return;
    }
  }
  try {
    showNotice('ok', [{ text: await whileBusy('Saving the push mode…', () => call('setPushMode', mode)), details: null }]);
  } catch (e) {
    failed(e);
  }
  await refresh();
}

/** The file's bytes as base64, in slices so a large file never builds one huge argument list. */
function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function importSettlement(ev: Event): Promise<void> {
  ev.preventDefault();
  const input = $<HTMLInputElement>('settlement-file');
  const file = input.files?.[0];
  if (!file) {
    showNotice('error', [{ text: 'Choose a settlement file first.', details: null }]);
    return;
  }
  try {
    const base64 = toBase64(await file.arrayBuffer());
    showRuns([await whileBusy(`Importing ${file.name}…`, () => call('importSettlementFile', file.name, base64))]);
    input.value = '';
  } catch (e) {
    failed(e);
  }
  await refresh();
}

/** A link that calls the server; ignored while another call is out (links are not disabled by the fieldset). */
function link(id: string, run: () => Promise<unknown>): void {
  $(id).addEventListener('click', (e) => {
    e.preventDefault();
    if (isBusy()) return;
    run().catch(failed);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  $('amazon-form').addEventListener('submit', (e) => void saveAmazon(e));
  $('threepl-form').addEventListener('submit', (e) => void saveThreePl(e));
  $('settlement-form').addEventListener('submit', (e) => void importSettlement(e));
  $('amazon-test').addEventListener('click', () => void testConnection('amazon'));
  $('threepl-test').addEventListener('click', () => void testConnection('threePl'));
  $('amazon-disconnect').addEventListener('click', () => void act('disconnectAmazon', 'Disconnecting Amazon…'));
  $('threepl-disconnect').addEventListener('click', () => void act('disconnectThreePl', 'Disconnecting the 3PL…'));
  $('schedule-toggle').addEventListener('click', () => void (state?.schedule.enabled ? act('disableScheduledSync', 'Turning the schedule off…') : act('enableScheduledSync', 'Turning the schedule on…')));
  $('approve-button').addEventListener('click', () => void approve());
  $('undo-button').addEventListener('click', () => void undo());
  $('build-sku-map').addEventListener('click', () => void buildSkuMap());
  $('check-now').addEventListener('click', () => void syncNow('inventory'));
  $('push-mode').addEventListener('change', () => void changePushMode());
  link('exceptions-link', () => whileBusy('Opening the Exceptions tab…', () => call('showTab', 'Exceptions')));
  link('manual-link', () => whileBusy('Opening the manual…', () => call('showManual')));
  void refresh();
});
