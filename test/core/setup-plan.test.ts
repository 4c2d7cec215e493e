// "Set up sheets" planning: creates what is missing, only ever adds, and plans nothing twice.
import { describe, expect, it } from 'vitest';
import { planSetup } from '../../src/core/setup-plan';
import { SETTINGS, isSettingsSection } from '../../src/core/settings';
import { SETUP_TABS, TABS } from '../../src/core/tabs';
import type { CellValue } from '../../src/ports/workbook';

describe('planSetup', () => {
  it('creates every input tab on an empty spreadsheet, Settings with every key, default and help', () => {
    const plan = planSetup(new Map());
    expect(plan.map((a) => a.kind === 'createTab' && a.def.name)).toEqual(SETUP_TABS.map((t) => t.name));
    const settings = plan.find((a) => a.kind === 'createTab' && a.def.name === 'Settings');
    if (settings?.kind !== 'createTab') throw new Error('no Settings');
    // Every key under a section heading ("— Stock sync —": Value empty, Help says what the group is for).
    expect(settings.rows.filter((r) => !isSettingsSection(r[0])).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.key));
    expect(isSettingsSection(settings.rows[0]![0])).toBe(true);
    for (const row of settings.rows) {
      if (isSettingsSection(row[0])) {
        expect(row[1]).toBe('');
        continue;
      }
      const def = SETTINGS.find((s) => s.key === row[0])!;
      expect(row[1]).toBe(def.default);
      expect(String(row[2]).length).toBeGreaterThan(20);
    }
    // Shares are fractions in percent-formatted cells (docs/design.md §2).
    const shareRow = settings.rows.findIndex((r) => r[0] === 'Guardrail max share changing');
    expect(settings.cellFormats?.[shareRow]?.[1]).toBe('percent');
  });

  it('leaves a tab people filled in alone and plans nothing when everything is present', () => {
    const skuMap: CellValue[][] = [TABS.skuMap.columns.map((c) => c.header), ['TEE-M', 'UK', 'FBM', 'TEE-M-3PL', '', '', 3, 0.5, '', true, 'my note', '']];
    const settings: CellValue[][] = [['Key', 'Value', 'Help'], ...SETTINGS.map((s) => [s.key, 'mine', ''])];
    const existing = new Map<string, CellValue[][]>([
      ['Settings', settings],
      ['SKU Map', skuMap],
      ['Carrier Map', [TABS.carrierMap.columns.map((c) => c.header)]],
      ['Settlement Map', [TABS.settlementMap.columns.map((c) => c.header)]],
      ['Exceptions', [TABS.exceptions.columns.map((c) => c.header)]],
      ['Sync Log', [TABS.syncLog.columns.map((c) => c.header)]],
      ['Dashboard', [TABS.dashboard.columns.map((c) => c.header)]],
      ['FBA Shipments', [TABS.fbaShipments.columns.map((c) => c.header)]],
      ['Removals', [TABS.removals.columns.map((c) => c.header)]],
    ]);
    expect(planSetup(existing)).toEqual([]);
  });

  it('renames a column still under its former header ("Count" → "Times Seen") instead of adding a second one', () => {
    const old = ['Key', 'Type', 'Severity', 'Entity', 'Message', 'First Seen', 'Last Seen', 'count', 'Status', 'Owner'];
    const plan = planSetup(new Map([['Exceptions', [old]]]), [TABS.exceptions]);
    expect(plan).toContainEqual({ kind: 'renameColumn', tab: 'Exceptions', column: 8, header: 'Times Seen' });
    const add = plan.find((a) => a.kind === 'addColumns');
    expect(add?.kind === 'addColumns' ? add.columns.map((c) => c.header) : []).toEqual(['Action']);
  });

  it('adds missing columns to the right of extra columns people added, and missing settings by header position', () => {
    const existing = new Map<string, CellValue[][]>([
      ['SKU Map', [['Seller SKU', 'My column', 'Channel'], ['A', 'x', 'FBM']]],
      ['Settings', [['Value', 'Key'], ['auto', 'push MODE']]],
    ]);
    const plan = planSetup(existing, [TABS.skuMap, TABS.settings]);
    const cols = plan.find((a) => a.kind === 'addColumns' && a.tab === 'SKU Map');
    if (cols?.kind !== 'addColumns') throw new Error('no addColumns');
    expect(cols.startColumn).toBe(4);
    expect(cols.columns.map((c) => c.header)).not.toContain('Channel');
    expect(cols.columns.map((c) => c.header)).toContain('Status');

    const help = plan.find((a) => a.kind === 'addColumns' && a.tab === 'Settings');
    if (help?.kind !== 'addColumns') throw new Error('no Help column');
    expect(help.columns.map((c) => c.header)).toEqual(['Help']);
    const rows = plan.find((a) => a.kind === 'appendRows');
    if (rows?.kind !== 'appendRows') throw new Error('no appendRows');
    // "push MODE" is already there (keys match case-insensitively); others are appended with Key in column 2.
    expect(rows.rows.map((r) => r[1])).not.toContain('Push mode');
    expect(rows.rows).toHaveLength(SETTINGS.length - 1);
    expect(rows.rows[0]).toEqual([SETTINGS[0]!.default, SETTINGS[0]!.key, SETTINGS[0]!.help]);
  });

  it('adds "Marketplace" empty, not UK, when "Marketplaces" is typed: its first entry is the main one, and a UK default would stop every sync of a DE, FR seller', () => {
    const settingsWith = (list: string) => planSetup(new Map<string, CellValue[][]>([['Settings', [['Key', 'Value', 'Help'], ['Marketplaces', list, '']]]]), [TABS.settings]);
    const added = (list: string) => {
      const rows = settingsWith(list).find((a) => a.kind === 'appendRows');
      if (rows?.kind !== 'appendRows') throw new Error('no appendRows');
      return rows.rows.find((r) => r[0] === 'Marketplace')!;
    };
    expect(added('DE, FR')[1]).toBe('');
    // Nothing typed in the list: the single key keeps its default.
    expect(added('')[1]).toBe('UK');
  });
});
