// A bulk feed push (a quarter of the FBM offers or more) of a catalogue read by report is confirmed in
// the run that follows the feed: that run asks for the listings report once Amazon has processed the
// feed, and the one report serves both the read-back and the run's own computation (issue 13: settle
// in two runs, calls near the minimum). A routine push keeps the report asked for as it went out, so
// no run waits for one, and is confirmed a run later.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

/** Offers Amazon shows at 0 while the 3PL holds stock; pushed as a feed (Settings "Feed threshold" 1). */
const offers = () => Array.from({ length: 24 }, (_, i) => ({ sku: `F-${String(i).padStart(2, '0')}`, onHand: 10 + i, amazonQty: 0 }));

/** Marks the catalogue as one read by report, as a previous read of a large one would have. */
function large(r: InventoryRun) {
  return () => {
    r.run.gas.properties.document.data.set('inventory.listingCount', '25000');
    return r.sync();
  };
}

const calls = (r: InventoryRun, op: string) => r.run.amazon.calls.filter((c: { operation: string }) => c.operation === op);

describe('read-back after a feed', () => {
  it('confirms the feed in the run that follows it, from a report asked for after Amazon processed it', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto', 'Feed threshold': 1 } });
    const sync = large(r);
    const first = sync();
    expect(first.message).toMatch(/submitted to Amazon/);
    expect(calls(r, 'createFeed')).toHaveLength(1);
    // No report for the next run yet: asked for now, it would show Amazon before the feed.
    expect(calls(r, 'createReport')).toHaveLength(1);

    r.advance('20m');
    const second = sync();
    expect(second.outcome).toBe('ok');
    expect(second.message).toMatch(/24 FBM quantities accepted/);
    expect(second.message).toMatch(/24 earlier update\(s\) confirmed on Amazon/);
    // The read-back report, then the one asked for at the end for the next run.
    expect(calls(r, 'createReport')).toHaveLength(3);
    // The read-back report was asked for once Amazon said the feed was done, and before the run read
    // its tabs and the feed's result (Amazon prepares it meanwhile).
    const reportAt = Date.parse(calls(r, 'createReport')[1]!.at);
    const doneAt = Date.parse(calls(r, 'getFeed').at(-1)!.at);
    const resultAt = Date.parse(calls(r, 'getFeedDocument')[0]!.at);
    expect(reportAt).toBeGreaterThanOrEqual(doneAt);
    expect(reportAt).toBeLessThanOrEqual(resultAt);
    expect(calls(r, 'getFeed')).toHaveLength(1);
    expect(offers().map((o) => r.inventoryRow(o.sku)!['Push State'])).toEqual(offers().map(() => 'applied'));
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED')).toEqual([]);

    // Nothing left to confirm or push: the next run uses the report asked for at the end of the last.
    r.advance('20m');
    const third = sync();
    expect(third.outcome).toBe('ok');
    expect(third.message).toBe('No FBM quantity needed to change.');
    expect(calls(r, 'createFeed')).toHaveLength(1);
    expect(calls(r, 'createReport')).toHaveLength(4);
    r.assertInvariants();
  });

  it('asks for no report while the feed is still being processed, and confirms once it is done', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto', 'Feed threshold': 1 }, amazonBehaviour: { feedProcessing: '30m' } });
    const sync = large(r);
    sync();
    r.advance('10m');
    const waiting = sync();
    expect(waiting.outcome).toBe('partial');
    expect(calls(r, 'createReport')).toHaveLength(1);
    r.advance('30m');
    const done = sync();
    expect(done.outcome).toBe('ok');
    expect(done.message).toMatch(/24 earlier update\(s\) confirmed on Amazon/);
    expect(calls(r, 'createReport')).toHaveLength(3);
    r.assertInvariants();
  });

  it('a routine push is read back a run later, and the run that follows it waits for no report', () => {
    // 4 of 24 offers change; the other 20 are in step (proposed = on hand less the buffer of 1).
    const routine = offers().map((o, i) => (i < 4 ? o : { ...o, amazonQty: o.onHand - 1 }));
    const r = new InventoryRun({ offers: routine, settings: { 'Push mode': 'auto', 'Feed threshold': 1 } });
    const sync = large(r);
    expect(sync().message).toMatch(/submitted to Amazon/);
    // The next run's report is asked for as the push goes out.
    expect(calls(r, 'createReport')).toHaveLength(2);
    r.advance('20m');
    const second = sync();
    expect(second.message).toMatch(/4 FBM quantities accepted/);
    expect(second.message).not.toMatch(/confirmed/);
    // One poll for each report: the one asked for as the push went out was ready.
    expect(calls(r, 'getReport')).toHaveLength(2);
    expect(calls(r, 'createReport')).toHaveLength(3);
    r.advance('20m');
    expect(sync().message).toMatch(/4 earlier update\(s\) confirmed on Amazon/);
    r.assertInvariants();
  });

  it('a feed Amazon accepts but does not apply is still pending right after it, not reported too early', () => {
    const r = new InventoryRun({ offers: offers(), settings: { 'Push mode': 'auto', 'Feed threshold': 1 } });
    const sync = large(r);
    sync();
    r.advance('3m');
    // Someone sets F-00 back once the feed is processed, as if Amazon had not applied it.
    r.amazon('setListingQuantity', { sku: 'F-00', quantity: 0 });
    const second = sync();
    expect(second.message).toMatch(/23 earlier update\(s\) confirmed/);
    expect(r.inventoryRow('F-00')!['Push State']).toBe('accepted');
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED')).toEqual([]);
    // Judged once a report asked for past Amazon's settle time (15 minutes) still shows it.
    r.advance('30m');
    sync();
    r.advance('30m');
    sync();
    expect(r.openExceptions('STOCK_PUSH_NOT_APPLIED').map((e) => e['Entity'])).toEqual(['UK FBM F-00']);
    r.assertInvariants();
  });
});
