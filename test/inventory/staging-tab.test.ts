// The hidden Sync Staging tab keeps a long read's pages between executions: parts longer than a
// cell are cut into pieces and joined again, text that looks like a number or a formula comes back
// unchanged, a part staged again replaces the old one, and clearing one source keeps the others.

import { describe, expect, it } from 'vitest';
import { stagingTab } from '../../src/sheet/staging-tab';
import { memoryWorkbook } from '../security/memory-workbook';

describe('Sync Staging', () => {
  it('gives back every part in order, a part longer than a cell holds included', () => {
    const wb = memoryWorkbook();
    const t = stagingTab(wb);
    const long = 'x'.repeat(100_000) + 'END';
    t.put('3pl-stock', 0, ['{"a":1}', long]);
    t.put('3pl-stock', 2, ['=SUM(A1)', '0012']);
    expect(t.parts('3pl-stock', 4)).toEqual(['{"a":1}', long, '=SUM(A1)', '0012']);
    // No cell over Google's 50,000-character limit.
    for (const row of wb.tabs.get('Sync Staging')!) for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(50_000);
    // Fewer asked for: the first ones only.
    expect(t.parts('3pl-stock', 2)).toEqual(['{"a":1}', long]);
  });

  it('a part staged again replaces the one a stopped run left, and a missing part shortens the answer', () => {
    const wb = memoryWorkbook();
    const t = stagingTab(wb);
    t.put('3pl-stock', 0, ['p0', 'p1', 'p2-left-by-a-stopped-run']);
    t.put('3pl-stock', 2, ['p2']);
    expect(t.parts('3pl-stock', 3)).toEqual(['p0', 'p1', 'p2']);
    expect(t.parts('3pl-stock', 5)).toEqual(['p0', 'p1', 'p2']);
  });

  it('clearing one source keeps the others', () => {
    const wb = memoryWorkbook();
    const t = stagingTab(wb);
    t.put('3pl-stock', 0, ['a']);
    t.put('3pl-stock-orders', 0, ['[]']);
    t.clear('3pl-stock');
    expect(t.parts('3pl-stock', 1)).toEqual([]);
    expect(t.parts('3pl-stock-orders', 1)).toEqual(['[]']);
  });
});
