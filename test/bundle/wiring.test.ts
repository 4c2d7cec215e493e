// The built bundle as Apps Script sees it: only Apps Script's globals, every name the menu,
// triggers and sidebar use is a top-level function, the manifest is sound, and clasp would push
// exactly dist/ (../shared/reference/apps-script.md §4.3–§5).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DIST, makeWorld, manifest, publicFunctions } from './harness';
import { DOCUMENT_HOSTS, DOCUMENT_HOST_ALLOWLIST } from '../../src/amazon/hosts';
import { urlAllowed } from '../world/gas/urlfetch';

const code = readFileSync(path.join(DIST, 'Code.js'), 'utf8');
const sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');

describe('bundle context', () => {
  it('holds none of the Node or browser globals Apps Script lacks', () => {
    const { world, runtime } = makeWorld();
    world.begin('probe', 'editor');
    const ctx = runtime.load();
    for (const name of ['fetch', 'setTimeout', 'setInterval', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'Buffer', 'process', 'require', 'module', 'exports', 'global', 'structuredClone']) {
      expect(vm.runInContext(`typeof ${name}`, ctx), name).toBe('undefined');
    }
    for (const name of ['SpreadsheetApp', 'UrlFetchApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'Utilities', 'Session', 'HtmlService', 'Logger', 'console', 'MailApp']) {
      expect(vm.runInContext(`typeof ${name}`, ctx), name).toBe('object');
    }
    world.end('ok');
  });

  it('exposes every export of the entry file as a top-level function', () => {
    const { world, runtime } = makeWorld();
    world.begin('probe', 'editor');
    const ctx = runtime.load() as Record<string, unknown>;
    const names = publicFunctions();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'setupSheets', 'syncNow', 'showSidebar', 'onScheduledRun']));
    for (const n of names) expect(typeof ctx[n], n).toBe('function');
    world.end('ok');
  });

  it('reads the virtual clock through Date', () => {
    const { world, runtime } = makeWorld({ start: '2030-01-02T03:04:05Z' });
    world.begin('probe', 'editor');
    const ctx = runtime.load();
    expect(vm.runInContext('new Date().toISOString()', ctx)).toBe('2030-01-02T03:04:05.000Z');
    expect(vm.runInContext('Date.now()', ctx)).toBe(Date.parse('2030-01-02T03:04:05Z'));
    expect(vm.runInContext('new Date(0) instanceof Date && Object.prototype.toString.call(new Date(5))', ctx)).toBe('[object Date]');
    world.end('ok');
  });
});

describe('names used by the menu, triggers and sidebar', () => {
  it('every menu item calls a public function', () => {
    const { gas, runtime } = makeWorld();
    const r = runtime.run('onOpen', [{ authMode: 'LIMITED' }], { kind: 'simple-trigger' });
    expect(r.error).toBeUndefined();
    const items = gas.ui.menus.flatMap((m) => m.items).filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(publicFunctions(), item.caption).toContain(item.functionName);
  });

  it('every trigger handler the bundle installs is a public function', () => {
    const handlers = [...code.matchAll(/SCHEDULE_HANDLER\s*=\s*"(\w+)"|newTrigger\("(\w+)"\)/g)].map((m) => m[1] ?? m[2]);
    expect(handlers.length).toBeGreaterThan(0);
    for (const h of handlers) expect(publicFunctions()).toContain(h);
  });

  it('every server function the sidebar calls is a public function', () => {
    const calls = [...sidebar.matchAll(/\b(?:call|act)\("(\w+)"/g)].map((m) => m[1]!);
    expect(new Set(calls)).toEqual(
      new Set(['getSidebarState', 'syncNow', 'saveAmazonCredentials', 'saveThreePlCredentials', 'disconnectAmazon', 'disconnectThreePl', 'setupSheets', 'enableScheduledSync', 'disableScheduledSync', 'approveStockPush', 'undoLastStockPush', 'importSettlementFile', 'testConnection', 'setPushMode', 'saveAmazonSellerId', 'showTab', 'showManual', 'buildSkuMap']),
    );
    for (const c of calls) expect(publicFunctions()).toContain(c);
  });
});

describe('manifest', () => {
  const m = manifest() as { runtimeVersion: string; oauthScopes: string[]; urlFetchWhitelist: string[]; timeZone: string; exceptionLogging: string };

  it('is V8 with Cloud Logging and exactly the least-privilege scopes', () => {
    expect(m.runtimeVersion).toBe('V8');
    expect(m.exceptionLogging).toBe('STACKDRIVER');
    expect([...m.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      // MailApp for the alert e-mail: send only, no mailbox access (https://developers.google.com/apps-script/reference/mail/mail-app).
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(Intl.DateTimeFormat(undefined, { timeZone: m.timeZone }).resolvedOptions().timeZone).toBe(m.timeZone);
  });

  it('allows only https prefixes with a non-empty path (https://developers.google.com/apps-script/manifest/allowlist-url)', () => {
    for (const prefix of m.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\/\S*$/);
  });

  it('covers every production host the code calls, the document hosts under one S3 wildcard', () => {
    const hosts = [
      'https://api.amazon.com/auth/o2/token',
      'https://sellingpartnerapi-eu.amazon.com/orders/2026-01-01/orders',
      'https://sellingpartnerapi-na.amazon.com/listings/2021-08-01/items/X/Y',
      'https://sellingpartnerapi-fe.amazon.com/fba/inventory/v1/summaries',
      'https://api.shipbob.com/2026-01/order',
      // Amazon gives no host list for pre-signed document URLs (reports_2021-06-30.json ReportDocument.url):
      // any S3 host passes, and only a real subdomain of amazonaws.com does.
      ...Object.values(DOCUMENT_HOSTS).map((h) => `${h}/%2FNinetyDays/amzn1.tortuga.3.x?X-Amz-Signature=s`),
      'https://tortuga-prod-na.s3.amazonaws.com/doc',
      'https://some-new-bucket.s3.eu-central-1.amazonaws.com/doc',
    ];
    for (const url of hosts) expect(urlAllowed(url, m.urlFetchWhitelist), url).toBe(true);
    expect(m.urlFetchWhitelist).toContain(DOCUMENT_HOST_ALLOWLIST);
    for (const url of ['https://amazonaws.com.evil.net/x', 'https://evilamazonaws.com/x', 'https://api.shipbob.com.evil.net/x']) {
      expect(urlAllowed(url, m.urlFetchWhitelist), url).toBe(false);
    }
  });

  it('allows sandbox hosts only in a sandbox build (SANDBOX=1 node build.mjs)', async () => {
    const sandboxHosts = ['https://sandbox-api.shipbob.com/2026-01/order', 'https://sandbox.sellingpartnerapi-eu.amazon.com/orders/v0/orders'];
    for (const url of sandboxHosts) expect(urlAllowed(url, m.urlFetchWhitelist), url).toBe(false);
    const { manifestFor } = (await import('../../build.mjs')) as { manifestFor(o: { sandbox: boolean }): { urlFetchWhitelist: string[] } };
    expect(manifestFor({ sandbox: false }).urlFetchWhitelist).toEqual(m.urlFetchWhitelist);
    const sandbox = manifestFor({ sandbox: true }).urlFetchWhitelist;
    for (const url of sandboxHosts) expect(urlAllowed(url, sandbox), url).toBe(true);
  });
});

describe('clasp', () => {
  it('would push exactly the four dist/ files (clasp status runs offline)', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'clasp-home-'));
    const out = execFileSync(path.resolve('node_modules/.bin/clasp'), ['status', '--json'], {
      env: { ...process.env, HOME: home },
      encoding: 'utf8',
    });
    const status = JSON.parse(out.trim().split('\n').find((l) => l.startsWith('{'))!) as { filesToPush: string[] };
    expect([...status.filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Manual.html', 'dist/Sidebar.html', 'dist/appsscript.json']);
  });
});
