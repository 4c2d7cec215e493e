// What the sidebar shows and saves: connection status with masked secrets, the schedule, and the
// latest Sync Log rows. Everything returned is plain JSON (google.script.run cannot carry Dates).

import { SECRET_KEYS, maskSecret } from '../core/secrets';
import { SETUP_TABS, TAB } from '../core/tabs';
import type { KeyValueStore } from '../ports/store';
import type { WorkbookPort } from '../ports/workbook';
import { jobNames } from './registry';

export interface SidebarState {
  missingTabs: string[];
  amazon: { clientId: string; clientSecret: string; refreshToken: string; complete: boolean };
  threePl: { token: string; complete: boolean };
  jobs: string[];
  schedule: { enabled: boolean; everyMinutes: number };
  recentRuns: Array<{ runId: string; job: string; end: string; outcome: string; message: string }>;
  /** The stock sync at a glance: push mode and how many FBM changes wait for a person. */
  stock: { pushMode: string; awaitingApproval: number; heldByGuardrail: number; canUndo: boolean };
}

/** Counts of the Inventory tab's Push State column, and whether a push can be undone. */
function stockStatus(wb: WorkbookPort, tabs: Set<string>, pushMode: string): SidebarState['stock'] {
  const inv = tabs.has(TAB.inventory) ? wb.read(TAB.inventory) ?? [] : [];
  const header = (inv[0] ?? []).map((h) => String(h).trim());
  const state = header.indexOf('Push State');
  const previous = header.indexOf('Previous Qty');
  let awaitingApproval = 0;
  let heldByGuardrail = 0;
  let canUndo = false;
  for (const r of inv.slice(1)) {
    if (r[state] === 'awaiting approval') awaitingApproval++;
    if (r[state] === 'held by guardrail') heldByGuardrail++;
    if (previous >= 0 && r[previous] !== '' && r[previous] !== undefined) canUndo = true;
  }
  return { pushMode, awaitingApproval, heldByGuardrail, canUndo };
}

const iso = (v: unknown): string =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v ?? '');

export function sidebarState(wb: WorkbookPort, store: KeyValueStore, schedule: SidebarState['schedule'], pushMode: string): SidebarState {
  const tabs = new Set(wb.tabNames());
  const get = (k: string) => store.get(k);
  const log = tabs.has(TAB.syncLog) ? wb.read(TAB.syncLog) ?? [] : [];
  const header = (log[0] ?? []).map(String);
  const col = (name: string) => header.indexOf(name);
  const recentRuns = log
    .slice(1)
    .slice(-5)
    .reverse()
    .map((r) => ({
      runId: String(r[col('Run ID')] ?? ''),
      job: String(r[col('Job')] ?? ''),
      end: iso(r[col('End')]),
      outcome: String(r[col('Outcome')] ?? ''),
      message: String(r[col('Message')] ?? ''),
    }));
  const amazon = {
    clientId: maskSecret(get(SECRET_KEYS.amazonClientId)),
    clientSecret: maskSecret(get(SECRET_KEYS.amazonClientSecret)),
    refreshToken: maskSecret(get(SECRET_KEYS.amazonRefreshToken)),
  };
  const token = maskSecret(get(SECRET_KEYS.threePlToken));
  return {
    missingTabs: SETUP_TABS.map((t) => t.name).filter((n) => !tabs.has(n)),
    amazon: { ...amazon, complete: Boolean(amazon.clientId && amazon.clientSecret && amazon.refreshToken) },
    threePl: { token, complete: Boolean(token) },
    jobs: jobNames(),
    schedule,
    recentRuns,
    stock: stockStatus(wb, tabs, pushMode),
  };
}

const FIELD_LIMIT = 4096;

/** Saves the fields that were filled in; an empty field keeps the stored value. */
export function saveSecrets(store: KeyValueStore, fields: Partial<Record<keyof typeof SECRET_KEYS, unknown>>): string[] {
  const saved: string[] = [];
  for (const name of Object.keys(SECRET_KEYS) as Array<keyof typeof SECRET_KEYS>) {
    const raw = fields[name];
    if (raw === undefined || raw === null) continue;
    const value = String(raw).trim();
    if (!value) continue;
    if (value.length > FIELD_LIMIT) throw new Error(`The ${name} field is too long.`);
    store.set(SECRET_KEYS[name], value);
    saved.push(name);
  }
  return saved;
}
