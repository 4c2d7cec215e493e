// A seller ID that is not the one the refresh token was issued for: Amazon's generic 403 on the
// Listings Items paths, the same body as a missing role ("Unauthorized", "Access to requested
// resource is denied.", details "", x-amzn-ErrorType AccessDeniedException; shared/reference/sp-api.md
// §10, bodies quoted in amzn/selling-partner-api-models#826 and #1836). The add-on's failure
// mapping (jobs/kit/failures.ts) reads it by operation and status, never by its words.

import { describe, expect, it } from 'vitest';
import { createSpApiClient } from '../../src/amazon/client';
import { SpApiError } from '../../src/amazon/errors';
import { parseSettings } from '../../src/core/settings';
import { errorText, failureException } from '../../src/jobs/kit/failures';
import { explainFailure } from '../../src/jobs/sidebar/connection-test';
import { deadlineFrom } from '../../src/ports/clock';
import { memoryCache, memoryLog, memoryStore, nodeCodec, nodeHttp, virtualClockPort } from '../world/node-ports';
import { CREDENTIALS, makeHarness, ukSeed } from './harness';

function clientFor(sellerId: string) {
  const h = makeHarness(ukSeed);
  const clock = virtualClockPort(h.clock);
  const client = createSpApiClient({
    http: nodeHttp(h.network, h.clock, h.calls),
    cache: memoryCache(h.clock),
    store: memoryStore(),
    clock,
    deadline: deadlineFrom(clock, 60 * 60 * 1000),
    log: memoryLog(),
    codec: nodeCodec,
    credentials: CREDENTIALS,
    marketplace: 'UK',
    sellerId,
  });
  return { h, client };
}

describe('Listings Items with a seller ID that is not the token\'s', () => {
  it('answers 403 Unauthorized with an empty details field and AccessDeniedException, for reads and writes', () => {
    const { h, client } = clientFor('A2NOTME');
    for (const call of [() => client.searchListingsItems({}), () => client.getListingsItem('TEE-M', ['summaries']), () => client.patchListingQuantity('TEE-M', 3)]) {
      let thrown: unknown;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(SpApiError);
      const e = thrown as SpApiError;
      expect(e.status).toBe(403);
      expect(e.errors).toEqual([expect.objectContaining({ code: 'Unauthorized', message: 'Access to requested resource is denied.' })]);
      // Nothing in the body names the seller ID: details is empty, as Amazon sends it.
      expect(e.errors[0]!.details ?? '').toBe('');
    }
    // The raw answer, replayed with the client's own request: the header the error class does not keep.
    const sent = h.calls.find((c) => c.method === 'GET' && c.url.includes('/listings/2021-08-01/items/A2NOTME/TEE-M'))!;
    const raw = h.network.handlerFor(sent.url)!(sent);
    expect(raw).toMatchObject({ status: 403, headers: expect.objectContaining({ 'x-amzn-ErrorType': 'AccessDeniedException' }) });
    // The seller's own ID works with the same token.
    expect(() => clientFor('A2SELLER').client.searchListingsItems({})).not.toThrow();
  });

  it('is reported as a CONFIG_INVALID on "Amazon seller ID", not as an expired authorisation', () => {
    const e = new SpApiError('searchListingsItems', 403, [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }], 'req-1');
    const raised = failureException(e, { name: 'inventory', label: 'Stock sync' }, { sellerId: 'A2NOTME' });
    expect(raised).toMatchObject({ key: 'CONFIG_INVALID:inventory:Amazon seller ID', type: 'CONFIG_INVALID', entity: 'Settings: Amazon seller ID' });
    expect(raised!.message).toMatch(/accepted the add-on's login but refused the listings of seller ID "A2NOTME"/);
    // The same status on an operation without a seller ID in its path is still a credentials problem.
    const orders = new SpApiError('searchOrders', 403, [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }], 'req-2');
    expect(failureException(orders, { name: 'inventory', label: 'Stock sync' }, { sellerId: 'A2NOTME' })!.type).toBe('AUTH_FAILED');
  });

  it('a 403 whose details name the access token (expired, invalid) is the login\'s problem, not the seller ID\'s', () => {
    // The token was renewed and Amazon still called it expired (or quoted it as not valid): Settings is not to blame.
    for (const details of ['The access token you provided has expired.', 'The access token Atza|x is not valid for this call.']) {
      const e = new SpApiError('searchListingsItems', 403, [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }], 'req-3');
      const raised = failureException(e, { name: 'inventory', label: 'Stock sync' }, { sellerId: 'A2SELLER' });
      expect(raised).toMatchObject({ key: 'AUTH_FAILED:amazon', type: 'AUTH_FAILED' });
      expect(errorText(e, { label: 'Stock sync' }, 'shipbob')).not.toMatch(/seller ID/);
      // The sidebar's connection test says the same.
      expect(explainFailure(e, 'amazon', parseSettings([['Amazon seller ID', 'A2SELLER']]).settings).message).not.toMatch(/seller ID/);
    }
  });
});
