// A push Amazon has not finished (a feed it started but takes long over: IN_PROGRESS cannot be cancelled,
// unlike one left in the queue, stuck-feed.ts) holds every later quantity back, and
// the runs that wait on it read nothing: a 3PL sell-out meanwhile went unsaid until STOCK_SYNC_TIMEOUT.
// Once the push has waited half an hour, each waiting run reads the 3PL and names an offer Amazon may
// still show above it as a High OFFER_UNMANAGED; a push waiting only minutes costs no extra read.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

describe('a stock push that Amazon has not finished for long', () => {
  it('a 3PL sell-out during the wait is a High OFFER_UNMANAGED in the waiting run, not hours later', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 25, buffer: 3 }, { sku: 'MUG-1', onHand: 10, buffer: 0 }], settings: { 'Feed threshold': 1 }, amazonBehaviour: { feedProcessing: '90m' } });
    expect(r.sync().message).toMatch(/submitted to Amazon/);
    r.setStock('SB-TEE-M', 4);

    // Minutes into the wait: the run only follows the feed, as before.
    r.advance('10m');
    const early = r.sync();
    expect(early.outcome).toBe('partial');
    expect(r.openExceptions('OFFER_UNMANAGED')).toEqual([]);

    // Past half an hour: the waiting run reads the 3PL; the feed's 22 would still oversell 4.
    r.advance('30m');
    const late = r.sync();
    expect(late.outcome).toBe('partial');
    expect(r.writes()).toEqual([]);
    const open = r.openExceptions('OFFER_UNMANAGED');
    expect(open.map((e) => e['Key'])).toEqual(['OFFER_UNMANAGED:UK:TEE-M']);
    expect(open[0]!['Severity']).toBe('High');
    expect(open[0]!['Message']).toMatch(/showed 22 units .*of Seller SKU TEE-M/);
    expect(open[0]!['Message']).toMatch(/has not finished after 40 minutes/);
    expect(open[0]!['Message']).toMatch(/can pick only 4 of 3PL SKU SB-TEE-M/);
  });
});
