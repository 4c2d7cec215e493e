// What the sidebar shows and saves: connection status with masked secrets, the guided first run,
// the stock push under review, open exceptions, the schedule and the latest Sync Log rows. Everything
// returned is plain JSON (google.script.run cannot carry Dates): times travel as ISO strings.

import { LWA_CLIENT_ID_PREFIX, LWA_REFRESH_TOKEN_PREFIX, amazonCredentialShape } from '../core/credential-shape';
import type { AmazonCredentialShape } from '../core/credential-shape';
import { MINTSOFT_SESSION_KEY } from '../threepl/mintsoft/http';
import { SECRET_KEYS, maskSecret } from '../core/secrets';
import { lwaCacheKey } from '../amazon/lwa';
import type { CachePort } from '../ports/store';
import type { Settings } from '../core/settings';
import { SETUP_TABS, TAB, findTabName } from '../core/tabs';
import type { KeyValueStore } from '../ports/store';
import type { WorkbookPort } from '../ports/workbook';
import { inventoryTab } from '../sheet/inventory-tab';
import { recentRuns } from '../sheet/sync-log-tab';
import type { RecentRun } from '../sheet/sync-log-tab';
import { providerName } from '../threepl/names';
import { K } from './inventory/state';
import { scheduledJobs } from './list';
import { clearTestRecord, connectionView } from './sidebar/connection-record';
import type { ConnectionView } from './sidebar/connection-record';
import { marketplacesLine } from './sidebar/marketplaces-view';
import { exceptionSummary } from './sidebar/exceptions-summary';
import type { ExceptionSummary } from './sidebar/exceptions-summary';
import { guideSteps, syncBlockers } from './sidebar/guide';
import type { GuideInput, GuideStep } from './sidebar/guide';
import { explainMessage } from './sidebar/plain-words';
import { PUSH_MODE_CHOSEN_KEY } from './sidebar/settings-writes';
import { approvalBreakdown, pendingPush, undoReview } from './sidebar/stock-review';
import type { ApprovalBreakdown, PendingPush, UndoReview } from './sidebar/stock-review';

export interface SidebarState {
  missingTabs: string[];
  amazon: {
    clientId: string;
    clientSecret: string;
    refreshToken: string;
    complete: boolean;
    sellerId: string;
    connection: ConnectionView;
    /** The marketplaces Settings lists, the main one, and which the 3PL ships (sidebar/marketplaces-view.ts). */
    marketplaces: string;
  };
  threePl: { token: string; complete: boolean; provider: string; connection: ConnectionView; /** Mintsoft login: the username masked like an id, the password only saved / not saved. */ username: string; password: string };
  /** The guided first run, in order. */
  steps: GuideStep[];
  /** What "Sync now" still needs; empty when it may run. */
  syncBlockers: string[];
  /** Another execution (the schedule, a menu item, another editor) holds the document lock now. */
  runningNow: boolean;
  jobs: string[];
  /** owner: who set up the shared schedule, "you" or "another editor (user key …)" (core/schedule.ts). */
  schedule: { enabled: boolean; everyMinutes: number; owner?: string | null; /** Why it is off although turned on (its trigger is gone). */ note?: string };
  recentRuns: RecentRun[];
  /** The stock sync at a glance: push mode, what waits for a person, and what an approval or undo would do. */
  stock: {
    pushMode: string;
    awaitingApproval: number;
    heldByGuardrail: number;
    canUndo: boolean;
    approval: ApprovalBreakdown | null;
    undo: UndoReview | null;
    /** A push Amazon still has to answer: the next stock sync reads its result. */
    pending: PendingPush | null;
  };
  exceptions: Omit<ExceptionSummary, 'refused'>;
}

/** Counts of the Inventory tab's Push State column, and what an approval or an undo would send. */
function stockStatus(wb: WorkbookPort, store: KeyValueStore, pushMode: string): SidebarState['stock'] {
  const rows = inventoryTab(wb).rows();
  const undo = undoReview(rows);
  return {
    pushMode,
    awaitingApproval: rows.filter((r) => r.pushState === 'awaiting approval').length,
    heldByGuardrail: rows.filter((r) => r.pushState === 'held by guardrail').length,
    canUndo: undo !== null,
    approval: approvalBreakdown(rows),
    undo,
    pending: pendingPush(store),
  };
}

/** Said while another run holds the lock: a click would only be skipped as "another sync was running". */
export const RUNNING_ELSEWHERE = 'a sync started by the schedule, a menu item or another editor is running now; the buttons come back when it ends';

/** `runningNow`: the document lock is held by another execution (entry tries it without waiting). */
export function sidebarState(wb: WorkbookPort, store: KeyValueStore, schedule: SidebarState['schedule'], settings: Settings, runningNow = false): SidebarState {
  const names = wb.tabNames();
  // A tab people renamed in another case or spacing is still there (core/tabs findTabName).
  const tabs = { has: (name: string) => findTabName(names, name) !== null };
  const get = (k: string) => store.get(k);
  const amazonMasked = {
    clientId: maskSecret(get(SECRET_KEYS.amazonClientId), 'id'),
    clientSecret: maskSecret(get(SECRET_KEYS.amazonClientSecret), 'secret'),
    refreshToken: maskSecret(get(SECRET_KEYS.amazonRefreshToken), 'secret'),
  };
  const token = maskSecret(get(SECRET_KEYS.threePlToken), 'secret');
  const saved = (...keys: string[]) => keys.every((k) => Boolean(get(k)));
  const amazonComplete = saved(SECRET_KEYS.amazonClientId, SECRET_KEYS.amazonClientSecret, SECRET_KEYS.amazonRefreshToken);
  // Mintsoft logs in with a username and password when no static key is saved (help-mintsoft 12087865).
  const threePlComplete = saved(SECRET_KEYS.threePlToken) || (settings.threePlProvider === 'mintsoft' && saved(SECRET_KEYS.threePlUsername, SECRET_KEYS.threePlPassword));
  const { refused, ...exceptions } = tabs.has(TAB.exceptions) ? exceptionSummary(wb) : { open: { High: 0, Medium: 0, Low: 0 }, acknowledged: 0, top: [], refused: {} };
  const amazonConnection = connectionView(store, settings, 'amazon', amazonComplete, refused.amazon ?? null, explainMessage);
  const threePlConnection = connectionView(store, settings, 'threePl', threePlComplete, refused.threePl ?? null, explainMessage);
  const missingTabs = SETUP_TABS.map((t) => t.name).filter((n) => !tabs.has(n));
  const guide: GuideInput = {
    missingTabs,
    amazon: { clientId: saved(SECRET_KEYS.amazonClientId), clientSecret: saved(SECRET_KEYS.amazonClientSecret), refreshToken: saved(SECRET_KEYS.amazonRefreshToken), sellerId: Boolean(settings.sellerId), tested: amazonConnection.tested, failing: amazonConnection.level === 'error' },
    threePl: { token: threePlComplete, tested: threePlConnection.tested, failing: threePlConnection.level === 'error', mintsoft: settings.threePlProvider === 'mintsoft' },
    dryRunDone: get(K.lastSuccessAt) !== null,
    pushMode: settings.pushMode,
    pushModeChosen: get(PUSH_MODE_CHOSEN_KEY) !== null,
  };
  return {
    missingTabs,
    amazon: { ...amazonMasked, complete: amazonComplete, sellerId: settings.sellerId, connection: amazonConnection, marketplaces: marketplacesLine(settings) },
    threePl: { token, complete: threePlComplete, provider: providerName(settings.threePlProvider), connection: threePlConnection, username: maskSecret(get(SECRET_KEYS.threePlUsername), 'id'), password: maskSecret(get(SECRET_KEYS.threePlPassword), 'secret') },
    steps: guideSteps(guide),
    syncBlockers: [...(runningNow ? [RUNNING_ELSEWHERE] : []), ...syncBlockers(guide)],
    runningNow,
    jobs: scheduledJobs().map((j) => j.name),
    schedule,
    recentRuns: tabs.has(TAB.syncLog) ? recentRuns(wb, 8) : [],
    stock: stockStatus(wb, store, settings.pushMode),
    exceptions,
  };
}

type SecretName = keyof typeof SECRET_KEYS;

/**
 * What each field may hold. The prefixes are Amazon's documented formats: the LWA client
 * identifier "amzn1.application-oa2-client.…" and the refresh token "Atzr|…" (Amazon's LWA token
 * example, https://videocentral.amazon.com/home/help?topicId=G83CZTQFKSB4AP7H; Seller Central
 * "LWA credentials", https://developer-docs.amazon.com/sp-api/docs/viewing-your-application-information-and-credentials).
 * Lengths leave room for the real values (refresh tokens run to a few hundred characters) and
 * refuse pasted documents.
 */
const FIELDS: Record<SecretName, { label: string; max: number; prefix?: string }> = {
  amazonClientId: { label: 'LWA client ID', max: 256, prefix: LWA_CLIENT_ID_PREFIX },
  amazonClientSecret: { label: 'LWA client secret', max: 512 },
  amazonRefreshToken: { label: 'Refresh token', max: 2048, prefix: LWA_REFRESH_TOKEN_PREFIX },
  threePlToken: { label: '3PL access token', max: 4096 },
  threePlUsername: { label: 'Mintsoft username', max: 256 },
  threePlPassword: { label: 'Mintsoft password', max: 512 },
};

/** How each of Amazon's credential shapes is named when it turns up in another field. */
const SHAPE_NAMES: Record<AmazonCredentialShape, { field: SecretName | null; words: string }> = {
  clientId: { field: 'amazonClientId', words: 'the LWA client ID (amzn1.application-oa2-client.…)' },
  clientSecret: { field: 'amazonClientSecret', words: 'the LWA client secret (amzn1.oa2-cs.…)' },
  refreshToken: { field: 'amazonRefreshToken', words: 'the Amazon refresh token (Atzr|…)' },
  accessToken: { field: null, words: 'an LWA access token (Atza|…), which lasts only an hour' },
};

/**
 * What was pasted, without what came along with it: the quotes of a JSON file or a snippet
 * ("…", '…', “…”), and ShipBob's "Bearer " header word for a token copied from a request. Saved
 * with them, the credential fails every call with a 401 that says nothing about quotes.
 */
function pastedValue(name: SecretName, raw: string): string {
  let v = raw.trim();
  const pairs: Array<[string, string]> = [['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['`', '`']];
  for (const [open, close] of pairs) {
    if (v.length >= 2 && v.startsWith(open) && v.endsWith(close)) {
      v = v.slice(open.length, -close.length).trim();
      break;
    }
  }
  if (name === 'threePlToken') v = v.replace(/^Bearer\s+/i, '');
  return v;
}

/** Field-by-field value, or why it is refused. The message never repeats the value: it may be a secret. */
function checkField(name: SecretName, raw: unknown): { value: string | null } | { error: string } {
  const rule = FIELDS[name];
  if (raw === undefined || raw === null) return { value: null };
  if (typeof raw !== 'string') return { error: `${rule.label} must be text.` };
  const value = pastedValue(name, raw);
  if (!value) return { value: null };
  // Amazon's credentials have documented shapes: one pasted in another's field (a refresh token as the
  // client secret, an Amazon value as the 3PL token) would be saved and fail every call with a 401.
  const shape = amazonCredentialShape(value);
  if (shape && SHAPE_NAMES[shape].field !== name) {
    const own = SHAPE_NAMES[shape].field;
    return { error: `${rule.label} holds what looks like ${SHAPE_NAMES[shape].words}; ${own ? `paste it under ${FIELDS[own].label} and paste the ${rule.label} here` : `paste the ${rule.label} here`}.` };
  }
  if (value.length > rule.max) return { error: `${rule.label} is too long (at most ${rule.max} characters).` };
  // Whitespace or control characters inside mean two values pasted together, or a line break.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return { error: `${rule.label} contains spaces or line breaks; paste the value alone.` };
  if (rule.prefix && !value.startsWith(rule.prefix)) return { error: `${rule.label} should start with "${rule.prefix}".` };
  if (rule.prefix && value.length === rule.prefix.length) return { error: `${rule.label} is only the "${rule.prefix}" prefix; paste the whole value.` };
  return { value };
}

/**
 * Saves the fields that were filled in (an empty field keeps the stored value). Every field is
 * checked first and nothing is written unless all pass, so a refused field never leaves a half
 * -changed connection behind.
 */
export function saveSecrets(store: KeyValueStore, fields: Partial<Record<SecretName, unknown>>): string[] {
  const writes: Array<[SecretName, string]> = [];
  const errors: string[] = [];
  for (const name of Object.keys(SECRET_KEYS) as SecretName[]) {
    const checked = checkField(name, fields[name]);
    if ('error' in checked) errors.push(checked.error);
    else if (checked.value !== null) writes.push([name, checked.value]);
  }
  if (errors.length) throw new Error(`Nothing was saved. ${errors.join(' ')}`);
  for (const [name, value] of writes) store.set(SECRET_KEYS[name], value);
  // Mintsoft's key from the last login lives 24 hours: kept, it would stand in for the login just saved
  // (a mistyped new password tested "Connected" until the key ran out a day later).
  if (writes.some(([name]) => name === 'threePlToken' || name === 'threePlUsername' || name === 'threePlPassword')) store.delete(MINTSOFT_SESSION_KEY);
  return writes.map(([name]) => name);
}

/**
 * The argument of a save call as the sidebar sends it: an object holding only these fields.
 * Anything else (a string, an array, an unknown key) is refused rather than guessed at.
 */
export function credentialFields<K extends string>(raw: unknown, allowed: readonly K[]): Partial<Record<K, unknown>> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('Nothing was saved: the credentials must come from the sidebar form.');
  const extra = Object.keys(raw).filter((k) => !(allowed as readonly string[]).includes(k));
  if (extra.length) throw new Error(`Nothing was saved: unknown field(s) ${extra.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}.`);
  return raw as Partial<Record<K, unknown>>;
}

/**
 * "Disconnect": forgets one system's stored credentials and, for Amazon, the cached LWA access
 * token (its key is derived from the credentials, so it is found before they are deleted). ShipBob
 * personal access tokens are used as they are: nothing is cached for them.
 */
export function disconnect(store: KeyValueStore, cache: CachePort, system: 'amazon' | 'threePl'): string {
  if (system === 'amazon') {
    const clientId = store.get(SECRET_KEYS.amazonClientId);
    const refreshToken = store.get(SECRET_KEYS.amazonRefreshToken);
    if (clientId && refreshToken) cache.remove(lwaCacheKey({ clientId, refreshToken }));
    const had = [SECRET_KEYS.amazonClientId, SECRET_KEYS.amazonClientSecret, SECRET_KEYS.amazonRefreshToken].filter((k) => store.get(k) !== null);
    for (const k of had) store.delete(k);
    clearTestRecord(store, 'amazon');
    return had.length ? 'Amazon is disconnected: its credentials and access token are removed.' : 'Amazon was not connected.';
  }
  const threePlKeys = [SECRET_KEYS.threePlToken, SECRET_KEYS.threePlUsername, SECRET_KEYS.threePlPassword, MINTSOFT_SESSION_KEY];
  const had = threePlKeys.some((k) => store.get(k) !== null);
  for (const k of threePlKeys) if (store.get(k) !== null) store.delete(k);
  clearTestRecord(store, 'threePl');
  return had ? 'The 3PL is disconnected: its token is removed.' : 'The 3PL was not connected.';
}
