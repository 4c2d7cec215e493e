// ShipBob's error shapes read into messages and AdapterError codes.
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/ports/http';
import { isDuplicateReference, parseErrorBody, retryAfterSeconds, toAdapterError } from '../../src/threepl/shipbob/errors';
import { nodeHttp } from '../world/node-ports';
import { rig } from './harness';

const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, text, bytes: () => [] };
};

describe('parseErrorBody', () => {
  it('reads the orders field → messages map, "" meaning the whole request', () => {
    const p = parseErrorBody(JSON.stringify({ '': ['Cannot insert order with existing ReferenceId'], 'Recipient.Address.City': ['The City field is required.'] }));
    expect(p.fields['Recipient.Address.City']).toEqual(['The City field is required.']);
    expect(p.messages).toContain('Cannot insert order with existing ReferenceId');
    expect(p.messages).toContain('Recipient.Address.City: The City field is required.');
    expect(isDuplicateReference(p.messages)).toBe(true);
  });

  it('reads RFC 7807 ProblemDetails with an errors map', () => {
    const p = parseErrorBody(JSON.stringify({ type: 'x', title: 'One or more validation errors occurred.', status: 400, errors: { PageSize: ['PageSize must be between 1 and 250.'] } }));
    expect(p.messages[0]).toBe('One or more validation errors occurred.');
    expect(p.fields.PageSize).toEqual(['PageSize must be between 1 and 250.']);
    expect(isDuplicateReference(p.messages)).toBe(false);
  });

  it('reads {code, message}, {message, errors[]}, the 429 body and plain text', () => {
    expect(parseErrorBody(JSON.stringify({ code: 'NOT_FOUND', message: 'Shipment not found' })).messages).toEqual(['NOT_FOUND: Shipment not found']);
    expect(parseErrorBody(JSON.stringify({ message: 'Bad return', errors: ['reference_id too long'], details: null })).messages).toEqual(['Bad return', 'reference_id too long']);
    expect(parseErrorBody(JSON.stringify({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 25 seconds.' })).messages).toEqual(['Rate limit is exceeded. Try again in 25 seconds.']);
    expect(parseErrorBody('Internal Server Error').messages).toEqual(['Internal Server Error']);
    expect(parseErrorBody('').messages).toEqual([]);
  });
});

describe('toAdapterError', () => {
  it.each([
    [401, 'AUTH'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [400, 'VALIDATION'],
    [500, 'UPSTREAM'],
    [503, 'UPSTREAM'],
  ] as const)('maps %s to %s', (status, code) => {
    expect(toAdapterError(res(status, ''), 'get-orders').code).toBe(code);
  });

  it('maps the 422 duplicate to DUPLICATE_REFERENCE and other 422s to VALIDATION with fields', () => {
    expect(toAdapterError(res(422, { '': ['Cannot insert order with existing ReferenceId'] }), 'create-order').code).toBe('DUPLICATE_REFERENCE');
    const v = toAdapterError(res(422, { LocationId: ['Location 99 is not available'] }), 'create-order');
    expect(v.code).toBe('VALIDATION');
    expect(v.details.fields).toEqual({ LocationId: ['Location 99 is not available'] });
  });

  it('reads retry-after from x-retry-after, or from the body when the header is missing', () => {
    expect(toAdapterError(res(429, { statusCode: 429, message: 'x' }, { 'x-retry-after': '25' }), 'get-orders').details.retryAfterS).toBe(25);
    expect(retryAfterSeconds(res(429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' }))).toBe(7);
  });

  it('never puts the token into an error message', () => {
    const r = rig({ faults: [{ system: 'threePl', operation: 'get-locations', kind: 'auth_expired' }] });
    try {
      r.adapter.listWarehouses();
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toMatch(/401/);
      expect(String(e)).not.toContain('pat-test-token');
    }
    expect(r.log.lines.join('\n')).not.toContain('pat-test-token');
  });
});

describe('simulator error bodies', () => {
  it('orders validation: 400 field map; missing channel header: 400 naming shipbob_channel_id', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const headers = { Authorization: 'Bearer t' };
    const noChannel = raw.fetch({ url: 'https://api.shipbob.com/2026-01/order', method: 'post', headers, contentType: 'application/json', payload: '{}' });
    expect(noChannel.status).toBe(400);
    expect(JSON.parse(noChannel.text)).toHaveProperty('shipbob_channel_id');
    const bad = raw.fetch({ url: 'https://api.shipbob.com/2026-01/order', method: 'post', headers: { ...headers, shipbob_channel_id: '100001' }, contentType: 'application/json', payload: JSON.stringify({ reference_id: 'X', type: 'DTC' }) });
    expect(bad.status).toBe(400);
    expect(Object.keys(JSON.parse(bad.text))).toEqual(expect.arrayContaining(['ShippingMethod', 'Recipient', 'Products']));
  });

  it('inventory validation answers ProblemDetails; an unknown version is 404', () => {
    const r = rig();
    const raw = nodeHttp(r.network, r.clock);
    const headers = { Authorization: 'Bearer t' };
    const bad = raw.fetch({ url: 'https://api.shipbob.com/2026-01/inventory-level/locations?PageSize=5000', method: 'get', headers });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ status: 400, errors: { PageSize: [expect.any(String)] } });
    expect(raw.fetch({ url: 'https://api.shipbob.com/1999-01/order', method: 'get', headers }).status).toBe(404);
  });
});
