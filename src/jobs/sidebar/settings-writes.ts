// The two Settings values the sidebar may change: Push mode (chosen in the guided first run or
// switched later) and the Amazon seller ID (entered with the Amazon credentials). Each is checked,
// written to its Settings row and recorded in the audit trail by the user who changed it.

import type { PushMode } from '../../core/settings';
import type { DashboardPort } from '../../ports/dashboard';
import type { KeyValueStore } from '../../ports/store';
import type { WorkbookPort } from '../../ports/workbook';
import { readSettings, writeSetting } from '../../sheet/settings-tab';
// The push mode the last run saw is set to the new mode, so the next run does not record this
// change a second time as typed in Settings (test/ui/sidebar-stock.test.ts: one switch, one audit row).
import { LAST_PUSH_MODE_KEY, audit, auditPushMode } from '../kit/audit';

export const PUSH_MODES: readonly PushMode[] = ['dry-run', 'approve', 'auto'];

/** Someone chose the push mode in the sidebar: the guided first run's last step is done. */
export const PUSH_MODE_CHOSEN_KEY = 'sidebar.pushModeChosen';
const MEANING: Record<PushMode, string> = {
  'dry-run': 'dry-run: each stock sync computes the quantities into the Inventory tab and pushes nothing.',
  approve: 'approve: each stock sync shows what it would push; nothing goes to Amazon until someone approves it.',
  auto: 'auto: each stock sync pushes the computed quantities within the guardrails, without asking.',
};

function settingsMissing(key: string): Error {
  return new Error(`The Settings tab has no "${key}" row: run "Set up sheets" first (it adds missing rows and changes nothing you typed).`);
}

export function setPushMode(wb: WorkbookPort, store: KeyValueStore, now: number, userKey: string, raw: unknown, shown?: DashboardPort): string {
  const mode = PUSH_MODES.find((m) => m === raw);
  if (!mode) throw new Error(`Push mode must be one of ${PUSH_MODES.join(', ')}.`);
  const before = readSettings(wb).settings.pushMode;
  // A value typed into Settings since the last run is recorded first, so the trail stays in order.
  auditPushMode(wb, store, now, userKey, before, shown);
  if (!writeSetting(wb, 'Push mode', mode)) throw settingsMissing('Push mode');
  store.set(LAST_PUSH_MODE_KEY, mode);
  store.set(PUSH_MODE_CHOSEN_KEY, '1');
  if (before !== mode) audit(wb, now, userKey, `Push mode changed from "${before}" to "${mode}" in the sidebar`, shown);
  return `Push mode is now ${MEANING[mode]}`;
}

/**
 * Amazon's merchant token (Seller Central → Settings → Account Info → Merchant Token): capital
 * letters and digits, such as A2EUQ1WTGCTBG2. Not a secret: it lives in Settings like the rest.
 */
export function setSellerId(wb: WorkbookPort, now: number, userKey: string, raw: unknown, shown?: DashboardPort): string {
  if (typeof raw !== 'string') throw new Error('The seller ID must be text.');
  const id = raw.trim();
  if (!/^[A-Z0-9]{5,32}$/.test(id)) {
    throw new Error('The seller ID (merchant token) is 5 to 32 capital letters and digits, such as A2EUQ1WTGCTBG2: copy it from Seller Central → Settings → Account Info → Merchant Token.');
  }
  if (readSettings(wb).settings.sellerId === id) return `The seller ID is already ${id}.`;
  if (!writeSetting(wb, 'Amazon seller ID', id)) throw settingsMissing('Amazon seller ID');
  audit(wb, now, userKey, 'Amazon seller ID changed in the sidebar', shown);
  return `Saved the seller ID ${id} in Settings.`;
}
