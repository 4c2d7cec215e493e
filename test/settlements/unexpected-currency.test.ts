// A settlement in a currency none of the spreadsheet's marketplaces pays in (a USD report in a
// UK-only sheet), through the bundle: it was filed as a currency of its own in an "ok" run with no
// word. It is still imported and kept apart, and SETTLEMENT_MISMATCH:currency says whose it may be.

import { describe, expect, it } from 'vitest';
import { smallFile } from './memory-tabs';
import { importedFiles } from './one-settlement';

describe('settlements: a report in an unexpected currency', () => {
  it('is imported apart and raised when no served marketplace pays in it; GBP in a UK sheet is not', () => {
    const r = importedFiles([
      { reportId: 'r1', created: '2026-10-17T06:00:00Z', content: smallFile('25000000001', '41.00', ['50.00', '-9.00']) },
      { reportId: 'r2', created: '2026-10-17T07:00:00Z', content: smallFile('25000000002', '20.00', ['20.00']).replace('\tGBP\t', '\tUSD\t') },
    ]);
    expect(r.tab('Settlements').map((s) => [s['Settlement ID'], s.Currency])).toEqual([['25000000001', 'GBP'], ['25000000002', 'USD']]);
    const raised = r.openExceptions('SETTLEMENT_MISMATCH');
    expect(raised.map((e) => e.Key)).toEqual(['SETTLEMENT_MISMATCH:currency:25000000002']);
    expect(raised[0]!.Message).toMatch(/Settlement 25000000002 is in USD, but the marketplaces this spreadsheet serves \(UK\) are paid in GBP\./);
  });
});
