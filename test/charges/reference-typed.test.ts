// A 3PL Charges Reference cell typed over ("checked by Ann") or emptied, through the bundle: the
// Reference carries what the charge pays for, and an unreadable one was read as "other", so a
// shipment's label silently became "account: a fee of the whole account", dropped out of the
// duplicate check (its CHARGE_DUPLICATE resolved) in an "ok" run. Instead the cell is CELL_INVALID,
// kept as typed; the row's Matched To and State stay; no duplicate clears; the Dashboard still counts
// its money; fixing the cell puts everything back.

import { describe, expect, it } from 'vitest';
import { chargeFromRecord } from '../../src/core/charges/record';
import { summariseCharges } from '../../src/core/charges/summary';
import { ChargesRun, ORDER_A } from './world';

describe('3PL charges: a Reference typed over', () => {
  it('is named, never read as an account fee, and no duplicate clears until it is fixed', () => {
    const r = new ChargesRun();
    r.orders();
    r.advance('2h');
    r.orders();
    // ShipBob bills order A's label a second time.
    r.threePl('charge', { fee: 'Shipping', amount: 3.65, reference: ORDER_A });
    r.advance('1d');
    expect(r.charges().outcome).toBe('ok');
    expect(r.openExceptions('CHARGE_DUPLICATE')).toHaveLength(1);
    const first = r.tab('3PL Charges').find((x) => x['Matched To'] === ORDER_A && x['State'].startsWith('matched'))!;
    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': first['Transaction ID'] }, set: { Reference: 'checked by Ann' } } });

    r.advance('2h');
    const s = r.charges();
    expect(s.outcome).toBe('partial');
    const row = r.tab('3PL Charges').find((x) => x['Transaction ID'] === first['Transaction ID'])!;
    expect(row).toMatchObject({ Reference: 'checked by Ann', 'Matched To': ORDER_A, State: first['State'] });
    expect(r.openExceptions('CHARGE_DUPLICATE')).toHaveLength(1);
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!['Message']).toMatch(/column Reference, row \d+.*Reference holds "checked by Ann", not a reference the add-on wrote/);

    r.step({ edit: { tab: '3PL Charges', match: { 'Transaction ID': first['Transaction ID'] }, set: { Reference: first['Reference'] } } });
    r.advance('2h');
    expect(r.charges().outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
    expect(r.openExceptions('CHARGE_DUPLICATE')).toHaveLength(1);
  });

  it('a row whose Reference alone was typed over still counts on the Dashboard', () => {
    const row = chargeFromRecord({ Invoice: '9001', 'Invoice Date': '2026-11-02', 'Transaction ID': 'T1', Type: 'shipping', Amount: 3.2, Currency: 'GBP', Reference: '', 'Matched To': '', State: 'matched' })!;
    expect(row.typed?.map((t) => t.problem)).toEqual(['Reference is empty']);
    expect(summariseCharges([row], 0).lines).toEqual([{ month: '2026-11', type: 'shipping', currency: 'GBP', amount: 3.2, count: 1 }]);
  });
});
