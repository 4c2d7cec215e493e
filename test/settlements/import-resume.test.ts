// A settlement too large for one execution: its lines are appended in chunks, the count written is
// kept in document properties, the next run carries on from there, and the Settlements row appears
// only when every line is in — never a line twice, never one missing.

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { LINES_PER_APPEND, importSettlement, type SettlementTabs } from '../../src/jobs/settlements/import';
import type { LineRecord } from '../../src/sheet/settlement-lines-tab';
import type { SettlementRecord } from '../../src/sheet/settlements-tab';
import { memoryStore } from '../world/node-ports';

const HEADER = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date';

function bigFile(lines: number): string {
  const rows = [HEADER, `7001\t2026-10-01T00:00:00+00:00\t2026-10-15T00:00:00+00:00\t2026-10-17T00:00:00+00:00\t${(lines * 1.25).toFixed(2)}\tGBP\t\t\t\t\t\t`];
  for (let i = 0; i < lines; i++) rows.push(`7001\t\t\t\t\t\tOrder\t206-0000000-${String(i).padStart(7, '0')}\tItemPrice\tPrincipal\t1.25\t2026-10-0${1 + (i % 9)}`);
  return rows.join('\n');
}

function memoryTabs() {
  const lines: LineRecord[] = [];
  let settlements: SettlementRecord[] = [];
  const tabs: SettlementTabs = {
    map: { records: () => [], appendUnmapped: () => undefined },
    settlements: { rows: () => settlements, problems: () => [], write: (rows) => void (settlements = [...rows]) },
    lines: { append: (l) => void lines.push(...l), all: () => lines.map((l, i) => ({ ...l, sheetRow: i + 2, cells: {} })), write: (l) => void lines.splice(0, lines.length, ...l) },
  };
  return { tabs, lines, settlements: () => settlements };
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
