// The built dist/Code.js in the Apps Script fakes: "Set up sheets" brings tabs people made before it up
// to standard (frozen header, filter, drop-downs, tick boxes, plain-text SKU columns, protection)
// without changing a value; the stock sync gives the Inventory tab its colour rules and filter once,
// problem rows first, a Change column, product titles and FBA rows without 3PL figures; the Exceptions
// tab links each row to Seller Central or ShipBob; and a run that changes nothing makes no formatting call.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWorld } from '../bundle/harness';
import { buildScenario, InventoryRun } from '../inventory/builder';
import type { InventoryWorld } from '../inventory/builder';
import { RangeApi } from '../world/gas/spreadsheet/range';
import { SheetApi } from '../world/gas/spreadsheet/sheet';
import { TABS } from '../../src/core/tabs';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Spies on every call that changes how a tab looks or behaves; `on(tab)` counts those made on it. */
function formattingSpies() {
  const spies = [
    vi.spyOn(SheetApi.prototype, 'setFrozenRows'),
    vi.spyOn(SheetApi.prototype, 'setConditionalFormatRules'),
    vi.spyOn(SheetApi.prototype, 'protect'),
    vi.spyOn(RangeApi.prototype, 'createFilter'),
    vi.spyOn(RangeApi.prototype, 'setDataValidation'),
    vi.spyOn(RangeApi.prototype, 'setNumberFormat'),
    vi.spyOn(RangeApi.prototype, 'setRichTextValues'),
  ];
  const on = (tab: string) =>
    spies.reduce((n, s) => n + (s.mock.contexts as Array<{ _sh: { name: string } }>).filter((x) => x._sh.name === tab).length, 0);
  const total = () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
  return { on, total, reset: () => spies.forEach((s) => s.mockClear()) };
}

const SKU_HEADER = ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'Active', 'My notes'];

describe('Set up sheets on tabs that existed before', () => {
  const seeded = () =>
    makeWorld({
      sheet: {
        'SKU Map': [SKU_HEADER, ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', true, 'keep me'], [123, 'UK', 'FBM', 'SB-123', '', '']],
        Inventory: [TABS.inventory.columns.map((c) => c.header)],
      },
    });

  it('freezes the header, adds a filter, drop-downs, tick boxes and plain-text SKU columns, and keeps every value', () => {
    const { gas, runtime } = seeded();
    const r = runtime.run('setupSheets');
    expect(r.error).toBeUndefined();
    const sku = gas.spreadsheet.exportSheet('SKU Map')!;
    expect(sku.frozenRows).toBe(1);
    // Over every header cell: the add-on's columns and the one people added.
    const lastColumn = String.fromCharCode(64 + sku.values[0]!.filter((h) => h !== '').length);
    expect(sku.filter?.a1).toMatch(new RegExp(`^A1:${lastColumn}\\d+$`));
    expect(lastColumn >= 'M').toBe(true);
    expect(sku.values.slice(1, 3).map((row) => row.slice(0, 6))).toEqual([
      ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', true, 'keep me'],
      [123, 'UK', 'FBM', 'SB-123', '', ''],
    ]);
    // Seller SKU and 3PL SKU are plain text now: the number stays a number, what is typed next stays text.
    expect(sku.numberFormats[2]![0]).toBe('@');
    expect(sku.numberFormats[2]![3]).toBe('@');
    gas.spreadsheet.edit('SKU Map', 'A4', '00456');
    expect(gas.spreadsheet.cell('SKU Map', 4, 1)).toBe('00456');
    expect(sku.validations).toContainEqual(expect.objectContaining({ a1: expect.stringMatching(/^C2:C\d+$/), criteria: 'VALUE_IN_LIST', allowInvalid: false }));
    expect(sku.validations).toContainEqual(expect.objectContaining({ a1: expect.stringMatching(/^E2:E\d+$/), criteria: 'CHECKBOX' }));
    expect(sku.validations).toContainEqual(expect.objectContaining({ a1: expect.stringMatching(/^B2:B\d+$/), criteria: 'VALUE_IN_LIST', allowInvalid: true }));
    expect(sku.protections).toEqual([]);

    const value = r.value as { message: string; styled: string[]; warnings: string[] };
    expect(value.styled).toContainEqual(expect.stringMatching(/^SKU Map \(frozen header, filter, plain text, drop-downs, tick boxes\)$/));
    expect(value.warnings).toEqual([expect.stringContaining('SKU Map A3 holds a number in Seller SKU')]);
    expect(value.message).toContain('Sheets dropped them');

    // The tab the add-on writes is protected with a warning only.
    const inventory = gas.spreadsheet.exportSheet('Inventory')!;
    expect(inventory.protections).toEqual([expect.objectContaining({ a1: null, warningOnly: true })]);
    expect(inventory.frozenRows).toBe(1);

    // Settings values get their drop-downs and the approval tick box.
    const settings = gas.spreadsheet.exportSheet('Settings')!;
    const rowOf = (key: string) => settings.values.findIndex((row) => row[0] === key) + 1;
    for (const key of ['Marketplace', 'Push mode', 'Sync every (minutes)']) {
      expect(settings.validations, key).toContainEqual(expect.objectContaining({ a1: `B${rowOf(key)}`, criteria: 'VALUE_IN_LIST' }));
    }
    expect(settings.validations).toContainEqual(expect.objectContaining({ a1: `B${rowOf('Approve stock push')}`, criteria: 'CHECKBOX' }));
    expect(settings.filter).toBeNull();
  });

  it('makes no formatting call and changes nothing the second time', () => {
    const { gas, runtime } = seeded();
    runtime.run('setupSheets');
    const before = gas.spreadsheet.sheetNames().map((n) => gas.spreadsheet.exportSheet(n));
    const spies = formattingSpies();
    const second = runtime.run('setupSheets');
    expect(second.error).toBeUndefined();
    expect(spies.total()).toBe(0);
    expect(second.value).toMatchObject({ created: [], completed: [], styled: [] });
    expect(gas.spreadsheet.sheetNames().map((n) => gas.spreadsheet.exportSheet(n))).toEqual(before);
  });
});

/** A world whose Amazon listings carry product titles (the builder's listings have none of their own). */
function withTitles(w: InventoryWorld, titles: Record<string, string>): InventoryWorld {
  const amazon = buildScenario(w).amazon as { listings: Array<Record<string, unknown>> };
  return { ...w, amazonExtra: { ...(w.amazonExtra ?? {}), listings: amazon.listings.map((l) => ({ ...l, title: titles[String(l.sku)] ?? l.sku })) } };
}

describe('Inventory and Exceptions after a stock sync', () => {
  const world = (): InventoryWorld =>
    withTitles(
      {
        offers: [
          { sku: 'TEE-M', onHand: 20, amazonQty: 5 },
          { sku: 'ZERO-1', onHand: 0, amazonQty: 6 },
          { sku: 'DROP-1', onHand: 4, amazonQty: 30 },
          { sku: 'GONE-1', onHand: 5, stocked: false },
        ],
        // An FBA offer mapped to the same 3PL product as TEE-M: its 3PL units are TEE-M's.
        extraMapRows: [['TEE-M-FBA', 'UK', 'FBA', 'SB-TEE-M', '', '', '', '', '', '', '', '']],
        extraListings: [{ sku: 'TEE-M-FBA', channel: 'FBA' }],
        amazonExtra: { fbaInventory: [{ sku: 'TEE-M-FBA', fulfillable: 40 }] },
        settings: { 'Push mode': 'dry-run', 'Default safety buffer': 0 },
      },
      { 'TEE-M': 'Organic Tee, Medium', 'TEE-M-FBA': 'Organic Tee, Medium (FBA)' },
    );

  it('shows problem rows first, a Change column, titles, and FBA rows without 3PL figures', () => {
    const r = new InventoryRun(world());
    // GONE-1's row is held, so the run is partial (a held row is never "ok").
    expect(r.sync().outcome).toBe('partial');
    const rows = r.tab('Inventory');
    // The held row first, then the rest by Seller SKU (not the SKU Map's order).
    expect(rows.map((x) => `${x['Seller SKU']} ${x['Channel']}`)).toEqual(['GONE-1 FBM', 'DROP-1 FBM', 'TEE-M FBM', 'TEE-M-FBA FBA', 'ZERO-1 FBM']);
    expect(rows[0]!['Reason']).toMatch(/^Held: /);
    expect(r.inventoryRow('TEE-M')).toMatchObject({ 'Product Title': 'Organic Tee, Medium', 'Proposed FBM Qty': '20', 'Amazon FBM Qty': '5', Change: '15' });
    expect(r.inventoryRow('DROP-1')).toMatchObject({ Change: '-26' });
    expect(r.inventoryRow('TEE-M-FBA', 'FBA')).toMatchObject({ 'Product Title': 'Organic Tee, Medium (FBA)', '3PL SKU': 'SB-TEE-M', '3PL On Hand': '', '3PL Committed': '', '3PL Fulfillable': '', 'FBA Fulfillable': '40' });
    // Summing 3PL On Hand counts the 20 units of SB-TEE-M once.
    expect(rows.filter((x) => x['3PL SKU'] === 'SB-TEE-M').reduce((n, x) => n + Number(x['3PL On Hand'] || 0), 0)).toBe(20);
    r.assertInvariants();
  });

  it('colours going to zero, big drops and held rows with four rules on whole columns, and adds a filter', () => {
    const r = new InventoryRun(world());
    r.sync();
    const sheet = r.run.gas.spreadsheet;
    const inv = sheet.exportSheet('Inventory')!;
    const header = inv.values[0] as string[];
    // A new tab has the add-on's 28 columns: A to AB.
    expect(header).toHaveLength(TABS.inventory.columns.length);
    expect(inv.filter?.a1).toMatch(/^A1:AB\d+$/);
    expect(inv.conditionalFormats).toHaveLength(4);
    expect(inv.conditionalFormats.every((f) => f.criteria === 'CUSTOM_FORMULA' && f.ranges.length === 1 && /^[A-Z]+2:[A-Z]+\d+$/.test(f.ranges[0]!))).toBe(true);
    const rowOf = (sku: string) => (inv.values as string[][]).findIndex((row) => row[header.indexOf('Seller SKU')] === sku) + 1;
    const at = (sku: string, h: string) => sheet.conditionalFormatAt('Inventory', rowOf(sku), header.indexOf(h) + 1)?.background ?? null;
    expect(at('ZERO-1', 'Proposed FBM Qty')).toBe('#ea9999');
    expect(at('DROP-1', 'Change')).toBe('#f9cb9c');
    expect(at('TEE-M', 'Change')).toBeNull();
    expect(at('TEE-M', 'Proposed FBM Qty')).toBeNull();
    expect(at('GONE-1', 'Seller SKU')).toBe('#fff2cc');
    expect(at('GONE-1', 'Updated At')).toBe('#fff2cc');
    expect(sheet.rowsFormatted('Inventory', { background: '#fff2cc' })).toEqual([rowOf('GONE-1')]);
  });

  it("links the Exceptions rows to the offer's Seller Central search, the Entity column in one write", () => {
    // A second problem with no page to link (a SKU Map row without a Seller SKU) sits among the linked ones.
    const r = new InventoryRun({ ...world(), extraMapRows: [...(world().extraMapRows ?? []), ['', 'UK', 'FBM', 'SB-X', '', '', '', '', '', '', '', '']] });
    const richText = vi.spyOn(RangeApi.prototype, 'setRichTextValues');
    r.sync();
    expect((richText.mock.contexts as Array<{ _sh: { name: string } }>).filter((x) => x._sh.name === 'Exceptions')).toHaveLength(1);
    const ex = r.run.gas.spreadsheet.exportSheet('Exceptions')!;
    expect((ex.values as string[][]).some((x) => x[0] === 'MAPPING_INVALID:row:7')).toBe(true);
    expect(ex.links.some((l) => l.text.includes('row 7'))).toBe(false);
    const header = ex.values[0] as string[];
    const row = (ex.values as string[][]).findIndex((x) => x[header.indexOf('Key')] === 'MAPPING_INVALID:UK:FBM:GONE-1') + 1;
    expect(row).toBeGreaterThan(1);
    expect(ex.links).toContainEqual(
      expect.objectContaining({ row, column: header.indexOf('Entity') + 1, text: 'UK FBM GONE-1', url: 'https://sellercentral.amazon.co.uk/myinventory/inventory?searchField=all&searchTerm=GONE-1', source: 'richText' }),
    );
    // The linked cell still holds its text.
    expect(ex.values[row - 1]![header.indexOf('Entity')]).toBe('UK FBM GONE-1');
  });

  it('makes no formatting call on the Inventory tab when a run changes nothing', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.advance('1h');
    r.sync();
    const spies = formattingSpies();
    const before = JSON.stringify(r.run.gas.spreadsheet.exportSheet('Inventory'));
    r.advance('1h');
    r.sync();
    expect(spies.on('Inventory')).toBe(0);
    expect(JSON.stringify(r.run.gas.spreadsheet.exportSheet('Inventory'))).toBe(before);
  });

  it('stretches its rules and filter over rows the grid gained, keeping the filter criteria people chose', () => {
    const r = new InventoryRun(world());
    r.sync();
    type Sh = { maxRows: number; insertRows(before: number, n: number): void; filter: { criteria: Map<number, unknown> } | null };
    const sh = (r.run.gas.spreadsheet as unknown as { sheetByName(n: string): Sh }).sheetByName('Inventory');
    // People hide FBA rows with the filter; later the add-on's writes grow the grid by 500 rows.
    sh.filter!.criteria.set(4, { criteria: null, values: [], hidden: ['FBA'], visible: null });
    sh.insertRows(sh.maxRows + 1, 500);
    r.advance('1h');
    r.sync();
    const inv = r.run.gas.spreadsheet.exportSheet('Inventory')!;
    expect(inv.maxRows).toBe(1500);
    expect(inv.conditionalFormats.map((f) => f.ranges[0]!.replace(/^[A-Z]+2:[A-Z]+/, ''))).toEqual(['1500', '1500', '1500', '1500']);
    expect(inv.filter).toMatchObject({ a1: 'A1:AB1500', columns: [{ column: 4, hiddenValues: ['FBA'] }] });
  });

  it('puts the colour rules back after people cleared them, and only then', () => {
    const r = new InventoryRun(world());
    r.sync();
    r.run.gas.spreadsheet.exportSheet('Inventory');
    const spies = formattingSpies();
    // People remove every rule by hand.
    (r.run.gas.spreadsheet as unknown as { sheetByName(n: string): { cfRules: unknown[] } }).sheetByName('Inventory').cfRules = [];
    r.advance('1h');
    r.sync();
    expect(r.run.gas.spreadsheet.exportSheet('Inventory')!.conditionalFormats).toHaveLength(4);
    expect(spies.on('Inventory')).toBe(1);
  });
});
