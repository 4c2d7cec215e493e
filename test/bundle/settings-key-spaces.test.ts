// A Settings key is compared as every header is (core/tabs nameKey): "Push  mode" with two spaces, or
// a non-breaking space pasted from a web page, is the key "Push mode", in reading, in "Set up sheets"
// (no second row is added) and when the add-on writes back (unticking "Approve stock push"); a key
// read but never unticked would approve every later push by itself.

import { describe, expect, it } from 'vitest';
import { parseSettings, settingsPairs } from '../../src/core/settings';
import { InventoryRun } from '../inventory/builder';

const pairsOf = (rows: unknown[][]) => settingsPairs([['Key', 'Value', 'Help'], ...rows]).map((p) => [p.key, p.value, p.cell] as const);

describe('Settings keys typed with odd spaces', () => {
  it('are read as the setting, with no unknown-key problem', () => {
    const { settings, problems } = parseSettings(pairsOf([['Push  mode', 'auto'], ['Default\u00a0safety buffer', 4], [' Feed   threshold ', 7]]));
    expect(problems).toEqual([]);
    expect(settings.pushMode).toBe('auto');
    expect(settings.defaultSafetyBuffer).toBe(4);
    expect(settings.feedThreshold).toBe(7);
  });

  it('"Approve  stock push" ticked pushes once and is unticked in its own row; "Set up sheets" adds no second row', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }, { sku: 'B-1', onHand: 6 }], settings: { 'Push mode': 'approve', 'Approve\u00a0 stock push': false } });
    r.sync();
    expect(r.writes()).toEqual([]);
    r.setting('Approve\u00a0 stock push', true);
    r.sync();
    expect(r.writes()).toHaveLength(2);
    const rows = r.tab('Settings').filter((s) => /^approve\s+stock push$/i.test(s['Key']!));
    expect(rows.map((s) => s['Value'])).toEqual(['FALSE']);
    // With the cell unticked, a later change waits again.
    r.setStock('SB-B-1', 2);
    r.sync();
    expect(r.writes()).toHaveLength(2);
    r.step({ run: 'setupSheets' });
    expect(r.tab('Settings').filter((s) => /^approve\s+stock push$/i.test(s['Key']!))).toHaveLength(1);
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });
});
