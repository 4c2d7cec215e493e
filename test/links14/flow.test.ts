// Issue 14 through the built bundle in the Apps Script fakes: an Exceptions row about a ShipBob order
// links its Entity to that order's page in ShipBob (the fake Sheets records the rich-text link), the
// link stays through later runs, and the Inventory tab's Product Title falls back to ShipBob's name
// for the product when Amazon gives none.

import { describe, expect, it } from 'vitest';
import { THREEPL_KEYS } from '../../src/jobs/orders/threepl-status';
import { InventoryRun, type InventoryWorld, type OrderSeed } from '../inventory/builder';
import { FBA_SKU, removalWorld, RemovalsRun } from '../removals/world';
import { ChargesRun, ORDER_A, REMOVAL } from '../charges/world';
import { shippedFbaRun } from '../fba-shipments/world';

const RM = ['Royal Mail', '', 'Royal Mail', '', 'Tracked 48', ''];
const id = (n: number) => `202-${String(1000000 + n)}-0000001`;
function order(n: number, over: Partial<OrderSeed> = {}): OrderSeed {
  return { orderId: id(n), created: '2026-11-02T07:30:00Z', latestShipDate: '2026-11-04T23:00:00Z', items: [{ sku: 'TEE-M', quantity: 1 }], ...over };
}
function world(over: Partial<InventoryWorld> = {}): InventoryWorld {
  return {
    offers: [
      { sku: 'TEE-M', onHand: 30 },
      { sku: 'MUG-1', onHand: 30 },
    ],
    settings: { 'Push mode': 'dry-run' },
    carrierMap: [RM],
    threePlBehaviour: { carrier: 'Royal Mail', service: 'Tracked 48' },
    ...over,
  };
}

/** ShipBob's own record of the order with this reference (the simulator's state, as ShipBob holds it). */
function shipBobOrder(r: InventoryRun, reference: string) {
  const orders = r.run.threePl.snapshot().orders as Array<{ id: number; reference: string; shipments: Array<{ id: number; status: string }> }>;
  return orders.find((o) => o.reference === reference)!;
}

/** The URL the Exceptions row with `key` links its Entity cell to, as the fake Sheets holds it. */
function entityUrl(r: Pick<InventoryRun, 'run'>, key: string): string | undefined {
  const ex = r.run.gas.spreadsheet.exportSheet('Exceptions')!;
  const header = ex.values[0] as string[];
  const row = (ex.values as string[][]).findIndex((x) => x[header.indexOf('Key')] === key) + 1;
  if (row < 2) throw new Error(`no Exceptions row ${key}`);
  const column = header.indexOf('Entity') + 1;
  return ex.links.find((l) => l.row === row && l.column === column)?.url;
}

// ShipBob's web app opens an order at #/orders/<shipment id> (src/core/web-links.ts cites the sources).
const shipmentPage = (shipmentId: number) => `https://web.shipbob.com/app/merchant/#/orders/${shipmentId}`;

describe('Exceptions: a ShipBob order links to its page in ShipBob', () => {
  it('ORDER_ORPHANED for a ShipBob order the ledger does not know links to that order, and keeps the link on later runs that no longer see it', () => {
    const ref = '202-7777777-7777777';
    const r = new InventoryRun(world({ settings: { 'Push mode': 'dry-run', 'Order orphan threshold (minutes)': 30 }, threePlOrders: [{ reference: ref, items: [{ sku: 'SB-TEE-M', quantity: 1 }] }] }));
    r.run.gas.properties.document.data.set(THREEPL_KEYS.since, String(Date.parse('2026-11-02T08:00:00Z')));
    r.syncOrders();
    r.advance('40m');
    r.threePl('ship', { reference: ref });
    r.syncOrders();
    const key = `ORDER_ORPHANED:threepl:${ref}`;
    const shipment = shipBobOrder(r, ref).shipments[0]!.id;
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
    // Later runs no longer see the order change (the row stays open through keepOpen), and a stock
    // sync rewrites the tab in between: the link is still there.
    r.advance('1h');
    r.syncOrders();
    r.sync();
    r.advance('1h');
    r.syncOrders();
    expect(r.openExceptions('ORDER_ORPHANED').map((e) => e.Key)).toEqual([key]);
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
  });

  it('ORDER_STUCK for an order at ShipBob links to its shipment, looked up once, and keeps that link', () => {
    // Due to ship within the margin from the start: stuck as soon as it is sent.
    const r = new InventoryRun(world({ orders: [order(1, { latestShipDate: '2026-11-02T12:00:00Z' })] }));
    const lookups = () => r.run.threePl.counters.byOperation['get-order'] ?? 0;
    r.syncOrders();
    const key = `ORDER_STUCK:${id(1)}:ship`;
    const shipment = shipBobOrder(r, id(1)).shipments[0]!.id;
    // The run that sent it had not read ShipBob's order back: it asked ShipBob for it once.
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
    expect(lookups()).toBe(1);
    r.advance('5m');
    r.syncOrders();
    r.sync();
    r.advance('5m');
    r.syncOrders();
    expect(r.openExceptions('ORDER_STUCK').map((e) => e.Key)).toEqual([key]);
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
    // Known from then on: no second lookup.
    expect(lookups()).toBe(1);
  });

  it('ORDER_STUCK for an order Amazon cancelled after ShipBob shipped it links to the shipment that went', () => {
    const r = new InventoryRun(world({ orders: [order(2, { items: [{ sku: 'MUG-1', quantity: 1 }] })] }));
    r.syncOrders();
    r.threePl('ship', { reference: id(2) });
    r.amazon('cancelOrder', { orderId: id(2) });
    r.advance('5m');
    r.syncOrders();
    const key = `ORDER_STUCK:${id(2)}:cancelled-after-shipping`;
    const shipped = shipBobOrder(r, id(2)).shipments.find((s) => s.status !== 'Cancelled')!.id;
    expect(entityUrl(r, key)).toBe(shipmentPage(shipped));
    r.advance('5m');
    r.syncOrders();
    expect(entityUrl(r, key)).toBe(shipmentPage(shipped));
  });

  it("a ShipBob product problem still links to ShipBob's Inventory list (no public source gives a product page's address)", () => {
    const r = new InventoryRun(world({ extraThreePl: [{ sku: 'SB-LOOSE', onHand: 4 }] }));
    r.sync();
    expect(entityUrl(r, 'UNMAPPED_SKU:3PL:SB-LOOSE')).toBe('https://web.shipbob.com/app/merchant/#/inventory');
  });
});

describe('Inventory: product titles from ShipBob where Amazon gives none', () => {
  it("shows ShipBob's name for an offer Amazon does not list, and Amazon's title where Amazon gives one", () => {
    const r = new InventoryRun(world({ offers: [{ sku: 'TEE-M', onHand: 30 }, { sku: 'NEW-1', onHand: 5, listed: false }] }));
    r.sync();
    // The builder names each ShipBob product "Product <3PL SKU>" (Inventory.InventoryQuantityFcResponse.name,
    // openapi-2026-01.json); the Amazon simulator titles a listing by its SKU when the scenario gives none.
    expect(r.inventoryRow('NEW-1')!['Product Title']).toBe('Product SB-NEW-1');
    expect(r.inventoryRow('TEE-M')!['Product Title']).toBe('TEE-M');
  });
});

describe('Exceptions: a removal links to its receiving order in ShipBob', () => {
  it('REMOVAL_DISCREPANCY links to the WRO summary ShipBob e-mails link to, and keeps it on the next run', () => {
    const r = new RemovalsRun(
      removalWorld([
        {
          orderId: 'RMV-003',
          lines: [{ requested: 5 }],
          shipments: [
            { shipmentDate: '2026-11-01T10:00:00Z', quantity: 3, trackingNumber: 'RM100000001GB' },
            { shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: 'RM100000002GB' },
          ],
        },
      ]),
    );
    r.syncRemovals();
    r.threePl('receive', { reference: 'RMV-003', lines: [{ sku: 'SB-TEE-M', quantity: 3 }] });
    r.advance('3h');
    r.syncRemovals();
    const wro = r.wrosFor('RMV-003')[0]!.id;
    const key = `REMOVAL_DISCREPANCY:RMV-003:${FBA_SKU}`;
    // ShipBob's "Your WRO … is now complete" e-mail links to …/#/inventory/receiving/<WRO id>/summary.
    expect(entityUrl(r, key)).toBe(`https://web.shipbob.com/app/merchant/#/inventory/receiving/${wro}/summary`);
    r.advance('1h');
    r.syncRemovals();
    expect(entityUrl(r, key)).toBe(`https://web.shipbob.com/app/merchant/#/inventory/receiving/${wro}/summary`);
  });
});

describe('Exceptions: a charge links to the ShipBob shipment it pays for', () => {
  it('CHARGE_DUPLICATE (a label billed twice) links to the shipment page', () => {
    const r = new ChargesRun();
    r.orders();
    r.advance('2h');
    r.orders();
    r.threePl('receive', { reference: REMOVAL });
    // ShipBob bills the label of order A a second time.
    r.threePl('charge', { fee: 'Shipping', amount: 3.65, reference: ORDER_A });
    r.advance('1d');
    r.charges();
    const [dup] = r.openExceptions('CHARGE_DUPLICATE');
    expect(entityUrl(r, dup!['Key'])).toBe(shipmentPage(Number(r.shipmentOf(ORDER_A))));
  });
});

describe('Exceptions: an FBA shipment sent from ShipBob links to its ShipBob shipment', () => {
  it('FBA_SHIPMENT_STUCK, raised days after the order was last read, links to the shipment, looked up once', () => {
    const r = shippedFbaRun({ 'FBA stuck after (days)': 3 });
    const lookups = () => r.run.threePl.counters.byOperation['get-order'] ?? 0;
    const before = lookups();
    r.advance('4d');
    r.syncFba();
    const key = 'FBA_SHIPMENT_STUCK:FBA15AAAA001';
    const shipment = shipBobOrder(r, 'FBA15AAAA001').shipments[0]!.id;
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
    r.advance('1h');
    r.syncFba();
    expect(entityUrl(r, key)).toBe(shipmentPage(shipment));
    expect(lookups() - before).toBe(1);
  });
});
