// A SKU Map header typed differently from the add-on's by more than case and spaces ("Offer" for
// "Offer %"): its values are not read, so the stock sync says so (one CONFIG_INVALID naming the header
// cell and the header to use) and the run is not "ok"; the push still goes (decreases must reach
// Amazon). Once the header is renamed, the typed values count and the exception resolves.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('SKU Map look-alike headers during the stock sync', () => {
  it('names the unread column, keeps the run partial, and uses the values once the header is renamed', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 11 }, { sku: 'B-1', onHand: 7 }] });
    const ss = r.run.gas.spreadsheet;
    ss.edit('SKU Map', 'H1', 'Offer');
    ss.edit('SKU Map', 'H2', 0.5);
    const first = r.sync();
    expect(first.outcome).toBe('partial');
    const [problem, ...others] = r.openExceptions('CONFIG_INVALID');
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ Entity: 'SKU Map H1' });
    expect(problem!['Message']).toMatch(/header "Offer" \(H1\) is not "Offer %".*the 1 value typed under it is not used.*that row gets the "Offer %" default.*Rename the header to "Offer %"/);
    expect(r.syncLog().at(-1)!['Outcome']).toBe('partial');
    // Pushed with the column's default (100%): 11 less the buffer of 1.
    expect(r.writes().find((w) => w.sku === 'A-1')?.quantity).toBe(10);

    ss.edit('SKU Map', 'H1', 'offer %');
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    // 50% of 11, rounded down, less the buffer of 1 (core/inventory/proposal.ts).
    expect(r.writes().filter((w) => w.sku === 'A-1').at(-1)?.quantity).toBe(4);
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });

  it('says nothing about a look-alike column people left empty', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 11 }] });
    r.run.gas.spreadsheet.edit('SKU Map', 'H1', 'Offer');
    expect(r.sync().outcome).toBe('ok');
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });

  it('still names the look-alike once the real column was added empty beside it, and a header cut short ("Buffer")', () => {
    const r = new InventoryRun({ offers: [{ sku: 'A-1', onHand: 11 }, { sku: 'B-1', onHand: 7 }] });
    const ss = r.run.gas.spreadsheet;
    ss.edit('SKU Map', 'H1', 'Offer');
    ss.edit('SKU Map', 'H2', 0.5);
    ss.edit('SKU Map', 'G1', 'Buffer');
    ss.edit('SKU Map', 'G3', 5);
    r.step({ run: 'setupSheets' });
    expect(r.sync().outcome).toBe('partial');
    expect(r.openExceptions('CONFIG_INVALID').map((e) => e.Entity).sort()).toEqual(['SKU Map G1', 'SKU Map H1']);
    // Once the values are in the real columns, the look-alikes hold nothing unread.
    const header = r.run.gas.spreadsheet.toDisplayJson()['SKU Map']![0] as string[];
    const at = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    ss.edit('SKU Map', `${at('Offer %')}2`, 0.5);
    ss.edit('SKU Map', `${at('Safety Buffer')}3`, 5);
    r.advance('10m');
    expect(r.sync().outcome).toBe('ok');
    expect(r.openExceptions('CONFIG_INVALID')).toEqual([]);
  });
});
