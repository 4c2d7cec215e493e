// The Inventory and Exceptions tab modules with the sheet-style port's memory double: the Inventory
// tab gets its filter and colour rules once and keeps rows in problem-first order without rewriting
// the tab when only quantities move; the Exceptions tab links each row's Entity.

import { describe, expect, it } from 'vitest';
import { exceptionKey } from '../../src/core/exceptions';
import type { InventoryRow } from '../../src/core/inventory/types';
import { TABS } from '../../src/core/tabs';
import type { WorkbookPort } from '../../src/ports/workbook';
import { exceptionsTab } from '../../src/sheet/exceptions-tab';
import { inventoryTab } from '../../src/sheet/inventory-tab';
import { invRow } from '../core/inventory-fixtures';
import { memoryWorkbook } from '../security/memory-workbook';
import { memorySheetStyle } from '../world/node-ports';

/** The memory workbook, counting the calls that write rows. */
function countingWorkbook() {
  const wb = memoryWorkbook();
  const calls: string[] = [];
  const counted: WorkbookPort = {
    ...wb,
    replaceRows: (t, rows, f) => (calls.push(`replaceRows ${t} ${rows.length}`), wb.replaceRows(t, rows, f)),
    writeRows: (t, blocks, f) => (calls.push(`writeRows ${t} ${blocks.map((b) => `${b.row}+${b.rows.length}`).join(',')}`), wb.writeRows(t, blocks, f)),
  };
  return { wb, counted, calls };
}

const H = TABS.inventory.columns.map((c) => c.header);
const skus = (wb: ReturnType<typeof memoryWorkbook>) => wb.tabs.get('Inventory')!.slice(1).map((r) => `${r[H.indexOf('Seller SKU')]} ${r[H.indexOf('Channel')]}`);

describe('Inventory tab', () => {
  const rows = (over: (r: InventoryRow) => Partial<InventoryRow> = () => ({})): InventoryRow[] =>
    ['D', 'B', 'C', 'A'].map((s, i) => {
      const r = invRow({ sellerSku: s, proposedQty: 10 + i, amazonFbmQty: 10, pushState: 'applied', updatedAt: 1 });
      return { ...r, ...over(r) };
    });

  it('writes problem rows first, sets the colour rules and the filter once, and a quiet run asks nothing more', () => {
    const { wb, counted, calls } = countingWorkbook();
    const style = memorySheetStyle();
    inventoryTab(counted, style).write(rows((r) => (r.sellerSku === 'C' ? { pushState: 'rejected' } : {})));
    expect(skus(wb)).toEqual(['C FBM', 'A FBM', 'B FBM', 'D FBM']);
    const t = style.tabs.get('Inventory')!;
    expect(t.filterWidth).toBe(H.length);
    expect(t.formats.map((f) => f.background)).toEqual(['#ea9999', '#f9cb9c', '#f4cccc', '#fff2cc']);
    expect(wb.tabs.get('Inventory')![1]![H.indexOf('Change')]).toBe(2);

    // The next run, same rows: no row written, no style written.
    const before = [calls.length, style.writes.length];
    inventoryTab(counted, style).write(rows((r) => (r.sellerSku === 'C' ? { pushState: 'rejected' } : {})));
    expect([calls.length, style.writes.length]).toEqual(before);
  });

  it('rewrites only the changed rows when quantities move, and reorders only when a problem state changes', () => {
    const { wb, counted, calls } = countingWorkbook();
    const style = memorySheetStyle();
    inventoryTab(counted, style).write(rows());
    expect(skus(wb)).toEqual(['A FBM', 'B FBM', 'C FBM', 'D FBM']);
    calls.length = 0;
    inventoryTab(counted, style).write(rows((r) => (r.sellerSku === 'B' ? { proposedQty: 3 } : {})));
    expect(calls).toEqual(['writeRows Inventory 3+1']);
    calls.length = 0;
    inventoryTab(counted, style).write(rows((r) => (r.sellerSku === 'D' ? { pushState: 'held by guardrail' } : r.sellerSku === 'B' ? { proposedQty: 3 } : {})));
    expect(skus(wb)).toEqual(['D FBM', 'A FBM', 'B FBM', 'C FBM']);
    expect(calls).toEqual(['replaceRows Inventory 4']);
  });

  it('puts its rules back when people moved a column, keeping rules of their own', () => {
    const { counted } = countingWorkbook();
    const style = memorySheetStyle();
    inventoryTab(counted, style).write(rows());
    const t = style.tabs.get('Inventory')!;
    t.formats = [{ column: 1, columns: 1, formula: '=$A2="mine"', background: '#00ff00' }, ...t.formats.map((f) => ({ ...f, formula: f.formula.replace(/\$([A-Z]+)2/g, '$Z2') }))];
    inventoryTab(counted, style).write(rows());
    expect(t.formats).toHaveLength(5);
    expect(t.formats[0]!.formula).toBe('=$A2="mine"');
    expect(t.formats.slice(1).every((f) => !f.formula.includes('$Z2'))).toBe(true);
  });
});

describe('Exceptions tab links', () => {
  it("links each row's Entity to where it can be looked at, and leaves the rest plain", () => {
    const wb = memoryWorkbook();
    const style = memorySheetStyle();
    exceptionsTab(wb, style).reconcile({
      raised: [
        { key: exceptionKey('STOCK_PUSH_REJECTED', 'UK', 'TEE-M'), type: 'STOCK_PUSH_REJECTED', entity: 'UK TEE-M', message: 'Amazon refused it.' },
        { key: exceptionKey('AUTH_FAILED', 'amazon'), type: 'AUTH_FAILED', entity: 'Amazon', message: 'Token refused.' },
        { key: exceptionKey('ORDER_HELD', '202-1234567-1234567'), type: 'ORDER_HELD', entity: 'Order 202-1234567-1234567', message: 'Held.' },
      ],
      now: Date.UTC(2026, 10, 2),
      scope: [],
      marketplace: 'UK',
    });
    const entity = TABS.exceptions.columns.findIndex((c) => c.header === 'Entity') + 1;
    expect(style.tabs.get('Exceptions')!.links).toEqual([
      { row: 2, column: entity, text: 'UK TEE-M', url: 'https://sellercentral.amazon.co.uk/myinventory/inventory?searchField=all&searchTerm=TEE-M' },
      { row: 4, column: entity, text: 'Order 202-1234567-1234567', url: 'https://sellercentral.amazon.co.uk/orders-v3/order/202-1234567-1234567' },
    ]);
    // The link text is the cell's own text: the value written stays as it is.
    expect(wb.tabs.get('Exceptions')![1]![entity - 1]).toBe('UK TEE-M');
  });
});
