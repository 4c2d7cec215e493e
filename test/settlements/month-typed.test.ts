// A Settlement Lines Month or Posted typed over, through the bundle: Month is what finance splits
// the month end by, and it was written back as typed by every rewrite in an "ok" Recategorise, so a
// line's money could sit in another month (or in "2026-13") unseen. Now the cell is CELL_INVALID
// naming it and the month it should hold, kept as typed, and resolves once fixed.

import { describe, expect, it } from 'vitest';
import { imported } from './one-settlement';

describe("settlements: a line's Month or Posted typed over", () => {
  it('names a Month that is not the month of Posted, and resolves once it is', () => {
    const r = imported();
    r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Month: '2026-11' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
    const [cell] = r.openExceptions('CELL_INVALID');
    expect(cell!.Message).toMatch(/Settlement Lines, column Month, row 3 \(cell C3\), a line of settlement 25000000001: Month holds "2026-11", but the line was posted in 2026-10\. Type 2026-10/);
    expect(r.tab('Settlement Lines')[1]!.Month).toBe('2026-11');

    r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Month: '2026-10' });
    r.step({ run: 'recategoriseSettlements' });
    expect(r.syncLog().at(-1)!.Outcome).toBe('ok');
    expect(r.openExceptions('CELL_INVALID')).toEqual([]);
  });

  it('names a Posted that is no date or was emptied', () => {
    for (const typed of ['last week', '']) {
      const r = imported();
      r.edit('Settlement Lines', { 'Amount Description': 'Commission' }, { Posted: typed });
      r.step({ run: 'recategoriseSettlements' });
      expect(r.syncLog().at(-1)!.Outcome).toBe('partial');
      const [cell] = r.openExceptions('CELL_INVALID');
      expect(cell!.Message).toContain(typed ? `Posted holds "${typed}", not a date` : 'Posted is empty');
    }
  });
});
