// A settlement delivered again (a new report id, two reports listed for it, or its file uploaded),
// through the bundle: a whole copy replaces an import that came in incomplete (a truncated
// download), so its money is not lost for good; a copy with another total is raised, never passed
// over as "already imported"; an identical copy changes nothing.

import { describe, expect, it } from 'vitest';
import type { InventoryRun } from '../inventory/builder';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

const ID = '25000000001';
const whole = smallFile(ID, '41.00', ['50.00', '-7.50', '-1.50']);
/** The same file cut short in its last line, as a download that stopped mid-line. */
const truncated = whole.slice(0, whole.lastIndexOf('\t-1.50'));

const linesOf = (r: InventoryRun) => r.tab('Settlement Lines').filter((l) => l['Settlement ID'] === ID);
const rowOf = (r: InventoryRun) => r.tab('Settlements').filter((s) => s['Settlement ID'] === ID);
const openKeys = (r: InventoryRun) => r.openExceptions().map((e) => e.Key).filter((k) => k!.includes(ID)).sort();

describe('settlements: a settlement delivered again', () => {
  it('replaces an incomplete import with a whole later report: every line once, the mismatch resolved', () => {
    const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: truncated }]);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    expect(rowOf(r)[0]!['Difference']).toBe('-1.50');
    expect(openKeys(r)).toEqual([`SETTLEMENT_MISMATCH:${ID}`, `SETTLEMENT_REPORT_FAILED:${ID}:lines`]);

    r.amazon('addSettlement', { settlement: { reportId: 'r2', created: '2026-11-02T08:05:00Z', content: whole } });
    r.advance('1h');
    r.step({ run: 'syncNow', args: ['settlements'], as: 'sidebar' });
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('ok');
    expect(log.Message).toMatch(/imported before from an incomplete report \(2 line\(s\), adding up to 42\.50 GBP of 41\.00 GBP\): report r2 holds all 3 of its lines/);
    expect(linesOf(r).map((l) => l['Amount'])).toEqual(['50.00', '-7.50', '-1.50']);
    expect(rowOf(r)).toHaveLength(1);
    expect(rowOf(r)[0]!['Lines Total']).toBe('41.00');
    expect(rowOf(r)[0]!['Difference']).toBe('0.00');
    expect(openKeys(r)).toEqual([]);
  });

  it('takes the whole one of two reports listed for the settlement in one run, counting it once', () => {
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: truncated },
      { reportId: 'r2', created: '2026-10-17T07:00:00Z', content: whole },
    ]);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('ok');
    expect(log.Message).toMatch(/^1 settlement\(s\) imported \(3 lines\)/);
    expect(linesOf(r)).toHaveLength(3);
    expect(rowOf(r)[0]!['Difference']).toBe('0.00');
    expect(openKeys(r)).toEqual([]);
  });

  it('replaces an incomplete import with the whole file uploaded from the sidebar', () => {
    const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: truncated }]);
    r.step({ run: 'importSettlementFile', args: ['s.txt', Buffer.from(whole).toString('base64')], as: 'sidebar' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(linesOf(r)).toHaveLength(3);
    expect(rowOf(r)[0]!['Difference']).toBe('0.00');
    expect(openKeys(r)).toEqual([]);
  });

  it('keeps a whole import and raises a later report with another total, the run partial', () => {
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: whole },
      { reportId: 'r2', created: '2026-10-17T07:00:00Z', content: smallFile(ID, '42.00', ['51.00', '-7.50', '-1.50']) },
    ]);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/Report r2 reports another total for settlement 25000000001/);
    expect(linesOf(r).map((l) => l['Amount'])).toEqual(['50.00', '-7.50', '-1.50']);
    const e = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(e.map((x) => x.Key)).toEqual([`SETTLEMENT_MISMATCH:${ID}:again`]);
    expect(e[0]!.Message).toMatch(/reports a total of 42\.00 GBP where the imported one reports 41\.00 GBP \(difference 1\.00 GBP\)/);
  });

  it('changes nothing for an identical copy, and for a cut copy of a whole import', () => {
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: whole },
      { reportId: 'r2', created: '2026-10-17T07:00:00Z', content: whole },
      { reportId: 'r3', created: '2026-10-17T08:00:00Z', content: truncated },
    ]);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('ok');
    expect(log.Message).toMatch(/2 already imported, left as they were/);
    expect(linesOf(r)).toHaveLength(3);
    expect(openKeys(r)).toEqual([]);
  });
});
