// ShipBob API versions: 2026-07 is current (developer.shipbob.com/versioning: "Latest Version:
// 2026-07"; a release every January and July, each supported 12 months) and the default; 2026-01
// keeps working; anything else typed in Settings is reported and never sent. What 2026-07 changed
// in an operation we use: create-warehouse-receiving-order (developer.shipbob.com/versioning/2026-07
// §2; release notes July 2026: validation errors 422 instead of 400;
// developer.shipbob.com/2026-07/api/receiving/create-warehouse-receiving-order: a full RFC 3339
// expected_arrival_date, a bare date is rejected; box items may name a sku).
import { describe, expect, it } from 'vitest';
import { SETTINGS, parseSettings } from '../../src/core/settings';
import { deadlineFrom } from '../../src/ports/clock';
import { createShipBobAdapter } from '../../src/threepl/shipbob/adapter';
import { DEFAULT_SHIPBOB_API_VERSION, SHIPBOB_API_VERSIONS } from '../../src/threepl/shipbob/versions';
import { AdapterError, type InboundReceiptRequest } from '../../src/threepl/types';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../world/node-ports';
import type { SimRequest } from '../world/http';
import { rig } from './harness';

const removal = (ref: string, expectedDate: string): InboundReceiptRequest => ({
  reference: ref,
  trackingNumbers: ['1Z111'],
  lpns: [],
  expectedDate,
  warehouseId: '10',
  lines: [{ sku: 'TEE-M', quantity: 3 }],
  kind: 'removal',
});

function post(r: ReturnType<typeof rig>, version: string, path: string, body: unknown): { status: number; body: Record<string, unknown> } {
  const handler = r.network.handlerFor('https://api.shipbob.com/')!;
  const res = handler({ method: 'POST', url: `https://api.shipbob.com/${version}${path}`, headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify(body), bodyBytes: new Uint8Array() });
  if ('timeout' in res) throw new Error('timeout');
  return { status: res.status, body: JSON.parse(String(res.body) || 'null') as Record<string, unknown> };
}

const wro = (date: string, item: Record<string, unknown>) => ({
  fulfillment_center: { id: 10 },
  package_type: 'Package',
  box_packaging_type: 'EverythingInOneBox',
  expected_arrival_date: date,
  purchase_order_number: 'PO-1',
  boxes: [{ tracking_number: '1Z1', box_items: [{ quantity: 1, ...item }] }],
});

describe('ShipBob API version', () => {
  it('2026-07 is the default of the adapter and of the "3PL API version" setting, and both offer the same versions', () => {
    expect(DEFAULT_SHIPBOB_API_VERSION).toBe('2026-07');
    const def = SETTINGS.find((s) => s.key === '3PL API version')!;
    expect(def.default).toBe(DEFAULT_SHIPBOB_API_VERSION);
    expect(def.options).toEqual([...SHIPBOB_API_VERSIONS]);
    expect(parseSettings([]).settings.threePlApiVersion).toBe('2026-07');
    expect(parseSettings([['3PL API version', '2026-01']]).settings.threePlApiVersion).toBe('2026-01');
  });

  it('an unsupported version typed in Settings is reported with the allowed ones, not sent', () => {
    const { settings, problems } = parseSettings([['3PL API version', '2025-07']]);
    expect(settings.threePlApiVersion).toBe('2026-07');
    const p = problems.find((x) => x.key === '3PL API version')!;
    expect(p.value).toBe('2025-07');
    expect(p.message).toMatch(/2025-07/);
    expect(p.message).toMatch(/2026-07, 2026-01/);
  });

  it('the adapter refuses a version it does not support before any call, naming the Settings row', () => {
    const r = rig();
    const calls: SimRequest[] = [];
    const make = (apiVersion: string) =>
      createShipBobAdapter({
        http: nodeHttp(r.network, r.clock, calls),
        clock: virtualClockPort(r.clock),
        deadline: deadlineFrom(virtualClockPort(r.clock), 60_000),
        log: memoryLog(),
        store: memoryStore(),
        token: 'pat-test-token-0123456789',
        apiVersion,
      });
    let err: unknown;
    try {
      make('2026-13');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).code).toBe('VALIDATION');
    expect((err as Error).message).toMatch(/"3PL API version" says "2026-13".*2026-07 or 2026-01/);
    expect(calls).toHaveLength(0);
    // Empty means the current version.
    make('').getStock();
    expect(calls.every((c) => new URL(c.url).pathname.startsWith('/2026-07/'))).toBe(true);
  });

  it('the stock read and a receiving order work on both versions, on each version path', () => {
    for (const v of SHIPBOB_API_VERSIONS) {
      const r = rig({ apiVersion: v });
      expect(r.adapter.getStock().find((l) => l.sku === 'TEE-M' && l.warehouseId === '10')).toMatchObject({ available: 22 });
      // A bare date is sent as a full date-time: 2026-07 rejects a bare one.
      expect(r.adapter.createInboundReceipt(removal(`RMV-${v}`, '2026-11-09')).status).toBe('created');
      expect(r.calls.every((c) => new URL(c.url).pathname.startsWith(`/${v}/`))).toBe(true);
      expect(r.count('POST', '/receiving')).toBe(1);
    }
  });

  it('simulator: create-warehouse-receiving-order answers validation errors with 400 on 2026-01 and 422 on 2026-07', () => {
    const r = rig();
    const inv = (r.sim.state.products.get('TEE-M')!).inventoryId;
    expect(post(r, '2026-01', '/receiving', wro('2026-11-09T00:00:00Z', { inventory_id: 999 })).status).toBe(400);
    const bad = post(r, '2026-07', '/receiving', wro('2026-11-09T00:00:00Z', { inventory_id: 999 }));
    expect(bad.status).toBe(422);
    expect(bad.body).toHaveProperty(['Boxes[0].BoxItems[0].InventoryId']);
    // 2026-07: a bare date is rejected; 2026-01 still takes it.
    expect(post(r, '2026-07', '/receiving', wro('2026-11-09', { inventory_id: inv })).body).toHaveProperty('ExpectedArrivalDate');
    expect(post(r, '2026-01', '/receiving', wro('2026-11-09', { inventory_id: inv })).status).toBe(201);
    // 2026-07: box items by SKU; 2026-01 has no such field.
    expect(post(r, '2026-07', '/receiving', wro('2026-11-09T00:00:00Z', { sku: 'TEE-M' })).status).toBe(201);
    expect(post(r, '2026-01', '/receiving', wro('2026-11-09T00:00:00Z', { sku: 'TEE-M' })).status).toBe(400);
  });

  it('simulator: serves 2025-07, 2026-01 and 2026-07; any other version path is 404', () => {
    const r = rig();
    const handler = r.network.handlerFor('https://api.shipbob.com/')!;
    const status = (v: string) => {
      const res = handler({ method: 'GET', url: `https://api.shipbob.com/${v}/channel`, headers: { authorization: 'Bearer t' }, body: '', bodyBytes: new Uint8Array() });
      return 'timeout' in res ? 0 : res.status;
    };
    expect([status('2025-07'), status('2026-01'), status('2026-07'), status('2027-01'), status('1.0')]).toEqual([200, 200, 200, 404, 404]);
  });
});
