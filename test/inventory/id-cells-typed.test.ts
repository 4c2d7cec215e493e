// SKU Map ID cells typed into cells that are not Plain text: Sheets turns "2026-11-02" into a date
// and "00777" into the number 777. Neither is the ID people typed, so neither is used as one in
// silence: a date is never an ID (the row is not used, its Status and MAPPING_INVALID say why and
// how to retype it), and a number the 3PL lists with leading zeros is named with the 3PL's spelling.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const statusOf = (r: InventoryRun, sku: string) => r.tab('SKU Map').find((row) => row['Seller SKU'] === sku)?.['Status'] ?? '';

describe('a SKU Map ID that Sheets turned into a date', () => {
  it('a Seller SKU typed 2026-11-02 is not used; its Status and MAPPING_INVALID say it became a date and how to retype it', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 10, amazonQty: 2 }, { sku: '2026-11-02', onHand: 10, amazonQty: 2 }], settings: { 'Push mode': 'auto' } });
    const run = r.sync();
    expect(run.outcome).toBe('partial');
    const row = r.tab('SKU Map')[1]!;
    expect(row['Status']).toMatch(/^Not used: Seller SKU holds a date, not the ID typed: .*Format the Seller SKU column as Plain text/);
    const invalid = r.openExceptions('MAPPING_INVALID').map((e) => String(e['Message']));
    expect(invalid.some((m) => /SKU Map row 3 .*Seller SKU holds a date/.test(m))).toBe(true);
    expect(r.writes().map((w) => w.sku)).toEqual(['TEE-M']);
  });

  it('a 3PL SKU typed as a date is not used either, whatever the 3PL lists', () => {
    const r = new InventoryRun({ offers: [{ sku: 'MUG-1', threePlSku: '2026-11-03', onHand: 10, amazonQty: 2 }], settings: { 'Push mode': 'auto' } });
    const run = r.sync();
    expect(run.outcome).toBe('partial');
    expect(statusOf(r, 'MUG-1')).toMatch(/^Not used: 3PL SKU holds a date, not the ID typed/);
    expect(r.writes()).toEqual([]);
  });
});

describe('a 3PL SKU that lost its leading zeros', () => {
  it('is held, and its Status and exception name the 3PL spelling and how to retype it', () => {
    const r = new InventoryRun({ offers: [{ sku: 'CANDLE', threePlSku: '00777', onHand: 10, amazonQty: 2 }], settings: { 'Push mode': 'auto' } });
    const run = r.sync();
    expect(run.outcome).toBe('partial');
    expect(r.tab('SKU Map')[0]!['3PL SKU']).toBe('777');
    expect(statusOf(r, 'CANDLE')).toMatch(/ShipBob lists "00777": Sheets dropped the leading zeros/);
    const invalid = r.openExceptions('MAPPING_INVALID').map((e) => String(e['Message']));
    expect(invalid.some((m) => m.includes('type "00777" again'))).toBe(true);
    expect(r.writes()).toEqual([]);
  });
});
