// A Settings key the add-on does not know is never skipped in silence when it holds a value: people
// typed "Safety buffer" = 5 meaning a setting. It is CONFIG_INVALID naming the Key cell and the known
// keys it most likely meant (a slip of a letter, else shared words); the run is not "ok", and one
// meant as a push setting makes the stock sync a dry run as that setting's own problem would. Headings
// (section rows, # keys) and rows with a blank Key or Value stay quiet.

import { describe, expect, it } from 'vitest';
import { closestSettingKeys, parseSettings, settingsPairs } from '../../src/core/settings';
import { InventoryRun } from '../inventory/builder';

const pairsOf = (rows: unknown[][]) => settingsPairs([['Key', 'Value', 'Help'], ...rows]).map((p) => [p.key, p.value, p.cell] as const);

describe('closestSettingKeys', () => {
  it('suggests by shared words, not only by edit distance', () => {
    expect(closestSettingKeys('Safety buffer')).toEqual(['Default safety buffer']);
    expect(closestSettingKeys('Buffer for all SKUs')).toEqual(['Default safety buffer']);
    expect(closestSettingKeys('Default buffer')[0]).toBe('Default safety buffer');
    expect(closestSettingKeys('Push mod')[0]).toBe('Push mode');
    expect(closestSettingKeys('Notes for the team')).toEqual([]);
  });
});

describe('unknown Settings keys', () => {
  it('reports each one with a value, naming its Key cell and the key it most likely meant', () => {
    const { settings, problems } = parseSettings(pairsOf([['Safety buffer', 5], ['Buffer for all SKUs', '10'], ['Default buffer', '2'], ['Push mode', 'auto']]));
    expect(settings.defaultSafetyBuffer).toBe(2);
    expect(settings.pushMode).toBe('dry-run');
    expect(problems.map((p) => [p.key, p.value, p.pushes])).toEqual([['Safety buffer', '5', true], ['Buffer for all SKUs', '10', true], ['Default buffer', '2', true]]);
    expect(problems[0]!.message).toBe(
      'Settings row "Safety buffer" is not a setting the add-on knows (did you mean "Default safety buffer"?), so its value "5" is not used. Rename the key in cell A2 to the one you meant. ' +
        'Until it is fixed the stock sync runs as a dry run: nothing is pushed to Amazon. A note of your own goes in the Help column, or under a Key starting with #.',
    );
    expect(problems[1]!.message).toMatch(/Rename the key in cell A3 /);
  });

  it('an unknown key meant as another setting names it; the push mode stands', () => {
    const { settings, problems } = parseSettings(pairsOf([['Push mode', 'auto'], ['Order orphan (minutes)', '30']]));
    expect(settings.pushMode).toBe('auto');
    expect(problems[0]!.message).toMatch(/did you mean "Order orphan threshold \(minutes\)"/);
    expect(problems[0]!.pushes).toBeUndefined();
  });

  it('leaves headings, # notes, blank keys and unknown keys without a value alone', () => {
    const rows = [['— Stock sync —', '', 'How the stock offered on Amazon is worked out'], ['# team notes', 'call Jo'], ['', 'stray'], ['Old key', '']];
    expect(parseSettings(pairsOf(rows)).problems).toEqual([]);
  });

  it('through the bundle: the stock sync pushes nothing, ends partial and the Exceptions row names the key', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 10 }], settings: { 'Safety buffer': 5 } });
    const s = r.sync();
    expect(s.outcome).toBe('partial');
    expect(r.writes()).toEqual([]);
    expect(s.message).toMatch(/Settings "Safety buffer" cannot be used \(see Exceptions\), so this ran as a dry run/);
    const [row] = r.openExceptions('CONFIG_INVALID');
    expect(row).toMatchObject({ Key: 'CONFIG_INVALID:setting:Safety buffer', Entity: 'Settings: Safety buffer' });
    expect(row!['Message']).toMatch(/did you mean "Default safety buffer"\?.*Rename the key in cell A\d+/);
  });
});
