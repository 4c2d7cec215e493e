// The schedule the sidebar and the menu describe is the trigger Apps Script really runs: a
// published add-on refuses time triggers faster than hourly (apps-script.md §2.7, editor add-on
// restrictions), so "Sync every (minutes)" 5 runs hourly there, and a value Settings cannot use
// (7, 1440, text) is named when the schedule is turned on, not only in the next run's Exceptions.

import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

interface State { schedule: { enabled: boolean; everyMinutes: number } }

function settings(every: unknown) {
  return { Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Sync every (minutes)', every, '']] };
}

describe('schedule interval as shown', () => {
  it('an add-on asked for every 5 minutes shows hourly, the interval the trigger runs at', () => {
    const { runtime } = makeWorld({ mode: 'addon', sheet: settings(5) });
    runtime.run('setupSheets');
    const note = runtime.run('enableScheduledSync', [], { kind: 'sidebar' }).value as string;
    expect(note).toMatch(/hourly/);
    const state = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State;
    expect(state.schedule.enabled).toBe(true);
    expect(state.schedule.everyMinutes).toBe(60);
  });

  it('a bound script asked for every 15 minutes shows 15', () => {
    const { runtime } = makeWorld({ mode: 'bound', sheet: settings(15) });
    runtime.run('setupSheets');
    runtime.run('enableScheduledSync', [], { kind: 'sidebar' });
    const state = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State;
    expect(state.schedule.everyMinutes).toBe(15);
  });

  it.each([[7], [1440], ['every half hour'], [0]])('turning it on with "Sync every (minutes)" %s says the cell cannot be used and what runs instead', (every) => {
    const { runtime } = makeWorld({ mode: 'bound', sheet: settings(every) });
    runtime.run('setupSheets');
    const note = runtime.run('enableScheduledSync', [], { kind: 'sidebar' }).value as string;
    expect(note).toMatch(/Sync every \(minutes\)/);
    expect(note).toMatch(/5, 10, 15, 30, 60/);
    expect(note).toMatch(/every hour/i);
  });
});

describe('schedule whose trigger is gone', () => {
  it('shows off, says why, and turning it on again installs one trigger', () => {
    const { gas, runtime } = makeWorld({ mode: 'bound', sheet: settings(15) });
    runtime.run('setupSheets');
    runtime.run('enableScheduledSync', [], { kind: 'sidebar' });
    // The person deletes the trigger in Apps Script's Triggers page.
    for (const t of [...gas.triggers.triggers]) gas.triggers.remove(t.uid);
    const gone = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State & { schedule: { note?: string } };
    expect(gone.schedule.enabled).toBe(false);
    expect(gone.schedule.note).toMatch(/its trigger is gone .* Turn it on again\./);
    runtime.run('enableScheduledSync', [], { kind: 'sidebar' });
    expect(gas.triggers.triggers).toHaveLength(1);
    const back = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State & { schedule: { note?: string } };
    expect(back.schedule.enabled).toBe(true);
    expect(back.schedule.note).toBeUndefined();
  });
});

describe('"Sync every (minutes)" changed while the schedule is on', () => {
  function play(changeTo: unknown, mode: 'bound' | 'addon' = 'bound') {
    const run = createScenarioRun({
      name: 'interval-changed',
      mode,
      sheet: settings(60),
      steps: [
        { run: 'setupSheets' },
        { run: 'enableScheduledSync', as: 'sidebar' },
        { edit: { tab: 'Settings', match: { Key: 'Sync every (minutes)' }, set: { Value: changeTo } } },
        { trigger: 'time', for: '3h' },
      ],
    });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const fired = run.results.filter((r) => r.entry === 'onScheduledRun').map((r) => r.record.start);
    const log = run.gas.spreadsheet.toDisplayJson()['Sync Log']!;
    const audits = log.filter((r) => r[log[0]!.indexOf('Job')] === 'audit').map((r) => r[log[0]!.indexOf('Message')]);
    return { run, fired, audits };
  }

  it('takes effect at the next firing: the trigger is replaced at the new interval and the Sync Log says so', () => {
    const { run, fired, audits } = play(15);
    // Hourly until the first firing, then every 15 minutes: 3 hours hold far more than 3 firings.
    expect(fired.length).toBeGreaterThanOrEqual(8);
    expect(run.gas.triggers.triggers).toHaveLength(1);
    expect(audits.some((m) => /Scheduled sync follows Settings "Sync every \(minutes\)" \(15\): runs every 15 minutes/.test(m!))).toBe(true);
    // Replaced once, not at every firing.
    expect(audits.filter((m) => /follows Settings/.test(m!))).toHaveLength(1);
  });

  it('a value Settings cannot use changes nothing; a published add-on asked for 15 again is not reinstalled at every firing', () => {
    const bad = play('every half hour');
    expect(bad.fired).toHaveLength(3);
    expect(bad.audits.filter((m) => /follows Settings/.test(m!))).toHaveLength(0);
    const addon = play(15, 'addon');
    expect(addon.audits.filter((m) => /follows Settings/.test(m!))).toHaveLength(1);
    expect(addon.run.gas.triggers.triggers).toHaveLength(1);
  });
});
