import { describe, expect, it } from 'vitest';
import { makeRunId, syncLogRecord, trimSyncLog } from '../../src/core/sync-log';
import { TABS } from '../../src/core/tabs';

const SYNC_LOG_HEADERS = TABS.syncLog.columns.map((c) => c.header);

const T0 = Date.UTC(2026, 10, 2, 8);
const DAY = 86_400_000;

describe('sync log rows', () => {
  it('builds a row with dates, counts text and API calls', () => {
    const rec = syncLogRecord({
      runId: makeRunId('inventory', T0, 'k3f9'),
      job: 'inventory',
      start: T0,
      end: T0 + 42_000,
      outcome: 'ok',
      counts: { offers: 120, changes: 4, opened: 0 },
      amazonCalls: 7,
      threePlCalls: 3,
      message: 'Pushed 4 quantities by patch.',
    });
    expect(rec).toEqual({
      'Run ID': 'inventory-20261102080000-k3f9',
      Job: 'inventory',
      Start: new Date(T0),
      End: new Date(T0 + 42_000),
      Outcome: 'ok',
      // In words (COUNT_WORDS), zeros left out.
      Counts: '120 offers checked, 4 stock changes proposed',
      'Amazon Calls': 7,
      '3PL Calls': 3,
      Message: 'Pushed 4 quantities by patch.',
    });
    expect(Object.keys(rec)).toEqual(SYNC_LOG_HEADERS);
  });

  it('leaves End empty for an unfinished run and shortens huge messages', () => {
    const rec = syncLogRecord({ runId: 'r', job: 'orders', start: T0, end: null, outcome: 'partial', counts: {}, amazonCalls: 0, threePlCalls: 0, message: 'x'.repeat(10_000) });
    expect(rec['End']).toBe('');
    expect(rec['Counts']).toBe('');
    expect(String(rec['Message']).length).toBe(2000);
    // A key the table does not know reads as words; only zeros say so.
    expect(syncLogRecord({ runId: 'r', job: 'orders', start: T0, end: T0, outcome: 'ok', counts: { tooSlowNow: 1, b: 0 }, amazonCalls: 0, threePlCalls: 0, message: '' })['Counts']).toBe('1 too slow now');
    expect(syncLogRecord({ runId: 'r', job: 'orders', start: T0, end: T0, outcome: 'ok', counts: { sent: 0 }, amazonCalls: 0, threePlCalls: 0, message: '' })['Counts']).toBe('nothing to count');
  });
});

describe('trimSyncLog', () => {
  const rows = [
    { 'Run ID': 'old', Start: new Date(T0 - 31 * DAY) },
    { 'Run ID': 'edge', Start: new Date(T0 - 30 * DAY) },
    { 'Run ID': 'iso-old', Start: new Date(T0 - 40 * DAY).toISOString() },
    { 'Run ID': 'note', Start: 'ask Sam' },
    { 'Run ID': 'new', Start: new Date(T0 - DAY) },
  ];

  it('removes rows older than the retention and keeps what it cannot date', () => {
    const r = trimSyncLog(rows, { now: T0, retentionDays: 30 });
    expect(r.kept.map((x) => x['Run ID'])).toEqual(['edge', 'note', 'new']);
    expect(r.removedIndexes).toEqual([0, 2]);
  });
});
