// "Set up sheets" on tabs people made before it: what the standard asks of each tab (core/tab-standard)
// and what set-up does with it through the sheet-style port (its memory double): frozen header,
// filter, drop-downs, tick boxes, plain-text SKU columns, protection; values untouched, a warning for
// numbers in SKU columns, and nothing asked of the port the second time.

import { describe, expect, it } from 'vitest';
import { tabStandard } from '../../src/core/tab-standard';
import { TABS } from '../../src/core/tabs';
import type { CellValue } from '../../src/ports/workbook';
import { runSetup } from '../../src/sheet/setup';
import { memoryWorkbook } from '../security/memory-workbook';
import { memorySheetStyle } from '../world/node-ports';

const SKU_HEADER = ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'Active', 'My notes'];
const col = (header: readonly string[], h: string) => header.indexOf(h) + 1;

describe('tabStandard', () => {
  it('asks a SKU Map for a frozen header, a filter, plain-text ID columns, drop-downs and tick boxes, no protection', () => {
    const values: CellValue[][] = [SKU_HEADER, ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', true, ''], ['MUG', '', 'FBA', '', '', 'x']];
    const { standard, warnings } = tabStandard(TABS.skuMap, 'SKU Map', values);
    expect(standard).toMatchObject({ tab: 'SKU Map', width: 6, freezeHeader: true, filter: true, protect: false, cellRules: [] });
    expect(standard.plainText).toEqual([1, 2, 4]);
    expect(standard.columnRules).toEqual([
      { column: 3, rule: { list: ['FBM', 'FBA'], strict: true } },
      { column: 5, rule: 'checkbox' },
      { column: 2, rule: { list: expect.arrayContaining(['UK', 'DE', 'US', 'JP']), strict: false } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('flags rather than refuses values already outside a list, and adds no tick boxes over words', () => {
    const values: CellValue[][] = [SKU_HEADER, ['TEE-M', 'Germany', 'MFN', 'SB-TEE-M', 'yes', '']];
    const { standard, warnings } = tabStandard(TABS.skuMap, 'SKU Map', values);
    expect(standard.columnRules).toContainEqual({ column: 3, rule: { list: ['FBM', 'FBA'], strict: false } });
    expect(standard.columnRules.some((r) => r.rule === 'checkbox')).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('SKU Map Active holds words such as "yes", so no tick boxes were added')]);
  });

  it('names the cells of SKU columns that hold numbers (their leading zeros may be gone)', () => {
    const values: CellValue[][] = [SKU_HEADER, [123, 'UK', 'FBM', '00123', '', ''], ['A-1', 'UK', 'FBM', 456, '', ''], [789, 'UK', 'FBM', 'X', '', '']];
    const { standard, warnings } = tabStandard(TABS.skuMap, 'SKU Map', values);
    // Plain text still goes on: the numbers stay as they are, what is typed next stays text.
    expect(standard.plainText).toEqual([1, 2, 4]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('SKU Map A2, A4 hold numbers in Seller SKU');
    expect(warnings[0]).toContain('Sheets dropped them');
    expect(warnings[1]).toContain('SKU Map D3 holds a number in 3PL SKU');
  });

  it('leaves a text column holding dates or ticks unformatted (plain text would show them as numbers)', () => {
    const values: CellValue[][] = [SKU_HEADER, ['TEE-M', new Date(Date.UTC(2026, 0, 1)), 'FBM', true, '', '']];
    expect(tabStandard(TABS.skuMap, 'SKU Map', values).standard.plainText).toEqual([1]);
  });

  it('gives the Settings values their drop-downs and tick box by key, and no filter', () => {
    const values: CellValue[][] = [
      ['Key', 'Value', 'Help'],
      ['Marketplace', 'UK', ''],
      ['Push mode', 'Auto-ish', ''],
      ['Sync every (minutes)', 60, ''],
      ['Approve stock push', false, ''],
      ['Alert email', '', ''],
    ];
    const { standard } = tabStandard(TABS.settings, 'Settings', values);
    expect(standard.filter).toBe(false);
    expect(standard.cellRules).toEqual([
      { row: 2, column: 2, rule: { list: expect.arrayContaining(['UK', 'DE']), strict: true } },
      { row: 3, column: 2, rule: { list: ['dry-run', 'approve', 'auto'], strict: false } },
      { row: 4, column: 2, rule: { list: ['5', '10', '15', '30', '60'], strict: true } },
      { row: 5, column: 2, rule: 'checkbox' },
    ]);
  });

  it("protects the tabs the add-on writes, and asks the Exceptions Status for the list with Ignored", () => {
    expect(tabStandard(TABS.syncLog, 'Sync Log', [TABS.syncLog.columns.map((c) => c.header)]).standard).toMatchObject({ protect: true, filter: true, plainText: [] });
    const header = TABS.exceptions.columns.map((c) => c.header);
    const ex = tabStandard(TABS.exceptions, 'Exceptions', [header, ['K', 'T', 'High', 'E', 'M', '', '', 1, 'Ack', '', '']]).standard;
    expect(ex.protect).toBe(false);
    expect(ex.columnRules).toEqual([{ column: col(header, 'Status'), rule: { list: ['Open', 'Acknowledged', 'Ignored', 'Resolved'], strict: false } }]);
  });
});

describe('runSetup on tabs people made before', () => {
  const seed = () => ({
    'SKU Map': [SKU_HEADER, ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', true, 'keep me'], [123, 'UK', 'FBM', 'SB-123', '', '']] as CellValue[][],
    Inventory: [TABS.inventory.columns.map((c) => c.header)] as CellValue[][],
  });

  it('brings them up to standard, keeps every value, and says what a person should check', () => {
    const wb = memoryWorkbook(seed());
    const style = memorySheetStyle();
    const r = runSetup(wb, style);
    expect(wb.tabs.get('SKU Map')!.slice(0, 3).map((row) => row.slice(0, 6))).toEqual(seed()['SKU Map']);
    const sku = style.tabs.get('SKU Map')!;
    // The filter spans the header as completed: the six columns people had and the nine set-up added.
    expect(sku).toMatchObject({ frozen: true, filterWidth: 15, protectedWarningOnly: false });
    expect([...sku.plainText]).toEqual(expect.arrayContaining([1, 2, 4]));
    expect(sku.rules.get('3')).toEqual({ list: ['FBM', 'FBA'], strict: true });
    expect(sku.rules.get('5')).toBe('checkbox');
    expect(style.tabs.get('Inventory')).toMatchObject({ frozen: true, protectedWarningOnly: true });
    // The Settings tab set-up created gets its Value drop-downs by key.
    const pushModeRow = wb.tabs.get('Settings')!.findIndex((row) => row[0] === 'Push mode') + 1;
    expect(style.tabs.get('Settings')!.rules.get(`${pushModeRow}:2`)).toEqual({ list: ['dry-run', 'approve', 'auto'], strict: true });
    expect(r.styled).toEqual(expect.arrayContaining([expect.stringMatching(/^SKU Map \(frozen header, filter, plain text, drop-downs, tick boxes\)$/), expect.stringMatching(/^Inventory \(/)]));
    // Tabs set-up created come with their styling: not reported as brought up to standard.
    expect(r.styled.some((s) => s.startsWith('Settings'))).toBe(false);
    expect(r.warnings).toEqual([expect.stringContaining('SKU Map A3 holds a number in Seller SKU')]);
    expect(r.message).toContain('Brought up to standard: SKU Map (');
    expect(r.message).toContain('SKU Map A3 holds a number');
  });

  it('asks nothing of the port the second time', () => {
    const wb = memoryWorkbook(seed());
    const style = memorySheetStyle();
    runSetup(wb, style);
    const writes = style.writes.length;
    expect(writes).toBeGreaterThan(0);
    const second = runSetup(wb, style);
    expect(style.writes.length).toBe(writes);
    expect(second).toMatchObject({ created: [], completed: [], styled: [] });
    expect(second.message).toMatch(/^All tabs were already set up; nothing changed\. SKU Map A3 holds a number/);
  });

  it('adds Ignored to an Exceptions Status drop-down an older version made', () => {
    const header = TABS.exceptions.columns.map((c) => c.header);
    const wb = memoryWorkbook({ Exceptions: [header] });
    const style = memorySheetStyle();
    const at = String(col(header, 'Status'));
    style.tabs.set('Exceptions', { frozen: true, filterWidth: header.length, plainText: new Set([1, 4]), rules: new Map([[at, { list: ['Open', 'Acknowledged', 'Resolved'], strict: true }]]), protectedWarningOnly: false, formats: [], links: [] });
    const r = runSetup(wb, style);
    expect(style.tabs.get('Exceptions')!.rules.get(at)).toEqual({ list: ['Open', 'Acknowledged', 'Ignored', 'Resolved'], strict: true });
    expect(r.styled).toContain('Exceptions (drop-downs)');
  });
});
