// Typed input read the way people mean it (issue 9): headers and tab names whatever their case,
// marketplaces by code, country or domain, every unusable Settings value reported with what was
// typed and what is allowed, and a Seller SKU that lost its leading zeros explained.

import { describe, expect, it } from 'vitest';
import { resolveMarketplace } from '../../src/amazon/hosts';
import { findMarketplace } from '../../src/core/marketplaces';
import { explainLostZeros, findLostLeadingZeros, validateSkuMap } from '../../src/core/inventory/sku-map';
import { findUnmappedSkus } from '../../src/core/inventory/unmapped';
import { parseSettings } from '../../src/core/settings';
import { planSetup } from '../../src/core/setup-plan';
import { TABS, columnOf, findTabName } from '../../src/core/tabs';
import type { CellValue } from '../../src/ports/workbook';
import { memoryWorkbook } from '../security/memory-workbook';
import { readSettings } from '../../src/sheet/settings-tab';
import { skuMapTab } from '../../src/sheet/sku-map-tab';
import { readTable, writeTable } from '../../src/sheet/table';
import { matchLocations } from '../../src/jobs/kit/locations-check';

describe('headers and tab names', () => {
  it('match ignoring case and surrounding spaces, first column wins', () => {
    expect(columnOf(['  seller SKU ', 'Channel', 'SELLER SKU'], 'Seller SKU')).toBe(0);
    expect(columnOf(['Seller SKU'], 'Channel')).toBe(-1);
    expect(findTabName(['Settings', 'Sku Map '], 'SKU Map')).toBe('Sku Map ');
    expect(findTabName(['SKU Map', 'sku map'], 'SKU Map')).toBe('SKU Map');
    expect(findTabName(['Settings'], 'SKU Map')).toBeNull();
  });

  it('a record is read by the canonical header and written back under the header people typed', () => {
    const wb = memoryWorkbook({ Exceptions: [['key', 'TYPE', 'My col', 'my col'], ['K1', 'T1', 'a', 'b']] });
    const t = readTable(wb, 'Exceptions')!;
    expect(t.records[0]!['Key']).toBe('K1');
    expect(t.records[0]!['Type']).toBe('T1');
    writeTable(wb, TABS.exceptions, t.header, [{ ...t.records[0]!, Type: 'T2' }]);
    // The header stays as typed; a second column with the same name keeps its own value.
    expect(wb.tabs.get('Exceptions')).toEqual([['key', 'TYPE', 'My col', 'my col'], ['K1', 'T2', 'a', 'b']]);
  });

  it('"Set up sheets" never adds a column or tab that differs only in case', () => {
    const lower = TABS.skuMap.columns.map((c) => c.header.toLowerCase());
    const existing = new Map<string, CellValue[][]>([['SKU Map', [lower]]]);
    const actions = planSetup(existing, [TABS.skuMap]);
    expect(actions).toEqual([]);
  });
});

describe('SKU Map tab', () => {
  const header = TABS.skuMap.columns.map((c) => c.header);

  it('is found under a name people cased or spaced differently, and its Status written there', () => {
    const wb = memoryWorkbook({ 'Sku map ': [header.map((h) => h.toUpperCase()), ['TEE-M', 'UK', 'FBM', 'SB-1']] });
    const tab = skuMapTab(wb);
    expect(tab.records()[0]!['Seller SKU']).toBe('TEE-M');
    tab.writeStatus(['OK']);
    expect(wb.tabs.get('Sku map ')![1]![header.indexOf('Status')]).toBe('OK');
    expect([...wb.tabs.keys()]).toEqual(['Sku map ']);
  });

  it('writes only the Status cells that changed: one row’s new status in a 2,000-row map is one cell', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`S-${i}`, 'UK', 'FBM', `SB-${i}`, '', '', '', '', '', '', '', 'OK']);
    const wb = memoryWorkbook({ 'SKU Map': [header, ...rows] });
    const blocks: Array<{ row: number; column?: number; cells: number }> = [];
    const writeRows = wb.writeRows.bind(wb);
    wb.writeRows = (tab, bs, formats) => {
      for (const b of bs) blocks.push({ row: b.row, ...(b.column ? { column: b.column } : {}), cells: b.rows.reduce((n, r) => n + r.length, 0) });
      writeRows(tab, bs, formats);
    };
    const tab = skuMapTab(wb);
    const statuses = rows.map((_, i) => (i === 1500 ? 'Invalid: Channel "FBMM"' : 'OK'));
    tab.writeStatus(statuses);
    expect(blocks).toEqual([{ row: 1502, column: header.indexOf('Status') + 1, cells: 1 }]);
    expect(wb.tabs.get('SKU Map')![1502 - 1]).toEqual([...rows[1500]!.slice(0, -1), 'Invalid: Channel "FBMM"']);
    blocks.length = 0;
    skuMapTab(wb).writeStatus(statuses);
    expect(blocks).toEqual([]);
  });

  it('missing, or without a required column, is a ConfigInvalidError naming the tab and column, never an empty map', () => {
    expect(() => skuMapTab(memoryWorkbook({ Settings: [['Key', 'Value']] })).records()).toThrow(/There is no "SKU Map" tab/);
    const noChannel = memoryWorkbook({ 'SKU Map': [['Seller SKU', '3PL SKU'], ['TEE-M', 'SB-1']] });
    expect(() => skuMapTab(noChannel).records()).toThrow(/no "Channel" column/);
  });
});

describe('Settings', () => {
  it('a mistyped Push mode is reported with the value and the allowed values, and means dry-run', () => {
    const { settings, problems } = parseSettings([['Push mode', 'autoo']]);
    expect(settings.pushMode).toBe('dry-run');
    expect(problems).toEqual([expect.objectContaining({ key: 'Push mode', value: 'autoo' })]);
    expect(problems[0]!.message).toMatch(/"autoo".*one of dry-run, approve, auto.*nothing is pushed/);
  });

  it('any setting that decides how much is pushed makes the run a dry run while it cannot be used', () => {
    const { settings, problems } = parseSettings([['Push mode', 'auto'], ['Default safety buffer', 'three']]);
    expect(settings.pushMode).toBe('dry-run');
    expect(problems[0]!.message).toMatch(/"three", which is not a whole number of 0 or more/);
    // Other settings fall back to their default, and say which.
    const other = parseSettings([['Push mode', 'auto'], ['Feed threshold', 'lots']]);
    expect(other.settings.pushMode).toBe('auto');
    expect(other.problems[0]!.message).toMatch(/uses the default, 20/);
  });

  it('accepts the marketplace as people type it, and blocks every job on one it does not know', () => {
    for (const typed of ['UK', 'gb', 'GB', 'Amazon.co.uk', 'www.amazon.co.uk', 'united kingdom', 'A1F83G8C2ARO7P']) {
      expect(parseSettings([['Marketplace', typed]]).settings.marketplace, typed).toBe('UK');
    }
    expect(parseSettings([['Marketplace', 'Germany']]).settings.marketplace).toBe('DE');
    expect(parseSettings([['Marketplace', 'amazon.de']]).settings.marketplace).toBe('DE');
    const bad = parseSettings([['Marketplace', 'Narnia']]);
    expect(bad.settings.marketplace).toBe('');
    expect(bad.problems[0]).toMatchObject({ key: 'Marketplace', value: 'Narnia', blocking: true });
    expect(bad.problems[0]!.message).toMatch(/UK, .*DE.*amazon\.de/);
  });

  it('reports tick-box text it cannot read, near-miss keys and a key typed twice with different values', () => {
    const flag = parseSettings([['Approve stock push', 'maybe']]);
    expect(flag.settings.approveStockPush).toBe(false);
    expect(flag.problems[0]).toMatchObject({ key: 'Approve stock push', value: 'maybe' });
    expect(parseSettings([['Approve stock push', 'Yes']]).settings.approveStockPush).toBe(true);

    const near = parseSettings([['Push mod', 'auto']]);
    expect(near.settings.pushMode).toBe('dry-run');
    expect(near.problems[0]!.message).toMatch(/"Push mod" is not a setting.*did you mean "Push mode"/);
    // Someone's own note row goes under a # key (a heading, docs/operations.md "Settings reference");
    // an unknown key with a value is reported (test/core/settings-unknown-keys.test.ts).
    expect(parseSettings([['# Notes for the team', 'call Jo']]).problems).toEqual([]);

    const twice = parseSettings([['Push mode', 'auto'], ['push mode', 'approve']]);
    expect(twice.settings.pushMode).toBe('dry-run');
    expect(twice.problems[0]!.message).toMatch(/more than once with different values \("auto", "approve"\)/);
  });

  it('a Settings tab that cannot be read is a blocking problem, never the defaults', () => {
    expect(readSettings(memoryWorkbook({})).problems[0]).toMatchObject({ key: '', blocking: true });
    const noValue = readSettings(memoryWorkbook({ Settings: [['Key', 'Setting value'], ['Push mode', 'auto']] }));
    expect(noValue.problems[0]!.message).toMatch(/has no "Value" column/);
    // The tab under another case, with headers in another case, reads normally.
    const cased = readSettings(memoryWorkbook({ settings: [['KEY', 'value'], ['push mode', 'auto']] }));
    expect(cased.problems).toEqual([]);
    expect(cased.settings.pushMode).toBe('auto');
  });
});

describe('marketplaces', () => {
  it('resolve a code, ISO code, marketplace ID, country or domain; say what is accepted otherwise', () => {
    expect(resolveMarketplace('de').id).toBe('A1PA6795UKMFR9');
    expect(resolveMarketplace('https://www.amazon.com/').code).toBe('US');
    expect(findMarketplace('Deutschland')?.code).toBe('DE');
    expect(findMarketplace('')).toBeNull();
    expect(() => resolveMarketplace('Atlantis')).toThrow(/Unknown Amazon marketplace "Atlantis": use a marketplace code/);
  });
});

describe('SKU Map rows', () => {
  const row = (cells: Record<string, unknown>) => ({ 'Seller SKU': 'TEE-M', Marketplace: '', Channel: 'FBM', '3PL SKU': 'SB-1', ...cells });

  it('read the Marketplace cell as people type it; an unknown one gets a Status naming the cell and the allowed values', () => {
    const v = validateSkuMap([row({ Marketplace: 'gb' }), row({ 'Seller SKU': 'B', Marketplace: 'Amazon.co.uk' }), row({ 'Seller SKU': 'C', Marketplace: 'Narnia' })], { defaultMarketplace: 'UK' });
    expect(v.entries.map((e) => e.key)).toEqual(['UK:FBM:TEE-M', 'UK:FBM:B']);
    expect(v.rows[2]!.status).toMatch(/the Marketplace cell of row 4 holds "Narnia".*UK, .*amazon\.de/);
  });

  it('a Seller SKU that lost its leading zeros is explained in its Status and in UNMAPPED_SKU', () => {
    const rows = [row({ 'Seller SKU': 123 }), row({ 'Seller SKU': 77 })];
    const found = findLostLeadingZeros(rows, ['00123', '0077', '77'], { marketplace: 'UK', defaultMarketplace: 'UK' });
    // 77 is listed as it is on Amazon: nothing lost there.
    expect(found).toEqual([{ rowIndex: 0, sheetRow: 2, typed: '123', amazonSku: '00123' }]);
    expect(explainLostZeros(['Held: x', 'OK'], found)[0]).toMatch(/holds the number 123 .* "00123".*Plain text.*type "00123" again/);

    const unmapped = findUnmappedSkus({
      marketplace: 'UK',
      defaultMarketplace: 'UK',
      skuMapRows: rows,
      amazonListings: [{ sellerSku: '00123', fbm: true, fba: false, fbmQuantity: 0 }],
    });
    expect(unmapped.map((e) => e.key)).toEqual(['UNMAPPED_SKU:UK:amazon:00123']);
    expect(unmapped[0]!.message).toMatch(/row 2 holds the number 123.*dropped the leading zeros/);
  });

  it('a row whose Marketplace names no marketplace still counts as mentioning its SKU (it has its own MAPPING_INVALID)', () => {
    const listing = { sellerSku: 'SOCK', fbm: true, fba: false, fbmQuantity: 3 };
    const input = { marketplace: 'UK', defaultMarketplace: 'UK', amazonListings: [listing] };
    expect(findUnmappedSkus({ ...input, skuMapRows: [row({ 'Seller SKU': 'SOCK', Marketplace: 'Narnia' })] })).toEqual([]);
    // A known other marketplace is not this one: the UK listing is unmapped.
    expect(findUnmappedSkus({ ...input, skuMapRows: [row({ 'Seller SKU': 'SOCK', Marketplace: 'Germany' })] }).map((e) => e.key)).toEqual(['UNMAPPED_SKU:UK:amazon:SOCK']);
  });

  it('the same number with no zero-padded listing on Amazon is left alone', () => {
    expect(findLostLeadingZeros([row({ 'Seller SKU': 123 })], ['123', 'TEE-M'], { marketplace: 'UK', defaultMarketplace: 'UK' })).toEqual([]);
  });
});

describe('3PL locations', () => {
  const warehouses = [
    { id: '10', name: 'Manchester', active: true },
    { id: '11', name: 'Reno', active: true },
  ];
  it('keeps known ids, takes an exact unique name as its id, and lists what is unknown', () => {
    expect(matchLocations(['10', 'reno', '99'], warehouses)).toEqual({ use: ['10', '11'], unknown: ['99'] });
    expect(matchLocations(['99'], warehouses)).toEqual({ use: [], unknown: ['99'] });
  });
});
