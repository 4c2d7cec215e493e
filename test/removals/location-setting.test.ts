// "Removals 3PL location" holding no location of the 3PL is a set-up problem people typed: one
// CONFIG_INVALID on the Settings cell that lists the 3PL's locations, the run partial (not ok),
// nothing sent to the 3PL, and the receipt made once the cell names a real location.

import { describe, expect, it } from 'vitest';
import { removalWorld, RemovalsRun } from './world';

const BOXES = [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 3, trackingNumber: 'RM300000001GB' }];

describe('removals: the location setting', () => {
  it('raises CONFIG_INVALID naming the cell and the locations, keeps the run partial, and sends once fixed', () => {
    const r = new RemovalsRun(removalWorld([{ orderId: 'RMV-031', lines: [{ requested: 3 }], shipments: BOXES }], { settings: { 'Push mode': 'dry-run', 'Removals 3PL location': 'Leeds' } }));
    const first = r.syncRemovals();
    expect(first.outcome).toBe('partial');
    expect(r.wrosFor('RMV-031')).toHaveLength(0);
    const problems = r.openExceptions('CONFIG_INVALID').filter((e) => e.Entity === 'Settings: Removals 3PL location');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.Message).toMatch(/holds "Leeds", which is no ShipBob location\. Type one of ShipBob's location IDs or names: \d+ \(/);

    // A run with no receipt due does not look at the setting: the problem stays open.
    r.advance('1h');
    r.syncRemovals();
    expect(r.openExceptions('CONFIG_INVALID').filter((e) => e.Entity === 'Settings: Removals 3PL location')).toHaveLength(1);

    const location = /: (\d+) \(/.exec(problems[0]!.Message ?? '')![1]!;
    r.setting('Removals 3PL location', location);
    r.advance('1h');
    const fixed = r.syncRemovals();
    expect(fixed.outcome).toBe('ok');
    expect(r.wrosFor('RMV-031')).toHaveLength(1);
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });
});
