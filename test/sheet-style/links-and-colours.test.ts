// Plain data the sheet-style port receives: the Exceptions tab's links (Seller Central, ShipBob) from
// a row's key, and the Inventory tab's colour rules from its header, recognised as ours wherever the
// columns moved and never confused with people's own rules.

import { describe, expect, it } from 'vitest';
import { exceptionKey, exceptionLink } from '../../src/core/exceptions';
import { inventoryConditionalFormats, isInventoryRule } from '../../src/core/inventory/tab-colours';
import { TABS } from '../../src/core/tabs';
import { sellerCentralOrderUrl, sellerCentralSkuUrl, shipBobInventoryUrl } from '../../src/core/web-links';

describe('Exceptions links', () => {
  it("links an offer's problems to Manage All Inventory searched for the SKU, on that marketplace's Seller Central", () => {
    expect(exceptionLink(exceptionKey('STOCK_PUSH_REJECTED', 'UK', 'TEE-M'), 'DE')).toBe(
      'https://sellercentral.amazon.co.uk/myinventory/inventory?searchField=all&searchTerm=TEE-M',
    );
    expect(exceptionLink(exceptionKey('MAPPING_INVALID', 'DE', 'FBM', 'Tee M/1 & 2'), 'UK')).toBe(
      'https://sellercentral.amazon.de/myinventory/inventory?searchField=all&searchTerm=Tee%20M%2F1%20%26%202',
    );
    for (const type of ['DUAL_CHANNEL_SKU', 'STOCK_PUSH_NOT_APPLIED', 'INVENTORY_DRIFT', 'OFFER_UNMANAGED', 'FBA_CONVERSION_REFUSED'] as const) {
      expect(exceptionLink(exceptionKey(type, 'US', 'A:B'), 'UK'), type).toBe('https://sellercentral.amazon.com/myinventory/inventory?searchField=all&searchTerm=A%3AB');
    }
    expect(exceptionLink(exceptionKey('UNMAPPED_SKU', 'UK', 'amazon', 'NEW-1'), 'UK')).toContain('searchTerm=NEW-1');
  });

  it('links 3PL SKUs to the ShipBob inventory list, orders to their Seller Central page', () => {
    expect(exceptionLink(exceptionKey('UNMAPPED_SKU', '3PL', 'SB-9'), 'UK')).toBe(shipBobInventoryUrl());
    expect(exceptionLink(exceptionKey('MAPPING_INVALID', 'UK', 'shared', 'SB-9'), 'UK')).toBe(shipBobInventoryUrl());
    expect(shipBobInventoryUrl()).toBe('https://web.shipbob.com/app/merchant/#/inventory');
    expect(exceptionLink(exceptionKey('ORDER_STUCK', '202-1234567-1234567', 'ship'), 'UK')).toBe('https://sellercentral.amazon.co.uk/orders-v3/order/202-1234567-1234567');
    expect(exceptionLink(exceptionKey('ORDER_ORPHANED', 'threepl', '202-1234567-1234567'), 'DE')).toBe('https://sellercentral.amazon.de/orders-v3/order/202-1234567-1234567');
    expect(exceptionLink(exceptionKey('ORDER_HELD', '202-1234567-1234567'), 'US')).toBe('https://sellercentral.amazon.com/orders-v3/order/202-1234567-1234567');
  });

  it('links nothing it cannot address', () => {
    expect(exceptionLink(exceptionKey('MAPPING_INVALID', 'row', 7), 'UK')).toBeNull();
    expect(exceptionLink(exceptionKey('UNMAPPED_SKU', '3PL', 'many'), 'UK')).toBeNull();
    expect(exceptionLink(exceptionKey('UNMAPPED_SKU', 'UK', 'amazon', 'many'), 'UK')).toBeNull();
    expect(exceptionLink(exceptionKey('ORDER_HELD', 'not-an-order'), 'UK')).toBeNull();
    expect(exceptionLink(exceptionKey('ORDER_HELD', '202-1234567-1234567'), '')).toBeNull();
    expect(exceptionLink(exceptionKey('AUTH_FAILED', 'amazon'), 'UK')).toBeNull();
    expect(exceptionLink(exceptionKey('STOCK_PUSH_REJECTED', 'XX', 'TEE-M'), 'UK')).toBeNull();
    expect(exceptionLink('', 'UK')).toBeNull();
    expect(sellerCentralSkuUrl('UK', '')).toBeNull();
    expect(sellerCentralOrderUrl('JP', '250-1111111-2222222')).toBe('https://sellercentral.amazon.co.jp/orders-v3/order/250-1111111-2222222');
  });
});

const HEADER: string[] = TABS.inventory.columns.map((c) => c.header);
/** The column letter of a header, past Z too (AA, AB…). */
function letter(h: string, header = HEADER): string {
  const i = header.indexOf(h);
  return i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`;
}

describe('Inventory colour rules', () => {
  it('are four rules on whole columns, formulas naming the columns where the tab has them', () => {
    const rules = inventoryConditionalFormats(HEADER);
    const P = letter('Proposed FBM Qty');
    const A = letter('Amazon FBM Qty');
    const C = letter('Change');
    const S = letter('Push State');
    const R = letter('Reason');
    expect(rules).toEqual([
      { column: HEADER.indexOf('Proposed FBM Qty') + 1, columns: 1, formula: `=AND(ISNUMBER($${P}2),$${P}2=0,ISNUMBER($${A}2),$${A}2>0)`, background: '#ea9999' },
      { column: HEADER.indexOf('Change') + 1, columns: 1, formula: `=AND(ISNUMBER($${C}2),$${C}2<0,-2*$${C}2>=$${A}2)`, background: '#f9cb9c' },
      { column: 1, columns: HEADER.length, formula: `=OR($${S}2="rejected",$${S}2="accepted but not applied")`, background: '#f4cccc' },
      { column: 1, columns: HEADER.length, formula: `=OR($${S}2="held by guardrail",LEFT($${R}2,5)="Held:",LEFT($${R}2,11)="Not synced:")`, background: '#fff2cc' },
    ]);
  });

  it('follow columns people moved, cover their extra columns, and stay recognisable as ours', () => {
    const moved = ['My notes', ...HEADER.filter((h) => h !== 'Change'), 'Change', 'Shelf'];
    const rules = inventoryConditionalFormats(moved);
    expect(rules[1]).toMatchObject({ column: moved.indexOf('Change') + 1, columns: 1 });
    expect(rules[2]).toMatchObject({ column: 1, columns: moved.length });
    expect(rules[0]!.formula).toContain(`$${letter('Proposed FBM Qty', moved)}2`);
    for (const r of [...rules, ...inventoryConditionalFormats(HEADER)]) expect(isInventoryRule(r.formula), r.formula).toBe(true);
    // A tab wider than 26 columns names AA, AB…
    const wide = [...Array.from({ length: 30 }, (_, i) => `Extra ${i}`), ...HEADER];
    expect(inventoryConditionalFormats(wide)[0]!.formula).toMatch(/^=AND\(ISNUMBER\(\$A[A-Z]2\)/);
    expect(isInventoryRule(inventoryConditionalFormats(wide)[3]!.formula)).toBe(true);
  });

  it("never takes people's rules for ours", () => {
    expect(isInventoryRule('=$L2>100')).toBe(false);
    expect(isInventoryRule('=AND(ISNUMBER($L2),$L2=0)')).toBe(false);
    expect(isInventoryRule('=OR($P2="rejected")')).toBe(false);
  });

  it('leave out a rule whose column the header lacks', () => {
    const rules = inventoryConditionalFormats(HEADER.filter((h) => h !== 'Change'));
    expect(rules).toHaveLength(3);
    expect(rules.some((r) => r.background === '#f9cb9c')).toBe(false);
  });
});
