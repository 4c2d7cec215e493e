// GasServices: fresh globals per execution context over shared platform state, values made in the
// bundle's realm (apps-script.md §1.2 #3, §1.5), and the services wired to each other.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { GasServices } from '../world/gas/index';
import type { Realm } from '../world/gas/realm';
import { World } from '../world/world';

const NAMES = ['SpreadsheetApp', 'Charts', 'UrlFetchApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'Utilities', 'Session', 'HtmlService', 'Logger', 'console', 'MailApp'];

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gas-services-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<p>hello</p>');
  const world = new World('2026-03-02T09:00:00Z', 'addon');
  const services = new GasServices(world, { manifest: { timeZone: 'Etc/UTC', urlFetchWhitelist: ['https://api.example.com/'] }, htmlDir: dir });
  const context = vm.createContext({});
  const realm = vm.runInContext('({ Date, Error, Object, Array })', context) as Realm;
  Object.assign(context, services.globals(realm));
  const run = (code: string): unknown => vm.runInContext(code, context);
  return { world, services, realm, run };
}

describe('GasServices', () => {
  it('builds every global, fresh for each execution context', () => {
    const { services, realm } = setup();
    const a = services.globals(realm);
    const b = services.globals(realm);
    for (const n of NAMES) {
      expect(a[n], n).toBeDefined();
      expect(a[n]).not.toBe(b[n]);
    }
  });

  it('keeps platform state across executions and contexts', () => {
    const { world, services, realm, run } = setup();
    world.begin('menuSync', 'menu');
    run("PropertiesService.getDocumentProperties().setProperty('cursor', 'c1')");
    world.end('ok');
    world.begin('tick', 'time-trigger');
    const other = services.globals(realm) as { PropertiesService: { getDocumentProperties(): { getProperty(k: string): string | null } } };
    expect(other.PropertiesService.getDocumentProperties().getProperty('cursor')).toBe('c1');
    expect(services.properties.document.data.get('cursor')).toBe('c1');
  });

  it('hands the bundle arrays and errors of its own realm', () => {
    const { world, run } = setup();
    world.begin('x', 'menu');
    expect(run("Utilities.base64Decode('/wAB') instanceof Array")).toBe(true);
    expect(run("PropertiesService.getUserProperties().getKeys() instanceof Array")).toBe(true);
    expect(run("(function(){ try { UrlFetchApp.fetch('https://evil.example.org/'); } catch (e) { return (e instanceof Error) + ' ' + String(e); } })()"))
      .toBe('true Exception: Request to https://evil.example.org/ failed because the URL has not been whitelisted in the script manifest.');
  });

  it('uses the manifest time zone for the script and the add-on rules for triggers', () => {
    const { world, run, services } = setup();
    world.begin('install', 'menu');
    expect(run('Session.getScriptTimeZone()')).toBe('Etc/UTC');
    expect(() => run("ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create()")).toThrow('at least one hour');
    run("ScriptApp.newTrigger('tick').timeBased().everyHours(1).create()");
    expect(services.triggers.occurrences(world.clock.now(), world.clock.now() + 3_600_000)).toHaveLength(1);
    expect(services.triggers.triggers[0]!.documentId).toBe(services.spreadsheet.id);
  });

  it('shows a sidebar built from a file through SpreadsheetApp.getUi()', () => {
    const { world, run, services } = setup();
    world.begin('showSidebar', 'menu');
    run("SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('FBA 3PL Sync'))");
    expect(services.ui.sidebars.at(-1)).toEqual({ title: 'FBA 3PL Sync', html: '<p>hello</p>' });
  });

  it('releases an ended execution’s locks for the next one', () => {
    const { world, run, services } = setup();
    const ex = world.begin('sync', 'menu');
    expect(run('LockService.getDocumentLock().tryLock(0)')).toBe(true);
    world.end('error', 'boom');
    services.releaseLocksOf(ex.id);
    world.begin('tick', 'time-trigger');
    expect(run('LockService.getDocumentLock().tryLock(0)')).toBe(true);
  });

  it('logs from Logger and console reach services.logs', () => {
    const { world, run, services } = setup();
    world.begin('x', 'menu');
    run("Logger.log('a %s', 1); console.warn('b')");
    expect(services.logs).toEqual(['INFO a 1', 'WARNING b']);
  });
});
