// A stock run that fails (a 3PL or Amazon answer it cannot use, after retries) says in its Sync Log
// message what is left: nothing pushed and a fresh start next run, or a push already with Amazon that
// the next run follows. The error alone would leave people guessing whether stock went out.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from './builder';

const offers = [
  { sku: 'TEE-M', onHand: 25, buffer: 3 },
  { sku: 'MUG-1', onHand: 10, buffer: 0 },
];

describe('a failed stock run says what is left', () => {
  it('nothing pushed: the 3PL stock could not be read', () => {
    // Four garbled answers: every attempt of the read (one cut short is asked again).
    const r = new InventoryRun({ offers, faults: [{ system: 'threePl', operation: 'get-all-inventory-levels-grouped-by-fulfillment-center', kind: 'malformed', times: 4 }] });
    const run = r.sync();
    expect(run.outcome).toBe('failed');
    expect(run.message).toMatch(/not JSON/);
    expect(run.message).toMatch(/Nothing was pushed to Amazon\.$/);
    expect(r.writes()).toEqual([]);
  });

  it('a push already with Amazon: its feed could not be followed', () => {
    const r = new InventoryRun({ offers, settings: { 'Feed threshold': 1 }, faults: [{ system: 'amazon', operation: 'getFeed', kind: 'malformed', times: 20 }] });
    expect(r.sync().message).toMatch(/submitted to Amazon/);
    r.advance('10m');
    const run = r.sync();
    expect(run.outcome).toBe('failed');
    expect(run.message).toMatch(/getFeed/);
    expect(run.message).toMatch(/The push already started carries on in the next run\.$/);
  });
});
