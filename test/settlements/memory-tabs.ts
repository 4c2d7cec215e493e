// In-memory Settlement Map, Settlements and Settlement Lines tabs for import tests that need no
// spreadsheet, and a small V2 flat file builder.

import type { SettlementTabs } from '../../src/jobs/settlements/import';
import type { LineRecord } from '../../src/sheet/settlement-lines-tab';
import type { SettlementRecord } from '../../src/sheet/settlements-tab';

export function memoryTabs() {
  const lines: LineRecord[] = [];
  let settlements: SettlementRecord[] = [];
  const tabs: SettlementTabs = {
    map: { records: () => [], appendUnmapped: () => undefined },
    settlements: { rows: () => settlements, problems: () => [], write: (rows) => void (settlements = [...rows]) },
    lines: {
      append: (l) => void lines.push(...l),
      all: () => lines.map((l, i) => ({ ...l, sheetRow: i + 2, cells: {} })),
      write: (l) => void lines.splice(0, lines.length, ...l),
      unidentified: () => [],
      counts: () => {
        const out = new Map<string, number>();
        for (const l of lines) out.set(l.settlementId, (out.get(l.settlementId) ?? 0) + 1);
        return out;
      },
    },
  };
  return { tabs, lines, settlements: () => settlements, setSettlements: (rows: SettlementRecord[]) => void (settlements = rows) };
}

export const HEADER = 'settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount-type\tamount-description\tamount\tposted-date';

/** A file of `amounts.length` ItemPrice lines posted 5 Oct 2026 in a 1–15 Oct settlement. */
export function smallFile(id: string, total: string, amounts: readonly string[], posted = '2026-10-05'): string {
  const rows = [HEADER, `${id}\t2026-10-01T00:00:00+00:00\t2026-10-15T00:00:00+00:00\t2026-10-17T00:00:00+00:00\t${total}\tGBP\t\t\t\t\t\t`];
  amounts.forEach((a, i) => rows.push(`${id}\t\t\t\t\t\tOrder\t206-0000000-${String(i).padStart(7, '0')}\tItemPrice\tPrincipal\t${a}\t${posted}`));
  return rows.join('\n');
}
