// "FBA ship-from location" (or the one "3PL locations" entry) as people type it: a location's name
// is matched to its ID like everywhere else, and a name or ID the 3PL does not have is one
// CONFIG_INVALID on the Settings cell listing the 3PL's locations, the run partial, nothing sent.

import { describe, expect, it } from 'vitest';
import { FbaRun, fbaWorld, LOCATION } from './world';

const world = (settings: Record<string, string | number>) =>
  fbaWorld([{ shipmentId: 'FBA15LOC0001', inboundPlanId: 'wf00000001-5a1e-4c0d-9e55-000000000001', items: [{ sku: 'TEE-M-FBA', quantityShipped: 5 }] }], {
    settings: { 'Push mode': 'auto', 'Default safety buffer': 0, ...settings },
  });
const locationProblems = (r: FbaRun) => r.openExceptions('CONFIG_INVALID').filter((e) => (e.Entity ?? '').startsWith('Settings: '));

describe('FBA shipments: the ship-from location setting', () => {
  it('sends from a location typed by its name, in another case', () => {
    const r = new FbaRun(world({ 'FBA ship-from location': 'manchester' }));
    r.syncFba();
    r.tick('FBA15LOC0001');
    expect(r.syncFba().outcome).toBe('ok');
    const orders = r.run.threePl.state.orders as Array<{ referenceId: string; location?: number }>;
    expect(orders.map((o) => o.referenceId)).toEqual(['FBA15LOC0001']);
    expect(locationProblems(r)).toEqual([]);
  });

  for (const [setting, typed] of [['FBA ship-from location', 'Leeds'], ['FBA ship-from location', '99'], ['3PL locations', 'Leeds']] as const) {
    it(`${setting} = "${typed}": CONFIG_INVALID on that cell with the locations, partial, nothing sent; sent once fixed`, () => {
      const r = new FbaRun(world({ [setting]: typed }));
      r.syncFba();
      r.tick('FBA15LOC0001');
      const res = r.syncFba();
      expect(res.outcome).toBe('partial');
      expect(r.threePlOrders()).toEqual([]);
      const problems = locationProblems(r).filter((e) => e.Entity === `Settings: ${setting}`);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.Message).join(' ')).toMatch(new RegExp(`holds "${typed}", which is no ShipBob location\\. Type one of ShipBob's location IDs or names: ${LOCATION} \\(Manchester\\)`));
      expect(r.shipment('FBA15LOC0001')!.State).toBe('held');

      r.setting(setting, String(LOCATION));
      r.advance('10m');
      expect(r.syncFba().outcome).toBe('ok');
      expect(r.threePlOrders().map((o) => o.reference)).toEqual(['FBA15LOC0001']);
      expect(locationProblems(r)).toEqual([]);
    });
  }
});
