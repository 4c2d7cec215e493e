// Executions as Apps Script runs them: a fresh global scope each time, a 6-minute budget counted as
// virtual time plus CPU time, and Apps Script's message when it is exceeded
// (https://developers.google.com/apps-script/guides/services/quotas: script runtime 6 min / execution).

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { GasServices } from '../world/gas/index';
import { AppsScriptRuntime } from '../world/runtime';

function worldWith(code: string, maxMs?: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  writeFileSync(path.join(dir, 'Code.js'), code);
  const world = new World('2026-11-02T08:00:00Z');
  if (maxMs) world.maxExecutionMs = maxMs;
  const gas = new GasServices(world, { manifest: { timeZone: 'Europe/London' }, htmlDir: dir });
  return { world, gas, runtime: new AppsScriptRuntime(world, gas, dir) };
}

describe('AppsScriptRuntime', () => {
  it('starts every execution with fresh globals, as Apps Script reruns top-level code', () => {
    const { runtime } = worldWith('var counter = 0; function bump() { counter++; return counter; }');
    expect(runtime.run('bump').value).toBe(1);
    expect(runtime.run('bump').value).toBe(1);
  });

  it('stops an execution whose sleeps pass 6 minutes with "Exceeded maximum execution time"', () => {
    const { runtime, world } = worldWith(
      'function slow() { for (var i = 0; i < 10; i++) { Utilities.sleep(60000); PropertiesService.getDocumentProperties().setProperty("i", String(i)); } return "done"; }',
    );
    const r = runtime.run('slow');
    expect(r.error).toBe('Exceeded maximum execution time');
    expect(r.record.outcome).toBe('timeout');
    expect(world.clock.now() - Date.parse('2026-11-02T08:00:00Z')).toBeGreaterThanOrEqual(6 * 60_000);
  });

  it('cannot be caught: a script that swallows the error is still stopped', () => {
    const { runtime, gas } = worldWith(
      'function stubborn() { for (var i = 0; i < 20; i++) { try { Utilities.sleep(60000); PropertiesService.getDocumentProperties().setProperty("i", String(i)); } catch (e) {} } return "finished"; }',
    );
    const r = runtime.run('stubborn');
    expect(r.record.outcome).toBe('timeout');
    expect(r.value).toBeUndefined();
    expect(Number(gas.properties.document.data.get('i'))).toBeLessThan(6);
  });

  it('stops a CPU-bound loop at the budget', () => {
    const { runtime } = worldWith('function spin() { for (;;) {} }', 300);
    const r = runtime.run('spin');
    expect(r.error).toBe('Exceeded maximum execution time');
  });

  it('records counters per execution', () => {
    const { runtime } = worldWith(
      'function work() { var p = PropertiesService.getDocumentProperties(); p.setProperty("a", "1"); p.getProperty("a"); p.getProperty("b"); }',
    );
    const r = runtime.run('work');
    expect(r.record).toMatchObject({ outcome: 'ok', propertyWrites: 1, propertyReads: 2 });
  });

  it('limits simple triggers to 30 seconds', () => {
    const { runtime } = worldWith('function onOpen() { Utilities.sleep(29000); Utilities.sleep(2000); CacheService.getDocumentCache(); }');
    const r = runtime.run('onOpen', [{}], { kind: 'simple-trigger' });
    expect(r.error).toBe('Exceeded maximum execution time');
  });

  it('refuses a Date in a return value, as google.script.run does', () => {
    const { runtime } = worldWith('function when() { return { at: new Date() }; }');
    expect(runtime.run('when').error).toBe('TypeError: Failed due to illegal value in property: at');
  });

  it('releases the locks an execution held when it ends', () => {
    const { runtime, gas } = worldWith('function hold() { return LockService.getDocumentLock().tryLock(1000); }');
    expect(runtime.run('hold').value).toBe(true);
    expect(runtime.run('hold').value).toBe(true);
    expect(gas.locks).toBeDefined();
  });
});
