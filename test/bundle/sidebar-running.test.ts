// The sidebar says when another execution (the schedule, a menu item, another editor) is running:
// getSidebarState tries the document lock without waiting (LockService tryLock(0)) and lets it go at
// once, so a person does not press "Sync now" only to read "Another sync was running" afterwards.

import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';

interface State {
  runningNow: boolean;
  syncBlockers: string[];
}

describe('getSidebarState while another run holds the lock', () => {
  it('says a sync is running and blocks the buttons; once it ends they come back and the lock is free', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const idle = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State;
    expect(idle.runningNow).toBe(false);
    expect(idle.syncBlockers.join(' ')).not.toContain('is running now');
    // Asking did not keep the lock.
    expect(gas.locks.holders.has('document')).toBe(false);

    // Another execution (id 9999, e.g. the time trigger) holds the document lock.
    gas.locks.holders.set('document', 9999);
    const busy = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State;
    expect(busy.runningNow).toBe(true);
    expect(busy.syncBlockers[0]).toMatch(/a sync started by the schedule, a menu item or another editor is running now/);
    expect(gas.locks.holders.get('document')).toBe(9999);

    gas.locks.holders.delete('document');
    const after = runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as State;
    expect(after.runningNow).toBe(false);
  });
});
