// Two Settlement Map rows that cross (one "any" where the other names a value) and disagree on a line
// both match, through the bundle: the line stays UNMAPPED and the exception names both rows, but the
// import and Recategorise said "ok" (only rows of the same shape were counted as typed input). Typed
// input that cannot be used keeps the run from "ok", whoever finds it.

import { describe, expect, it } from 'vitest';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

const MAP = [
  ['Transaction Type', 'Amount Type', 'Amount Description', 'Category', 'Account', 'Notes'],
  ['Order', 'ItemPrice', 'any', 'Sales A', '', ''],
  ['any', 'ItemPrice', 'Principal', 'Sales B', '', ''],
];

describe('settlements: Settlement Map rows that cross and disagree', () => {
  it('leave the lines UNMAPPED and the runs partial until one is fixed', () => {
    const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) }], MAP);
    expect(r.tab('Settlement Lines').map((l) => l.Category)).toEqual(['UNMAPPED', 'UNMAPPED']);
    expect(r.openExceptions('SETTLEMENT_UNMAPPED')[0]!.Message).toMatch(/rows 2 and 3 both match it but say different things/);
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');

    r.edit('Settlement Map', { Category: 'Sales B' }, { Category: 'Sales A' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.tab('Settlement Lines').map((l) => l.Category)).toEqual(['Sales A', 'Sales A']);
  });
});
