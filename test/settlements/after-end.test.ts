// Lines posted after their settlement ended (a wrong date: Amazon posts nothing after a settlement
// closes), through the bundle: they were imported as posted in an "ok" run, their money filed in a
// month the settlement never reached. Now they are still imported, SETTLEMENT_REPORT_FAILED:<id>:dates
// names them and the run is partial; lines posted before the start (deferred transactions) are fine.

import { describe, expect, it } from 'vitest';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

describe('settlements: lines posted after the settlement ended', () => {
  it('are imported as posted, named, and make the run partial', () => {
    const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00'], '2027-03-02') }]);
    const log = r.syncLog().at(-1)!;
    expect(log.Outcome).toBe('partial');
    expect(log.Message).toMatch(/settlement\(s\) 25000000001 have lines posted after the settlement ended, imported as posted/);
    expect(r.tab('Settlement Lines').map((l) => l.Month)).toEqual(['2027-03', '2027-03']);
    const [e] = r.openExceptions('SETTLEMENT_REPORT_FAILED');
    expect(e!.Key).toBe('SETTLEMENT_REPORT_FAILED:25000000001:dates');
    expect(e!.Message).toMatch(/2 line\(s\) of report r1 are posted after settlement 25000000001 ended on 2026-10-15: line 3 \(2027-03-02\), line 4 \(2027-03-02\)/);
  });

  it('says nothing of lines posted before the start (deferred transactions) or on the last day', () => {
    for (const posted of ['2026-09-20', '2026-10-15']) {
      const r = importedFiles([{ reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00'], posted) }]);
      expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
      expect(r.openExceptions('SETTLEMENT_REPORT_FAILED')).toEqual([]);
    }
  });
});
