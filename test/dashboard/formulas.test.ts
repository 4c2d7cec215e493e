// The Dashboard's last-success formulas (core/dashboard-formulas): what they say, and which cells
// the tab module may leave alone because they already hold a job's own formula.
import { describe, expect, it } from 'vitest';
import { lastSuccessFloor, lastSuccessFormula } from '../../src/core/dashboard-formulas';

const LOG = { tab: 'Sync Log', job: 2, end: 4, outcome: 5 };

describe('lastSuccessFormula', () => {
  it('takes the later of the recorded success and the job\'s latest ok or held row', () => {
    expect(lastSuccessFormula('orders', '2026-03-29 01:59:07', LOG)).toBe(
      `=MAX(DATE(2026,3,29)+TIME(1,59,7),IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"orders",'Sync Log'!$E:$E,"ok"),0),IFERROR(MAXIFS('Sync Log'!$D:$D,'Sync Log'!$B:$B,"orders",'Sync Log'!$E:$E,"held"),0))`,
    );
  });

  it('follows the Sync Log where people moved its columns, and quotes a name with an apostrophe', () => {
    const f = lastSuccessFormula('inventory', '2026-11-02 08:00:00', { tab: "Bob's log", job: 27, end: 1, outcome: 3 })!;
    expect(f).toContain(`MAXIFS('Bob''s log'!$A:$A,'Bob''s log'!$AA:$AA,"inventory",'Bob''s log'!$C:$C,"ok")`);
  });

  it('matches a job name with wildcard characters literally', () => {
    expect(lastSuccessFormula('a*b?', '2026-11-02 08:00:00', LOG)).toContain('"a~*b~?"');
  });

  it('gives nothing for a time it cannot read', () => {
    expect(lastSuccessFormula('orders', '02/11/2026 08:00', LOG)).toBeNull();
  });
});

describe('lastSuccessFloor', () => {
  const f = lastSuccessFormula('inventory', '2026-11-02 08:00:05', LOG)!;

  it('knows the job\'s formula whatever its floor, even without the quotes or in lower case', () => {
    expect(lastSuccessFloor(f, 'inventory', LOG)).toBe('2026-11-02 08:00:05');
    expect(lastSuccessFloor(lastSuccessFormula('inventory', '2025-01-31 23:59:59', LOG)!, 'inventory', LOG)).toBe('2025-01-31 23:59:59');
    expect(lastSuccessFloor(f.replace(/'/g, '').toLowerCase(), 'inventory', LOG)).toBe('2026-11-02 08:00:05');
  });

  it('does not take another job\'s formula, other columns, or a person\'s own formula', () => {
    expect(lastSuccessFloor(f, 'orders', LOG)).toBeNull();
    expect(lastSuccessFloor(f, 'inventory', { ...LOG, end: 3 })).toBeNull();
    expect(lastSuccessFloor('=NOW()', 'inventory', LOG)).toBeNull();
    expect(lastSuccessFloor(`${f}+1`, 'inventory', LOG)).toBeNull();
  });
});
