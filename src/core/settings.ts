// The Settings tab's keys, defaults and help texts (docs/design.md §2), and parsing of the tab into a
// typed object. Secrets never live here: they are in document properties (see secrets.ts).

import { columnLetters } from './cells';
import { looksLikeCredential } from './credential-shape';
import { marketplaceListProblem, readMarketplaceList, splitList } from './marketplace-list';
import { findMarketplace, marketplaceHelp } from './marketplaces';
import { TABS, columnOf, headersOf, nameKey } from './tabs';

export type PushMode = 'dry-run' | 'approve' | 'auto';

/** Settings column key → header (TABS.settings). */
export const SETTINGS_COLUMNS = headersOf(TABS.settings);

/** The groups the Settings tab shows its keys in, in order; each is a section row above its keys. */
export const SETTINGS_SECTIONS = [
  { id: 'amazon', title: 'Amazon', help: 'Which Amazon marketplace and seller account the add-on works on.' },
  { id: 'threePl', title: '3PL', help: 'The warehouse (3PL) account: which API, which channel, which locations count.' },
  { id: 'stock', title: 'Stock sync', help: 'How the stock offered on Amazon is worked out and pushed.' },
  { id: 'guardrails', title: 'Guardrails', help: 'When a stock push is held for a person to look at first.' },
  { id: 'orders', title: 'Orders', help: 'When an order needs a person, and how long finished orders stay.' },
  { id: 'fba', title: 'FBA shipments', help: 'FBA shipments sent from the 3PL: where they leave from, and when one needs a person.' },
  { id: 'removals', title: 'Removals', help: 'Amazon removal orders coming back to the 3PL: which ones, where, and when one is late.' },
  { id: 'settlements', title: 'Settlements', help: 'How much settlement detail the spreadsheet keeps.' },
  { id: 'schedule', title: 'Schedule and alerts', help: 'How often the sync runs, who hears about problems, how long the Sync Log keeps.' },
] as const;

type SectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

interface SettingDef {
  key: string;
  /** The section it is shown under (SETTINGS_SECTIONS). */
  section: SectionId;
  default: string | number | boolean;
  help: string;
  /**
   * Number format for the Value cell: shares are fractions shown as percentages. 'integer' marks a
   * count, whose cell keeps Sheets' automatic format so "100%" or "£2" typed there shows as typed.
   */
  format?: 'percent' | 'integer' | 'text' | 'checkbox';
  /** Allowed values, for data validation. */
  options?: readonly string[];
  /**
   * False for a key of a feature not built yet: it is read when a person typed it, never seeded by
   * "Set up sheets" (a key that does nothing would mislead). A test keeps every seeded key read by code.
   */
  seeded?: false;
}

/** In section order: a new Settings tab lists them so. */
export const SETTINGS: readonly SettingDef[] = [
  { key: 'Marketplace', section: 'amazon', default: 'UK', options: ['UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'IE', 'US', 'CA', 'MX'], help: 'Amazon marketplace code; the region (EU, NA, FE) follows from it. UK is A1F83G8C2ARO7P.' },
  // Several marketplaces of one region (issue 17); empty keeps the single "Marketplace" above working as before.
  { key: 'Marketplaces', section: 'amazon', default: '', format: 'text', help: 'The Amazon marketplaces this spreadsheet serves, comma-separated, the main one first, such as "UK, DE, FR" (codes, countries or domains such as amazon.de). All must be in one region. Empty: the one in "Marketplace".' },
  { key: 'FBM marketplaces', section: 'amazon', default: '', format: 'text', help: 'The marketplaces whose merchant (FBM) orders the 3PL ships, comma-separated, such as "UK, DE". Empty: all in "Marketplaces". An order from any other is not sent; it is an exception.' },
  { key: 'Amazon seller ID', section: 'amazon', default: '', format: 'text', help: 'Your merchant token (Seller Central → Settings → Account Info → Merchant Token). Needed to update FBM listings.' },
  { key: '3PL provider', section: 'threePl', default: 'shipbob', options: ['shipbob', 'mintsoft'], help: 'Which 3PL API to use: shipbob (ShipBob) or mintsoft (Mintsoft). The sidebar then asks for what that 3PL needs.' },
  // ShipBob's current version is 2026-07 (developer.shipbob.com/versioning); the list is the one in src/threepl/shipbob/versions.ts (a test keeps them equal).
  { key: '3PL API version', section: 'threePl', default: '2026-07', format: 'text', options: ['2026-07', '2026-01'], help: 'The dated ShipBob API version to call: 2026-07 (current) or 2026-01. ShipBob releases one every January and July and retires each after 12 months.' },
  { key: '3PL channel ID', section: 'threePl', default: '', format: 'text', help: 'ShipBob channel that owns the orders we create. Empty: the first channel the token may write to.' },
  { key: '3PL locations', section: 'threePl', default: '', format: 'text', help: 'Comma-separated 3PL location IDs whose pickable stock counts for Amazon. Empty: all locations.' },
  { key: 'Push mode', section: 'stock', default: 'dry-run', options: ['dry-run', 'approve', 'auto'], help: 'dry-run: compute and show only. approve: wait for "Approve stock push". auto: push within the guardrails.' },
  { key: 'Approve stock push', section: 'stock', default: false, format: 'checkbox', help: 'Push mode approve: tick this (or use the menu item "Approve stock push") to send the quantities the Inventory tab shows as awaiting approval. The add-on unticks it after pushing.' },
  { key: 'Default safety buffer', section: 'stock', default: 2, format: 'integer', help: 'Units held back from Amazon on every FBM row whose Safety Buffer cell is empty.' },
  { key: 'Feed threshold', section: 'stock', default: 20, format: 'integer', help: 'With this many changed quantities or more, send one JSON_LISTINGS_FEED; below it, update listings one by one.' },
  { key: 'Stock sync timeout (minutes)', section: 'stock', default: 180, format: 'integer', help: 'Raise STOCK_SYNC_TIMEOUT when no stock sync has succeeded for this long.' },
  { key: 'Guardrail max share changing', section: 'guardrails', default: 0.5, format: 'percent', help: 'Hold the whole push when more than this share of SKUs would change quantity.' },
  { key: 'Guardrail max to zero', section: 'guardrails', default: 20, format: 'integer', help: 'Hold the whole push when more than this many SKUs would go to zero.' },
  { key: 'Guardrail max quantity', section: 'guardrails', default: 10000, format: 'integer', help: 'Hold the whole push when any one FBM quantity would be set above this (a figure no warehouse holds is a data error).' },
  { key: 'Guardrail min 3PL list share', section: 'guardrails', default: 0.8, format: 'percent', help: 'Hold the push when the 3PL stock list has fewer SKUs than this share of the previous list.' },
  { key: 'Stock data max age (minutes)', section: 'guardrails', default: 90, format: 'integer', help: 'Hold the push when the 3PL stock snapshot is older than this.' },
  { key: 'Order orphan threshold (minutes)', section: 'orders', default: 60, format: 'integer', help: 'Raise ORDER_ORPHANED when an Amazon order is not at the 3PL after this long.' },
  { key: 'Ship-by margin (hours)', section: 'orders', default: 12, format: 'integer', help: 'Raise ORDER_STUCK when an order is unshipped this close to its latest ship date.' },
  { key: 'Confirm timeout (minutes)', section: 'orders', default: 120, format: 'integer', help: 'Raise ORDER_STUCK when a shipped order is not confirmed to Amazon after this long.' },
  { key: 'Order retention (days)', section: 'orders', default: 30, format: 'integer', help: 'Confirmed and cancelled orders older than this leave the Orders tab; open orders stay however old. 15 cells an order: 10,000 orders a day kept 30 days is 4.5 million of the 10 million cells a spreadsheet may hold.' },
  { key: 'FBA ship-from location', section: 'fba', default: '', format: 'text', help: 'The 3PL location (ID or exact name) FBA shipments ticked "Send from 3PL" leave from (ShipBob needs one for an FBA order). Empty: the one location in "3PL locations", if there is exactly one.' },
  { key: 'FBA discrepancy tolerance (units)', section: 'fba', default: 0, format: 'integer', help: 'Raise FBA_SHIPMENT_DISCREPANCY when Amazon closes a shipment the 3PL sent with received and shipped differing by more than this many units of any SKU.' },
  { key: 'FBA stuck after (days)', section: 'fba', default: 10, format: 'integer', help: 'Raise FBA_SHIPMENT_STUCK when Amazon has not checked in a shipment this many days after the 3PL shipped it.' },
  { key: 'Removals to 3PL', section: 'removals', default: '', format: 'text', help: 'Which Amazon removal orders come back to the 3PL (Amazon\'s reports do not say where a removal goes). Empty: every removal of type Return. Or the beginnings of the removal order IDs you give them in Seller Central, separated by commas, semicolons or line breaks, such as "3PL-, SB-". Disposals never come back.' },
  { key: 'Removals 3PL location', section: 'removals', default: '', format: 'text', help: 'The 3PL location (ID or exact name) that receives removals: the address you give Amazon for them. Empty: the one location in "3PL locations", or the 3PL\'s only location.' },
  { key: 'Removal overdue (days)', section: 'removals', default: 14, format: 'integer', help: 'Raise REMOVAL_OVERDUE when a removal Amazon shipped to the 3PL has not arrived this many days after its last box left Amazon.' },
  { key: 'Settlement lines kept', section: 'settlements', default: 400000, format: 'integer', help: 'Most lines the Settlement Lines tab keeps (11 cells each; 400,000 is 4.4 of the 10 million cells a spreadsheet may hold). Past it the oldest settlements lose their lines (never the one just imported); their Settlements rows stay.' },
  // Hourly by default: it fits the consumer trigger-runtime quota (90 min a day) for runs up to 3 min
  // (24 × 3 = 72, TRIGGER_RUNTIME_HEADROOM), where every 5 minutes fits only runs under 15 s; a run
  // takes about 5 s at 1,000 SKUs and 33 s at 10,000 (docs/benchmarks.md, before Google's own
  // spreadsheet time). The QUOTA warning names the shortest safe interval for the run time measured.
  { key: 'Sync every (minutes)', section: 'schedule', default: 60, options: ['5', '10', '15', '30', '60'], help: 'How often the scheduled sync runs once turned on. A published add-on runs at most hourly; 5–30 work when the script is bound to this sheet. Scheduled runs share a daily limit (90 minutes on a gmail.com account): with 10,000 SKUs a run takes about 30 s, so every 5 minutes would need about 150 minutes a day.' },
  { key: 'Daily trigger runtime (minutes)', section: 'schedule', default: 90, format: 'integer', help: 'How long Apps Script lets scheduled runs take per day: 90 for a consumer (gmail.com) account, 360 for Google Workspace. The add-on warns (QUOTA) before its schedule would use it up.' },
  { key: 'Alert email', section: 'schedule', default: '', format: 'text', help: 'Who gets an email for new high-severity exceptions. Empty: no email.' },
  { key: 'Log retention (days)', section: 'schedule', default: 30, format: 'integer', help: 'Sync Log rows older than this are removed, to stay far below the 10-million-cell limit.' },
];

/** A section row's Key: set apart by dashes, so it never reads as a setting ("— Stock sync —"). */
export function settingsSectionKey(title: string): string {
  return `— ${title} —`;
}

/**
 * True for a Settings row that is a heading, not a setting: a Key set apart by dashes or a # ("— Stock
 * sync —", "-- Orders --", "# Guardrails"), or a section title alone ("Stock sync"). Such rows are never
 * read as settings, never reported as unknown keys, and their Value is ignored.
 */
export function isSettingsSection(key: unknown): boolean {
  const t = key === null || key === undefined ? '' : String(key).trim();
  if (!t) return false;
  if (/^[—–\-#=*]/.test(t)) return true;
  return SETTINGS_SECTIONS.some((s) => s.title.toLowerCase() === t.toLowerCase());
}

/** The keys "Set up sheets" writes (on a new tab, and appended when missing from an existing one). */
export const SEEDED_SETTING_KEYS: readonly string[] = SETTINGS.filter((s) => s.seeded !== false).map((s) => s.key);

/** One row "Set up sheets" writes into Settings: a setting with its default, or a section heading (value '', no format). */
export interface SettingsSeedRow {
  key: string;
  value: string | number | boolean;
  help: string;
  format?: SettingDef['format'];
  section?: true;
}

/**
 * Rows for a new Settings tab when `keys` is absent: each section's heading, then its seeded keys. With
 * `keys` (those missing from a tab people already have), only those keys, in section order: their
 * own layout is theirs, so no heading is added to it.
 */
export function settingsSeed(keys?: readonly string[], defs: readonly SettingDef[] = SETTINGS): SettingsSeedRow[] {
  const wanted = keys ? new Set(keys.map((k) => k.toLowerCase())) : null;
  const rows: SettingsSeedRow[] = [];
  for (const section of SETTINGS_SECTIONS) {
    const own = defs.filter((d) => d.section === section.id && (wanted ? wanted.has(d.key.toLowerCase()) : d.seeded !== false));
    if (own.length === 0) continue;
    if (!wanted) rows.push({ key: settingsSectionKey(section.title), value: '', help: section.help, section: true });
    for (const d of own) rows.push({ key: d.key, value: d.default, help: d.help, ...(d.format ? { format: d.format } : {}) });
  }
  return rows;
}

export interface Settings {
  /** The primary marketplace: the first of `marketplaces` ('' when the Settings name none usable). */
  marketplace: string;
  /** Settings "Marketplaces" (or the single "Marketplace"): codes, primary first, all of one region. */
  marketplaces: string[];
  /** Settings "FBM marketplaces": the marketplaces whose merchant orders go to the 3PL (a subset of `marketplaces`). */
  fbmMarketplaces: string[];
  sellerId: string;
  threePlProvider: string;
  threePlApiVersion: string;
  threePlChannelId: string;
  threePlLocations: string[];
  defaultSafetyBuffer: number;
  /** The mode the sync runs in: dry-run while a setting that decides how much is pushed cannot be used. */
  pushMode: PushMode;
  /** Set when that fallback overrides it: the mode Settings hold, which is what people chose (the audit trail). */
  pushModeChosen?: PushMode;
  syncEveryMinutes: number;
  feedThreshold: number;
  /** A person approved the stock push shown (Settings "Approve stock push" says yes). */
  approveStockPush: boolean;
  /** "Approve stock push" as typed when a word ("x", "yes") rather than a tick box was read as ticked: the run says so. */
  approveStockPushWord?: string;
  guardrailMaxShareChanging: number;
  guardrailMaxToZero: number;
  guardrailMaxQuantity: number;
  guardrailMin3plListShare: number;
  stockDataMaxAgeMinutes: number;
  stockSyncTimeoutMinutes: number;
  orderOrphanThresholdMinutes: number;
  shipByMarginHours: number;
  confirmTimeoutMinutes: number;
  logRetentionDays: number;
  orderRetentionDays: number;
  settlementLinesKept: number;
  /** Apps Script's "Triggers total runtime" for this account, minutes a day (quotas page). */
  dailyTriggerRuntimeMinutes: number;
  alertEmail: string;
  /** Settings "FBA ship-from location" ('' = decided by "3PL locations"; core/fba-shipments/committed.ts). */
  fbaShipFromLocation: string;
  fbaDiscrepancyToleranceUnits: number;
  fbaStuckDays: number;
  /** Settings "Removals to 3PL": removal order ID beginnings; empty = every Return removal. */
  removalsToThreePl: string[];
  removalsLocation: string;
  removalOverdueDays: number;
}

export interface SettingsProblem {
  /** The Settings key whose value cannot be used (as the add-on names it); '' for the tab itself. */
  key: string;
  /** The value as typed ('' for the tab itself). */
  value: string;
  /** Plain words: the key, the value typed, what is allowed and what the add-on does meanwhile. */
  message: string;
  /** No job may run (the tab cannot be read, or the marketplace is unknown): a guess would act on the wrong things. */
  blocking?: boolean;
  /** Decides how much is pushed (a PUSH_SETTINGS key, or an unknown key most likely meant as one): the stock sync is a dry run meanwhile. */
  pushes?: boolean;
}

/**
 * Settings that decide how much is pushed to Amazon. While one of them cannot be used the push mode
 * is dry-run: a default in their place could make Amazon promise more than the person meant.
 */
export const PUSH_SETTINGS: ReadonlySet<string> = new Set([
  'Push mode',
  'Default safety buffer',
  'Guardrail max share changing',
  'Guardrail max to zero',
  'Guardrail max quantity',
  'Guardrail min 3PL list share',
  'Stock data max age (minutes)',
]);

/**
 * The Key → Value pairs of the Settings tab (values with the header row first), found by header
 * name; the one way the tab's rows are read. `row` is each pair's 0-based row under the header;
 * `cell` names its Key cell as Sheets does ("A7"), `valueCell` its Value cell ("B7"), for messages.
 */
export function settingsPairs(values: ReadonlyArray<ReadonlyArray<unknown>>): Array<{ key: unknown; value: unknown; row: number; cell: string; valueCell: string }> {
  const header = values[0] ?? [];
  const k = columnOf(header, SETTINGS_COLUMNS.key);
  const v = columnOf(header, SETTINGS_COLUMNS.value);
  if (k < 0 || v < 0) return [];
  return values.slice(1).map((r, row) => ({ key: r[k], value: r[v], row, cell: `${columnLetters(k + 1)}${row + 2}`, valueCell: `${columnLetters(v + 1)}${row + 2}` }));
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Whether two keys differ only by case, spaces, punctuation or a slip of one or two letters ("Push mod"). */
function looksLike(typed: string, key: string): boolean {
  const a = typed.toLowerCase().replace(/[^a-z0-9%]/g, '');
  const b = key.toLowerCase().replace(/[^a-z0-9%]/g, '');
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 2 || Math.min(a.length, b.length) < 6) return false;
  // Edit distance, stopped early: only "at most 2" matters.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! <= 2;
}

/** Words too common to say which setting was meant ("Buffer for all SKUs"); units are shared by many keys. */
const FILLER = new Set(['a', 'an', 'all', 'and', 'the', 'for', 'of', 'to', 'in', 'on', 'per', 'by', 'my', 'our', 'is', 'setting', 'minute', 'hour', 'day', 'unit']);

/** A key's meaningful words, singular ("SKUs" → "sku"), so word overlap finds "Default safety buffer" from "Safety buffer". */
function keyWords(key: string): Set<string> {
  const words = key.toLowerCase().split(/[^a-z0-9%]+/).map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
  return new Set(words.filter((w) => w && !FILLER.has(w)));
}

/**
 * The known keys an unknown one most likely meant, best first (at most 3): a slip of a letter or two
 * first, then the keys sharing most of its words. Empty when it shares none.
 */
export function closestSettingKeys(typed: string): string[] {
  const slips = SETTINGS.filter((s) => looksLike(typed, s.key)).map((s) => s.key);
  const words = keyWords(typed);
  const shared = SETTINGS.map((s) => ({ key: s.key, n: [...keyWords(s.key)].filter((w) => words.has(w)).length }))
    .filter((s) => s.n > 0 && !slips.includes(s.key))
    .sort((a, b) => b.n - a.n);
  return [...slips, ...shared.map((s) => s.key)].slice(0, 3);
}

/**
 * The problem for a Key that is no setting: named by its cell, with the keys it most likely meant.
 * One meant as a push setting ("Safety buffer") makes the stock sync a dry run, as that setting would:
 * pushing with the default could offer more than the person typed.
 */
function unknownKey(key: string, value: string, cell: string | undefined): SettingsProblem {
  const near = closestSettingKeys(key);
  // The best guess decides: a weaker one sharing a word with a push setting is no reason to stop pushing.
  const pushes = near.length > 0 && PUSH_SETTINGS.has(near[0]!);
  const the = cell ? `the key in cell ${cell}` : 'the key';
  const meant = near.length ? ` (did you mean ${near.map((k) => `"${k}"`).join(' or ')}?)` : '';
  const fix = near.length ? `Rename ${the} to the one you meant.` : `Settings keys are exact names: rename ${the} to one of them (each row's Help says what it does).`;
  const meanwhile = pushes ? ' Until it is fixed the stock sync runs as a dry run: nothing is pushed to Amazon.' : '';
  const message = `Settings row "${key}" is not a setting the add-on knows${meant}, so its value "${value}" is not used. ${fix}${meanwhile} A note of your own goes in the Help column, or under a Key starting with #.`;
  return { key, value, message, ...(pushes ? { pushes } : {}) };
}

/**
 * A credential pasted into the Settings tab is never quoted back (the Exceptions tab and the Sync Log
 * are read by everyone the sheet is shared with, as is the cell itself): the problem says so and asks
 * for it to be moved into the sidebar, which keeps it out of the sheet.
 */
function withoutCredential(p: SettingsProblem): SettingsProblem {
  if (!looksLikeCredential(p.key, p.value)) return p;
  const message =
    `Settings row "${p.key}" holds what looks like a credential (not shown here). Credentials do not belong in the sheet, where everyone it is shared with can read them: ` +
    `clear that row, then enter the credential in the sidebar (FBA 3PL Sync → Open sidebar → Connections), which keeps it out of the sheet.` +
    `${p.pushes ? ' Until the row is cleared the stock sync runs as a dry run: nothing is pushed to Amazon.' : ''}`;
  return { ...p, value: '', message };
}

/** A currency sign in what a Value cell shows (Unicode "Sc": £, $, €, ¥…): an amount of money was typed. */
const CURRENCY_SIGN = /\p{Sc}/u;

const TRUE_WORDS = /^(yes|y|true|x|approve|approved|1|on|✓|✔)$/i;
const FALSE_WORDS = /^(no|n|false|0|off|)$/i;

/** What a number setting accepts, in words. */
function numberRule(format: SettingDef['format'], min: number, max: number, integer: boolean): string {
  if (format === 'percent') return `a percentage from ${Math.round(min * 100)}% to ${Math.round(max * 100)}%`;
  return `${integer ? 'a whole number' : 'a number'} of ${min} or more`;
}

function shown(v: string | number | boolean, format: SettingDef['format']): string {
  return format === 'percent' && typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : String(v);
}

/**
 * Reads Key → Value pairs (as the sheet holds them) into Settings. An empty value means the
 * default. A value that cannot be used is never silently replaced: it is reported as a problem
 * naming the key, the value typed and what is allowed; meanwhile a setting that decides how much
 * is pushed makes the push mode dry-run, an unknown marketplace blocks every job, and any other
 * setting uses its default.
 */
export function parseSettings(pairs: ReadonlyArray<readonly [unknown, unknown, string?, string?]>): { settings: Settings; problems: SettingsProblem[] } {
  const byKey = new Map<string, unknown>();
  /** The Value cell's text as the sheet shows it, when the reader has it (key as byKey). */
  const shownByKey = new Map<string, string>();
  const problems: SettingsProblem[] = [];
  const conflicting = new Set<string>();
  for (const [k, v, cell, seen] of pairs) {
    const key = text(k);
    // A heading ("— Stock sync —") groups the rows under it; whatever its Value holds is not a setting.
    if (!key || isSettingsSection(key)) continue;
    // Compared as headers are (core/tabs nameKey): "Push  mode" or a pasted non-breaking space is still "Push mode".
    const lower = nameKey(key);
    const known = SETTINGS.find((s) => nameKey(s.key) === lower);
    if (!known) {
      // Every unknown key with a value is reported, not only near misses: "Safety buffer" = 5 was meant
      // as a setting, and using the default instead in silence would not be what was typed.
      if (text(v)) problems.push(unknownKey(key, text(v), cell));
      continue;
    }
    const before = byKey.get(lower);
    if (before !== undefined && text(before) !== '' && text(v) !== '' && text(before) !== text(v)) conflicting.add(known.key);
    if (before === undefined || text(before) === '') {
      byKey.set(lower, v);
      shownByKey.set(lower, text(seen));
    }
  }
  const def = (key: string) => SETTINGS.find((s) => s.key === key)!;
  const raw = (key: string): unknown => {
    const v = byKey.get(nameKey(key));
    // A cell holding only spaces looks empty, so it means what an empty one does: the default.
    return v === undefined || text(v) === '' ? def(key).default : v;
  };
  /**
   * The Value cell as people see it (what they typed), when the reader has it: a number Sheets made
   * of "60%" or "£5" reads 0.6 or 5, a date a Date, and only the shown text quotes them as typed.
   */
  const typedAs = (key: string): string => {
    const v = byKey.get(nameKey(key));
    return text(shownByKey.get(nameKey(key))) || text(v);
  };
  // A date in a text setting is one Sheets made of what was typed: its text is what the cell shows.
  const str = (key: string) => (raw(key) instanceof Date ? typedAs(key) : text(raw(key)));
  const fallback = (key: string): string => {
    if (key === 'Marketplace' || key === 'Marketplaces') return "No sync runs until it is fixed, because a guess could change another marketplace's listings.";
    // Guessing the 3PL could read stock from, or send orders to, the wrong warehouse system.
    if (key === '3PL provider') return 'No job that talks to the 3PL runs until it is fixed.';
    if (PUSH_SETTINGS.has(key)) return 'Until it is fixed the stock sync runs as a dry run: nothing is pushed to Amazon.';
    return `Until it is fixed the add-on uses the default, ${shown(def(key).default, def(key).format) || '(empty)'}.`;
  };
  const report = (key: string, typed: string, rule: string) =>
    problems.push({ key, value: typed, message: `Settings "${key}" holds "${typed}", which is not ${rule}. ${fallback(key)}` });
  /** A key typed twice with different values: neither is guessed. */
  const twice = (key: string): boolean => {
    if (!conflicting.has(key)) return false;
    const values = pairs.filter(([k]) => nameKey(k) === nameKey(key)).map(([, v]) => `"${text(v)}"`);
    problems.push({ key, value: text(byKey.get(nameKey(key))), message: `Settings has "${key}" more than once with different values (${values.join(', ')}); keep one row. ${fallback(key)}` });
    return true;
  };
  const num = (key: string, { min = 0, max = Number.POSITIVE_INFINITY, integer = false } = {}): number => {
    const v = raw(key);
    if (twice(key)) return Number(def(key).default);
    const t = text(v);
    const typed = text(byKey.get(nameKey(key))) !== '';
    // A count given as a percentage ("100%", which the sheet keeps as 1) is not the count 1: never guessed.
    const seen = typed ? typedAs(key) : t;
    if (def(key).format !== 'percent' && typed && (t.endsWith('%') || seen.endsWith('%'))) {
      report(key, seen, `${numberRule(def(key).format, min, max, integer)} (a count, not a percentage)`);
      return Number(def(key).default);
    }
    // Nor is an amount of money ("£5", which the sheet keeps as 5 shown "£5.00") a count or a share.
    if (typed && CURRENCY_SIGN.test(seen)) {
      report(key, seen, `${numberRule(def(key).format, min, max, integer)} (not an amount of money)`);
      return Number(def(key).default);
    }
    const n = typeof v === 'number' ? v : /^[+-]?(\d+(\.\d*)?|\.\d+)\s*%?$/.test(t) ? Number(t.replace(/\s*%$/, '')) / (t.endsWith('%') ? 100 : 1) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      report(key, seen, numberRule(def(key).format, min, max, integer));
      return Number(def(key).default);
    }
    return n;
  };
  const choice = <T extends string>(key: string): T => {
    const v = str(key);
    if (twice(key)) return def(key).default as T;
    const options = def(key).options ?? [];
    const hit = options.find((o) => o.toLowerCase() === v.toLowerCase());
    if (!hit) {
      report(key, typedAs(key) || v, `one of ${options.join(', ')}`);
      return def(key).default as T;
    }
    return hit as T;
  };
  /** '' when unknown: every job is blocked, so nothing acts on a guessed marketplace. */
  const marketplace = (): string => {
    const key = 'Marketplace';
    const v = str(key);
    const found = twice(key) ? null : findMarketplace(v);
    if (found) return found.code;
    if (!conflicting.has(key)) report(key, typedAs(key) || v, `an Amazon marketplace the add-on knows (${marketplaceHelp()})`);
    problems[problems.length - 1]!.blocking = true;
    return '';
  };
  /** Settings "Marketplaces" when typed, else the single "Marketplace"; [] when unusable (every job is blocked). */
  const marketplaceList = (): string[] => {
    const typed = text(byKey.get('marketplaces'));
    if (!typed) {
      const one = marketplace();
      return one ? [one] : [];
    }
    if (twice('Marketplaces')) {
      problems[problems.length - 1]!.blocking = true;
      return [];
    }
    const read = readMarketplaceList(typed);
    const problem = marketplaceListProblem('Marketplaces', typed, read);
    if (problem || !read.codes.length) {
      problems.push({ key: 'Marketplaces', value: typed, message: `${problem ?? `Settings "Marketplaces" holds "${typed}", which names no marketplace.`} ${fallback('Marketplace')}`, blocking: true });
      return [];
    }
    // The old single key typed too, and naming another marketplace: which one is primary is not guessed.
    const single = text(byKey.get('marketplace'));
    const singleCode = single ? findMarketplace(single)?.code : undefined;
    if (single && singleCode !== read.codes[0]) {
      problems.push({
        key: 'Marketplace',
        value: single,
        message: `Settings "Marketplace" holds "${single}" while "Marketplaces" starts with ${read.codes[0]}. Clear "Marketplace" (the first of "Marketplaces" is the main one) or make them agree. ${fallback('Marketplace')}`,
        blocking: true,
      });
      return [];
    }
    return read.codes;
  };
  /** Settings "FBM marketplaces": empty means every listed marketplace; an entry not in the list is reported, never added. */
  const fbmList = (listed: string[]): string[] => {
    const key = 'FBM marketplaces';
    const typed = str(key);
    if (!typed) return [...listed];
    if (/^(none|no|-)$/i.test(typed)) return [];
    const read = readMarketplaceList(typed);
    const outside = read.codes.filter((c) => !listed.includes(c));
    const problem = marketplaceListProblem(key, typed, read);
    const kept = read.codes.filter((c) => listed.includes(c));
    if (problem || outside.length) {
      const notListed = outside.length ? `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in "Marketplaces" (${listed.join(', ') || 'none usable'}); add ${outside.length === 1 ? 'it' : 'them'} there or remove ${outside.length === 1 ? 'it' : 'them'} here.` : '';
      problems.push({
        key,
        value: typed,
        message: `${problem ?? `Settings "${key}" holds "${typed}":`} ${notListed} Until it is fixed only the orders of ${kept.join(', ') || 'no marketplace'} go to the 3PL; the others are exceptions, not sent.`.replace(/\s+/g, ' ').trim(),
      });
    }
    return kept;
  };
  /** Flags read from a word ("x" → ticked), by key: never read so in silence (Settings.approveStockPushWord). */
  const flagWords = new Map<string, string>();
  const flag = (key: string): boolean => {
    const v = raw(key);
    if (typeof v === 'boolean') return v;
    const t = text(v);
    if (TRUE_WORDS.test(t)) {
      if (!/^true$/i.test(t)) flagWords.set(key, typedAs(key));
      return true;
    }
    if (!FALSE_WORDS.test(t)) problems.push({ key, value: typedAs(key), message: `Settings "${key}" holds "${typedAs(key)}", which is neither a ticked nor an unticked box. Until it is fixed it counts as not ticked.` });
    return false;
  };
  /** Merchant tokens are letters and digits (A2EXAMPLE123); anything else cannot be one, though it is still sent, so Amazon's answer is seen too. */
  const sellerId = (key: string): string => {
    const t = str(key);
    if (t && !/^[A-Za-z0-9]+$/.test(t)) {
      problems.push({ key, value: t, message: `Settings "${key}" holds "${t}", which is not a merchant token (letters and digits only, such as A2EXAMPLE123; Seller Central → Settings → Account Info → Merchant Token). Amazon refuses listing updates for a wrong seller ID.` });
    }
    return t;
  };
  /** '' when unusable: the 3PL client refuses to start rather than call a 3PL nobody chose. */
  const provider = (): string => {
    const before = problems.length;
    const v = choice('3PL provider');
    return problems.length > before ? '' : v;
  };
  /**
   * Beginnings of IDs, separated as the other lists are (commas, semicolons, line breaks): "RMV-; 3PL-"
   * is two, not one that matches nothing (every removal would silently be "not for 3PL"). An entry
   * with a space or quote inside cannot begin an ID: said, and left out.
   */
  const idBeginnings = (key: string): string[] => {
    const entries = splitList(str(key));
    const bad = entries.filter((e) => /[\s"'“”‘’]/.test(e));
    const meanwhile = bad.length === entries.length ? 'it counts as empty (every removal of type Return)' : `${bad.length === 1 ? 'that entry is' : 'those entries are'} left out`;
    if (bad.length) problems.push({ key, value: str(key), message: `Settings "${key}" holds ${bad.map((b) => `"${b}"`).join(', ')}, which cannot begin an ID: give the beginnings separated by commas, such as "3PL-, SB-". Until it is fixed ${meanwhile}.` });
    return entries.filter((e) => !bad.includes(e));
  };
  const pushMode = choice<PushMode>('Push mode');
  const marketplaces = marketplaceList();
  const settings: Settings = {
    marketplace: marketplaces[0] ?? '',
    marketplaces,
    fbmMarketplaces: fbmList(marketplaces),
    sellerId: sellerId('Amazon seller ID'),
    threePlProvider: provider(),
    threePlApiVersion: choice('3PL API version'),
    threePlChannelId: str('3PL channel ID'),
    // Separated as the marketplace lists are (commas, semicolons, line breaks): "20; 10" is two locations, not one unknown.
    threePlLocations: splitList(str('3PL locations')),
    defaultSafetyBuffer: num('Default safety buffer', { integer: true }),
    pushMode,
    syncEveryMinutes: Number(choice('Sync every (minutes)')),
    feedThreshold: num('Feed threshold', { min: 1, integer: true }),
    approveStockPush: flag('Approve stock push'),
    guardrailMaxShareChanging: num('Guardrail max share changing', { max: 1 }),
    guardrailMaxToZero: num('Guardrail max to zero', { integer: true }),
    guardrailMaxQuantity: num('Guardrail max quantity', { min: 1, integer: true }),
    guardrailMin3plListShare: num('Guardrail min 3PL list share', { max: 1 }),
    stockDataMaxAgeMinutes: num('Stock data max age (minutes)', { min: 1 }),
    stockSyncTimeoutMinutes: num('Stock sync timeout (minutes)', { min: 1 }),
    orderOrphanThresholdMinutes: num('Order orphan threshold (minutes)', { min: 1 }),
    shipByMarginHours: num('Ship-by margin (hours)'),
    confirmTimeoutMinutes: num('Confirm timeout (minutes)', { min: 1 }),
    logRetentionDays: num('Log retention (days)', { min: 1, integer: true }),
    orderRetentionDays: num('Order retention (days)', { min: 1, integer: true }),
    settlementLinesKept: num('Settlement lines kept', { min: 1000, integer: true }),
    dailyTriggerRuntimeMinutes: num('Daily trigger runtime (minutes)', { min: 1, integer: true }),
    alertEmail: str('Alert email'),
    fbaShipFromLocation: str('FBA ship-from location'),
    fbaDiscrepancyToleranceUnits: num('FBA discrepancy tolerance (units)', { integer: true }),
    fbaStuckDays: num('FBA stuck after (days)', { min: 1, integer: true }),
    removalsToThreePl: idBeginnings('Removals to 3PL'),
    removalsLocation: str('Removals 3PL location'),
    removalOverdueDays: num('Removal overdue (days)', { min: 1, integer: true }),
  };
  const approveWord = flagWords.get('Approve stock push');
  if (approveWord !== undefined) settings.approveStockPushWord = approveWord;
  // A setting that decides how much is pushed could not be used: nothing is pushed meanwhile.
  if (problems.some((p) => PUSH_SETTINGS.has(p.key) || p.pushes)) {
    settings.pushModeChosen = settings.pushModeChosen ?? settings.pushMode;
    settings.pushMode = 'dry-run';
  }
  return { settings, problems: problems.map(withoutCredential) };
}

/** The schedule's intervals, shortest first ('Sync every (minutes)'). */
const SYNC_INTERVALS = [5, 10, 15, 30, 60] as const;

/** Share of the daily trigger runtime a schedule may plan to use: the rest absorbs slow runs and retries. */
export const TRIGGER_RUNTIME_HEADROOM = 0.8;

/**
 * The shortest interval at which one firing of `msPerFiring` keeps a day of scheduled runs within
 * TRIGGER_RUNTIME_HEADROOM of the daily trigger runtime (90 minutes on a consumer account, 6 hours
 * on Workspace: https://developers.google.com/apps-script/guides/services/quotas). 60 when even
 * hourly does not fit: a published add-on cannot run less often than that by itself.
 */
export function safeSyncEveryMinutes(msPerFiring: number, dailyQuotaMinutes: number): number {
  const budget = TRIGGER_RUNTIME_HEADROOM * dailyQuotaMinutes * 60_000;
  return SYNC_INTERVALS.find((m) => msPerFiring * ((24 * 60) / m) <= budget) ?? 60;
}
