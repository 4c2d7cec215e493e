// Cells of the FBA Shipments tab people overtype, through the bundle: the 3PL is sent Amazon's items,
// never typed ones (the Items cell is put back and said), and a State the row's facts contradict
// ("sent" with no 3PL order) is worked on as the facts say, so the shipment still goes; an FBA
// Shipment ID typed over is put back, so the real shipment keeps its row and is still sent.

import { describe, expect, it } from 'vitest';
import { FBA_PLAN, FbaRun, fbaWorld, shippedFbaRun } from './world';

const ID = 'FBA15AAAA001';

function run(): FbaRun {
  const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }]));
  r.syncFba();
  r.tick(ID);
  return r;
}

/** Shipment ID and another of the same plan holding the very same items: their rows cannot be told apart by items. */
const OTHER = 'FBA15AAAA002';
function twoAlike(): FbaRun {
  const items = [{ sku: 'TEE-M-FBA', quantityShipped: 20 }];
  return new FbaRun(fbaWorld([ID, OTHER].map((shipmentId) => ({ shipmentId, inboundPlanId: FBA_PLAN, destination: 'BHX4', items }))));
}

describe('FBA Shipments cells people overtype', () => {
  it('Items: the 3PL order holds Amazon\'s items; the cell is put back and FBA_SHIPMENT_INVALID names it', () => {
    const r = run();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { Items: 'TEE-M-FBA × 4' });
    const res = r.syncFba();
    expect(r.rawOrder(ID)!.products.map((p) => [p.sku, p.quantity])).toEqual([['SB-TEE-M', 20]]);
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', Items: 'TEE-M-FBA × 20' });
    const edit = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(edit.map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:items`]);
    expect(edit[0]!.Message).toMatch(/Items cell of FBA shipment .* "TEE-M-FBA × 4".*"TEE-M-FBA × 20"/);
    expect(res.outcome).toBe('partial');
  });

  it('Items typed over on a ticked shipment that waits (held): the stock sync holds back Amazon\'s units, not the typed ones', () => {
    const r = new FbaRun(fbaWorld([{ shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] }], { settings: { 'Push mode': 'dry-run', 'FBA ship-from location': '999' } }));
    r.syncFba();
    r.tick(ID);
    r.syncFba();
    expect(r.shipment(ID)!.State).toBe('held');
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { Items: 'TEE-M-FBA × 4' });
    r.sync();
    expect(r.inventoryRow('TEE-M')).toMatchObject({ '3PL Committed': '20' });
    r.syncFba();
    expect(r.shipment(ID)!.Items).toBe('TEE-M-FBA × 20');
    expect(r.openExceptions('FBA_SHIPMENT_INVALID').map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:items`]);
  });

  it('State "sent" on a ticked row with no 3PL order: still created once, said, and its units stay off the FBM offer until then', () => {
    const r = run();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { State: 'sent' });
    // The stock sync reads the tab first: the typed word must not release the promised units.
    r.sync();
    expect(r.inventoryRow('TEE-M')).toMatchObject({ '3PL Committed': '20' });
    const res = r.syncFba();
    expect(r.threePlOrders().map((o) => o.reference)).toEqual([ID]);
    expect(r.shipment(ID)!.State).toBe('sent');
    const edit = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(edit.map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:state`]);
    expect(edit[0]!.Message).toMatch(/State cell of FBA shipment .* changed to "sent", but there is no 3PL Order ID/);
    expect(res.outcome).toBe('partial');
    r.syncFba();
    expect(r.threePlOrders()).toHaveLength(1);
  });

  it('State "cancelled" (or "shipped") typed on a row the 3PL holds unshipped: the untick still cancels it there, and the State is said', () => {
    for (const word of ['cancelled', 'shipped']) {
      const r = run();
      r.syncFba();
      expect(r.threePlOrders().map((o) => o.status)).toEqual(['Processing']);
      r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { State: word, 'Send from 3PL': false });
      const res = r.syncFba();
      // Taken at its word, the row claimed a cancel (or a shipment) nobody made and the 3PL shipped the units anyway.
      expect(r.threePlOrders().map((o) => o.status)).toEqual(['Cancelled']);
      expect(r.shipment(ID)!.State).toBe('cancelled');
      const edit = r.openExceptions('FBA_SHIPMENT_INVALID');
      expect(edit.map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:state`]);
      expect(edit[0]!.Message).toMatch(new RegExp(`State cell of FBA shipment ${ID} was changed to "${word}", but `));
      expect(res.outcome).toBe('partial');
    }
  });

  it('Items typed as something that reads as no item (a negative count): the message quotes what was typed, not ""', () => {
    const r = run();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { Items: 'TEE-M-FBA × -5' });
    r.syncFba();
    expect(r.shipment(ID)!.Items).toBe('TEE-M-FBA × 20');
    const [edit] = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(edit!.Message).toMatch(/Items cell of FBA shipment FBA15AAAA001 was changed to "TEE-M-FBA × -5"; Amazon's items "TEE-M-FBA × 20" were put back/);
  });

  it("3PL Order ID typed over with another shipment's order: that order is never cancelled or reported as this one's", () => {
    const B = 'FBA15BBBB002';
    const r = new FbaRun(fbaWorld([
      { shipmentId: ID, inboundPlanId: FBA_PLAN, destination: 'BHX4', items: [{ sku: 'TEE-M-FBA', quantityShipped: 20 }] },
      { shipmentId: B, inboundPlanId: 'wf00000002-5a1e-4c0d-9e55-000000000001', destination: 'LTN1', items: [{ sku: 'MUG-1-FBA', quantityShipped: 5 }] },
    ]));
    r.syncFba();
    r.tick(ID);
    r.tick(B);
    r.syncFba();
    const idOf = (ref: string) => String(r.threePlOrders().find((o) => o.reference === ref)!.id);
    r.edit('FBA Shipments', { 'FBA Shipment ID': B }, { '3PL Order ID': idOf(ID), 'Send from 3PL': false });
    const res = r.syncFba();
    // Before, the untick cancelled order idOf(ID): FBA shipment FBA15AAAA001's units, which should go.
    expect(Object.fromEntries(r.threePlOrders().map((o) => [o.reference, o.status]))).toEqual({ [ID]: 'Processing', [B]: 'Cancelled' });
    expect(r.shipment(B)).toMatchObject({ State: 'cancelled', '3PL Order ID': idOf(B) });
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', '3PL Order ID': idOf(ID) });
    // The typed id was not used: said on the row, and the run is not ok.
    expect(r.openExceptions('FBA_SHIPMENT_INVALID').map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${B}:order`]);
    expect(res.outcome).toBe('partial');
    // A typo on a row still at the 3PL: its own order is put back and said.
    r.tick(B, true);
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { '3PL Order ID': '999999' });
    const typo = r.syncFba();
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', '3PL Order ID': idOf(ID), '3PL Status': 'Processing' });
    const edit = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(edit.map((e) => e.Key)).toContain(`FBA_SHIPMENT_INVALID:${ID}:order`);
    expect(edit.find((e) => e.Key === `FBA_SHIPMENT_INVALID:${ID}:order`)!.Message).toMatch(/3PL Order ID cell of FBA shipment FBA15AAAA001 reads "999999", but ShipBob has no order 999999/);
    expect(typo.outcome).toBe('partial');
    expect(r.threePlOrders()).toHaveLength(2);
  });

  it('FBA Shipment ID typed over on a ticked row: Amazon\'s ID is put back and said, the shipment is sent once under it', () => {
    const r = run();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'FBA Shipment ID': 'FBA15ZZZZ999' });
    const res = r.syncFba();
    expect(res.outcome).toBe('partial');
    expect(r.threePlOrders().map((o) => o.reference)).toEqual([ID]);
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', Items: 'TEE-M-FBA × 20' });
    const book = r.run.gas.spreadsheet.toDisplayJson()['FBA Shipments']!;
    expect(book.slice(1).map((row) => row[0])).toEqual([ID]);
    const edit = r.openExceptions('FBA_SHIPMENT_INVALID');
    expect(edit.map((e) => e.Key)).toEqual([`FBA_SHIPMENT_INVALID:${ID}:id`]);
    expect(edit[0]!.Message).toMatch(/FBA Shipment ID cell of FBA shipment FBA15AAAA001 was changed to "FBA15ZZZZ999"; FBA15AAAA001 was put back/);
    // Said once: the next run finds Amazon's ID in place and the row clears.
    expect(r.syncFba().outcome).toBe('ok');
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')).toEqual([]);
    expect(r.threePlOrders()).toHaveLength(1);
  });

  it('an FBA Shipment ID typed over where two rows hold the same items is left as read (held, never guessed)', () => {
    const r = twoAlike();
    r.syncFba();
    r.tick(ID);
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'FBA Shipment ID': 'FBA15ZZZZ999' });
    r.edit('FBA Shipments', { 'FBA Shipment ID': OTHER }, { 'FBA Shipment ID': 'FBA15ZZZZ998' });
    r.syncFba();
    expect(r.threePlOrders()).toEqual([]);
    expect(r.openExceptions('FBA_SHIPMENT_INVALID').filter((e) => String(e.Key).endsWith(':id'))).toEqual([]);
  });

  it('FBA Shipment ID emptied on a ticked row not sent yet: the stock sync still holds its units back, the ID is put back and it is sent once', () => {
    const r = run();
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'FBA Shipment ID': '' });
    r.syncJob('inventory');
    expect(r.inventoryRow('TEE-M')!['Proposed FBM Qty']).toBe('80');
    const res = r.syncFba();
    expect(res.outcome).toBe('partial');
    expect(r.threePlOrders().map((o) => o.reference)).toEqual([ID]);
    expect(r.shipment(ID)).toMatchObject({ State: 'sent', 'Send from 3PL': 'TRUE' });
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')[0]!.Message).toMatch(/FBA Shipment ID cell of FBA shipment FBA15AAAA001 was emptied; FBA15AAAA001 was put back/);
    r.syncFba();
    expect(r.threePlOrders()).toHaveLength(1);
  });

  it('FBA Shipment ID emptied on a shipped row: the row keeps its tick, 3PL order and tracking and is followed on', () => {
    const r = shippedFbaRun();
    const before = r.shipment(ID)!;
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'FBA Shipment ID': '' });
    expect(r.syncFba().outcome).toBe('partial');
    expect(r.shipment(ID)).toMatchObject({ 'Send from 3PL': 'TRUE', '3PL Order ID': before['3PL Order ID'], Tracking: before.Tracking, State: 'shipped' });
    expect(r.tab('FBA Shipments')).toHaveLength(1);
    expect(r.threePlOrders()).toHaveLength(1);
  });

  it('an emptied FBA Shipment ID its items cannot tell: nothing is done and no row deleted until it is back, and the cell is named', () => {
    const r = twoAlike();
    r.syncFba();
    r.tick(ID);
    r.syncFba();
    const sent = r.shipment(ID)!;
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'FBA Shipment ID': '' });
    r.edit('FBA Shipments', { 'FBA Shipment ID': OTHER }, { 'FBA Shipment ID': '' });
    const res = r.syncFba();
    expect(res.outcome).toBe('partial');
    const rows = r.tab('FBA Shipments');
    expect(rows.map((x) => [x['FBA Shipment ID'], x['3PL Order ID'], x['Send from 3PL']])).toEqual([
      ['', sent['3PL Order ID'], 'TRUE'],
      ['', '', 'FALSE'],
    ]);
    const named = r.openExceptions('FBA_SHIPMENT_INVALID').map((e) => e.Message);
    expect(named).toHaveLength(2);
    expect(named[0]).toMatch(/column FBA Shipment ID, row 2: the cell is empty/);
    // Put back by hand: followed on, never sent twice, and the rows for the empty cells clear.
    r.run.gas.spreadsheet.edit('FBA Shipments', 'A2', ID);
    r.run.gas.spreadsheet.edit('FBA Shipments', 'A3', OTHER);
    expect(r.syncFba().outcome).toBe('ok');
    expect(r.threePlOrders()).toHaveLength(1);
    expect(r.openExceptions('FBA_SHIPMENT_INVALID')).toEqual([]);
  });
});

describe('a 3PL Order ID typed on a shipment not sent yet', () => {
  it("another shipment's order id typed with the tick: the shipment gets its own order, and the cells are named though the send rewrote the Note", () => {
    const r = twoAlike();
    r.syncFba();
    r.tick(OTHER);
    r.syncFba();
    const others = r.shipment(OTHER)!['3PL Order ID']!;
    expect(others).not.toBe('');
    r.edit('FBA Shipments', { 'FBA Shipment ID': ID }, { 'Send from 3PL': true, State: 'sent', '3PL Order ID': others });
    const res = r.syncFba();
    expect(res.outcome).toBe('partial');
    const own = r.shipment(ID)!['3PL Order ID'];
    expect(own).not.toBe(others);
    expect(r.threePlOrders().filter((o) => o.reference === ID)).toHaveLength(1);
    const said = r.openExceptions('FBA_SHIPMENT_INVALID').filter((e) => String(e.Key).startsWith(`FBA_SHIPMENT_INVALID:${ID}:`));
    expect(said).toHaveLength(1);
    expect(said[0]!.Message).toContain(`The 3PL Order ID and State cells of FBA shipment ${ID} were changed to "${others}", "sent", but the add-on last wrote "", "open" there`);
  });
});
