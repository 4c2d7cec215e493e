// Retention (docs/design.md §2: a spreadsheet holds at most 10 million cells, so every growing tab has a
// retention rule): Sync Log rows older than "Log retention (days)" go, at most once a day.

import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';
import { TABS } from '../../src/core/tabs';

const header = TABS.syncLog.columns.map((c) => c.header);
const row = (id: string, start: string) => [id, 'inventory', start, start, 'ok', '', 0, 0, 'old run'];

describe('Sync Log retention', () => {
  it('removes rows older than the retention, keeps recent ones and rows it cannot date', () => {
    const { gas, runtime, world } = makeWorld({
      start: '2026-11-02T08:00:00Z',
      sheet: {
        'Sync Log': [header, row('r-old', '2026-09-01 08:00'), row('r-recent', '2026-10-30 08:00'), ['a note someone typed']],
        Settings: [['Key', 'Value', 'Help'], ['Log retention (days)', 30, '']],
      },
    });
    runtime.run('setupSheets');
    const first = runtime.run('syncNow', ['nonsense'], { kind: 'sidebar' });
    const ids = gas.spreadsheet.toDisplayJson()['Sync Log']!.slice(1).map((r) => r[0]);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain('r-old');
    expect(ids).toContain('r-recent');
    expect(ids).toContain('a note someone typed');

    // Within the same day nothing is re-read: the next run only appends.
    world.clock.advance(3_600_000);
    const again = runtime.run('syncNow', ['nonsense'], { kind: 'sidebar' });
    expect(gas.spreadsheet.toDisplayJson()['Sync Log']!.length).toBe(5);
    expect(again.record.spreadsheetCalls).toBeLessThan(first.record.spreadsheetCalls);
  });
});
