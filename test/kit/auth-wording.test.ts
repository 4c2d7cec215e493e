// AUTH_FAILED is one row per system, shared by every job: its message says what the job that was
// refused cannot do, never another job's consequence, and how to renew that 3PL's credentials.

import { describe, expect, it } from 'vitest';
import { failureException } from '../../src/jobs/kit/failures';
import { findJob } from '../../src/jobs/list';
import { RemoteError } from '../../src/ports/errors';

class Refused extends RemoteError {
  constructor(system: 'amazon' | 'threePl') {
    super('HTTP 401', { system, status: 401, retryable: false, kind: 'auth' });
  }
}

const message = (job: string, system: 'amazon' | 'threePl', threePlProvider = 'shipbob') =>
  failureException(new Refused(system), findJob(job)!, { sellerId: 'A2SELLER', threePlProvider })!.message;

describe('AUTH_FAILED in the words of the job refused', () => {
  it('a settlements run speaks of settlements, not stock', () => {
    const m = message('settlements', 'amazon');
    expect(m).toMatch(/settlement report/);
    expect(m).not.toMatch(/stock/i);
  });

  it('the stock sync still says no stock can be read or pushed', () => {
    expect(message('inventory', 'amazon')).toMatch(/No stock can be read or pushed/);
  });

  it('every job that reaches a system says something of its own, never the stock sync\'s words', () => {
    for (const job of ['orders', 'charges', 'fbaShipments', 'removals', 'sku-map-build']) {
      for (const system of ['amazon', 'threePl'] as const) expect(message(job, system)).not.toMatch(/stock can be read/i);
    }
  });

  it('tells a Mintsoft user to save a login, a ShipBob user a token', () => {
    expect(message('orders', 'threePl', 'mintsoft')).toMatch(/Mintsoft API user/);
    expect(message('orders', 'threePl', 'shipbob')).toMatch(/personal access token/);
  });
});
