// The Sync Log note for an unusable setting: only the stock sync (the one job Push mode governs)
// says it ran as a dry run; every other job names the setting without claiming a dry run of its own.

import { describe, expect, it } from 'vitest';
import { withSettingsNote } from '../../src/jobs/kit/settings-check';
import type { SettingsProblem } from '../../src/core/settings';
import { FbaRun, fbaWorld } from '../fba-shipments/world';

const badBuffer: SettingsProblem = { key: 'Default safety buffer', value: '-1', message: 'Settings "Default safety buffer" holds "-1".' };
const ran = { outcome: 'ok' as const, counts: {}, message: '2 orders sent.' };

describe('withSettingsNote', () => {
  it('the stock sync says nothing was pushed', () => {
    const s = withSettingsNote(ran, [badBuffer], [], { name: 'inventory' });
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(/"Default safety buffer" cannot be used .*so this ran as a dry run: nothing was pushed to Amazon/);
  });

  it('another job names the setting, ends partial, and does not claim it ran as a dry run', () => {
    for (const name of ['orders', 'fbaShipments', 'settlements']) {
      const s = withSettingsNote(ran, [badBuffer], [], { name });
      expect(s.outcome).toBe('partial');
      expect(s.message).toMatch(/^2 orders sent\. Settings "Default safety buffer" cannot be used \(see Exceptions\)/);
      expect(s.message).not.toMatch(/ran as a dry run|nothing was pushed/);
    }
  });

  it('through the bundle: the orders run with a bad push setting says so without a dry-run claim', () => {
    const w = fbaWorld([]);
    const r = new FbaRun({ ...w, settings: { ...w.settings, 'Default safety buffer': '-1' } });
    const s = r.syncJob('orders');
    expect(s.outcome).toBe('partial');
    expect(s.message).toMatch(/Settings "Default safety buffer" cannot be used/);
    expect(s.message).not.toMatch(/ran as a dry run/);
    expect(r.syncLog().at(-1)!['Message']).not.toMatch(/ran as a dry run/);
  });
});
