// Stock per SKU and location: fulfillable is what Amazon may get; orders commit it, shipments
// deduct it, world steps change it; SKUs ShipBob does not report are unknown, not zero.
import { describe, expect, it } from 'vitest';
import { mfnOrder, rig } from './harness';

const line = (lines: ReturnType<ReturnType<typeof rig>['adapter']['getStock']>, sku: string, wh: string) => lines.find((l) => l.sku === sku && l.warehouseId === wh);

describe('getStock', () => {
  it('returns per-location rows with ShipBob’s quantities', () => {
    const r = rig();
    const lines = r.adapter.getStock();
    expect(line(lines, 'TEE-M', '10')).toMatchObject({ onHand: 25, allocated: 3, available: 22, inbound: 0, inTransit: 0, unknown: false });
    expect(line(lines, 'TEE-M', '11')).toMatchObject({ onHand: 4, allocated: 0, available: 4, inbound: 6 });
    expect(line(lines, 'TEE-L', '10')).toMatchObject({ onHand: 10, available: 10 });
    expect(lines.every((l) => l.asOf === '2026-11-02T08:00:00.000Z')).toBe(true);
    // The totals endpoint (with total_sellable_quantity) is never read.
    expect(r.count('GET', '/inventory-level')).toBe(0);
  });

  it('marks requested SKUs ShipBob omits as unknown, and known-but-empty ones as zero', () => {
    const r = rig();
    const lines = r.adapter.getStock({ skus: ['TEE-M', 'MUG', 'NOPE'] });
    expect(lines.filter((l) => l.sku === 'TEE-M')).toHaveLength(2);
    expect(lines.find((l) => l.sku === 'MUG')).toMatchObject({ unknown: false, available: 0 });
    expect(lines.find((l) => l.sku === 'NOPE')).toMatchObject({ unknown: true, available: 0 });
  });

  it('asks ShipBob for one location when only one is wanted', () => {
    const r = rig();
    const lines = r.adapter.getStock({ warehouseIds: ['11'] });
    expect(new Set(lines.map((l) => l.warehouseId))).toEqual(new Set(['11']));
    expect(line(lines, 'TEE-M', '11')).toMatchObject({ onHand: 4, unknown: false });
    // Known SKUs with nothing at location 11 are a true zero there.
    expect(line(lines, 'TEE-L', '11')).toMatchObject({ onHand: 0, unknown: false });
    const call = r.calls.find((c) => new URL(c.url).pathname.endsWith('/inventory-level/locations'))!;
    expect(new URL(call.url).searchParams.get('LocationId')).toBe('11');
  });

  it('orders commit stock and shipping deducts it', () => {
    const r = rig();
    r.adapter.createOutboundOrder(mfnOrder('202-1111111-0000001', [{ sku: 'TEE-M', quantity: 2 }]));
    expect(line(r.adapter.getStock(), 'TEE-M', '10')).toMatchObject({ onHand: 25, allocated: 5, available: 20 });
    r.clock.advance(2 * 3600_000);
    expect(line(r.adapter.getStock(), 'TEE-M', '10')).toMatchObject({ onHand: 23, allocated: 3, available: 20 });
  });

  it('follows setStock world steps', () => {
    const r = rig();
    r.sim.act({ action: 'setStock', sku: 'TEE-L', location: 10, onHand: 0 });
    expect(line(r.adapter.getStock(), 'TEE-L', '10')).toMatchObject({ onHand: 0, available: 0 });
    expect(() => r.sim.act({ action: 'setStock', sku: 'NOPE', location: 10, onHand: 1 })).toThrow(/unknown SKU/);
  });

  it('an order waiting for stock commits and ships once stock arrives', () => {
    const r = rig();
    const out = r.adapter.createOutboundOrder(mfnOrder('202-1111111-0000002', [{ sku: 'MUG', quantity: 3 }]));
    r.clock.advance(3 * 3600_000);
    expect(r.adapter.getOrder(out.externalId!)?.status).toBe('processing');
    r.sim.act({ action: 'setStock', sku: 'MUG', location: 10, onHand: 5 });
    r.clock.advance(3600_000);
    // Ready only now, so it ships shipAfter after creation or on readiness, whichever is later.
    const o = r.adapter.getOrder(out.externalId!)!;
    expect(o.status).toBe('shipped');
    expect(line(r.adapter.getStock({ skus: ['MUG'] }), 'MUG', '10')).toMatchObject({ onHand: 2, allocated: 0 });
  });
});

describe('stockPages (a read walked across executions)', () => {
  it('walks both IsActive sides a page at a time and assembles what getStock returns, from compact chunks', () => {
    const products = Array.from({ length: 600 }, (_, i) => ({ sku: `P-${String(i).padStart(4, '0')}`, name: `P ${i}` }));
    const inventory = products.map((p, i) => ({ sku: p.sku, location: 10 + (i % 2), onHand: i % 7, committed: i % 3 > i % 7 ? 0 : i % 3, awaiting: 0 }));
    const r = rig({ seed: { products, inventory } });
    const pages = r.adapter.stockPages!();
    const chunks: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page = pages.next(cursor);
      chunks.push(page.chunk);
      cursor = page.cursor;
      calls++;
    } while (cursor !== null && calls < 20);
    // 600 active items at 250 a page: 3 pages, then the inactive side's one page.
    expect(calls).toBe(4);
    // What is kept between executions stays small: no keys per field (the product name is the one text beside the SKU).
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(250 * 60);
    const strip = (ls: ReturnType<typeof r.adapter.getStock>) => ls.map(({ asOf: _a, ...rest }) => rest).sort((a, b) => `${a.sku}${a.warehouseId}`.localeCompare(`${b.sku}${b.warehouseId}`));
    expect(strip(pages.assemble(chunks))).toEqual(strip(r.adapter.getStock()));
  });
});
