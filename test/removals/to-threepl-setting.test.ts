// Settings "Removals to 3PL" typed as people type lists: "rmv-; 3pl-" used to be read as one
// beginning "rmv-; 3pl-" that matched no removal, so every removal was silently "not for 3PL" and its
// boxes reached the 3PL unannounced, in ok runs. Now it is split like the other lists, and an entry
// that cannot begin an ID is said (CONFIG_INVALID) and left out.

import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core/settings';
import { RemovalsRun, removalWorld } from './world';

describe('Settings "Removals to 3PL"', () => {
  it('splits on commas, semicolons and line breaks', () => {
    const { settings, problems } = parseSettings([['Removals to 3PL', ' rmv- ; 3PL-\nSB-, ']]);
    expect(problems).toEqual([]);
    expect(settings.removalsToThreePl).toEqual(['rmv-', '3PL-', 'SB-']);
  });

  it('names an entry that cannot begin an ID, and leaves it out', () => {
    const { settings, problems } = parseSettings([['Removals to 3PL', 'RMV-, my removals']]);
    expect(settings.removalsToThreePl).toEqual(['RMV-']);
    expect(problems.map((p) => p.key)).toEqual(['Removals to 3PL']);
    expect(problems[0]!.message).toContain('"my removals", which cannot begin an ID');
  });

  it('typed with semicolons, the removals still get their receipt', () => {
    const r = new RemovalsRun(
      removalWorld([{ orderId: 'RMV-101', lines: [{ requested: 2 }], shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: 'RM101000001GB' }] }], {
        settings: { 'Push mode': 'dry-run', 'Removals to 3PL': 'rmv-; 3PL-' },
      }),
    );
    expect(r.syncRemovals().outcome).toBe('ok');
    expect(r.removal('RMV-101')!.State).toBe('expected');
    expect(r.wrosFor('RMV-101')).toHaveLength(1);
  });
});
