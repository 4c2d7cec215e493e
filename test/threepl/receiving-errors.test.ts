// Receiving (WRO) error bodies follow the operation's spec: GET /receiving declares only
// Receiving.ValidationProblemDetails, POST /receiving a field → messages map (spec 2026-01).
import { describe, expect, it } from 'vitest';
import { nodeHttp } from '../world/node-ports';
import { rig } from './harness';

describe('ShipBob receiving errors', () => {
  it('answers a bad Limit on get-multiple-warehouse-receiving-orders with ValidationProblemDetails', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const bad = raw.fetch({ url: 'https://api.shipbob.com/2026-01/receiving?Limit=251', method: 'get', headers: { Authorization: 'Bearer t' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ status: 400, title: expect.any(String), errors: { Limit: [expect.any(String)] } });
  });

  it('keeps the field map for an invalid create-warehouse-receiving-order body', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const bad = raw.fetch({ url: 'https://api.shipbob.com/2026-01/receiving', method: 'post', headers: { Authorization: 'Bearer t' }, contentType: 'application/json', payload: '{}' });
    expect(bad.status).toBe(400);
    const body = JSON.parse(bad.text) as Record<string, unknown>;
    expect(body).not.toHaveProperty('status');
    expect(Object.values(body).every(Array.isArray)).toBe(true);
  });
});
