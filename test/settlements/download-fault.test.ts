// Amazon answering one report's getReportDocument with a body cut short (past the client's five
// attempts), through the bundle: the run failed at that report, so the reports after it waited too
// (and with a flaky Amazon, every run).
// Now that report is SETTLEMENT_REPORT_FAILED and tried again next run, the others are imported, and
// nothing is imported twice.

import { describe, expect, it } from 'vitest';
import { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';

describe('settlements: a report document Amazon garbles', () => {
  it('leaves that report for the next run and imports the others meanwhile', () => {
    const r = new InventoryRun({
      offers: [{ sku: 'TEE-M', onHand: 5 }],
      settings: { 'Push mode': 'dry-run' },
      faults: [{ system: 'amazon', operation: 'getReportDocument', kind: 'malformed', times: 5 }],
      amazonExtra: {
        settlements: [
          { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
          { reportId: 'r2', created: '2026-10-31T06:00:00Z', content: smallFile('25000000002', '20.00', ['20.00']) },
        ],
      },
    });
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/report r1 could not be downloaded, the next run tries again/);
    expect(r.tab('Settlements').map((s) => s['Settlement ID'])).toEqual(['25000000002']);
    expect(r.openExceptions('SETTLEMENT_REPORT_FAILED').map((e) => e.Key)).toEqual(['SETTLEMENT_REPORT_FAILED:report:r1']);

    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.tab('Settlements').map((s) => s['Settlement ID']).sort()).toEqual(['25000000001', '25000000002']);
    expect(r.tab('Settlement Lines')).toHaveLength(3);
    expect(r.openExceptions('SETTLEMENT_REPORT_FAILED')).toEqual([]);
  });
});
