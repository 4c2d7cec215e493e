// FBM quantity writes end to end: patchListingsItem and JSON_LISTINGS_FEED against the simulator,
// read-back, the "accepted but not applied" fault, per-message issues, the feed-type limit, and
// enumeration of every listing (search pages and the merchant listings report).

import { describe, expect, it } from 'vitest';
import { SpApiError } from '../../src/amazon/errors';
import { parseMerchantListings } from '../../src/amazon/merchant-listings';
import { parseDuration } from '../world/clock';
import { DEFAULT_PATCH_APPLY_DELAY } from '../world/amazon/listing-writes';
import { makeHarness, ukSeed } from './harness';

describe('patchListingsItem', () => {
  it('merges the DEFAULT quantity and the read-back shows it once Amazon has processed it', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    expect(c.patchListingQuantity('TEE-M', 12).status).toBe('ACCEPTED');
    // ACCEPTED is "accepted for processing" (ListingsItemSubmissionResponse.status): reads show it
    // minutes later (DEFAULT_PATCH_APPLY_DELAY; developer-docs manage-listings-issues, docs#2167).
    expect(c.getFbmQuantity('TEE-M')).toBe(5);
    h.clock.advance(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    expect(c.getFbmQuantity('TEE-M')).toBe(12);
    const body = JSON.parse(h.calls.find((r) => r.method === 'PATCH')!.body);
    expect(body.patches).toEqual([{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12 }] }]);
    expect(h.sim.snapshot().writes).toMatchObject([{ operation: 'patchListingsItem', sku: 'TEE-M', quantity: 12, outcome: 'applied', fulfillmentChannelCode: 'DEFAULT' }]);
  });

  // A merchant quantity on an FBA listing is accepted and converts it: fulfilment-channels.test.ts.

  it('accepted but not applied: the read-back still shows the old quantity', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'patchListingsItem', kind: 'not_applied' }]);
    const c = h.client();
    expect(c.patchListingQuantity('TEE-M', 30).status).toBe('ACCEPTED');
    expect(c.getFbmQuantity('TEE-M')).toBe(5);
    expect(h.sim.snapshot().writes[0]!.outcome).toBe('not_applied');
    // The next write goes through.
    c.patchListingQuantity('TEE-M', 30);
    h.clock.advance(parseDuration(DEFAULT_PATCH_APPLY_DELAY));
    expect(c.getFbmQuantity('TEE-M')).toBe(30);
  });

  it('applies after the configured delay', () => {
    const h = makeHarness({ ...ukSeed, behaviour: { patchApplyDelay: '2m' } });
    const c = h.client();
    c.patchListingQuantity('TEE-M', 8);
    expect(c.getFbmQuantity('TEE-M')).toBe(5);
    h.clock.advance(120_000);
    expect(c.getFbmQuantity('TEE-M')).toBe(8);
  });

  it('rejects a non-integer quantity before calling Amazon', () => {
    const h = makeHarness(ukSeed);
    expect(() => h.client().patchListingQuantity('TEE-M', 2.5)).toThrow(/whole number/);
    expect(h.served('patchListingsItem')).toHaveLength(0);
  });
});

describe('JSON_LISTINGS_FEED', () => {
  function runFeed(h: ReturnType<typeof makeHarness>, content: string) {
    const c = h.client();
    const { feedDocumentId, url } = c.createFeedDocument('application/json; charset=UTF-8');
    c.uploadFeedDocument(url, content, 'application/json; charset=UTF-8');
    const feedId = c.createFeed('JSON_LISTINGS_FEED', feedDocumentId);
    expect(c.getFeed(feedId).processingStatus).toBe('IN_QUEUE');
    h.clock.advance(60_000);
    expect(c.getFeed(feedId).processingStatus).toBe('IN_PROGRESS');
    h.clock.advance(90_000);
    const feed = c.getFeed(feedId);
    return { c, feed, report: c.getProcessingReport(feed.resultFeedDocumentId!) };
  }

  it('processes after a delay, applies good messages and reports unknown SKU, FBA channel and bad quantity', () => {
    const h = makeHarness(ukSeed);
    const msg = (id: number, sku: string, code: string, quantity: unknown) => ({
      messageId: id, sku, operationType: 'PATCH', productType: 'PRODUCT',
      patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: code, quantity }] }],
    });
    const doc = { header: { sellerId: 'A2SELLER', version: '2.0' }, messages: [msg(1, 'TEE-M', 'DEFAULT', 20), msg(2, 'NOPE', 'DEFAULT', 1), msg(3, 'TEE-M-FBA', 'AMAZON_EU', 5), msg(4, 'TEE-L', 'DEFAULT', -2)] };
    const { c, feed, report } = runFeed(h, JSON.stringify(doc));
    expect(feed.processingStatus).toBe('DONE');
    expect(report.summary).toMatchObject({ messagesProcessed: 4, messagesAccepted: 1, messagesInvalid: 3 });
    expect(report.issues!.map((i) => [i.messageId, i.code])).toEqual([
      [2, 'LISTING_NOT_FOUND'],
      [3, 'FBA_CHANNEL_NOT_WRITABLE'],
      [4, 'INVALID_QUANTITY'],
    ]);
    expect(c.getFbmQuantity('TEE-M')).toBe(20);
    expect(c.getFbmQuantity('TEE-L')).toBe(0);
    const writes = h.sim.snapshot().writes;
    expect(writes.map((w) => `${w.sku}:${w.outcome}`)).toEqual(['TEE-M:applied', 'NOPE:rejected', 'TEE-M-FBA:rejected', 'TEE-L:rejected']);
    expect(writes[0]!.operation).toBe('JSON_LISTINGS_FEED');
  });

  it('a document that breaks the schema ends FATAL', () => {
    const h = makeHarness(ukSeed);
    const { feed, report } = runFeed(h, JSON.stringify({ header: { sellerId: 'A2SELLER', version: '1.0' }, messages: [] }));
    expect(feed.processingStatus).toBe('FATAL');
    expect(report.issues?.[0]?.code).toBe('SCHEMA_VALIDATION');
  });

  it('an invalid message fails alone', () => {
    const h = makeHarness(ukSeed);
    const doc = {
      header: { sellerId: 'A2SELLER', version: '2.0' },
      messages: [
        { messageId: 1, sku: 'TEE-M', operationType: 'PATCH', productType: 'PRODUCT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 2 }] }] },
        { messageId: 2, sku: 'TEE-L', operationType: 'PATCH', productType: 'PRODUCT' },
      ],
    };
    const { feed, report, c } = runFeed(h, JSON.stringify(doc));
    expect(feed.processingStatus).toBe('DONE');
    expect(report.summary?.messagesInvalid).toBe(1);
    expect(report.issues?.every((i) => i.messageId === 2)).toBe(true);
    expect(c.getFbmQuantity('TEE-M')).toBe(2);
  });

  it('submitQuantityFeed + not_applied fault: the feed says accepted, the read-back disagrees', () => {
    const h = makeHarness(ukSeed, [{ system: 'amazon', operation: 'createFeed', kind: 'not_applied' }]);
    const c = h.client();
    const { feedId } = c.submitQuantityFeed([{ sku: 'TEE-M', quantity: 9 }, { sku: 'TEE-L', quantity: 4, productType: 'SHIRT' }]);
    h.clock.advance(150_000);
    const report = c.getProcessingReport(c.getFeed(feedId).resultFeedDocumentId!);
    expect(report.summary?.messagesAccepted).toBe(2);
    expect([c.getFbmQuantity('TEE-M'), c.getFbmQuantity('TEE-L')]).toEqual([5, 4]);
    expect(h.sim.snapshot().writes.map((w) => w.outcome)).toEqual(['not_applied', 'applied']);
  });

  it('an upload with another content type is refused by S3', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    const { url } = c.createFeedDocument('application/json; charset=UTF-8');
    expect(() => c.uploadFeedDocument(url, '{}', 'text/plain')).toThrow(/SignatureDoesNotMatch/);
    h.clock.advance(6 * 60_000);
    expect(() => c.uploadFeedDocument(url, '{}', 'application/json; charset=UTF-8')).toThrow(/expired/);
  });

  it('paces JSON_LISTINGS_FEED to 5 submissions per 5 minutes without a 429', () => {
    const h = makeHarness(ukSeed);
    const c = h.client();
    const t0 = h.clock.now();
    for (let i = 0; i < 6; i++) c.submitQuantityFeed([{ sku: 'TEE-M', quantity: i }]);
    expect(h.served('createFeed').map((s) => s.status)).toEqual([202, 202, 202, 202, 202, 202]);
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(55_000);
  });
});

describe('enumerating listings', () => {
  const many = {
    ...ukSeed,
    listings: [
      ...ukSeed.listings!,
      ...Array.from({ length: 42 }, (_, i) => ({ sku: `BULK-${String(i).padStart(2, '0')}`, channel: 'FBM' as const, asin: `B0B${i}`, quantity: i })),
    ],
  };

  it('searchListingsItems pages through every listing with channels and quantities', () => {
    const h = makeHarness(many);
    const all = h.client().listAllListings();
    expect(all).toHaveLength(45);
    expect(new Set(all.map((l) => l.sku)).size).toBe(45);
    expect(all.find((l) => l.sku === 'BULK-07')!.channels).toEqual([{ code: 'DEFAULT', quantity: 7 }]);
    expect(all.find((l) => l.sku === 'TEE-M-FBA')!.channels).toEqual([{ code: 'AMAZON_EU', quantity: 40 }]);
    expect(h.served('searchListingsItems')).toHaveLength(3);
  });

  it('GET_MERCHANT_LISTINGS_ALL_DATA gives seller SKU, quantity and channel (gzipped document)', () => {
    const h = makeHarness(many);
    const c = h.client();
    const id = c.createReport({ reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' });
    h.clock.advance(61_000);
    const report = c.getReport(id);
    expect(report.processingStatus).toBe('DONE');
    expect(c.getReportDocument(report.reportDocumentId!).compressionAlgorithm).toBe('GZIP');
    const rows = parseMerchantListings(c.downloadReport(report.reportDocumentId!));
    expect(rows).toHaveLength(45);
    expect(rows.find((r) => r.sku === 'TEE-M')).toMatchObject({ quantity: 5, fulfillmentChannel: 'DEFAULT', asin: 'B0TEE00001' });
    expect(rows.find((r) => r.sku === 'TEE-M-FBA')).toMatchObject({ quantity: null, fulfillmentChannel: 'AMAZON_EU' });
  });

  it('an unknown SKU is a typed 404', () => {
    const h = makeHarness(ukSeed);
    expect(() => h.client().getListingsItem('ZZZ')).toThrow(SpApiError);
  });
});
