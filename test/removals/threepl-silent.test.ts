// A 3PL that gives no usable answer to receipt creates (timeouts or 5xx on the create and on the
// lookups after it): each removal spent two creates and their lookups (a minute or more of timeouts
// apiece) and the next removal tried again, so the run's time budget cut it, the Amazon step after
// the receipts (asking for the next reports) with it. The first such create now stops the receipts:
// that removal is `outcome unknown` (looked up next run), the rest stay `to send`, the run is partial
// and names the 3PL as not reachable, and once it answers each removal has exactly one receipt.

import { describe, expect, it } from 'vitest';
import { removalWorld, RemovalsRun, type RemovalSeed } from './world';

const CREATE = 'create-warehouse-receiving-order';

function removals(n: number): RemovalSeed[] {
  return Array.from({ length: n }, (_, i) => ({
    orderId: `RMV-${String(i + 1).padStart(3, '0')}`,
    lines: [{ requested: 2 }],
    shipments: [{ shipmentDate: '2026-11-01T10:00:00Z', quantity: 2, trackingNumber: `RM${String(i + 1).padStart(9, '0')}GB` }],
  }));
}

describe('removals: the 3PL gives no usable answer to receipt creates', () => {
  for (const [name, fault] of [
    ['a timeout on every create', { operation: CREATE, kind: 'timeout' }],
    ['a 500 on every create', { operation: CREATE, kind: '500' }],
    ['no answer to any call once the receipts start', { operation: '*', kind: 'timeout', after: 3 }],
  ] as const) {
    it(`${name}: one removal tried, the rest wait to send, partial naming ShipBob; then one receipt each`, () => {
      const seeds = removals(4);
      const r = new RemovalsRun(removalWorld(seeds));
      r.run.faults.add({ system: 'threePl', times: 1000, ...fault });
      const run = r.syncRemovals();
      expect(run.execution).toBe('ok');
      expect(run.outcome).toBe('partial');
      expect(run.message).toMatch(/Not reachable this run, tried again next run: ShipBob gave no usable answer to creating the receipt for removal RMV-001/);
      expect(run.message).toMatch(/3 still to send/);
      // Not cut by the time budget: the silence was heard once.
      expect(run.message).not.toMatch(/Stopped before/);
      expect(r.removals().map((x) => x.State)).toEqual(['outcome unknown', 'to send', 'to send', 'to send']);
      r.run.faults.clear();
      r.advance('10m');
      expect(r.syncRemovals().outcome).toBe('ok');
      for (const s of seeds) expect(r.wrosFor(s.orderId).filter((w) => w.status !== 'Cancelled'), s.orderId).toHaveLength(1);
      expect(r.removals().map((x) => x.State)).toEqual(['expected', 'expected', 'expected', 'expected']);
      expect(r.openExceptions('REMOVAL_RECEIPT_FAILED')).toEqual([]);
    });
  }
});
