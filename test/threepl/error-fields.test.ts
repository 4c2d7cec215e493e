// The RemoteError fields of AdapterError, one row per code, with the message and details untouched;
// and the same fields on what toAdapterError makes of ShipBob's HTTP answers.

import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/ports/http';
import { RemoteError } from '../../src/ports/errors';
import { toAdapterError } from '../../src/threepl/shipbob/errors';
import { AdapterError, type AdapterErrorCode } from '../../src/threepl/types';

const fields = (e: RemoteError) => ({ system: e.system, status: e.status, retryable: e.retryable, kind: e.kind });

describe('AdapterError fields', () => {
  it.each([
    ['AUTH', 'auth', false],
    ['FORBIDDEN', 'forbidden', false],
    ['RATE_LIMITED', 'rate-limited', true],
    ['DUPLICATE_REFERENCE', 'duplicate', false],
    ['VALIDATION', 'validation', false],
    ['NOT_FOUND', 'not-found', false],
    ['PRECONDITION', 'validation', false],
    ['UPSTREAM', 'upstream', true],
    // The write may exist: repeating it blindly could make a second one.
    ['OUTCOME_UNKNOWN', 'upstream', false],
  ] as const)('%s → %s, retryable %s', (code: AdapterErrorCode, kind, retryable) => {
    const e = new AdapterError(code, 'said', { status: 418 });
    expect(e).toBeInstanceOf(RemoteError);
    expect(fields(e)).toEqual({ system: 'threePl', status: 418, retryable, kind });
    expect(e.message).toBe('said');
    expect(e.code).toBe(code);
    expect(e.name).toBe('AdapterError');
  });

  it('has a null status when the error did not come from an HTTP answer', () => {
    const e = new AdapterError('AUTH', 'No ShipBob access token is set');
    expect(e.status).toBeNull();
    expect(e.details).toEqual({});
  });
});

describe('toAdapterError fields', () => {
  const res = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, text: JSON.stringify(body), bytes: () => [] });

  it.each([
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'not-found', false],
    [429, 'rate-limited', true],
    [400, 'validation', false],
    [500, 'upstream', true],
  ] as const)('HTTP %i → %s', (status, kind, retryable) => {
    expect(fields(toAdapterError(res(status, { message: 'x' }), 'get-orders'))).toEqual({ system: 'threePl', status, retryable, kind });
  });

  it('a 422 duplicate reference is kind duplicate', () => {
    const e = toAdapterError(res(422, { '': ['Cannot insert order with existing ReferenceId'] }), 'create-order');
    expect(fields(e)).toEqual({ system: 'threePl', status: 422, retryable: false, kind: 'duplicate' });
  });
});
