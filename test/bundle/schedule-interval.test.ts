// The schedule the sidebar and the menu describe is the trigger Apps Script really runs: a
// published add-on refuses time triggers faster than hourly (apps-script.md §2.7, editor add-on
// restrictions), so "Sync every (minutes)" 5 runs hourly there, and a value Settings cannot use
// (7, 1440, text) is named when the schedule is turned on, not only in the next run's Exceptions.

import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';

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
