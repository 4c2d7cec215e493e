// A settlements run that reached Amazon and imported resolves the AUTH_FAILED an earlier refused
// call raised: the job names what it resolves (the reports it looked at), and the runner widens that
// with the sign-ins the run got past (kit/runner.ts), so a finance user does not keep a stale High.
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { InventoryRun } from '../inventory/builder';

describe('settlements and a sign-in that recovers', () => {
  it('an AUTH_FAILED from a refused sign-in is resolved by the next run that imports', () => {
    const uk = readFixture('uk-2026-10.txt');
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      amazonExtra: { settlements: [{ reportId: '900001', created: '2026-10-17T06:00:00Z', content: uk }] },
      faults: [{ system: 'lwa', operation: '*', kind: 'auth_expired', times: 1 }],
    });
    const importNow = () => r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    importNow();
    expect(r.openExceptions('AUTH_FAILED').map((e) => e['Key'])).toEqual(['AUTH_FAILED:amazon']);
    // The settlements job's own consequence, not the stock sync's.
    expect(r.openExceptions('AUTH_FAILED')[0]!['Message']).toMatch(/No settlement report can be listed or imported/);
    r.advance('30m');
    importNow();
    expect(r.syncLog().at(-1)!['Outcome']).toBe('ok');
    expect(r.tab('Settlements')).toHaveLength(1);
    expect(r.openExceptions('AUTH_FAILED')).toEqual([]);
  });
});
