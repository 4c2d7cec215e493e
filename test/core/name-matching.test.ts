// Header and tab names match as people mean them: case, and any run of white space (a double space,
// a non-breaking space pasted from a web page), make no difference, so nothing typed under such a
// header is dropped and "Set up sheets" never adds its twin.

import { describe, expect, it } from 'vitest';
import { lookalikeWarning, planSetup } from '../../src/core/setup-plan';
import { TABS, canonicalHeader, columnOf, findTabName, sameName, tabDefNamed } from '../../src/core/tabs';
import type { CellValue } from '../../src/ports/workbook';
import { memoryWorkbook } from '../security/memory-workbook';
import { readTable } from '../../src/sheet/table';

const NBSP = '\u00a0';

describe('names differing only in white space inside them', () => {
  it('a header with a double, non-breaking or tab space is the standard header', () => {
    expect(columnOf(['Seller SKU', 'Safety  Buffer'], 'Safety Buffer')).toBe(1);
    expect(columnOf([`Safety${NBSP}Buffer`], 'Safety Buffer')).toBe(0);
    expect(columnOf([` max\tQTY${NBSP}`], 'Max Qty')).toBe(0);
    expect(canonicalHeader(TABS.skuMap, `3PL${NBSP}${NBSP}sku`)).toBe('3PL SKU');
    expect(sameName('Safety Buffer', 'SafetyBuffer')).toBe(false);
  });

  it('a tab renamed with inner or outer spaces in another case is found, the exact name first', () => {
    expect(findTabName(['Settings', 'sync  log '], 'Sync Log')).toBe('sync  log ');
    expect(findTabName([`FBA${NBSP}Shipments`], 'FBA Shipments')).toBe(`FBA${NBSP}Shipments`);
    expect(findTabName(['sync log', 'Sync Log'], 'Sync Log')).toBe('Sync Log');
    expect(tabDefNamed('settlement  map')).toBe(TABS.settlementMap);
  });

  it('values under "Safety  Buffer" are read as the Safety Buffer', () => {
    const header = TABS.skuMap.columns.map((c) => (c.key === 'safetyBuffer' ? 'Safety  Buffer' : c.header));
    const wb = memoryWorkbook({ 'SKU Map': [header, ['TEE-M', 'UK', 'FBM', 'SB-1', '', '', 4]] });
    expect(readTable(wb, 'SKU Map')!.records[0]!['Safety Buffer']).toBe(4);
  });

  it('"Set up sheets" adds no second "Safety Buffer" beside "Safety  Buffer" or its non-breaking twin', () => {
    for (const typed of ['Safety  Buffer', `safety${NBSP}buffer`]) {
      const header = TABS.skuMap.columns.map((c) => (c.key === 'safetyBuffer' ? typed : c.header));
      const existing = new Map<string, CellValue[][]>([['SKU Map', [header]]]);
      expect(planSetup(existing, [TABS.skuMap])).toEqual([]);
    }
  });
});

describe('a standard column missing beside a look-alike the add-on does not read', () => {
  const cols = (...headers: string[]) => TABS.skuMap.columns.filter((c) => headers.includes(c.header));

  it('"Set up sheets" names the look-alike and the column it added empty', () => {
    const header = ['Seller SKU', 'Channel', 'Offer', '3pl-sku', 'Notes'];
    expect(lookalikeWarning(TABS.skuMap, 'sku map', header, cols('Offer %', '3PL SKU', 'Max Qty'))).toBe(
      'sku map: "3pl-sku" is not read as "3PL SKU"; "Offer" is not read as "Offer %", so those columns were added empty beside it. ' +
        "Rename the header to the add-on's (and delete the empty column), or move the values there.",
    );
  });

  it('says nothing of people\'s own columns, of columns it reads, or when nothing was added', () => {
    expect(lookalikeWarning(TABS.skuMap, 'SKU Map', ['Seller SKU', 'My notes', ' safety\u00a0buffer'], cols('Notes', 'Safety Buffer'))).toBeNull();
    expect(lookalikeWarning(TABS.skuMap, 'SKU Map', ['Seller SKU', 'Offer'], [])).toBeNull();
  });
});
