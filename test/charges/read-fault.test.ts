// A 3PL fault part way through an invoice list, through the bundle: a body cut short (or a 5xx past
// the retries) on one invoice's transactions failed the whole run and threw away the invoices already
// read whole, so a 3PL that fails now and then never got a list of invoices through. Now the invoices
// read whole are kept (partial, saying why), the next run reads on, and nothing is imported twice.

import { describe, expect, it } from 'vitest';
import { ChargesRun } from './world';

describe('3PL charges: the 3PL fails on one invoice of several', () => {
  it('keeps the invoices read whole, reads the rest next run, and imports nothing twice', () => {
    // Four garbled answers: every attempt of the read (one cut short is asked again).
    const r = new ChargesRun({ faults: [{ system: 'threePl', operation: 'get-transactions-by-invoice-id', kind: 'malformed', times: 4, after: 1 }] });
    r.orders();
    r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
    r.threePl('charge', { fee: 'Address Correction', amount: 1.5, referenceType: 'Ticket Number', referenceId: 'T-88' });
    r.advance('1d');

    const first = r.charges();
    expect(first.outcome).toBe('partial');
    expect(first.message).toMatch(/reading stopped at an invoice the 3PL could not give \(ShipBob get-transactions-by-invoice-id returned a body that is not JSON \(200\)\): the invoices read whole are in/);
    const kept = r.tab('3PL Charges').length;
    expect(kept).toBeGreaterThan(0);

    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    const ids = r.tab('3PL Charges').map((x) => x['Transaction ID']);
    const billed = r.run.threePl.state.transactions.map((t) => t.transactionId);
    expect(ids.length).toBeGreaterThan(kept);
    expect([...ids].sort()).toEqual([...billed].sort());
  });
});
