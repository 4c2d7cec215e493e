// The Settings tab's keys, defaults and help texts (PRODUCT.md §2), and parsing of the tab into a
// typed object. Secrets never live here: they are in document properties (see secrets.ts).

import { TABS, columnOf, headersOf } from './tabs';

export type PushMode = 'dry-run' | 'approve' | 'auto';

/** Settings column key → header (TABS.settings). */
export const SETTINGS_COLUMNS = headersOf(TABS.settings);

export interface SettingDef {
  key: string;
  default: string | number | boolean;
  help: string;
  /** Number format for the Value cell: shares are fractions shown as percentages. */
  format?: 'percent' | 'integer' | 'text' | 'checkbox';
  /** Allowed values, for data validation. */
  options?: readonly string[];
}

export const SETTINGS: readonly SettingDef[] = [
  { key: 'Marketplace', default: 'UK', options: ['UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'IE', 'US', 'CA', 'MX'], help: 'Amazon marketplace code; the region (EU, NA, FE) follows from it. UK is A1F83G8C2ARO7P.' },
  { key: 'Amazon seller ID', default: '', format: 'text', help: 'Your merchant token (Seller Central → Settings → Account Info → Merchant Token). Needed to update FBM listings.' },
  { key: '3PL provider', default: 'shipbob', options: ['shipbob'], help: 'Which 3PL API to use. ShipBob today; Mintsoft and Extensiv are planned.' },
  { key: '3PL API version', default: '2026-01', format: 'text', help: 'The dated ShipBob API version to call. ShipBob retires a version after 12 months: bump it twice a year.' },
  { key: '3PL channel ID', default: '', format: 'text', help: 'ShipBob channel that owns the orders we create. Empty: the first channel the token may write to.' },
  { key: '3PL locations', default: '', format: 'text', help: 'Comma-separated 3PL location IDs whose pickable stock counts for Amazon. Empty: all locations.' },
  { key: 'Default safety buffer', default: 2, format: 'integer', help: 'Units held back from Amazon on every FBM row whose Safety Buffer cell is empty.' },
  { key: 'Sync every (minutes)', default: 60, options: ['5', '10', '15', '30', '60'], help: 'How often the scheduled sync runs once turned on. A published add-on runs at most hourly; 5–30 work when the script is bound to this sheet.' },
  { key: 'Push mode', default: 'dry-run', options: ['dry-run', 'approve', 'auto'], help: 'dry-run: compute and show only. approve: wait for "Approve stock push". auto: push within the guardrails.' },
  { key: 'Approve stock push', default: false, format: 'checkbox', help: 'Push mode approve: tick this (or use the menu item "Approve stock push") to send the quantities the Inventory tab shows as awaiting approval. The add-on unticks it after pushing.' },
  { key: 'Feed threshold', default: 20, format: 'integer', help: 'With this many changed quantities or more, send one JSON_LISTINGS_FEED; below it, update listings one by one.' },
  { key: 'Guardrail max share changing', default: 0.5, format: 'percent', help: 'Hold the whole push when more than this share of SKUs would change quantity.' },
  { key: 'Guardrail max to zero', default: 20, format: 'integer', help: 'Hold the whole push when more than this many SKUs would go to zero.' },
  { key: 'Guardrail min 3PL list share', default: 0.8, format: 'percent', help: 'Hold the push when the 3PL stock list has fewer SKUs than this share of the previous list.' },
  { key: 'Stock data max age (minutes)', default: 90, format: 'integer', help: 'Hold the push when the 3PL stock snapshot is older than this.' },
  { key: 'Stock sync timeout (minutes)', default: 180, format: 'integer', help: 'Raise STOCK_SYNC_TIMEOUT when no stock sync has succeeded for this long.' },
  { key: 'Order orphan threshold (minutes)', default: 60, format: 'integer', help: 'Raise ORDER_ORPHANED when an Amazon order is not at the 3PL after this long.' },
  { key: 'Ship-by margin (hours)', default: 12, format: 'integer', help: 'Raise ORDER_STUCK when an order is unshipped this close to its latest ship date.' },
  { key: 'Confirm timeout (minutes)', default: 120, format: 'integer', help: 'Raise ORDER_STUCK when a shipped order is not confirmed to Amazon after this long.' },
  { key: 'Log retention (days)', default: 30, format: 'integer', help: 'Sync Log rows older than this are removed, to stay far below the 10-million-cell limit.' },
  { key: 'Alert email', default: '', format: 'text', help: 'Who gets an email for new high-severity exceptions. Empty: no email.' },
];

export interface Settings {
  marketplace: string;
  sellerId: string;
  threePlProvider: string;
  threePlApiVersion: string;
  threePlChannelId: string;
  threePlLocations: string[];
  defaultSafetyBuffer: number;
  pushMode: PushMode;
  syncEveryMinutes: number;
  feedThreshold: number;
  /** A person approved the stock push shown (Settings "Approve stock push" says yes). */
  approveStockPush: boolean;
  guardrailMaxShareChanging: number;
  guardrailMaxToZero: number;
  guardrailMin3plListShare: number;
  stockDataMaxAgeMinutes: number;
  stockSyncTimeoutMinutes: number;
  orderOrphanThresholdMinutes: number;
  shipByMarginHours: number;
  confirmTimeoutMinutes: number;
  logRetentionDays: number;
  alertEmail: string;
}

export interface SettingsProblem {
  key: string;
  message: string;
}

/**
 * The Key → Value pairs of the Settings tab (values with the header row first), found by header
 * name; the one way the tab's rows are read. `row` is each pair's 0-based row under the header.
 */
export function settingsPairs(values: ReadonlyArray<ReadonlyArray<unknown>>): Array<{ key: unknown; value: unknown; row: number }> {
  const header = values[0] ?? [];
  const k = columnOf(header, SETTINGS_COLUMNS.key);
  const v = columnOf(header, SETTINGS_COLUMNS.value);
  if (k < 0 || v < 0) return [];
  return values.slice(1).map((r, row) => ({ key: r[k], value: r[v], row }));
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Reads Key → Value pairs (as the sheet holds them) into Settings. A missing or invalid value
 * falls back to its default and is reported, so one bad cell never stops a run.
 */
export function parseSettings(pairs: ReadonlyArray<readonly [unknown, unknown]>): { settings: Settings; problems: SettingsProblem[] } {
  const byKey = new Map<string, unknown>();
  for (const [k, v] of pairs) {
    const key = text(k);
    if (key) byKey.set(key.toLowerCase(), v);
  }
  const problems: SettingsProblem[] = [];
  const def = (key: string) => SETTINGS.find((s) => s.key === key)!;
  const raw = (key: string): unknown => {
    const v = byKey.get(key.toLowerCase());
    return v === undefined || v === '' ? def(key).default : v;
  };
  const str = (key: string) => text(raw(key));
  const num = (key: string, { min = 0, max = Number.POSITIVE_INFINITY, integer = false } = {}): number => {
    const v = raw(key);
    const n = typeof v === 'number' ? v : Number(text(v).replace(/%$/, '')) / (text(v).endsWith('%') ? 100 : 1);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push({ key, message: `"${text(v)}" is not a valid value for ${key}; using ${def(key).default}.` });
      return Number(def(key).default);
    }
    return n;
  };
  const choice = <T extends string>(key: string): T => {
    const v = str(key);
    const options = def(key).options ?? [];
    const hit = options.find((o) => o.toLowerCase() === v.toLowerCase());
    if (!hit) {
      problems.push({ key, message: `"${v}" is not one of ${options.join(', ')} for ${key}; using ${def(key).default}.` });
      return def(key).default as T;
    }
    return hit as T;
  };
  const settings: Settings = {
    marketplace: choice('Marketplace'),
    sellerId: str('Amazon seller ID'),
    threePlProvider: choice('3PL provider'),
    threePlApiVersion: str('3PL API version'),
    threePlChannelId: str('3PL channel ID'),
    threePlLocations: str('3PL locations').split(',').map((s) => s.trim()).filter(Boolean),
    defaultSafetyBuffer: num('Default safety buffer', { integer: true }),
    pushMode: choice<PushMode>('Push mode'),
    syncEveryMinutes: Number(choice('Sync every (minutes)')),
    feedThreshold: num('Feed threshold', { min: 1, integer: true }),
    approveStockPush: /^(yes|y|true|x|approve|approved|1)$/i.test(str('Approve stock push')),
    guardrailMaxShareChanging: num('Guardrail max share changing', { max: 1 }),
    guardrailMaxToZero: num('Guardrail max to zero', { integer: true }),
    guardrailMin3plListShare: num('Guardrail min 3PL list share', { max: 1 }),
    stockDataMaxAgeMinutes: num('Stock data max age (minutes)', { min: 1 }),
    stockSyncTimeoutMinutes: num('Stock sync timeout (minutes)', { min: 1 }),
    orderOrphanThresholdMinutes: num('Order orphan threshold (minutes)', { min: 1 }),
    shipByMarginHours: num('Ship-by margin (hours)'),
    confirmTimeoutMinutes: num('Confirm timeout (minutes)', { min: 1 }),
    logRetentionDays: num('Log retention (days)', { min: 1, integer: true }),
    alertEmail: str('Alert email'),
  };
  return { settings, problems };
}

export function defaultSettings(): Settings {
  return parseSettings([]).settings;
}
