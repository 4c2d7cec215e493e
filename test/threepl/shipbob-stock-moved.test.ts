// ShipBob's answer to "did anything move the stock since?" (src/threepl/shipbob/stock-moved.ts)
// against the simulator: orders of any channel, products updated, each centre's inventory history;
// one record asked for each; an account-specific key; errors thrown, never read as "nothing moved".

import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/threepl/types';
import { intercept, mfnOrder, rig } from './harness';

const since = (r: ReturnType<typeof rig>) => new Date(r.clock.now()).toISOString();

describe('ShipBob: what moved since', () => {
  it('says nothing moved when nothing did, asking each centre once and one record of each list', () => {
    const r = rig();
    r.clock.advance(3600_000);
    const t = since(r);
    r.clock.advance(3600_000);
    const asked = r.clock.now();
    expect(r.adapter.stockMoves!.since(t, ['10', '11'])).toBeNull();
    expect(r.count('POST', '/inventory/history:query')).toBe(2);
    const history = r.calls.filter((c) => c.url.includes('history:query')).map((c) => JSON.parse(c.body as string) as Record<string, unknown>);
    expect(history.map((h) => [h.facility_id, h.start_date])).toEqual([[10, t], [11, t]]);
    // An end is always given, past now: "defaults to current date" might mean today's midnight.
    for (const h of history) expect(Date.parse(h.end_date as string)).toBeGreaterThan(asked + 30 * 60_000);
    const orders = r.calls.find((c) => new URL(c.url).pathname.endsWith('/order'))!;
    expect(new URL(orders.url).searchParams.get('Limit')).toBe('1');
    // Any channel's orders take stock: the read carries no channel header.
    expect(orders.headers['shipbob_channel_id']).toBeUndefined();
  });

  it('sees an order from another channel, a stock adjustment at one centre, and a deactivated product', () => {
    const r = rig({ seed: { channels: [{ id: 100001, name: 'FBA 3PL Sync' }] } });
    r.clock.advance(3600_000);
    let t = since(r);
    r.sim.act({ action: 'placeOrder', reference: 'WEB-1', lines: [{ sku: 'TEE-L', quantity: 2 }] });
    expect(r.adapter.stockMoves!.since(t, ['10', '11'])).toMatch(/^ShipBob order \d+ was placed or changed$/);
    r.clock.advance(3600_000);
    t = since(r);
    r.sim.act({ action: 'setStock', sku: 'TEE-M', location: 11, onHand: 1 });
    expect(r.adapter.stockMoves!.since(t, ['10'])).toBeNull();
    expect(r.adapter.stockMoves!.since(t, ['10', '11'])).toBe('ShipBob logged InventoryAdjusted at fulfilment centre 11');
    r.clock.advance(3600_000);
    t = since(r);
    r.sim.act({ action: 'setActive', sku: 'MUG', active: false });
    expect(r.adapter.stockMoves!.since(t, ['10', '11'])).toMatch(/^ShipBob product \d+ was changed$/);
  });

  it('counts an order this add-on sent as a move even while ShipBob does not list it yet', () => {
    const r = rig();
    r.clock.advance(3600_000);
    const before = since(r);
    r.clock.advance(60_000);
    // ShipBob's order list lags the create it answered.
    intercept(r, (req, next) => (req.method === 'GET' && new URL(req.url).pathname.endsWith('/order') ? { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' } : next(req)));
    expect(r.adapter.createOutboundOrder(mfnOrder('202-0000000-0000001')).status).toBe('created');
    // Recorded at most once a minute: a run sending many orders does not write a property for each.
    const key = [...r.store.data.keys()].find((k) => k.startsWith('threepl.shipbob.orderSentAt.'))!;
    const at = r.store.data.get(key);
    r.adapter.createOutboundOrder(mfnOrder('202-0000000-0000002'));
    expect(r.store.data.get(key)).toBe(at);
    expect(r.adapter.stockMoves!.since(before, ['10', '11'])).toBe('an order was sent to ShipBob by this add-on');
    // From an execution later, as the stock sync would ask: the time is kept in document properties.
    expect(r.newAdapter().stockMoves!.since(before, ['10', '11'])).toBe('an order was sent to ShipBob by this add-on');
    r.clock.advance(60_000);
    expect(r.newAdapter().stockMoves!.since(since(r), ['10', '11'])).toBeNull();
  });

  it('throws on an answer it cannot read, and names a centre that is no ShipBob location', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'query-inventory-history', kind: 'malformed', times: 10 }] });
    const t = since(r);
    expect(() => r.adapter.stockMoves!.since(t, ['10'])).toThrow(AdapterError);
    expect(r.adapter.stockMoves!.since(t, ['*'])).toBe('fulfilment centre "*" has no ShipBob location id');
  });

  it('asks once: a timeout is not waited out again (the full read that follows needs the time)', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'query-inventory-history', kind: 'timeout', times: 10 }] });
    const t = since(r);
    const started = r.clock.now();
    expect(() => r.adapter.stockMoves!.since(t, ['10'])).toThrow(/did not answer|no answer|timed out/i);
    expect(r.count('POST', '/inventory/history:query')).toBe(1);
    expect(r.clock.now() - started).toBeLessThan(2 * 60_000);
  });

  it('is keyed to the token, host and API version', () => {
    const r = rig();
    const other = rig({ apiVersion: '2026-07' });
    expect(r.adapter.stockMoves!.account).toMatch(/^shipbob:[a-z0-9]+:production:2026-01$/);
    expect(other.adapter.stockMoves!.account).not.toBe(r.adapter.stockMoves!.account);
    expect(r.adapter.stockMoves!.account).not.toContain('pat-test-token');
  });
});
