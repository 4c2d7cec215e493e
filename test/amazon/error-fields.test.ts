// The RemoteError fields (system, status, retryable, kind) of every Amazon error class, and that
// adding them left the messages unchanged: jobs branch on the fields, people read the messages.

import { describe, expect, it } from 'vitest';
import { SpApiAuthError, SpApiError, SpApiSchemaError, SpApiTransportError } from '../../src/amazon/errors';
import { DeadlineExceeded } from '../../src/ports/clock';
import { RemoteError } from '../../src/ports/errors';

const fields = (e: RemoteError) => ({ system: e.system, status: e.status, retryable: e.retryable, kind: e.kind });

describe('SpApiError', () => {
  const err = (status: number) => new SpApiError('getOrder', status, [{ code: 'X', message: 'y' }], 'req-1');

  it.each([
    [400, 'validation', false],
    [401, 'auth', false],
    // Amazon answers 403 for an expired access token too.
    [403, 'auth', false],
    [404, 'not-found', false],
    [409, 'validation', false],
    [422, 'validation', false],
    [429, 'rate-limited', true],
    [500, 'upstream', true],
    [503, 'upstream', true],
  ] as const)('HTTP %i → %s, retryable %s', (status, kind, retryable) => {
    const e = err(status);
    expect(e).toBeInstanceOf(RemoteError);
    expect(e).toBeInstanceOf(Error);
    expect(fields(e)).toEqual({ system: 'amazon', status, retryable, kind });
  });

  it('keeps its message, name and own fields', () => {
    const e = err(404);
    expect(e.message).toBe('Amazon getOrder failed with HTTP 404 — X: y [request id req-1]');
    expect(e.name).toBe('SpApiError');
    expect(e.code).toBe('X');
    expect(e.operation).toBe('getOrder');
  });
});

describe('the other Amazon errors', () => {
  it('SpApiAuthError is LWA, auth, not retryable', () => {
    const e = new SpApiAuthError(400, 'invalid_grant', 'The refresh token is invalid');
    expect(e).toBeInstanceOf(RemoteError);
    expect(fields(e)).toEqual({ system: 'lwa', status: 400, retryable: false, kind: 'auth' });
    expect(e.message).toBe('Login with Amazon refused the token exchange (HTTP 400, invalid_grant): The refresh token is invalid');
    expect(e.lwaError).toBe('invalid_grant');
  });

  it('SpApiTransportError has no status and is retryable (which does not make a write safe to repeat)', () => {
    const e = new SpApiTransportError('patchListingsItem', 'no response (timeout); the write may have been applied', true);
    expect(e).toBeInstanceOf(RemoteError);
    expect(fields(e)).toEqual({ system: 'amazon', status: null, retryable: true, kind: 'transport' });
    expect(e.message).toBe('Amazon patchListingsItem: no response (timeout); the write may have been applied');
    expect(e.mayHaveApplied).toBe(true);
  });

  it('SpApiSchemaError is a schema failure, not retryable', () => {
    const e = new SpApiSchemaError('getOrder', 'order: Required', 'req-2');
    expect(e).toBeInstanceOf(RemoteError);
    expect(fields(e)).toEqual({ system: 'amazon', status: null, retryable: false, kind: 'schema' });
    expect(e.message).toBe('Amazon getOrder returned an unexpected response: order: Required [request id req-2]');
  });
});

describe('DeadlineExceeded', () => {
  it('is a time cut, not a remote failure, and says which system it stopped before', () => {
    const a = new DeadlineExceeded('searchOrders', 12_300, 4_900);
    expect(a).not.toBeInstanceOf(RemoteError);
    expect(a.message).toBe("Stopped before Amazon searchOrders: needs 13s, 4s of the run's time left");
    expect(new DeadlineExceeded('searchOrders', 12_300, 4_900, 'Amazon').message).toBe(a.message);
    const s = new DeadlineExceeded('get-orders', 61_000, -5, 'ShipBob');
    expect(s.message).toBe("Stopped before ShipBob get-orders: needs 61s, 0s of the run's time left");
    expect(s.systemName).toBe('ShipBob');
    expect(s.name).toBe('DeadlineExceeded');
  });
});
