// The read-back with the merchant orders placed or cancelled since the push. Amazon takes the units
// of every merchant order off the FBM quantity when it is placed, PENDING included (Seller Central
// help G40571 "Pending orders", https://sellercentral.amazon.com/gp/help/external/G40571), and puts
// them back on a cancellation unless the seller cancelled for "No Inventory" (Amazon Seller Support
// blog, http://www.amazonsellersupportblog.com/2011/03/reason-for-cancellation-inside-cancelling-an-order.html):
// a sale since the push is never a push Amazon did not apply, nor drift.

import { describe, expect, it } from 'vitest';
import { classifyReadback } from '../../src/core/inventory/readback';
import type { OrderedLine } from '../../src/core/inventory/types';
import { invRow } from './inventory-fixtures';

const NOW = Date.UTC(2026, 10, 2, 8);
const MIN = 60_000;
const PUSHED_AT = NOW - 30 * MIN;

const line = (over: Partial<OrderedLine> = {}): OrderedLine => ({ sellerSku: 'S', quantity: 1, shipped: 0, createdAt: PUSHED_AT + 5 * MIN, cancelledAt: null, ...over });

/** One accepted push of `pushed` (Amazon had `previous` before it), read back with Amazon at `amazon`. */
function readAccepted(pushed: number, previous: number | null, amazon: number, orders?: OrderedLine[]) {
  return classifyReadback({
    rows: [invRow({ sellerSku: 'S', lastPushedQty: pushed, previousQty: previous, pushState: 'accepted' })],
    amazonQty: new Map([['S', amazon]]),
    pushedAt: PUSHED_AT,
    now: NOW,
    ...(orders ? { orders } : {}),
  });
}

describe('read-back of an accepted push with orders since', () => {
  it('pushed − ordered is applied; without the orders it was reported as not applied', () => {
    // 4 before, 5 pushed, 2 sold since: Amazon shows 3.
    const orders = [line({ quantity: 2 }), line({ sellerSku: 'OTHER', quantity: 5 })];
    const r = readAccepted(5, 4, 3, orders);
    expect(r.rows[0]!.pushState).toBe('applied');
    expect([r.applied, r.notApplied, r.exceptions.length]).toEqual([1, 0, 0]);
    // The same reading without order data: no more than the old quantity after an increase is a lost push.
    expect(readAccepted(5, 4, 3).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
  });

  it('an order placed before Amazon applied the push is swallowed by it: the pushed quantity is applied too', () => {
    expect(readAccepted(10, 4, 10, [line({ quantity: 2 })]).rows[0]!.pushState).toBe('applied');
    expect(readAccepted(10, 4, 9, [line({ quantity: 1 }), line({ quantity: 1 })]).rows[0]!.pushState).toBe('applied');
  });

  it('a PENDING order counts like any other: only its creation time matters', () => {
    // The read hands PENDING, UNSHIPPED and PARTIALLY_SHIPPED lines alike (core/orders/stock.ts, from the Orders ledger).
    expect(readAccepted(6, 2, 3, [line({ quantity: 3, createdAt: NOW - MIN })]).rows[0]!.pushState).toBe('applied');
  });

  it('orders placed before the push or after the read are not counted', () => {
    const before = line({ quantity: 2, createdAt: PUSHED_AT - MIN });
    const after = line({ quantity: 2, createdAt: NOW + MIN });
    const r = readAccepted(5, 4, 3, [before, after]);
    expect(r.exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
    expect(r.exceptions[0]!.message).toContain('still shows 3');
  });

  it('Amazon above the pushed quantity is still a push not applied, and the message names the orders', () => {
    // Pushed down from 9 to 5; Amazon kept 9 and sold one: 8.
    const r = readAccepted(5, 9, 8, [line({ quantity: 1 })]);
    expect(r.rows[0]!.pushState).toBe('accepted but not applied');
    expect(r.exceptions[0]).toMatchObject({ key: 'STOCK_PUSH_NOT_APPLIED:UK:S', type: 'STOCK_PUSH_NOT_APPLIED' });
    expect(r.exceptions[0]!.message).toContain('accepted quantity 5');
    expect(r.exceptions[0]!.message).toContain('1 unit(s) ordered since');
  });

  it('an increase Amazon never applied stays not applied, however many orders came since', () => {
    // 1 before, 5 pushed, one sale since: Amazon shows 0, the old quantity less the sale.
    expect(readAccepted(5, 1, 0, [line({ quantity: 1 })]).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
  });

  it('fewer than pushed − ordered after a decrease is sales the read cannot see yet, not a lost push', () => {
    // searchOrders shows orders only two minutes after they are placed (sp-api.md §2.1).
    expect(readAccepted(5, 8, 4, []).rows[0]!.pushState).toBe('applied');
  });

  it('after an increase, between the old and the pushed quantity less the orders: waits while orders may be unseen', () => {
    // 2 before, 10 pushed, 1 sold seen, Amazon 7: the push applied and 2 sold in Amazon's last two
    // minutes, or it did not apply and something else set 7. The next run sees those orders.
    const read = (pushedAt: number, seenUntil: number) =>
      classifyReadback({
        rows: [invRow({ sellerSku: 'S', lastPushedQty: 10, previousQty: 2, pushState: 'accepted' })],
        amazonQty: new Map([['S', 7]]),
        pushedAt,
        now: NOW,
        orders: [line({ quantity: 1, createdAt: pushedAt + MIN })],
        ordersSeenUntil: seenUntil,
      });
    const waiting = read(NOW - 20 * MIN, NOW - 3 * MIN);
    expect([waiting.rows[0]!.pushState, waiting.pending, waiting.exceptions.length]).toEqual(['accepted', 1, 0]);
    // Orders read up to the listings read (a report requested earlier): nothing unseen, a lost push.
    expect(read(NOW - 20 * MIN, NOW).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
    // Two settle times after the push, unseen orders would have shown: a lost push.
    expect(read(NOW - 30 * MIN, NOW - 3 * MIN).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
  });

  it('a cancellation since the push puts its unshipped units back on top of the pushed quantity', () => {
    const cancelled = line({ quantity: 3, shipped: 1, createdAt: PUSHED_AT - 60 * MIN, cancelledAt: PUSHED_AT + 10 * MIN });
    expect(readAccepted(5, 9, 7, [cancelled]).rows[0]!.pushState).toBe('applied');
    expect(readAccepted(5, 9, 8, [cancelled]).exceptions.map((e) => e.type)).toEqual(['STOCK_PUSH_NOT_APPLIED']);
  });
});

describe('drift with orders since the push', () => {
  const applied = (amazon: number, orders: OrderedLine[]) =>
    classifyReadback({
      rows: [invRow({ sellerSku: 'S', lastPushedQty: 10, pushState: 'applied' })],
      amazonQty: new Map([['S', amazon]]),
      pushedAt: PUSHED_AT,
      now: NOW,
      orders,
    });
  const sale = line({ quantity: 3, createdAt: PUSHED_AT + 20 * MIN });

  it('pushed − ordered is no drift; more than that is, and the message says what the orders account for', () => {
    expect(applied(7, [sale]).exceptions).toEqual([]);
    const r = applied(9, [sale]);
    expect(r.exceptions.map((e) => e.key)).toEqual(['INVENTORY_DRIFT:UK:S']);
    expect(r.exceptions[0]!.message).toContain('Amazon shows 9');
    expect(r.exceptions[0]!.message).toContain('orders since account for 7');
    expect(r.drifted).toBe(1);
  });

  it('less than pushed − ordered is never drift: nothing is offered that the 3PL lacks', () => {
    expect(applied(2, [sale]).exceptions).toEqual([]);
  });

  it('an order placed while the push was settling may have been swallowed by it: not counted against Amazon', () => {
    expect(applied(10, [line({ quantity: 3, createdAt: PUSHED_AT + 5 * MIN })]).exceptions).toEqual([]);
  });

  it('a cancellation since the push may raise Amazon above the pushed quantity', () => {
    const cancelled = line({ quantity: 2, createdAt: PUSHED_AT - 60 * MIN, cancelledAt: PUSHED_AT + 20 * MIN });
    expect(applied(12, [cancelled]).exceptions).toEqual([]);
    expect(applied(13, [cancelled]).exceptions.map((e) => e.type)).toEqual(['INVENTORY_DRIFT']);
  });

  it('an order placed and cancelled since the push took nothing off in the end: not a sale', () => {
    const placedAndCancelled = line({ quantity: 2, createdAt: PUSHED_AT + 20 * MIN, cancelledAt: NOW - MIN });
    expect(applied(10, [placedAndCancelled]).exceptions).toEqual([]);
    expect(applied(8, [placedAndCancelled]).exceptions).toEqual([]);
  });
});
