// The 3PL charges job end to end through the bundle against the ShipBob simulator: every charge
// type, matching to the Orders tab and the Removals tab, unmatched and duplicate charges, a charge
// for a cancelled order, re-imports that import nothing twice, and the Dashboard's monthly summary.
// Simulator behaviours used, with sources: ShipBob bills a shipment when it ships ("Shipping",
// reference_type Shipment), a receiving order per unit received (WRO), a processed return (Return),
// and rolls earlier days' charges into invoices (spec 2026-01 Billing.TransactionDtoV3,
// Billing.InvoiceDtoV3; docs/shipbob-simulator.md "Billing"); get-transactions-by-invoice-id pages
// with PageSize 1–1000 and SortOrder (spec 2026-01 get-transactions-by-invoice-id); the `charge`
// world action bills the fees named in the spec's examples ("Warehousing Fee" on reference_type FC,
// Billing.TransactionFeeModelV3 / TransactionRequestFilterV3 examples).

import { describe, expect, it } from 'vitest';
import { ChargesRun, ORDER_A, ORDER_B, ORDER_C, REMOVAL, WEB_ORDER } from './world';

const HEADERS = ['Invoice', 'Invoice Date', 'Transaction ID', 'Type', 'Amount', 'Currency', 'Reference', 'Matched To', 'State'];

/**
 * Orders sent and shipped; Amazon order C cancelled while ShipBob ships it anyway (the orders sync
 * records cancel-too-late), so its label is a charge for a cancelled order; the removal received and
 * the return processed.
 */
function busyDay(): ChargesRun {
  const r = new ChargesRun();
  r.orders();
  r.amazon('cancelOrder', { orderId: ORDER_C });
  r.orders();
  r.advance('2h');
  r.orders();
  r.threePl('receive', { reference: REMOVAL });
  r.threePl('receive', { reference: 'RMA-7' });
  r.threePl('charge', { fee: 'Warehousing Fee', amount: 18.4, referenceType: 'FC' });
  r.threePl('charge', { fee: 'Per Pick Fee', amount: 0.3, reference: ORDER_A });
  // ShipBob bills the label of order A a second time.
  r.threePl('charge', { fee: 'Shipping', amount: 3.65, reference: ORDER_A });
  r.threePl('charge', { fee: 'Address Correction', amount: 1.5, referenceType: 'Ticket Number', referenceId: 'T-88' });
  // Invoices are issued for the days before today.
  r.advance('1d');
  return r;
}

describe('3PL charges: import', () => {
  it('writes every invoiced transaction once under the exact headers, typed fulfilment … other', () => {
    const r = busyDay();
    const invoiced = r.worldCharges().filter((c) => c.invoiceId !== null);
    expect(invoiced.length).toBeGreaterThanOrEqual(9);
    const s = r.charges();
    expect(s.outcome).toBe('ok');
    expect(r.header('3PL Charges')).toEqual(HEADERS);
    const rows = r.tab('3PL Charges');
    expect(rows.map((x) => x['Transaction ID']).sort()).toEqual(invoiced.map((c) => c.id).sort());
    const typeOf = (fee: string) => rows.filter((x) => x['Reference'].includes(`fee ${fee}`)).map((x) => x['Type']);
    expect(new Set(typeOf('Shipping'))).toEqual(new Set(['shipping']));
    expect(typeOf('Per Pick Fee')).toEqual(['fulfilment']);
    expect(new Set(typeOf('WRO Receiving Fee'))).toEqual(new Set(['receiving']));
    expect(typeOf('Warehousing Fee')).toEqual(['storage']);
    expect(typeOf('Return Processing Fee')).toEqual(['returns']);
    expect(typeOf('Address Correction')).toEqual(['other']);
    // Amounts as ShipBob billed them, in its currency.
    const a = rows.find((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(ORDER_B)}`))!;
    expect(a).toMatchObject({ Amount: '3.20', Currency: 'GBP', 'Matched To': ORDER_B });
    expect(a['State']).toMatch(/^matched/);
  });

  it('matches shipments to Amazon orders, the receiving order to its removal; storage is the account\'s', () => {
    const r = busyDay();
    r.charges();
    const rows = r.tab('3PL Charges');
    const ofShipment = (ref: string) => rows.filter((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(ref)} `));
    expect(ofShipment(ORDER_A).every((x) => x['Matched To'] === ORDER_A)).toBe(true);
    expect(ofShipment(ORDER_A)[0]!['Reference']).toContain(`order ${ORDER_A}`);
    const receiving = rows.filter((x) => x['Type'] === 'receiving');
    expect(receiving.length).toBeGreaterThan(0);
    expect(receiving.every((x) => x['Matched To'] === REMOVAL && x['State'].startsWith('matched'))).toBe(true);
    expect(rows.find((x) => x['Type'] === 'storage')!['State']).toMatch(/^account/);
  });

  it('raises CHARGE_UNMATCHED for a charge no ledger knows and for a charge on a cancelled order, CHARGE_DUPLICATE for a shipment charged twice', () => {
    const r = busyDay();
    const s = r.charges();
    const rows = r.tab('3PL Charges');
    const web = rows.find((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(WEB_ORDER)} `))!;
    expect(web['State']).toMatch(/^unmatched: neither the Orders tab/);
    expect(web['Matched To']).toBe('');
    const cancelled = rows.find((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(ORDER_C)} `))!;
    expect(cancelled).toMatchObject({ 'Matched To': ORDER_C });
    expect(cancelled['State']).toMatch(/^cancelled order/);
    const returned = rows.find((x) => x['Type'] === 'returns')!;
    expect(returned['State']).toMatch(/^unmatched/);
    const unmatched = r.openExceptions('CHARGE_UNMATCHED');
    expect(unmatched.map((x) => x['Key']).sort()).toEqual([web, cancelled, returned].map((x) => `CHARGE_UNMATCHED:${x['Transaction ID']}`).sort());
    expect(unmatched.find((x) => x['Key'].endsWith(cancelled['Transaction ID']!))!['Message']).toContain(`Amazon cancelled order ${ORDER_C}`);
    // The second Shipping charge of order A is the duplicate; the pick fee on it is not.
    const shipA = rows.filter((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(ORDER_A)} `) && x['Reference'].endsWith('fee Shipping'));
    expect(shipA.map((x) => x['State'].split(':')[0])).toEqual(['matched', 'duplicate']);
    const dup = r.openExceptions('CHARGE_DUPLICATE');
    expect(dup).toHaveLength(1);
    expect(dup[0]!['Severity']).toBe('Medium');
    expect(dup[0]!['Message']).toContain(`order ${ORDER_A}`);
    expect(s.counts).toMatchObject({ chargesDuplicate: 1, chargesUnmatched: 3 });
  });

  it('a credit for the second label resolves CHARGE_DUPLICATE; a Removals row added later matches the return charge and resolves its CHARGE_UNMATCHED', () => {
    const r = busyDay();
    r.charges();
    r.threePl('charge', { fee: 'Shipping', amount: -3.65, type: 'Credit', reference: ORDER_A });
    const web = r.tab('3PL Charges').find((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(WEB_ORDER)} `))!;
    r.advance('1d');
    r.charges();
    expect(r.openExceptions('CHARGE_DUPLICATE')).toHaveLength(0);
    const credit = r.tab('3PL Charges').find((x) => x['Amount'] === '-3.65')!;
    expect(credit).toMatchObject({ Type: 'shipping', 'Matched To': ORDER_A });
    // The return turns out to be a removal: once the Removals tab lists it, the charge matches.
    const returned = r.tab('3PL Charges').find((x) => x['Type'] === 'returns')!;
    expect(r.openExceptions('CHARGE_UNMATCHED').some((x) => x['Key'] === `CHARGE_UNMATCHED:${returned['Transaction ID']}`)).toBe(true);
    const returnId = returned['Reference'].split(' · ')[0]!.replace('return ', '');
    const wro = r.run.threePl.state.wros[0]!.id;
    r.run.gas.spreadsheet.seed({ Removals: [['Removal Order ID', 'SKU', '3PL Receipt'], [REMOVAL, 'TEE-M', `WRO ${wro}`], ['RMV-0002', 'TEE-L', `return ${returnId}`]] });
    // With no new invoice the ledgers are matched again hourly: not at once, within the hour.
    r.charges();
    expect(r.tab('3PL Charges').find((x) => x['Transaction ID'] === returned['Transaction ID'])!['Matched To']).toBe('');
    r.advance('1h');
    r.charges();
    const matched = r.tab('3PL Charges').find((x) => x['Transaction ID'] === returned['Transaction ID'])!;
    expect(matched).toMatchObject({ 'Matched To': 'RMV-0002' });
    expect(r.openExceptions('CHARGE_UNMATCHED').some((x) => x['Key'] === `CHARGE_UNMATCHED:${returned['Transaction ID']}`)).toBe(false);
    expect(r.openExceptions('CHARGE_UNMATCHED').some((x) => x['Key'] === `CHARGE_UNMATCHED:${web['Transaction ID']}`)).toBe(true);
  });
});

describe('3PL charges: once each', () => {
  it('a second run, a lost cursor and an invoice listed again import nothing twice', () => {
    const r = busyDay();
    r.charges();
    const first = r.tab('3PL Charges');
    const again = r.charges();
    expect(again.counts.chargesImported).toBe(0);
    // The cursor is lost (a copied spreadsheet, a property deleted): the first-run window is read again.
    r.run.gas.properties.document.data.delete('charges.cursor');
    const lost = r.charges();
    expect(lost.counts.chargesImported).toBe(0);
    expect(lost.counts.invoicesRead).toBe(0);
    const after = r.tab('3PL Charges');
    expect(after.map((x) => x['Transaction ID'])).toEqual(first.map((x) => x['Transaction ID']));
    expect(new Set(after.map((x) => x['Transaction ID'])).size).toBe(after.length);
  });

  it('a run that fails part-way (ShipBob 500 on an invoice) imports the rest once on the next run', () => {
    const r = busyDay();
    r.run.faults.add({ system: 'threePl', operation: 'get-transactions-by-invoice-id', kind: '500', times: 6, after: 1 });
    const failed = r.charges();
    expect(failed.outcome).not.toBe('ok');
    const after = r.charges();
    expect(after.outcome).toBe('ok');
    const rows = r.tab('3PL Charges');
    const invoiced = r.worldCharges().filter((c) => c.invoiceId !== null);
    expect(rows).toHaveLength(invoiced.length);
    expect(new Set(rows.map((x) => x['Transaction ID'])).size).toBe(rows.length);
  });
});

describe('3PL charges: the order lookup fails', () => {
  it('imports the charges anyway, raises nothing for shipments it could not look up, and ties them next run', () => {
    const r = busyDay();
    // get-orders answers 503 to every attempt of this run (the client retries 5xx before giving up).
    r.run.faults.add({ system: 'threePl', operation: 'get-orders', kind: '503', times: 20 });
    const cut = r.charges();
    expect(cut.outcome).toBe('partial');
    expect(cut.message).toMatch(/looked up again next run/);
    const rows = r.tab('3PL Charges');
    expect(rows.length).toBe(r.worldCharges().filter((c) => c.invoiceId !== null).length);
    const shipping = rows.filter((x) => x['Type'] === 'shipping');
    expect(shipping.every((x) => x['Matched To'] === '' && !x['Reference'].includes(' · order '))).toBe(true);
    expect(r.openExceptions('CHARGE_UNMATCHED').filter((x) => shipping.some((s) => x['Key'] === `CHARGE_UNMATCHED:${s['Transaction ID']}`))).toEqual([]);
    r.run.faults.clear();
    r.advance('1h');
    const next = r.charges();
    expect(next.outcome).toBe('ok');
    const a = r.tab('3PL Charges').filter((x) => x['Reference'].startsWith(`shipment ${r.shipmentOf(ORDER_A)} `));
    expect(a.every((x) => x['Matched To'] === ORDER_A)).toBe(true);
  });
});

describe('3PL charges: the Dashboard', () => {
  it('shows a monthly summary per type and currency, never adding currencies together', () => {
    const r = busyDay();
    r.threePl('charge', { fee: 'Warehousing Fee', amount: 40, referenceType: 'FC', currency: 'EUR' });
    r.advance('1d');
    r.charges();
    const dash = r.run.gas.spreadsheet.toDisplayJson()['Dashboard']!;
    const items = dash.map((row) => [row[0], row[1], row[3]]);
    const at = items.findIndex((x) => x[0] === '— 3PL charges by month —');
    expect(at).toBeGreaterThan(0);
    const lines = items.slice(at + 1).filter((x) => /^\d{4}-\d{2} /.test(String(x[0])));
    const storage = lines.filter((x) => x[0] === '2026-11 storage');
    expect(storage.map((x) => x[2]).sort()).toEqual(['EUR 40.00', 'GBP 18.40']);
    const rows = r.tab('3PL Charges').filter((x) => x['Type'] === 'shipping' && x['Currency'] === 'GBP');
    const net = rows.reduce((n, x) => n + Math.round(Number(x['Amount']) * 100), 0) / 100;
    expect(lines.find((x) => x[0] === '2026-11 shipping')![2]).toBe(`GBP ${net.toFixed(2)}`);
  });
});
