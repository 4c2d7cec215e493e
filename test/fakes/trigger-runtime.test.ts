// Triggers' daily total runtime (https://developers.google.com/apps-script/guides/services/quotas:
// "Triggers total runtime" 90 min / day consumer, 6 hr / day Google Workspace; quotas "reset 24
// hours after the first request"; past it "Service using too much computer time for one day.").
// Menu and sidebar executions are not triggers and are neither charged nor stopped.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { World } from '../world/world';
import { GasServices, type GoogleAccount } from '../world/gas/index';
import { AppsScriptRuntime } from '../world/runtime';

const QUOTA_TEXT = 'Service using too much computer time for one day.';
const MIN = 60_000;

/** A bundle whose `work(minutes)` sleeps that long (virtual time), as a slow sync would. */
function worldWith(opts: { googleAccount?: GoogleAccount; userLocale?: string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  writeFileSync(path.join(dir, 'Code.js'), 'function work(m) { for (var i = 0; i < m; i++) Utilities.sleep(60000); return "done"; }');
  const world = new World('2026-11-02T08:00:00Z');
  const gas = new GasServices(world, { manifest: { timeZone: 'Europe/London' }, htmlDir: dir, ...opts });
  return { world, gas, runtime: new AppsScriptRuntime(world, gas, dir) };
}

describe('triggers total runtime', () => {
  it('a consumer account runs 90 minutes of triggers a day, then every trigger fails with Google\'s text', () => {
    const { runtime, world, gas } = worldWith();
    // 17 firings of 5 minutes (plus their CPU time), then the 18th finds less than 5 minutes left.
    for (let i = 0; i < 17; i++) {
      expect(runtime.run('work', [5], { kind: 'time-trigger' }).value).toBe('done');
      world.clock.advance(10 * MIN);
    }
    expect(runtime.run('work', [5], { kind: 'time-trigger' }).error).toBe(QUOTA_TEXT);
    expect(gas.triggerRuntime.usedMs).toBeGreaterThanOrEqual(90 * MIN);
    world.clock.advance(10 * MIN);
    const refused = runtime.run('work', [5], { kind: 'time-trigger' });
    expect(refused.error).toBe(QUOTA_TEXT);
    expect(refused.record.outcome).toBe('error');
    // Nothing of the script ran: no virtual time passed.
    expect(refused.record.virtualMs).toBe(0);
    // A person's own run is not a trigger: it still works.
    expect(runtime.run('work', [1], { kind: 'menu' }).value).toBe('done');
  });

  it('stops a trigger execution that runs past what is left of the day, with the quota text', () => {
    const { runtime, world } = worldWith();
    for (let i = 0; i < 17; i++) {
      runtime.run('work', [5], { kind: 'time-trigger' });
      world.clock.advance(10 * MIN);
    }
    // About 5 minutes are left; this execution wants 6.
    const cut = runtime.run('work', [6], { kind: 'time-trigger' });
    expect(cut.error).toBe(QUOTA_TEXT);
    expect(cut.value).toBeUndefined();
    expect(cut.record.virtualMs).toBeLessThanOrEqual(5 * MIN);
  });

  it('resets 24 hours after the window\'s first trigger execution', () => {
    const { runtime, world } = worldWith();
    const first = world.clock.now();
    for (let i = 0; i < 18; i++) {
      runtime.run('work', [5], { kind: 'time-trigger' });
      world.clock.advance(10 * MIN);
    }
    expect(runtime.run('work', [1], { kind: 'time-trigger' }).error).toBe(QUOTA_TEXT);
    world.clock.advanceTo(first + 24 * 60 * MIN - 1);
    expect(runtime.run('work', [1], { kind: 'time-trigger' }).error).toBe(QUOTA_TEXT);
    world.clock.advanceTo(first + 24 * 60 * MIN);
    expect(runtime.run('work', [1], { kind: 'time-trigger' }).value).toBe('done');
  });

  it('a Google Workspace account has 6 hours a day', () => {
    const { runtime, world, gas } = worldWith({ googleAccount: 'workspace' });
    expect(gas.triggerRuntime.dailyQuotaMs).toBe(360 * MIN);
    for (let i = 0; i < 71; i++) {
      expect(runtime.run('work', [5], { kind: 'time-trigger' }).value).toBe('done');
      world.clock.advance(6 * MIN);
    }
    expect(runtime.run('work', [5], { kind: 'time-trigger' }).error).toBe(QUOTA_TEXT);
  });

  it('words the error in the user\'s language', () => {
    const { runtime, world } = worldWith({ userLocale: 'de' });
    for (let i = 0; i < 18; i++) {
      runtime.run('work', [5], { kind: 'time-trigger' });
      world.clock.advance(10 * MIN);
    }
    expect(runtime.run('work', [1], { kind: 'time-trigger' }).error).toBe('Der Dienst hat an einem Tag zu viel Rechenzeit beansprucht.');
  });

  it('sets the account\'s other daily quotas: URL fetches and mail recipients', () => {
    expect(worldWith().gas.urlFetch.dailyQuota).toBe(20_000);
    expect(worldWith({ googleAccount: 'workspace' }).gas.urlFetch.dailyQuota).toBe(100_000);
    expect(worldWith({ googleAccount: 'workspace' }).gas.mail.dailyQuota).toBe(1_500);
  });
});
