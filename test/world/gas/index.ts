// The Apps Script platform of one world: the state that outlives executions (spreadsheet, property
// stores, caches, locks, triggers, mail, logs, quotas) and `globals(realm)`, which builds fresh
// service objects for one execution context (apps-script.md §1.5: never share one globals object).

import type { World } from '../world';
import { CacheModel, makeCacheService, type CacheScope } from './cache';
import type { Ctx, Manifest } from './context';
import { makeHtmlService } from './html';
import { LockModel, makeLockService } from './lock';
import { makeLogging } from './logger';
import { DEFAULT_MAIL_DAILY_QUOTA, makeMailApp, type MailMessage, type MailState } from './mail';
import { PropertyStore, makePropertiesService, type PropertyScope } from './properties';
import type { Realm } from './realm';
import { makeScriptApp, type ScriptState } from './scriptapp';
import { makeSession } from './session';
import { makeSpreadsheetApp } from './spreadsheet/app';
import { makeCharts } from './spreadsheet/charts';
import { SpreadsheetModel } from './spreadsheet/model';
import { TriggerModel } from './triggers';
import { TRIGGER_RUNTIME_QUOTA_MS, TriggerRuntimeQuota, type GoogleAccount } from './trigger-runtime';
import { UiModel } from './ui';
import { DEFAULT_DAILY_FETCH_QUOTA, makeUrlFetchApp, type UrlFetchState } from './urlfetch';
import { makeUtilities, type UtilitiesState } from './utilities';

export type { Manifest } from './context';
export type { MailMessage } from './mail';
export { PropertyStore } from './properties';
export { CacheModel } from './cache';
export { LockModel } from './lock';
export { TriggerModel } from './triggers';
export { TriggerRuntimeQuota, type GoogleAccount } from './trigger-runtime';

/** Quotas page, Google Workspace column: URL Fetch calls 100,000 / day; email recipients 1,500 / day. */
const WORKSPACE_DAILY_FETCH_QUOTA = 100_000;
const WORKSPACE_MAIL_DAILY_QUOTA = 1_500;

export interface GasServicesOptions {
  manifest: Manifest;
  /** Folder with the built .html files, e.g. 'dist'. */
  htmlDir: string;
  /**
   * The quota class of the Google account the script runs as (quotas page): consumer (default) or
   * Google Workspace. It sets the defaults below and the daily trigger runtime (90 min / 6 h).
   */
  googleAccount?: GoogleAccount;
  /** Default 20,000 (consumer) or 100,000 (Workspace) calls a day (quotas page). */
  urlFetchDailyQuota?: number;
  /** Default 100 (consumer) or 1,500 (Workspace) recipients a day (quotas page). */
  mailDailyQuota?: number;
  /** Session.getActiveUserLocale(), e.g. "en" (Google's example). */
  userLocale?: string;
  /** The spreadsheet's locale and name. */
  spreadsheetLocale?: string;
  spreadsheetName?: string;
  scriptId?: string;
}

export class GasServices {
  readonly spreadsheet: SpreadsheetModel;
  readonly ui = new UiModel();
  readonly properties: Record<PropertyScope, PropertyStore> = {
    document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore(),
  };
  readonly cache: Record<CacheScope, CacheModel>;
  readonly locks = new LockModel();
  readonly triggers = new TriggerModel();
  readonly outbox: MailMessage[] = [];
  readonly logs: string[] = [];
  readonly urlFetch: UrlFetchState;
  readonly mail: MailState;
  readonly script: ScriptState;
  /** Triggers' total runtime in the current 24-hour window; the runtime charges and enforces it. */
  readonly triggerRuntime: TriggerRuntimeQuota;
  private readonly utilities: UtilitiesState = { uuidCounter: 0 };

  constructor(
    readonly world: World,
    readonly opts: GasServicesOptions,
  ) {
    if (opts.manifest.timeZone) world.scriptTimeZone = opts.manifest.timeZone;
    this.spreadsheet = new SpreadsheetModel({
      timeZone: world.spreadsheetTimeZone,
      locale: opts.spreadsheetLocale ?? 'en_GB',
      name: opts.spreadsheetName ?? 'FBA 3PL Sync',
    });
    this.cache = { document: new CacheModel(world.clock), script: new CacheModel(world.clock), user: new CacheModel(world.clock) };
    const workspace = opts.googleAccount === 'workspace';
    this.urlFetch = {
      dailyQuota: opts.urlFetchDailyQuota ?? (workspace ? WORKSPACE_DAILY_FETCH_QUOTA : DEFAULT_DAILY_FETCH_QUOTA),
      windowStart: null,
      used: 0,
      requests: [],
      locale: this.locale,
    };
    this.mail = { dailyQuota: opts.mailDailyQuota ?? (workspace ? WORKSPACE_MAIL_DAILY_QUOTA : DEFAULT_MAIL_DAILY_QUOTA), windowStart: null, used: 0 };
    this.triggerRuntime = new TriggerRuntimeQuota(TRIGGER_RUNTIME_QUOTA_MS[opts.googleAccount ?? 'consumer']);
    const spreadsheetId = (this.spreadsheet as unknown as { id?: unknown }).id;
    this.script = {
      scriptId: opts.scriptId ?? '1FakeScriptIdForTheLocalWorld0000000000000000000000000',
      authorizationRequired: false,
      documentId: typeof spreadsheetId === 'string' ? spreadsheetId : 'active-spreadsheet',
    };
  }

  /** The user's language, in which Apps Script words its errors (Session.getActiveUserLocale). */
  get locale(): string {
    return this.opts.userLocale ?? 'en';
  }

  /** The runtime calls this when an execution ends: Apps Script releases its locks. */
  releaseLocksOf(executionId: number): void {
    this.locks.releaseLocksOf(executionId, this.world.clock.now());
  }

  /** Fresh global objects for one execution context (one vm realm). */
  globals(realm: Realm): Record<string, unknown> {
    const ctx: Ctx = { world: this.world, realm, manifest: this.opts.manifest };
    const { Logger, console } = makeLogging(ctx, this.logs);
    return {
      SpreadsheetApp: makeSpreadsheetApp({
        world: this.world, model: this.spreadsheet, ui: this.ui, realm, addonMode: this.world.mode === 'addon',
      }),
      // The Charts service's enums, for sheet.newChart().setChartType(Charts.ChartType.COLUMN).
      Charts: makeCharts(),
      UrlFetchApp: makeUrlFetchApp(ctx, this.urlFetch),
      PropertiesService: makePropertiesService(ctx, this.properties),
      CacheService: makeCacheService(ctx, this.cache),
      LockService: makeLockService(ctx, this.locks),
      ScriptApp: makeScriptApp(ctx, { triggers: this.triggers, script: this.script }),
      Utilities: makeUtilities(ctx, this.utilities),
      Session: makeSession(ctx, { locale: this.locale, scriptId: this.script.scriptId }),
      HtmlService: makeHtmlService(ctx, this.opts.htmlDir),
      MailApp: makeMailApp(ctx, this.mail, this.outbox),
      Logger,
      console,
    };
  }
}
