// A settlement too large for one execution: its lines are appended in chunks, the count written is
// kept in document properties, the next run carries on from there, and the Settlements row appears
// only when every line is in — never a line twice, never one missing.

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { LINES_PER_APPEND, importSettlement } from '../../src/jobs/settlements/import';
import type { LineRecord } from '../../src/sheet/settlement-lines-tab';
import { memoryStore } from '../world/node-ports';
import { memoryTabs } from './memory-tabs';

const HEADER = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date';

function bigFile(lines: number): string {
  const rows = [HEADER, `7001\t2026-10-01T00:00:00+00:00\t2026-10-15T00:00:00+00:00\t2026-10-17T00:00:00+00:00\t${(lines * 1.25).toFixed(2)}\tGBP\t\t\t\t\t\t`];
  for (let i = 0; i < lines; i++) rows.push(`7001\t\t\t\t\t\tOrder\t206-0000000-${String(i).padStart(7, '0')}\tItemPrice\tPrincipal\t1.25\t2026-10-0${1 + (i % 9)}`);
  return rows.join('\n');
}

describe('a settlement larger than one execution', () => {
  it('resumes from the count written and writes the Settlements row once every line is in', () => {
    const total = LINES_PER_APPEND * 3 + 17;
    const parsed = parseSettlementFile(bigFile(total));
    if (!parsed.ok) throw new Error(parsed.message);
    const m = memoryTabs();
    const store = memoryStore();
    // Each "execution" has time for two appends only.
    const execution = () => {
      let appends = 0;
      const original = m.tabs.lines.append;
      const tabs = { ...m.tabs, lines: { ...m.tabs.lines, append: (l: readonly LineRecord[]) => (appends++, original(l)) } };
      const deadline = { remainingMs: () => (appends >= 2 ? 1_000 : 600_000) };
      return importSettlement({ tabs, store, deadline, linesKept: 1_000_000 }, parsed.settlement, 'a big file');
    };
    const first = execution();
    expect(first.status).toBe('partial');
    expect(m.lines).toHaveLength(LINES_PER_APPEND * 2);
    expect(m.settlements()).toHaveLength(0);
    const second = execution();
    expect(second.status).toBe('imported');
    expect(m.lines).toHaveLength(total);
    expect(new Set(m.lines.map((l) => l.orderId)).size).toBe(total);
    expect(m.settlements()).toHaveLength(1);
    expect(m.settlements()[0]!.differenceCents).toBe(0);
    // A third run finds it imported and changes nothing.
    expect(execution().status).toBe('duplicate');
    expect(m.lines).toHaveLength(total);
  });

  it('keeps the Settlement Lines tab within its line budget, dropping the oldest settlements first', () => {
    const m = memoryTabs();
    const store = memoryStore();
    const deadline = { remainingMs: () => 600_000 };
    for (const id of ['8001', '8002', '8003']) {
      const parsed = parseSettlementFile(bigFile(1_000).replace(/^7001/gm, id));
      if (!parsed.ok) throw new Error(parsed.message);
      importSettlement({ tabs: m.tabs, store, deadline, linesKept: 2_500 }, parsed.settlement, id);
    }
    expect(new Set(m.lines.map((l) => l.settlementId))).toEqual(new Set(['8002', '8003']));
    expect(m.settlements().map((r) => r.settlementId)).toEqual(['8001', '8002', '8003']);
  });
});

describe('two settlements part-imported at once', () => {
  it('keeps each one\'s progress, so an upload between the runs of a large import duplicates nothing', () => {
    const big = parseSettlementFile(bigFile(LINES_PER_APPEND * 3));
    const small = parseSettlementFile(bigFile(10).replace(/^7001/gm, '7002'));
    if (!big.ok || !small.ok) throw new Error('fixture');
    const m = memoryTabs();
    const store = memoryStore();
    let appends = 0;
    const tabs = { ...m.tabs, lines: { ...m.tabs.lines, append: (l: readonly LineRecord[]) => (appends++, m.tabs.lines.append(l)) } };
    const short = { remainingMs: () => (appends >= 1 ? 1_000 : 600_000) };
    expect(importSettlement({ tabs, store, deadline: short, linesKept: 1_000_000 }, big.settlement, 'big').status).toBe('partial');
    const long = { remainingMs: () => 600_000 };
    expect(importSettlement({ tabs, store, deadline: long, linesKept: 1_000_000 }, small.settlement, 'upload').status).toBe('imported');
    expect(importSettlement({ tabs, store, deadline: long, linesKept: 1_000_000 }, big.settlement, 'big').status).toBe('imported');
    expect(m.lines.filter((l) => l.settlementId === '7001')).toHaveLength(LINES_PER_APPEND * 3);
    expect(new Set(m.lines.filter((l) => l.settlementId === '7001').map((l) => l.orderId)).size).toBe(LINES_PER_APPEND * 3);
    expect(m.lines.filter((l) => l.settlementId === '7002')).toHaveLength(10);
  });
});

describe('the Settlement Map edited while a large settlement is being imported', () => {
  const mapOf = (category: string) => () => [{ 'Transaction Type': 'Order', 'Amount Type': 'ItemPrice', 'Amount Description': 'Principal', Category: category, Account: '4000', Notes: '' }];

  it('gives every line the category its Settlements row counts it in, never the earlier map\'s for the lines of earlier runs', () => {
    const total = LINES_PER_APPEND * 3;
    const parsed = parseSettlementFile(bigFile(total));
    if (!parsed.ok) throw new Error(parsed.message);
    const m = memoryTabs();
    const store = memoryStore();
    const execution = (category: string) => {
      let appends = 0;
      const original = m.tabs.lines.append;
      const tabs = { ...m.tabs, map: { ...m.tabs.map, records: mapOf(category) }, lines: { ...m.tabs.lines, append: (l: readonly LineRecord[]) => (appends++, original(l)) } };
      const deadline = { remainingMs: () => (appends >= 2 ? 1_000 : 600_000) };
      return importSettlement({ tabs, store, deadline, linesKept: 1_000_000 }, parsed.settlement, 'a big file');
    };
    expect(execution('Product sales').status).toBe('partial');
    // Finance renames the category between the runs; the import carries on over as many as it takes.
    const runs = [execution('Sales')];
    while (runs.at(-1)!.status === 'partial' && runs.length < 5) runs.push(execution('Sales'));
    const done = runs.at(-1)!;
    expect(done.status).toBe('imported');
    expect(runs[0]!.notes.join(' ')).toMatch(/Settlement Map changed/);
    expect(m.settlements()[0]!.byCategory).toEqual({ Sales: total * 125 });
    expect(m.lines).toHaveLength(total);
    expect(new Set(m.lines.map((l) => l.orderId)).size).toBe(total);
    expect(new Set(m.lines.map((l) => l.category))).toEqual(new Set(['Sales']));
  });

  it('carries on where it stopped when the map was edited in a way that changes none of its lines', () => {
    const parsed = parseSettlementFile(bigFile(LINES_PER_APPEND * 3));
    if (!parsed.ok) throw new Error(parsed.message);
    const m = memoryTabs();
    const store = memoryStore();
    let appends = 0;
    const original = m.tabs.lines.append;
    const lines = { ...m.tabs.lines, append: (l: readonly LineRecord[]) => (appends++, original(l)) };
    const short = { remainingMs: () => (appends >= 2 ? 1_000 : 600_000) };
    expect(importSettlement({ tabs: { ...m.tabs, map: { ...m.tabs.map, records: mapOf('Sales') }, lines }, store, deadline: short, linesKept: 1_000_000 }, parsed.settlement, 'f').status).toBe('partial');
    // A row for other lines added (as an import of another settlement appends an unmapped triple).
    const wider = () => [...mapOf('Sales')(), { 'Transaction Type': 'Order', 'Amount Type': 'ItemFees', 'Amount Description': 'Commission', Category: 'Selling fees', Account: '', Notes: '' }];
    const long = { remainingMs: () => 600_000 };
    expect(importSettlement({ tabs: { ...m.tabs, map: { ...m.tabs.map, records: wider }, lines }, store, deadline: long, linesKept: 1_000_000 }, parsed.settlement, 'f').status).toBe('imported');
    expect(appends).toBe(3);
    expect(m.lines).toHaveLength(LINES_PER_APPEND * 3);
  });
});
