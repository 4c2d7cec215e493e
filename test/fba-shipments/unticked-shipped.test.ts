// A shipment unticked after the 3PL shipped it (or whose cancel could not reach the 3PL in time) was
// said only in its Note: the boxes still go to Amazon, and nothing in Exceptions told anyone.

import { describe, expect, it } from 'vitest';
import { shippedFbaRun } from './world';

const ID = 'FBA15AAAA001';

describe('Send from 3PL unticked after the 3PL shipped', () => {
  it('is an exception until the shipment is ticked again or Amazon closes it', () => {
    const r = shippedFbaRun();
    r.tick(ID, false);
    r.syncFba();
    expect(r.shipment(ID)!.State).toBe('shipped');
    const [e] = r.openExceptions('FBA_SHIPMENT_SHIPPED_UNTICKED');
    expect(e!.Key).toBe(`FBA_SHIPMENT_SHIPPED_UNTICKED:${ID}`);
    expect(e!.Message).toContain(`Send from 3PL was unticked on FBA shipment ${ID}, but ShipBob had already shipped order`);
    r.tick(ID);
    r.syncFba();
    expect(r.openExceptions('FBA_SHIPMENT_SHIPPED_UNTICKED')).toEqual([]);
  });
});
