// What one import checks and reports beyond the lines themselves: the lines' total against
// Amazon's reported total to the penny, lines of the settlement already in the tab (replaced, never
// doubled), and the line budget (older settlements trimmed, never the one just imported).

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { importSettlement } from '../../src/jobs/settlements/import';
import { memoryStore } from '../world/node-ports';
import { memoryTabs, smallFile } from './memory-tabs';

const deadline = { remainingMs: () => 600_000 };

function importText(m: ReturnType<typeof memoryTabs>, text: string, store = memoryStore(), linesKept = 1_000_000) {
  const parsed = parseSettlementFile(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return importSettlement({ tabs: m.tabs, store, deadline, linesKept }, parsed.settlement, 'a file');
}

describe('the lines against the reported total', () => {
  it('raises SETTLEMENT_MISMATCH for a difference of one penny, either way', () => {
    for (const total of ['41.01', '40.99']) {
      const result = importText(memoryTabs(), smallFile('5001', total, ['50.00', '-9.00']));
      expect(result.raised.map((x) => x.type)).toContain('SETTLEMENT_MISMATCH');
    }
  });

  it('names a line the file repeats when the lines do not add up, and how much it accounts for', () => {
    const text = smallFile('5003', '41.00', ['50.00', '-9.00']);
    const repeated = `${text}\n${text.split('\n').at(-1)}`;
    const result = importText(memoryTabs(), repeated);
    const mismatch = result.raised.find((x) => x.type === 'SETTLEMENT_MISMATCH')!;
    expect(mismatch.message).toContain('(difference 9.00 GBP). 1 line(s) repeat an earlier line in every column read (line 5 repeats line 4; -9.00 GBP in all, which accounts for the whole difference)');
  });

  it('raises nothing when the lines add up exactly', () => {
    const result = importText(memoryTabs(), smallFile('5002', '41.00', ['50.00', '-9.00']));
    expect(result.raised.map((x) => x.type)).not.toContain('SETTLEMENT_MISMATCH');
  });
});

const amounts = (n: number) => Array.from({ length: n }, () => '1.00');
const fileOf = (id: string, n: number) => smallFile(id, `${n}.00`, amounts(n));

describe('lines of the settlement already in Settlement Lines', () => {
  it('replaces them when its Settlements row was deleted and the file is imported again, so none is doubled', () => {
    const m = memoryTabs();
    const store = memoryStore();
    importText(m, fileOf('6001', 3), store);
    importText(m, fileOf('6002', 2), store);
    // Finance deletes 6001's Settlements row, then imports the same file again.
    m.setSettlements(m.settlements().filter((r) => r.settlementId !== '6001'));
    const again = importText(m, fileOf('6001', 3), store);
    expect(again.status).toBe('imported');
    expect(m.lines.filter((l) => l.settlementId === '6001')).toHaveLength(3);
    expect(m.lines.filter((l) => l.settlementId === '6002')).toHaveLength(2);
    expect(m.settlements().map((r) => r.settlementId).sort()).toEqual(['6001', '6002']);
    expect(again.notes.join(' ')).toMatch(/Settlement 6001 had no Settlements row but 3 of its lines were in Settlement Lines: they were replaced/);
  });

  it('replaces lines no import in progress accounts for (some deleted by hand), so the file is whole once', () => {
    const m = memoryTabs();
    const store = memoryStore();
    // Lines of 6003 that no import wrote (pasted, or left by a deleted row) and no progress recorded.
    importText(m, fileOf('6003', 4), store);
    m.setSettlements([]);
    m.lines.splice(0, 1);
    const result = importText(m, fileOf('6003', 4), store);
    expect(result.status).toBe('imported');
    expect(m.lines).toHaveLength(4);
    expect(new Set(m.lines.map((l) => l.orderId)).size).toBe(4);
  });
});

describe('the line budget', () => {
  it('never drops the settlement just imported, and says it is over the budget', () => {
    const m = memoryTabs();
    const result = importText(m, fileOf('7101', 1_200), memoryStore(), 1_000);
    expect(result.status).toBe('imported');
    expect(m.lines).toHaveLength(1_200);
    expect(result.notes.join(' ')).toMatch(/Settlement 7101 alone has 1200 lines, more than the 1000 of Settings "Settlement lines kept": all its lines were kept/);
  });

  it('trims older settlements only, and says which', () => {
    const m = memoryTabs();
    const store = memoryStore();
    expect(importText(m, fileOf('7201', 600), store, 1_000).notes).toEqual([]);
    const second = importText(m, fileOf('7202', 1_200), store, 1_000);
    expect(new Set(m.lines.map((l) => l.settlementId))).toEqual(new Set(['7202']));
    expect(m.lines).toHaveLength(1_200);
    const said = second.notes.join(' ');
    expect(said).toMatch(/the 600 lines of 1 older settlement\(s\) were removed \(7201\); their Settlements rows stay/);
    expect(said).toMatch(/Settlement 7202 alone has 1200 lines/);
    // Both Settlements rows stay.
    expect(m.settlements().map((r) => r.settlementId)).toEqual(['7201', '7202']);
  });
});

describe('the line budget after people sorted Settlement Lines', () => {
  it('trims the oldest settlement by its End date, not the lines at the top of the tab', () => {
    const m = memoryTabs();
    const store = memoryStore();
    const ended = (id: string, end: string) => smallFile(id, '10.00', ['5.00', '5.00']).replace('2026-10-15T00:00:00+00:00', end);
    importText(m, ended('9001', '2026-09-15T00:00:00+00:00'), store);
    importText(m, ended('9002', '2026-10-15T00:00:00+00:00'), store);
    // Sorted Z→A by Settlement ID: the newer settlement's lines now come first.
    m.lines.reverse();
    const r = importText(m, ended('9003', '2026-10-31T00:00:00+00:00'), store, 4);
    expect(new Set(m.lines.map((l) => l.settlementId))).toEqual(new Set(['9002', '9003']));
    expect(r.notes.join(' ')).toMatch(/older settlement\(s\) were removed \(9001\)/);
  });
});

describe('a file holding two settlements', () => {
  it('imports the first and names the one left out, with what to do', () => {
    const m = memoryTabs();
    const second = smallFile('9102', '20.00', ['20.00']).split('\n').slice(1).join('\n');
    const r = importText(m, `${smallFile('9101', '10.00', ['10.00'])}\n${second}`);
    expect(r.status).toBe('imported');
    expect(m.settlements().map((s) => s.settlementId)).toEqual(['9101']);
    const failed = r.raised.find((e) => e.type === 'SETTLEMENT_REPORT_FAILED')!;
    expect(failed.message).toMatch(/holds more than one settlement: only settlement 9101, the first, was imported; settlement 9102 \(2 line\(s\)\) was left out/);
    expect(failed.message).toMatch(/import it from the sidebar/);
    expect(failed.message).not.toMatch(/Difference column/);
    expect(r.notes.join(' ')).toMatch(/also holds settlement\(s\) 9102, left out/);
  });

  it('names the one left out also when the first is imported already, never "already imported" alone', () => {
    const m = memoryTabs();
    const store = memoryStore();
    importText(m, smallFile('9101', '10.00', ['10.00']), store);
    const second = smallFile('9102', '20.00', ['20.00']).split('\n').slice(1).join('\n');
    const r = importText(m, `${smallFile('9101', '10.00', ['10.00'])}\n${second}`, store);
    expect(r.status).toBe('duplicate');
    expect(r.unread).toBe(2);
    expect(m.settlements().map((s) => s.settlementId)).toEqual(['9101']);
    const failed = r.raised.find((e) => e.type === 'SETTLEMENT_REPORT_FAILED')!;
    expect(failed.key).toBe('SETTLEMENT_REPORT_FAILED:9101:others');
    expect(failed.message).toMatch(/only settlement 9101, the first, is imported already; settlement 9102 \(2 line\(s\)\) was left out/);
    expect(r.notes.join(' ')).toMatch(/also holds settlement\(s\) 9102, left out/);
  });
});

describe('the line budget between settlements of the same date', () => {
  it('trims the one imported first (the Settlements order), whatever order the lines were sorted in', () => {
    const m = memoryTabs();
    const store = memoryStore();
    importText(m, smallFile('9201', '10.00', ['5.00', '5.00']), store);
    importText(m, smallFile('9202', '10.00', ['5.00', '5.00']), store);
    m.lines.reverse();
    importText(m, smallFile('9203', '10.00', ['5.00', '5.00']), store, 4);
    expect(new Set(m.lines.map((l) => l.settlementId))).toEqual(new Set(['9202', '9203']));
  });
});
