// "Recategorise settlements": the edited Settlement Map applied again to every imported line,
// without downloading anything. Rewrites only the Category and Account of the lines and the
// category columns of the Settlements rows (totals, dates and reserve are the file's and stay);
// SETTLEMENT_UNMAPPED rows whose triple is now mapped resolve, and so do those of Settlement Map
// rows fixed since (rows that still cannot be used are raised again, naming the row). A settlement
// with a cell it cannot read, or whose lines no longer add up to its Lines Total, is left as it is
// and raised (core/settlements/held), so the run is partial; so are lines whose settlement has no
// Settlements row left (core/settlements/no-row).

import { categorise, tripleKey, UNMAPPED } from '../../core/settlements/categories';
import { heldSettlements, LINES_CHANGED_PREFIX } from '../../core/settlements/held';
import { NO_ROW_PREFIX, settlementsWithoutRow } from '../../core/settlements/no-row';
import { categoryColumns } from '../../core/settlements/summary';
import { TAB } from '../../core/tabs';
import { cellException, cellKeyPrefix } from '../../core/typed-cells';
import type { JobContext, JobOutcome } from '../kit/job';
import type { SettlementTabs } from './import';
import { readMap, unmappedException } from './import';
import { isLinesColumnsRow } from '../../sheet/settlement-lines-tab';
import { isMapColumnsRow } from '../../sheet/settlement-map-tab';
import { isSettlementsColumnsRow } from '../../sheet/settlements-tab';
import { importing, SETTLEMENT_KEYS } from './state';

export function recategorise(ctx: JobContext, tabs: SettlementTabs): JobOutcome {
  const { rules, raised } = readMap(tabs);
  const lines = tabs.lines.all();
  const rows = tabs.settlements.rows();
  const { held, raised: heldRaised } = heldSettlements(lines, rows, tabs.settlements.problems());
  const currency = new Map(rows.map((r) => [r.settlementId, r.currency] as const));
  const byCategory = new Map<string, Record<string, number>>();
  const unmapped = new Map<string, { t: { transactionType: string; amountType: string; amountDescription: string }; lines: number; cents: number; settlementId: string; blocked?: string }>();
  const countUnmapped = (l: (typeof lines)[number], c: ReturnType<typeof categorise>) => {
    if (c.category !== UNMAPPED) return;
    const k = tripleKey(l);
    const u = unmapped.get(k) ?? { t: { transactionType: l.transactionType, amountType: l.amountType, amountDescription: l.amountDescription }, lines: 0, cents: 0, settlementId: l.settlementId, blocked: c.blocked };
    u.lines++;
    u.cents += l.amountCents;
    unmapped.set(k, u);
  };
  let moved = 0;
  const next = lines.map((l) => {
    if (held.has(l.settlementId)) {
      // Left as it is, but a triple still unmapped stays raised (and its row open).
      if (!l.unreadable) countUnmapped(l, categorise(l, rules));
      return l;
    }
    const c = categorise(l, rules);
    if (c.category !== l.category || c.account !== l.account) moved++;
    const sums = byCategory.get(l.settlementId) ?? {};
    sums[c.category] = (sums[c.category] ?? 0) + l.amountCents;
    byCategory.set(l.settlementId, sums);
    countUnmapped(l, c);
    return { ...l, category: c.category, account: c.account };
  });
  if (moved > 0) tabs.lines.write(next);
  ctx.ports.store.set(SETTLEMENT_KEYS.lineCount, String(lines.length));
  // A settlement whose lines were trimmed away keeps the breakdown it had; so does one held back.
  const updated = rows.map((r) => (byCategory.has(r.settlementId) && !held.has(r.settlementId) ? { ...r, byCategory: byCategory.get(r.settlementId)! } : r));
  const seen = new Set<string>();
  for (const r of updated) for (const c of Object.keys(r.byCategory)) if (r.byCategory[c] !== 0 || c === UNMAPPED) seen.add(c);
  tabs.settlements.write(updated, categoryColumns(rules, seen));
  const sums = new Map<string, { lines: number; cents: number }>();
  for (const l of lines) {
    const s = sums.get(l.settlementId) ?? { lines: 0, cents: 0 };
    s.lines++;
    s.cents += l.unreadable ? 0 : l.amountCents;
    sums.set(l.settlementId, s);
  }
  const withoutRow = settlementsWithoutRow(sums, rows.map((r) => r.settlementId), importing(ctx.ports.store));
  ctx.raise(withoutRow, raised, heldRaised, tabs.lines.unidentified().map(cellException), lines.flatMap((l) => (l.misdated ? [cellException(l.misdated)] : [])), [...unmapped.values()].map((u) => unmappedException(u.t, u.lines, u.cents, currency.get(u.settlementId) ?? '', u.settlementId, u.blocked)));
  const heldNote = held.size ? ` ${held.size} settlement(s) left as they were: ${[...held].join(', ')} (see Exceptions).` : '';
  const rowNote = withoutRow.length ? ` ${withoutRow.length} settlement(s) have lines but no Settlements row: ${withoutRow.map((e) => e.entity.replace(/^Settlement /, '')).join(', ')} (see Exceptions).` : '';
  return {
    outcome: 'ok',
    counts: { lines: lines.length, moved, settlements: rows.length, unmapped: unmapped.size, ...(held.size ? { settlementsLeft: held.size } : {}) },
    message: `${moved} of ${lines.length} line(s) moved to another category or account across ${rows.length} settlement(s); ${unmapped.size} triple(s) still unmapped.${heldNote}${rowNote}`,
    // Both tabs were read whole: a cell fixed since, or lines put back, resolves.
    resolves: (row) => row.type === 'SETTLEMENT_UNMAPPED' || isMapColumnsRow(row) || isSettlementsColumnsRow(row) || isLinesColumnsRow(row) || row.key.startsWith(LINES_CHANGED_PREFIX) || row.key.startsWith(NO_ROW_PREFIX) || row.key.startsWith(cellKeyPrefix(TAB.settlementLines)) || row.key.startsWith(cellKeyPrefix(TAB.settlements)),
  };
}
