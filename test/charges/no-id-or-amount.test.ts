// A 3PL transaction sent without its id or its amount (ShipBob's billing schema allows null for
// both), through the bundle: one without an id was counted as "already imported" and dropped, one
// without an amount was imported as 0.00, both in "ok" runs, so the money was lost for good once the
// invoice was read. Now an id-less transaction is kept under an id made of its invoice (the Sync Log
// says so), and a missing amount is an empty Amount named by CELL_INVALID, never 0.00.

import { describe, expect, it } from 'vitest';
import { ChargesRun } from './world';

function billed(strip: (t: { transactionId: string | null; amount: number | null; fee: string }) => void): ChargesRun {
  const r = new ChargesRun();
  r.orders();
  r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
  r.threePl('charge', { fee: 'Address Correction', amount: 1.5, referenceType: 'Ticket Number', referenceId: 'T-88' });
  for (const t of r.run.threePl.state.transactions as unknown as Array<{ transactionId: string | null; amount: number | null; fee: string }>) strip(t);
  r.advance('1d');
  return r;
}

describe('3PL charges: a transaction without its id or amount', () => {
  it('keeps a transaction sent without an id, once, under an id made of its invoice', () => {
    const r = billed((t) => {
      if (t.fee === 'Warehousing Fee') t.transactionId = null;
    });
    const s = r.charges();
    expect(s.message).toMatch(/1 came from the 3PL without a transaction id and are kept as "no id <invoice>-<n>"/);
    const kept = r.tab('3PL Charges').filter((x) => x['Reference'].includes('fee Warehousing Fee'));
    expect(kept).toHaveLength(1);
    expect(kept[0]!['Transaction ID']).toBe(`no id ${kept[0]!.Invoice}-1`);
    expect(kept[0]!.Amount).toBe('18.40');

    r.advance('2h');
    r.charges();
    expect(r.tab('3PL Charges').filter((x) => x['Reference'].includes('fee Warehousing Fee'))).toHaveLength(1);
  });

  it('names a transaction sent without an amount, never 0.00, and leaves it out of the totals', () => {
    const r = billed((t) => {
      if (t.fee === 'Address Correction') t.amount = null;
    });
    expect(r.charges().outcome).toBe('partial');
    const kept = r.tab('3PL Charges').find((x) => x['Reference'].includes('fee Address Correction'))!;
    expect(kept.Amount).toBe('');
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toMatch(/column Amount, row \d+, transaction \S+: Amount is empty: the 3PL sent this transaction without an amount\. Type a number/);
    const dash = r.run.gas.spreadsheet.toDisplayJson()['Dashboard']!.map((row) => row[0]);
    expect(dash).not.toContain('2026-11 other');

    // Read back on the next run, the empty Amount is still named, never read as 0.00.
    r.advance('2h');
    expect(r.charges().outcome).toBe('partial');
    expect(r.openExceptions('CELL_INVALID').map((e) => e.Key)).toEqual([cell!.Key]);
  });
});
