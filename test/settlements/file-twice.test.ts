// One settlement file saved twice into one (two downloads joined, or a download repeated): its
// second header was read as a line of a settlement named "settlement-id" ("import it as a file of
// its own"), its second summary as a line without an amount, and every line of the second copy was
// imported again, so Settlement Lines held the settlement twice. Now a repeated header starts the
// second copy; a copy of the same settlement that repeats the first line for line is left out (named,
// never counted twice), and a second header never names a settlement.

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { importedFiles, file } from './one-settlement';

describe('a settlement file holding the same settlement twice', () => {
  it('reads the first copy and leaves the identical second copy out, naming it', () => {
    const once = file('25000000001');
    const parsed = parseSettlementFile(once + once);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.settlement.lines.map((l) => l.lineNo)).toEqual([3, 4, 5]);
    expect(parsed.settlement.problems.every((p) => p.otherSettlement === undefined)).toBe(true);
    expect(parsed.settlement.problems.map((p) => p.lineNo)).toEqual([7, 8, 9, 10]);
    expect(parsed.settlement.problems[0]!.message).toMatch(/second copy of settlement 25000000001 .*line 6/);
  });

  it('imports it once through the bundle: lines not doubled, totals tie, the copy named', () => {
    const once = file('25000000001');
    const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: once + once }]);
    expect(r.tab('Settlement Lines')).toHaveLength(3);
    expect(r.tab('Settlements')[0]).toMatchObject({ 'Reported Total': '41.00', 'Lines Total': '41.00', Difference: '0.00' });
    expect(r.openExceptions('SETTLEMENT_MISMATCH')).toEqual([]);
    const [failed] = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(failed!.Message).toMatch(/holds settlement 25000000001 twice \(its header again at line 6.*lines 7–10\) were left out, so the settlement is counted once/);
    expect(failed!.Message).not.toMatch(/Difference column/);
    expect(failed!.Message).not.toMatch(/settlement settlement-id/);
  });

  it('a second header followed by another settlement is that other settlement, never one named "settlement-id"', () => {
    const parsed = parseSettlementFile(file('25000000001') + file('25000000002'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.settlement.lines).toHaveLength(3);
    expect(new Set(parsed.settlement.problems.map((p) => p.otherSettlement))).toEqual(new Set(['25000000002']));
  });
});
