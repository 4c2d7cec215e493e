// The orders flow's pure rules: the ledger's text forms and merges, SKU Map line mapping and holds,
// the Carrier Map, which items a split shipment carries, the exceptions worked out from the ledger,
// and what the stock sync reads from the ledger.

import { describe, expect, it } from 'vitest';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { carrierMissing, findCarrier, readCarrierMap } from '../../src/core/orders/carrier-map';
import { orderAsksForAmazonItems, packageItems, packageReference } from '../../src/core/orders/confirm-items';
import { formatLines, mergeAmazon, newLedgerRow, parseLines, trimLedger } from '../../src/core/orders/ledger';
import { ledgerRowFromRecord, ledgerRowToRecord } from '../../src/core/orders/ledger-record';
import { mapLines } from '../../src/core/orders/lines';
import { ledgerExceptions } from '../../src/core/orders/rules';
import { exceptionLink } from '../../src/core/exceptions';
import { orderedFromLedger, unsentFromLedger, walkOrdersNow } from '../../src/core/orders/stock';
import type { AmazonOrderView, LedgerRow } from '../../src/core/orders/types';
import { mapRow } from './inventory-fixtures';

const T0 = Date.parse('2026-11-02T08:00:00Z');
const MIN = 60_000;

function order(over: Partial<AmazonOrderView> = {}): AmazonOrderView {
  return {
    orderId: '202-1000001-0000001',
    marketplace: 'UK',
    purchaseDate: T0 - 10 * MIN,
    lastUpdated: T0 - 5 * MIN,
    latestShipDate: T0 + 48 * 60 * MIN,
    status: 'UNSHIPPED',
    fulfilledBy: 'MERCHANT',
    serviceLevel: 'STANDARD',
    items: [
      { orderItemId: '11', sku: 'TEE-M', quantity: 2, shipped: 0, unshipped: 2 },
      { orderItemId: '12', sku: 'MUG-1', quantity: 1, shipped: 0, unshipped: 1 },
    ],
    packages: [],
    ...over,
  };
}

const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({ ...newLedgerRow(order())!, ...over });
const settings = { orderOrphanThresholdMinutes: 60, shipByMarginHours: 12, confirmTimeoutMinutes: 120 };

describe('ledger text and merges', () => {
  it('writes one "SKU × qty" per line and reads it back, also typed with x or *', () => {
    expect(formatLines([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG 1', quantity: 1 }])).toBe('TEE-M × 2\nMUG 1 × 1');
    expect(parseLines('TEE-M × 2\nMUG 1 x 1\n00123*3\nrubbish')).toEqual([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG 1', quantity: 1 }, { sku: '00123', quantity: 3 }]);
  });

  it('takes in open merchant orders only: never FBA, never one already cancelled or shipped', () => {
    expect(newLedgerRow(order())).toMatchObject({ state: 'ready', amazonStatus: 'UNSHIPPED', lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG-1', quantity: 1 }] });
    expect(newLedgerRow(order({ status: 'PENDING' }))).toMatchObject({ state: 'pending' });
    expect(newLedgerRow(order({ fulfilledBy: 'AMAZON' }))).toBeNull();
    expect(newLedgerRow(order({ status: 'CANCELLED' }))).toBeNull();
    expect(newLedgerRow(order({ status: 'SHIPPED' }))).toBeNull();
  });

  it('a paid PENDING order becomes ready; a cancellation before sending closes it; one at the 3PL is left for the job', () => {
    expect(mergeAmazon(row({ state: 'pending' }), order())).toMatchObject({ state: 'ready' });
    expect(mergeAmazon(row({ state: 'held' }), order({ status: 'CANCELLED' }))).toMatchObject({ state: 'cancelled', amazonStatus: 'CANCELLED' });
    expect(mergeAmazon(row({ state: 'sent', threePlOrderId: '9' }), order({ status: 'CANCELLED' }))).toMatchObject({ state: 'sent', amazonStatus: 'CANCELLED' });
    expect(mergeAmazon(row({ state: 'shipped' }), order({ status: 'SHIPPED' }))).toMatchObject({ state: 'confirmed' });
  });

  it('an order first seen partly shipped sends only what Amazon still waits for', () => {
    const partly = order({ status: 'PARTIALLY_SHIPPED', items: [{ orderItemId: '11', sku: 'TEE-M', quantity: 3, shipped: 1, unshipped: 2 }, { orderItemId: '12', sku: 'MUG-1', quantity: 1, shipped: 1, unshipped: 0 }] });
    expect(newLedgerRow(partly)!.lines).toEqual([{ sku: 'TEE-M', quantity: 2 }]);
  });

  it('keeps the lines that were sent once the order is at the 3PL', () => {
    const sent = row({ state: 'sent', lines: [{ sku: 'TEE-M', quantity: 2 }] });
    expect(mergeAmazon(sent, order()).lines).toEqual([{ sku: 'TEE-M', quantity: 2 }]);
  });

  it('trims finished rows past the retention and keeps open ones however old', () => {
    const old = T0 - 100 * 24 * 60 * MIN;
    const rows = [row({ orderId: 'a', state: 'confirmed', confirmedAt: old }), row({ orderId: 'b', state: 'held', purchaseDate: old }), row({ orderId: 'c', state: 'confirmed', confirmedAt: T0 })];
    expect(trimLedger(rows, T0, 90).map((r) => r.orderId)).toEqual(['b', 'c']);
  });

  it('round-trips a row through the Orders tab record, and an overtyped State never reads as ready when a 3PL id exists', () => {
    const r = row({ tracking: ['T1', 'T2'], shippedAt: T0, state: 'shipped', threePlOrderId: '77' });
    expect(ledgerRowFromRecord(ledgerRowToRecord(r))).toEqual(r);
    const rec = { ...ledgerRowToRecord(r), State: 'whatever' };
    expect(ledgerRowFromRecord(rec)!.state).toBe('sent');
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord(row()), State: 'READY' })!.state).toBe('ready');
  });

  it('uses a typed State only when the row agrees; otherwise works on the facts and says so in the Note', () => {
    const sent = row({ threePlOrderId: '77', state: 'sent', amazonStatus: 'UNSHIPPED' });
    // "shipped" needs a recorded shipment (Tracking or Shipped At), which this row has not.
    for (const typed of ['confirmed', 'cancelled', 'cancel-too-late', 'ready', 'pending', 'shipped']) {
      const read = ledgerRowFromRecord({ ...ledgerRowToRecord(sent), State: typed })!;
      expect(read.state).toBe('sent');
      expect(read.note).toMatch(new RegExp(`^Edit not used: the State cell of order .* was changed to "${typed}"`));
    }
    // "sent" with no 3PL order: looked up at the 3PL before any send, never taken as there.
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord(row({ state: 'held' })), State: 'sent' })!.state).toBe('sending');
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord(sent), State: 'shipped' })!.note).toMatch(/no Tracking and no Shipped At/);
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord({ ...sent, tracking: ['T1'] }), State: 'shipped' })).toMatchObject({ state: 'shipped', note: '' });
    // What the row proves is kept as typed: Amazon shipped it (and the 3PL shipment is recorded), Amazon cancelled it.
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord({ ...sent, amazonStatus: 'SHIPPED', tracking: ['T1'] }), State: 'confirmed' })).toMatchObject({ state: 'confirmed', note: '' });
    // "confirmed" on an order at the 3PL with no shipment recorded (Amazon Status SHIPPED typed too): followed as sent.
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord({ ...sent, amazonStatus: 'SHIPPED' }), State: 'confirmed' })!).toMatchObject({ state: 'sent', note: expect.stringMatching(/no Tracking and no Shipped At/) });
    expect(ledgerRowFromRecord({ ...ledgerRowToRecord({ ...sent, amazonStatus: 'CANCELLED' }), State: 'cancelled' })!.state).toBe('cancelled');
    expect(ledgerExceptions([ledgerRowFromRecord({ ...ledgerRowToRecord(sent), State: 'confirmed' })!], T0, settings).map((e) => e.key)).toContain('ORDER_EDIT_INVALID:' + sent.orderId + ':state');
  });
});

describe('lines through the SKU Map', () => {
  const map = validateSkuMap(
    [
      mapRow({ 'Seller SKU': 'TEE-M', '3PL SKU': 'SB-TEE-M' }),
      mapRow({ 'Seller SKU': 'OLD-1', '3PL SKU': 'SB-OLD', Active: false }),
      mapRow({ 'Seller SKU': 'FBA-1', Channel: 'FBA', '3PL SKU': '' }),
      mapRow({ 'Seller SKU': 'BAD-1', '3PL SKU': '' }),
    ],
    { defaultMarketplace: 'UK' },
  );

  it('maps Amazon SKUs to 3PL SKUs with the quantities unchanged', () => {
    expect(mapLines([{ sku: 'TEE-M', quantity: 3 }], 'UK', map)).toEqual({ ok: true, lines: [{ sellerSku: 'TEE-M', threePlSku: 'SB-TEE-M', quantity: 3 }] });
  });

  it.each([
    ['NEW-1', /NEW-1 is not in the SKU Map for UK/],
    ['OLD-1', /OLD-1's SKU Map row \(row 3\) is not active/],
    ['FBA-1', /FBA-1 is mapped only as an FBA offer/],
    ['BAD-1', /BAD-1's SKU Map row \(row 5\) cannot be used/],
  ])('holds the whole order when a line is %s, naming it', (sku, why) => {
    const m = mapLines([{ sku: 'TEE-M', quantity: 1 }, { sku, quantity: 1 }], 'UK', map);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reasons.join(' ')).toMatch(why);
  });

  it('a SKU mapped in another marketplace only is unmapped here', () => {
    expect(mapLines([{ sku: 'TEE-M', quantity: 1 }], 'DE', map).ok).toBe(false);
  });
});

describe('Carrier Map', () => {
  const map = readCarrierMap([
    { '3PL Carrier': 'Royal Mail', '3PL Service': 'Tracked 24', 'Carrier Code': 'Royal Mail', 'Carrier Name': '', 'Shipping Method': 'Tracked 24' },
    { '3PL Carrier': 'royal mail', '3PL Service': '', 'Carrier Code': 'Royal Mail', 'Carrier Name': '', 'Shipping Method': '' },
    { '3PL Carrier': 'Hermes', '3PL Service': '', 'Carrier Code': 'other', 'Carrier Name': 'Evri (Hermes)', 'Shipping Method': '' },
    { '3PL Carrier': 'Yodel', '3PL Service': '', 'Carrier Code': 'Other', 'Carrier Name': '', 'Shipping Method': '' },
    { '3PL Carrier': 'DPD', '3PL Service': '', 'Carrier Code': '', 'Carrier Name': '', 'Shipping Method': '' },
    { '3PL Carrier': '', '3PL Service': '', 'Carrier Code': '', 'Carrier Name': '', 'Shipping Method': '' },
  ]);

  it('matches the exact service first, then the carrier catch-all, ignoring case and spaces', () => {
    expect(findCarrier(map, 'Royal Mail', 'Tracked 24')?.sheetRow).toBe(2);
    expect(findCarrier(map, 'ROYAL  MAIL', 'Tracked 48')?.sheetRow).toBe(3);
    expect(findCarrier(map, 'Hermes', 'x')).toMatchObject({ carrierCode: 'Other', carrierName: 'Evri (Hermes)' });
    expect(findCarrier(map, 'UPS', '')).toBeNull();
  });

  it('reports unusable rows naming the row and column; their carrier finds them marked unusable (shipments wait)', () => {
    expect(map.problems.map((p) => p.entity)).toEqual(['Carrier Map row 5', 'Carrier Map row 6']);
    expect(map.problems[0]!.message).toMatch(/column "Carrier Name"/);
    expect(map.problems[1]!.message).toMatch(/column "Carrier Code"/);
    expect(findCarrier(map, 'Yodel', '')?.unusable).toBe('column "Carrier Name"');
    expect(carrierMissing('UPS', 'Express', '202-1').message).toMatch(/3PL Carrier "UPS", 3PL Service "Express"/);
  });
});

describe('split shipments: each package carries its own items', () => {
  const items = [
    { orderItemId: '11', sku: 'TEE-M', quantity: 2, shipped: 0, unshipped: 2 },
    { orderItemId: '12', sku: 'MUG-1', quantity: 1, shipped: 0, unshipped: 1 },
  ];
  const sku = (s: string) => ({ 'TEE-M': 'SB-TEE', 'MUG-1': 'SB-MUG' })[s] ?? null;

  it('matches 3PL lines to Amazon items through the 3PL SKU, never beyond what is unshipped', () => {
    expect(packageItems(items, [{ sku: 'SB-TEE', quantity: 1 }], sku, false)).toEqual([{ orderItemId: '11', quantity: 1 }]);
    expect(packageItems([{ ...items[0]!, shipped: 1 }, items[1]!], [{ sku: 'SB-TEE', quantity: 1 }, { sku: 'SB-MUG', quantity: 1 }], sku, true)).toEqual([
      { orderItemId: '11', quantity: 1 },
      { orderItemId: '12', quantity: 1 },
    ]);
  });

  it('without line detail, only the last shipment may take everything left', () => {
    expect(packageItems(items, [], sku, false)).toBeNull();
    expect(packageItems(items, [], sku, true)).toEqual([{ orderItemId: '11', quantity: 2 }, { orderItemId: '12', quantity: 1 }]);
    expect(packageItems(items, [{ sku: 'SB-OTHER', quantity: 1 }], sku, false)).toBeNull();
  });

  it('confirms an unmatched last shipment as everything left only when the 3PL order asks for Amazon\'s goods', () => {
    // A bundle shipped as its components: the order asked for the mapped SKUs.
    expect(orderAsksForAmazonItems(items, [{ sku: 'SB-TEE', quantity: 2 }, { sku: 'SB-MUG', quantity: 1 }], sku)).toBe(true);
    expect(orderAsksForAmazonItems(items, [], sku)).toBe(true);
    // An order whose lines someone changed (20 tees for a cap) must never tell Amazon the buyer's items shipped.
    expect(orderAsksForAmazonItems(items, [{ sku: 'SB-TEE', quantity: 20 }], sku)).toBe(false);
    expect(orderAsksForAmazonItems(items, [{ sku: 'SB-CAP', quantity: 1 }], sku)).toBe(false);
  });

  it('a package reference is numeric and the same for the same shipment', () => {
    expect(packageReference('200003')).toBe('200003');
    expect(packageReference('ab-7')).toMatch(/^[1-9]\d+$/);
    expect(packageReference('ab-7')).toBe(packageReference('ab-7'));
    expect(packageReference('ab-7')).not.toBe(packageReference('ab-8'));
  });
});

describe('exceptions from the ledger', () => {
  const types = (rows: LedgerRow[], now = T0) => ledgerExceptions(rows, now, settings).map((e) => e.key);

  it('held and unknown orders each raise their own row', () => {
    expect(types([row({ state: 'held', note: 'X is not in the SKU Map.' }), row({ orderId: 'b', state: 'unknown' })])).toEqual(['ORDER_HELD:202-1000001-0000001', 'ORDER_OUTCOME_UNKNOWN:b']);
  });

  it('ORDER_ORPHANED only after the threshold, and not for pending or held orders', () => {
    expect(types([row()], T0)).toEqual([]);
    expect(types([row()], T0 + 61 * MIN)).toEqual(['ORDER_ORPHANED:202-1000001-0000001']);
    expect(types([row({ state: 'pending', amazonStatus: 'PENDING' })], T0 + 600 * MIN)).toEqual([]);
    expect(types([row({ state: 'sent' })], T0 + 61 * MIN)).toEqual([]);
  });

  it('ORDER_ORPHANED points at runs that failed or left orders for the next run (a silent 3PL makes a run partial, not failed)', () => {
    const [orphan] = ledgerExceptions([row()], T0 + 61 * MIN, settings).filter((e) => e.type === 'ORDER_ORPHANED');
    expect(orphan!.message).toMatch(/check the Sync Log for orders runs that failed or left orders for the next run\.$/);
  });

  it('ORDER_STUCK within the ship-by margin while unshipped, and when shipped but unconfirmed past the timeout', () => {
    const r = row({ state: 'sent', latestShipDate: T0 + 11 * 60 * MIN });
    expect(types([r])).toEqual(['ORDER_STUCK:202-1000001-0000001:ship']);
    expect(types([row({ state: 'sent', latestShipDate: T0 + 13 * 60 * MIN })])).toEqual([]);
    expect(types([row({ state: 'shipped', shippedAt: T0 - 121 * MIN })])).toEqual(['ORDER_STUCK:202-1000001-0000001:confirm']);
    expect(types([row({ state: 'shipped', shippedAt: T0 - 60 * MIN })])).toEqual([]);
    expect(types([row({ state: 'cancel-too-late', amazonStatus: 'CANCELLED' })])).toEqual(['ORDER_STUCK:202-1000001-0000001:cancelled-after-shipping']);
  });

  it('never quotes anything but order ids, SKUs and statuses', () => {
    const all = ledgerExceptions([row({ state: 'held', note: 'CAP-9 is not in the SKU Map.' })], T0 + 1000 * MIN, settings);
    for (const e of all) expect(e.message).not.toMatch(/Buyer|Street|@/);
  });
});

describe('what the stock sync reads from the ledger', () => {
  it('counts units of open orders the 3PL does not hold yet, pending included', () => {
    const rows = [
      row({ orderId: 'a' }),
      row({ orderId: 'b', state: 'pending', amazonStatus: 'PENDING' }),
      row({ orderId: 'c', state: 'sent' }),
      row({ orderId: 'd', state: 'held' }),
      row({ orderId: 'e', state: 'cancelled', amazonStatus: 'CANCELLED' }),
      row({ orderId: 'f', marketplace: 'DE' }),
    ];
    const u = unsentFromLedger(rows, 'UK');
    expect(u.orders).toBe(3);
    expect(u.lines.filter((l) => l.sellerSku === 'TEE-M').reduce((n, l) => n + l.quantity, 0)).toBe(6);
  });

  it('after a stock read over several runs, also counts orders the pages read first could not show: unsent as it began, or not seen by the ledger then', () => {
    const began = T0 - 30 * MIN;
    const rows = [
      // Unsent when the read began, sent since: pages read before then do not show it committed.
      row({ orderId: 'sent-since', state: 'sent', purchaseDate: T0 - 3 * 60 * MIN }),
      // Placed after the ledger's last read before the walk, sent since.
      row({ orderId: 'new', state: 'sent', purchaseDate: T0 - 5 * MIN }),
      // Shipped before the read began: its units had left on-hand already.
      row({ orderId: 'old', state: 'shipped', amazonStatus: 'SHIPPED', purchaseDate: T0 - 5 * MIN, shippedAt: began - MIN }),
      row({ orderId: 'gone', state: 'cancelled', amazonStatus: 'CANCELLED' }),
      row({ orderId: 'known-sent', state: 'sent', purchaseDate: T0 - 3 * 60 * MIN }),
    ];
    const walk = { orders: walkOrdersNow([row({ orderId: 'sent-since' }), row({ orderId: 'gone' })], 'UK', T0 - 20 * MIN), startedAt: began };
    expect(walk.orders.unsentIds).toEqual(['sent-since', 'gone']);
    expect(unsentFromLedger(rows, 'UK').orders).toBe(0);
    expect(unsentFromLedger(rows, 'UK', walk).orders).toBe(2);
  });

  it('gives the read-back each line with its order and cancellation times', () => {
    const lines = orderedFromLedger([row({ orderId: 'x', amazonStatus: 'CANCELLED', state: 'cancelled' })], 'UK', new Map([['x', T0]]));
    expect(lines[0]).toMatchObject({ sellerSku: 'TEE-M', quantity: 2, createdAt: T0 - 10 * MIN, cancelledAt: T0 });
    // A cancellation of unknown time nets out with the sale.
    expect(orderedFromLedger([row({ amazonStatus: 'CANCELLED' })], 'UK', new Map())[0]!.cancelledAt).toBe(T0 - 10 * MIN);
  });
});

describe('ORDER_HELD and ORDER_STUCK say what a person can do about this very hold', () => {
  const held = (note: string) => ledgerExceptions([row({ state: 'held', note })], T0, settings).find((e) => e.type === 'ORDER_HELD')!;

  it('a refusal by the 3PL asks for "ready" after the fix and never claims the next run sends it by itself', () => {
    const e = held('3PL refused the order: the address has no city. Correct the cause, then type "ready" in this row\'s State cell to send it again.');
    expect(e.message).not.toMatch(/next orders run sends it/);
    expect(e.action).toMatch(/type "ready" in the order's State cell/);
    expect(e.action).not.toMatch(/SKU Map/);
  });

  it('a SKU Map hold keeps the SKU Map action; Settings and role holds name their own place', () => {
    expect(held('TEE-M is not in the SKU Map for UK: add a row with its 3PL SKU.').action).toBeUndefined();
    expect(held('ShipBob does not ship DE orders (Settings "FBM marketplaces": UK), so this order was not sent.').action).toMatch(/Settings value/);
    expect(held('Amazon gave no shipping address for this order. The app needs the "Direct-to-Consumer Shipping" role in Seller Central.').action).toMatch(/role/);
  });

  it('an order cancelled after it shipped is not told to be cancelled on Amazon', () => {
    const [e] = ledgerExceptions([row({ state: 'cancel-too-late', amazonStatus: 'CANCELLED', threePlOrderId: '77' })], T0, settings).filter((x) => x.type === 'ORDER_STUCK');
    expect(e!.action).toMatch(/already cancelled on Amazon/);
  });
});

describe('ORDER_ORPHANED for a backlog', () => {
  it('names the 49 oldest orders and counts the rest in one row, with no order link', () => {
    const rows = Array.from({ length: 120 }, (_, i) => row({ orderId: `202-${String(2000000 + i)}-0000001`, state: 'ready', purchaseDate: T0 - (200 + i) * MIN }));
    const orphans = ledgerExceptions(rows, T0, settings).filter((e) => e.type === 'ORDER_ORPHANED');
    expect(orphans).toHaveLength(50);
    // Oldest first: the last row of the ledger was placed first.
    expect(orphans[0]!.key).toBe('ORDER_ORPHANED:202-2000119-0000001');
    expect(orphans.at(-1)).toMatchObject({ key: 'ORDER_ORPHANED:+more', entity: '71 more orders' });
    expect(exceptionLink('ORDER_ORPHANED:+more', 'UK')).toBeNull();
    expect(exceptionLink('ORDER_ORPHANED:ledger:202-2000119-0000001', 'UK')).toContain('202-2000119-0000001');
  });
});

describe('every per-order kind of a backlog is capped like ORDER_ORPHANED', () => {
  it('held, unknown, late and unconfirmed orders each name at most 50 and count the rest in one row', () => {
    const ids = (n: number, base: number) => Array.from({ length: n }, (_, i) => `202-${String(base + i)}-0000001`);
    const rows = [
      ...ids(70, 3000000).map((orderId, i) => row({ orderId, state: 'held', note: 'TEE-M is not in the SKU Map for UK: add a row with its 3PL SKU.', purchaseDate: T0 - (10 + i) * MIN })),
      ...ids(60, 4000000).map((orderId, i) => row({ orderId, state: 'unknown', purchaseDate: T0 - (10 + i) * MIN })),
      ...ids(55, 5000000).map((orderId, i) => row({ orderId, state: 'sent', latestShipDate: T0 + (60 - i) * MIN })),
      ...ids(80, 6000000).map((orderId, i) => row({ orderId, state: 'shipped', shippedAt: T0 - (300 + i) * MIN, tracking: ['RM1'] })),
    ];
    const raised = ledgerExceptions(rows, T0, settings);
    const of = (type: string, suffix = '') => raised.filter((e) => e.type === type && e.key.endsWith(suffix));
    expect(of('ORDER_HELD')).toHaveLength(50);
    expect(of('ORDER_HELD').at(-1)).toMatchObject({ key: 'ORDER_HELD:+more', entity: '21 more orders' });
    // The oldest held order is named first.
    expect(of('ORDER_HELD')[0]!.key).toBe('ORDER_HELD:202-3000069-0000001');
    expect(of('ORDER_OUTCOME_UNKNOWN')).toHaveLength(50);
    expect(of('ORDER_OUTCOME_UNKNOWN').at(-1)!.key).toBe('ORDER_OUTCOME_UNKNOWN:+more');
    expect(of('ORDER_STUCK', ':ship')).toHaveLength(50);
    // The most urgent first: the earliest latest ship date.
    expect(of('ORDER_STUCK', ':ship')[0]!.key).toBe('ORDER_STUCK:202-5000054-0000001:ship');
    expect(of('ORDER_STUCK', ':ship').at(-1)).toMatchObject({ key: 'ORDER_STUCK:+more:ship', entity: '6 more orders' });
    expect(of('ORDER_STUCK', ':confirm')).toHaveLength(50);
    expect(of('ORDER_STUCK', ':confirm').at(-1)).toMatchObject({ key: 'ORDER_STUCK:+more:confirm', entity: '31 more orders' });
    expect(exceptionLink('ORDER_STUCK:+more:confirm', 'UK')).toBeNull();
    expect(exceptionLink('ORDER_HELD:+more', 'UK')).toBeNull();
  });

  it('50 orders of a kind are all named, with no count row', () => {
    const rows = Array.from({ length: 50 }, (_, i) => row({ orderId: `202-${String(7000000 + i)}-0000001`, state: 'held', note: 'x' }));
    const held = ledgerExceptions(rows, T0, settings).filter((e) => e.type === 'ORDER_HELD');
    expect(held).toHaveLength(50);
    expect(held.some((e) => e.key.includes('+more'))).toBe(false);
  });
});

describe('a capped backlog keeps the orders it named', () => {
  const rows = Array.from({ length: 70 }, (_, i) => row({ orderId: `202-${String(8000000 + i)}-0000001`, state: 'held', note: 'x', purchaseDate: T0 - (100 - i) * MIN }));
  it('while its count row is shown, names only orders already shown, however old the others', () => {
    const shown = new Set(['ORDER_HELD:+more', 'ORDER_HELD:202-8000060-0000001', 'ORDER_HELD:202-8000065-0000001']);
    const held = ledgerExceptions(rows, T0, settings, shown).filter((e) => e.type === 'ORDER_HELD');
    expect(held.map((e) => e.key)).toEqual(['ORDER_HELD:202-8000060-0000001', 'ORDER_HELD:202-8000065-0000001', 'ORDER_HELD:+more']);
    expect(held.at(-1)!.entity).toBe('68 more orders');
  });
  it('without its count row shown (a new backlog), names the oldest', () => {
    const held = ledgerExceptions(rows, T0, settings, new Set(['ORDER_HELD:202-8000065-0000001'])).filter((e) => e.type === 'ORDER_HELD');
    expect(held[0]!.key).toBe('ORDER_HELD:202-8000000-0000001');
    expect(held).toHaveLength(50);
  });
});
