// What the sidebar shows and saves: connection status with masked secrets, the schedule, and the
// latest Sync Log rows. Everything returned is plain JSON (google.script.run cannot carry Dates).

import { SECRET_KEYS, maskSecret } from '../core/secrets';
import { SETUP_TABS, TAB } from '../core/tabs';
import type { KeyValueStore } from '../ports/store';
import type { WorkbookPort } from '../ports/workbook';
import { inventoryTab } from '../sheet/inventory-tab';
import { recentRuns } from '../sheet/sync-log-tab';
import type { RecentRun } from '../sheet/sync-log-tab';
import { scheduledJobs } from './list';

export interface SidebarState {
  missingTabs: string[];
  amazon: { clientId: string; clientSecret: string; refreshToken: string; complete: boolean };
  threePl: { token: string; complete: boolean };
  jobs: string[];
  schedule: { enabled: boolean; everyMinutes: number };
  recentRuns: RecentRun[];
  /** The stock sync at a glance: push mode and how many FBM changes wait for a person. */
  stock: { pushMode: string; awaitingApproval: number; heldByGuardrail: number; canUndo: boolean };
}

/** Counts of the Inventory tab's Push State column, and whether a push can be undone. */
function stockStatus(wb: WorkbookPort, pushMode: string): SidebarState['stock'] {
  const rows = inventoryTab(wb).rows();
  return {
    pushMode,
    awaitingApproval: rows.filter((r) => r.pushState === 'awaiting approval').length,
    heldByGuardrail: rows.filter((r) => r.pushState === 'held by guardrail').length,
    canUndo: rows.some((r) => r.previousQty !== null),
  };
}

export function sidebarState(wb: WorkbookPort, store: KeyValueStore, schedule: SidebarState['schedule'], pushMode: string): SidebarState {
  const tabs = new Set(wb.tabNames());
  const get = (k: string) => store.get(k);
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
    jobs: scheduledJobs().map((j) => j.name),
    schedule,
    recentRuns: tabs.has(TAB.syncLog) ? recentRuns(wb, 5) : [],
    stock: stockStatus(wb, pushMode),
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
