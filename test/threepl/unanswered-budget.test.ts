// A 3PL call that went unanswered costs a whole fetch timeout (about a minute in Apps Script). The
// ShipBob and Mintsoft clients tried it again whenever the back-off alone fitted the run's budget,
// so a run with 40 s left sent another try that waited out another minute, past its budget. A call
// that got no answer is now tried again only when another whole timeout fits; otherwise it ends
// unanswered at once, as after its last attempt.

import { describe, expect, it } from 'vitest';
import { ThreePlNoAnswer } from '../../src/threepl/no-answer';
import { rig as shipBobRig } from './harness';
import { rig as mintsoftRig } from './mintsoft/harness';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('a 3PL call that goes unanswered near the end of the run', () => {
  it('ShipBob: not tried again when another timeout would pass the budget', () => {
    const r = shipBobRig({ faults: [{ system: 'threePl', operation: 'get-locations', kind: 'timeout', times: 10 }], budgetMs: 100_000 });
    const start = r.clock.now();
    const e = thrown(() => r.adapter.listWarehouses());
    expect(e).toBeInstanceOf(ThreePlNoAnswer);
    // Tried once: the message must not claim retries that never happened.
    expect((e as Error).message).toMatch(/^ShipBob did not answer \(get-locations\): /);
    expect(r.count('GET', '/location')).toBe(1);
    expect(r.clock.now() - start).toBeLessThanOrEqual(100_000);
  });

  it('Mintsoft: not tried again when another timeout would pass the budget', () => {
    const r = mintsoftRig({ faults: [{ system: 'threePl', operation: 'GET /api/Warehouse', kind: 'timeout', times: 10 }], budgetMs: 100_000 });
    const start = r.clock.now();
    const e = thrown(() => r.adapter.listWarehouses());
    expect(e).toBeInstanceOf(ThreePlNoAnswer);
    expect((e as Error).message).not.toMatch(/even after retries/);
    expect(r.count('GET', '/api/Warehouse')).toBe(1);
    expect(r.clock.now() - start).toBeLessThanOrEqual(100_000);
  });

  it('both still try again while another timeout fits', () => {
    const s = shipBobRig({ faults: [{ system: 'threePl', operation: 'get-locations', kind: 'timeout', times: 1 }], budgetMs: 300_000 });
    expect(s.adapter.listWarehouses().length).toBeGreaterThan(0);
    expect(s.count('GET', '/location')).toBe(2);
    const m = mintsoftRig({ faults: [{ system: 'threePl', operation: 'GET /api/Warehouse', kind: 'timeout', times: 1 }], budgetMs: 300_000 });
    expect(m.adapter.listWarehouses().length).toBeGreaterThan(0);
    expect(m.count('GET', '/api/Warehouse')).toBe(2);
  });
});
