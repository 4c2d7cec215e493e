import { describe, expect, it } from 'vitest';
import { chargeCellProblems, chargeFromRecord, chargeToRecord } from '../../src/core/charges/record';
import { summariseCharges } from '../../src/core/charges/summary';

const rec = (over: Record<string, unknown>) => ({ Invoice: '9004', 'Invoice Date': '2026-11-02', 'Transaction ID': 'T1', Type: 'storage', Amount: 18.4, Currency: 'GBP', Reference: 'warehouse Manchester · fee Warehousing Fee', 'Matched To': '', State: 'account', ...over });

describe('3PL Charges cells read back', () => {
  it('reads a Type in any case and an Amount as money text', () => {
    const r = chargeFromRecord(rec({ Type: ' Storage ', Amount: '1,018.40' }))!;
    expect(r).toMatchObject({ type: 'storage', amount: 1018.4 });
    expect(r.typed).toBeUndefined();
  });
  it('keeps an unknown Type and an unreadable Amount as typed, names them, and counts them nowhere', () => {
    const r = chargeFromRecord(rec({ Type: 'Storage fees', Amount: 'one fifty' }))!;
    expect(r.typed?.map((t) => t.column)).toEqual(['Type', 'Amount']);
    const out = chargeToRecord({ ...r, state: 'account', note: 'x' });
    expect(out['Type']).toBe('Storage fees');
    expect(out['Amount']).toBe('one fifty');
    const [type, amount] = chargeCellProblems([r]);
    expect(type).toMatchObject({ tab: '3PL Charges', sheetRow: 2, column: 'Type', allowed: 'one of fulfilment, shipping, receiving, storage, returns, other' });
    expect(amount!.problem).toBe('Amount holds "one fifty", not an amount');
    expect(summariseCharges([r], 0).lines).toEqual([]);
  });
  it('an emptied Type or Amount is a problem too, not other or 0', () => {
    const r = chargeFromRecord(rec({ Type: '', Amount: '' }))!;
    expect(r.typed?.map((t) => t.problem)).toEqual(['Type is empty', 'Amount is empty']);
  });
  it('a Currency typed in any case is that currency; one that is no code is named and counted nowhere', () => {
    const lower = chargeFromRecord(rec({ Currency: ' gbp ' }))!;
    expect(lower.currency).toBe('GBP');
    expect(lower.typed).toBeUndefined();
    expect(chargeToRecord({ ...lower, state: 'account', note: '' })['Currency']).toBe('GBP');
    const words = chargeFromRecord(rec({ Currency: 'Pounds' }))!;
    const empty = chargeFromRecord(rec({ Currency: '' }))!;
    expect(words.typed?.map((t) => t.problem)).toEqual(['Currency holds "Pounds", not a currency code']);
    expect(empty.typed?.map((t) => t.problem)).toEqual(['Currency is empty']);
    expect(chargeToRecord({ ...words, state: 'account', note: '' })['Currency']).toBe('Pounds');
    const [p] = chargeCellProblems([lower, words]);
    expect(p).toMatchObject({ column: 'Currency', sheetRow: 3, allowed: 'a three-letter currency code such as GBP, EUR or USD (any case)' });
    // One GBP line on the Dashboard: the lower-case row joins it, the unreadable ones are left out.
    expect(summariseCharges([rec({}), rec({ Currency: 'gbp' }), rec({ Currency: 'Pounds' }), rec({ Currency: '' })].map((x) => chargeFromRecord(x)!), Date.parse('2026-11-20T00:00:00Z')).lines).toEqual([
      { month: '2026-11', type: 'storage', currency: 'GBP', amount: 36.8, count: 2 },
    ]);
  });
  it('an Invoice Date typed over with words is named and kept as typed, never dropped from every month silently', () => {
    const r = chargeFromRecord(rec({ 'Invoice Date': 'yesterday' }))!;
    expect(r.typed?.map((t) => t.problem)).toEqual(['Invoice Date holds "yesterday", not a date']);
    expect(chargeToRecord({ ...r, state: 'account', note: '' })['Invoice Date']).toBe('yesterday');
    const [p] = chargeCellProblems([r]);
    expect(p).toMatchObject({ column: 'Invoice Date', allowed: "a date such as 2026-11-02 (the invoice's date at the 3PL)" });
    // An empty one (the 3PL gave none) is no problem.
    expect(chargeFromRecord(rec({ 'Invoice Date': '' }))!.typed).toBeUndefined();
  });
});
