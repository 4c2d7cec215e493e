// Sidebar script (runs in the browser inside HtmlService's iframe): status, connection set-up and
// "Sync now". Every text from the server (SKU names, API messages) is untrusted: it goes into the
// DOM only through textContent, never innerHTML.

import { call } from './server';
import type { SidebarState } from '../jobs/sidebar';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function setText(id: string, text: string): void {
  $(id).textContent = text;
}

function status(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = $('status');
  el.textContent = message;
  el.className = kind;
}

/** One vocabulary with the menu: people read "stock", the code's job is "inventory". */
const JOB_WORDS: Record<string, string> = { inventory: 'stock', orders: 'orders', settlements: 'settlements' };

function render(state: SidebarState): void {
  $('setup').hidden = state.missingTabs.length === 0;
  setText('missing', state.missingTabs.join(', '));
  setText('amazon-state', state.amazon.complete ? `Saved (client ${state.amazon.clientId})` : 'Not connected');
  // Secrets come back only as "saved" / "not saved"; the client id shows at most its last 4 characters.
  setText('threepl-state', state.threePl.complete ? 'Saved' : 'Not connected');
  const { amazon } = state;
  $('amazon-disconnect').hidden = !(amazon.clientId || amazon.clientSecret === 'saved' || amazon.refreshToken === 'saved');
  $('threepl-disconnect').hidden = state.threePl.token !== 'saved';
  const { stock } = state;
  const waiting = stock.awaitingApproval + stock.heldByGuardrail;
  setText(
    'stock-state',
    `${stock.pushMode}${stock.awaitingApproval ? ` · ${stock.awaitingApproval} await approval` : ''}${stock.heldByGuardrail ? ` · ${stock.heldByGuardrail} held by a guardrail` : ''}`,
  );
  $('approve-button').hidden = !(stock.pushMode === 'approve' && waiting > 0);
  $('undo-button').hidden = !stock.canUndo;
  setText('schedule-state', state.schedule.enabled ? `On${state.schedule.owner ? ` (set up by ${state.schedule.owner})` : ''}, about every ${state.schedule.everyMinutes} min` : 'Off');
  const jobs = $('jobs');
  jobs.replaceChildren();
  for (const name of ['all', ...state.jobs]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = name === 'all' ? 'Sync all now' : `Sync ${JOB_WORDS[name] ?? name} now`;
    b.dataset.job = name;
    b.addEventListener('click', () => void syncNow(name));
    jobs.appendChild(b);
  }
  const runs = $('runs');
  runs.replaceChildren();
  for (const r of state.recentRuns) {
    const li = document.createElement('li');
    li.textContent = `${r.job} · ${r.outcome} · ${r.message}`;
    li.title = `${r.runId} ${r.end}`;
    runs.appendChild(li);
  }
  if (state.recentRuns.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No runs yet.';
    runs.appendChild(li);
  }
}

async function refresh(): Promise<void> {
  try {
    render(await call('getSidebarState'));
  } catch (e) {
    status(`Could not load status: ${(e as Error).message}`, 'error');
  }
}

async function syncNow(job: string): Promise<void> {
  status(`Running ${job}…`);
  try {
    const runs = await call('syncNow', job);
    status(runs.length ? runs.map((r) => `${r.job}: ${r.outcome} – ${r.message}`).join('\n') : 'No sync jobs are available yet.');
  } catch (e) {
    status(`Sync failed: ${(e as Error).message}`, 'error');
  }
  await refresh();
}

function value(id: string): string {
  const input = $<HTMLInputElement>(id);
  const v = input.value;
  input.value = '';
  return v;
}

async function saveAmazon(ev: Event): Promise<void> {
  ev.preventDefault();
  try {
    const saved = await call('saveAmazonCredentials', {
      clientId: value('lwa-client-id'), clientSecret: value('lwa-client-secret'), refreshToken: value('lwa-refresh-token'),
    });
    status(saved.length ? `Saved ${saved.length} Amazon field(s).` : 'Nothing to save: fill in a field first.');
  } catch (e) {
    status(`Could not save: ${(e as Error).message}`, 'error');
  }
  await refresh();
}

async function saveThreePl(ev: Event): Promise<void> {
  ev.preventDefault();
  try {
    const saved = await call('saveThreePlCredentials', { token: value('threepl-token') });
    status(saved.length ? 'Saved the 3PL token.' : 'Nothing to save: paste a token first.');
  } catch (e) {
    status(`Could not save: ${(e as Error).message}`, 'error');
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
    status('Choose a settlement file first.', 'error');
    return;
  }
  status(`Importing ${file.name}…`);
  try {
    const r = await call('importSettlementFile', file.name, toBase64(await file.arrayBuffer()));
    status(`${r.outcome}: ${r.message}`, r.outcome === 'failed' ? 'error' : 'info');
    input.value = '';
  } catch (e) {
    status(`Could not import: ${(e as Error).message}`, 'error');
  }
  await refresh();
}

type Action = 'setupSheets' | 'enableScheduledSync' | 'disableScheduledSync' | 'approveStockPush' | 'undoLastStockPush' | 'disconnectAmazon' | 'disconnectThreePl';

async function act(name: Action): Promise<void> {
  status('Working…');
  try {
    const result = await call(name);
    status(typeof result === 'string' ? result : 'outcome' in result ? `${result.outcome}: ${result.message}` : result.message);
  } catch (e) {
    status((e as Error).message, 'error');
  }
  await refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  $('amazon-form').addEventListener('submit', (e) => void saveAmazon(e));
  $('threepl-form').addEventListener('submit', (e) => void saveThreePl(e));
  $('settlement-form').addEventListener('submit', (e) => void importSettlement(e));
  $('setup-button').addEventListener('click', () => void act('setupSheets'));
  $('schedule-on').addEventListener('click', () => void act('enableScheduledSync'));
  $('schedule-off').addEventListener('click', () => void act('disableScheduledSync'));
  $('approve-button').addEventListener('click', () => void act('approveStockPush'));
  $('undo-button').addEventListener('click', () => void act('undoLastStockPush'));
  $('amazon-disconnect').addEventListener('click', () => void act('disconnectAmazon'));
  $('threepl-disconnect').addEventListener('click', () => void act('disconnectThreePl'));
  void refresh();
});
