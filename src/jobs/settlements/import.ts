// One parsed settlement into the tabs, exactly once (docs/design.md §3 "Settlements"): keyed by
// settlement id (the Settlements tab) whichever report or upload brought it; lines categorised with
// the Settlement Map and appended in chunks, with the count written so far kept in document
// properties, so a settlement too large for one execution resumes where it stopped; lines of the
// settlement already in Settlement Lines that no import in progress accounts for are replaced, never
// doubled; the Settlements row is written last, once every line is in. Settlement Map rows that
// cannot be used are raised with the import that read them (SETTLEMENT_UNMAPPED:row:<n>), so the
// run is not "ok". A settlement whose Settlements row is there already is met again (met-again.ts).

import type { RaisedException } from '../../core/exceptions';
import { exceptionKey } from '../../core/exceptions';
import { readSettlementRules, tripleKey } from '../../core/settlements/categories';
import type { SettlementRule, Triple } from '../../core/settlements/categories';
import type { MapProblem } from '../../core/settlements/map-read';
import { categoryColumns, summarise } from '../../core/settlements/summary';
import type { SettlementTotals } from '../../core/settlements/summary';
import { oldestFirst } from '../../core/settlements/trim-order';
import type { ParsedSettlement } from '../../core/settlements/types';
import type { Deadline } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/store';
import type { SettlementRecord } from '../../sheet/settlements-tab';
import { redelivery } from '../../core/settlements/redelivery';
import { rowTypedOver } from '../../core/settlements/twin-row';
import { linesAfterEnd } from '../../core/settlements/after-end';
import { repeatsNote } from '../../core/settlements/repeats';
import { SETTLEMENT_KEYS, categoryDigest, setWritten, writtenDigest, writtenSoFar } from './state';
import { firstFew } from '../../core/words';
import { alreadyImported, differs, idTypedOver, importedOf } from './met-again';
import { leftOutMessage, money } from './wording';
import type { ImportResult, SettlementTabs } from './import-types';

export type { ImportResult, SettlementTabs } from './import-types';

/** Lines per append: 5,000 × 11 cells is one setValues Sheets takes in seconds. */
export const LINES_PER_APPEND = 5_000;
/** Left for the Settlements row, the Exceptions tab and the Sync Log after the last append. */
const RESERVE_MS = 45_000;

/** The Settlements row of a settlement: its totals, without the unmapped-triple detail (raised as exceptions). */
export function recordOf(t: SettlementTotals): SettlementRecord {
  const { unmapped: _unmapped, ...record } = t;
  return record;
}

/** Keys of the Settlement Map's own row problems: a run that read the map may resolve them. */
export const MAP_ROW_PREFIX = `${exceptionKey('SETTLEMENT_UNMAPPED', 'row')}:`;

/** The Settlement Map read once, its rows that cannot be used as exceptions naming the row. */
export function readMap(tabs: Pick<SettlementTabs, 'map'>): { rules: SettlementRule[]; raised: RaisedException[] } {
  const { rules, problems } = readSettlementRules(tabs.map.records());
  return { rules, raised: problems.map(mapRowException) };
}

function mapRowException(p: MapProblem): RaisedException {
  return { key: `${MAP_ROW_PREFIX}${p.sheetRow}`, type: 'SETTLEMENT_UNMAPPED', entity: `Settlement Map row ${p.sheetRow}`, message: p.message, action: 'Fix the Settlement Map cell the message names, then use "Recategorise settlements".', typedInput: true };
}

/**
 * SETTLEMENT_UNMAPPED for one triple no usable Settlement Map row maps. `blocked`: rows match it
 * but cannot be used (they have their own exception), so nothing was added to the map.
 */
export function unmappedException(t: Triple, lines: number, cents: number, currency: string, settlementId: string, blocked?: string): RaisedException {
  const triple = `${t.transactionType || '(empty)'} / ${t.amountType || '(empty)'} / ${t.amountDescription || '(empty)'}`;
  const where = `(${lines} line(s), ${money(cents, currency)} in settlement ${settlementId})`;
  return {
    key: exceptionKey('SETTLEMENT_UNMAPPED', tripleKey(t)),
    type: 'SETTLEMENT_UNMAPPED',
    entity: `Settlement Map: ${triple}`,
    // Rows finance typed that match the lines but cannot map them: typed input, so the run is not "ok".
    ...(blocked ? { action: 'Fix the Settlement Map row(s) the message names, then use "Recategorise settlements".', typedInput: true } : {}),
    message: blocked
      ? `Transaction Type / Amount Type / Amount Description "${triple}" ${where} is in the UNMAPPED column: ${blocked}. Fix the row(s) named, then use "Recategorise settlements".`
      : `No Settlement Map row matches Transaction Type / Amount Type / Amount Description "${triple}" ${where}, ` +
        `so those amounts are in the UNMAPPED column. The triple was added to the Settlement Map with Category UNMAPPED: set its Category (and Account), then use "Recategorise settlements".`,
  };
}

/**
 * Keeps Settlement Lines within `kept` lines: past it, the lines of the oldest settlements (by End
 * date, core/settlements/trim-order) go (their Settlements rows stay), never those of `current`, the settlement just imported, even
 * when it alone is over the budget. The count lives in document properties; unknown, the tab's
 * Settlement ID column is counted once. Returns what a person should read in the Sync Log, if anything.
 */
export function keepLineBudget(tabs: SettlementTabs, store: KeyValueStore, current: string, added: number, kept: number): string | null {
  const stored = store.get(SETTLEMENT_KEYS.lineCount);
  let count = stored !== null && Number.isFinite(Number(stored)) ? Number(stored) + added : null;
  const notes: string[] = [];
  if (count === null || count > kept) {
    const sizes = tabs.lines.counts();
    count = [...sizes.values()].reduce((n, c) => n + c, 0);
    if (count > kept) {
      // Oldest by the settlements' own dates: people may have sorted the tab.
      let over = count - kept;
      const gone: string[] = [];
      let goneLines = 0;
      for (const id of oldestFirst([...sizes.keys()], tabs.settlements.rows())) {
        const n = sizes.get(id) ?? 0;
        if (over <= 0) break;
        if (id === current) continue;
        gone.push(id);
        goneLines += n;
        over -= n;
      }
      if (gone.length) {
        const drop = new Set(gone);
        tabs.lines.write(tabs.lines.all().filter((l) => !drop.has(l.settlementId)));
        count -= goneLines;
        notes.push(`Settlement Lines keeps at most ${kept} lines (Settings "Settlement lines kept"), so the ${goneLines} lines of ${gone.length} older settlement(s) were removed (${firstFew(gone)}); their Settlements rows stay.`);
      }
      if (count > kept) {
        notes.push(`Settlement ${current} alone has ${sizes.get(current) ?? 0} lines, more than the ${kept} of Settings "Settlement lines kept": all its lines were kept, so Settlement Lines is over that budget until the setting is raised.`);
      }
    }
  }
  store.set(SETTLEMENT_KEYS.lineCount, String(count));
  return notes.length ? notes.join(' ') : null;
}

export function importSettlement(
  ctx: { tabs: SettlementTabs; store: KeyValueStore; deadline: Deadline; linesKept: number; dayOf?: ((ms: number) => string) | undefined },
  parsed: ParsedSettlement,
  source: string,
): ImportResult {
  const id = parsed.summary.settlementId;
  const existing = ctx.tabs.settlements.rows();
  const before = existing.find((r) => r.settlementId === id);
  const again = before ? redelivery(importedOf(before, ctx.tabs), parsed) : null;
  if (again && again.kind !== 'replace') return again.kind === 'same' ? alreadyImported(id, parsed, source) : differs(before!, again.reportedTotalCents, parsed, source);
  const map = readMap(ctx.tabs);
  const { rules } = map;
  const { totals, lines } = summarise(parsed, rules);
  const notes: string[] = [];
  let written = writtenSoFar(ctx.store, id);
  const inTab = ctx.tabs.lines.counts().get(id) ?? 0;
  // Lines an earlier run appended under a Settlement Map edited since would keep the old categories
  // while the Settlements row counts them in the new ones: they are written again.
  const stored = written > 0 ? writtenDigest(ctx.store, id) : null;
  let digest = categoryDigest(written <= lines.length ? lines.slice(0, written) : []);
  const remapped = stored !== null && written <= lines.length && inTab === written && stored !== digest.value();
  if (remapped) notes.push(`The Settlement Map changed while settlement ${id} was being imported: the ${written} line(s) imported before were categorised with the earlier map, so they are imported again from the start with the current one (none is doubled).`);
  if (inTab !== written || written > lines.length || remapped) {
    // Lines of this settlement that no import in progress accounts for (its Settlements row was
    // deleted, or lines were edited mid-import): the file's lines replace them, never join them.
    if (inTab > 0) {
      ctx.tabs.lines.write(ctx.tabs.lines.all().filter((l) => l.settlementId !== id));
      ctx.store.delete(SETTLEMENT_KEYS.lineCount);
      if (!before && !remapped) notes.push(`Settlement ${id} had no Settlements row but ${inTab} of its lines were in Settlement Lines: they were replaced by the ${lines.length} lines of ${source}, so none is doubled.`);
    }
    if (before) {
      notes.push(
        `Settlement ${id} was imported before from an incomplete report (${inTab} line(s), adding up to ${money(before.linesTotalCents, before.currency)} of ${money(before.reportedTotalCents, before.currency)}): ` +
          `${source} holds all ${lines.length} of its lines, adding up to its total, so they replaced the ones imported (none is doubled) and its Settlements row was rewritten.`,
      );
    }
    written = 0;
    digest = categoryDigest();
  }
  while (written < lines.length) {
    if (ctx.deadline.remainingMs() < RESERVE_MS) {
      setWritten(ctx.store, id, written, digest.value());
      return { status: 'partial', settlementId: id, lines: written, raised: map.raised, unread: 0, notes };
    }
    const chunk = lines.slice(written, written + LINES_PER_APPEND).map(({ lineNo: _lineNo, ...l }) => l);
    ctx.tabs.lines.append(chunk);
    written += chunk.length;
    digest.add(chunk);
    setWritten(ctx.store, id, written, digest.value());
  }

  const raised: RaisedException[] = [...map.raised];
  // Triples no row maps go into the map for finance to fill in, once each; a triple a row matches
  // but cannot map waits for that row to be fixed.
  const known = new Set(rules.map((r) => tripleKey(r)));
  const fresh = totals.unmapped.filter((u) => !u.blocked && !known.has(tripleKey(u)));
  ctx.tabs.map.appendUnmapped(fresh);
  for (const u of totals.unmapped) raised.push(unmappedException(u, u.lines, u.cents, totals.currency, id, u.blocked));
  // Amounts are exact hundredths, so any difference at all is money unaccounted for.
  if (totals.differenceCents !== 0) {
    raised.push({
      key: exceptionKey('SETTLEMENT_MISMATCH', id),
      type: 'SETTLEMENT_MISMATCH',
      entity: `Settlement ${id}`,
      message:
        `Settlement ${id}'s lines add up to ${money(totals.linesTotalCents, totals.currency)}, but Amazon reports a total of ${money(totals.reportedTotalCents, totals.currency)} ` +
        `(difference ${money(totals.differenceCents, totals.currency)}). ${parsed.problems.length ? 'Lines that could not be read are a likely cause (see SETTLEMENT_REPORT_FAILED). ' : ''}` +
        repeatsNote(parsed.lines, totals.differenceCents, totals.currency) +
        'Check the file against Seller Central (Payments → All statements) before closing the month.',
    });
  }
  const late = linesAfterEnd(id, parsed.summary.end, parsed.lines, source, ctx.dayOf);
  if (late) raised.push(late);
  if (parsed.problems.length) {
    raised.push({
      key: exceptionKey('SETTLEMENT_REPORT_FAILED', id, 'lines'),
      type: 'SETTLEMENT_REPORT_FAILED',
      entity: `Settlement ${id}`,
      message: leftOutMessage(parsed.problems, id, source),
    });
  }
  const others = [...new Set(parsed.problems.flatMap((p) => (p.otherSettlement ? [p.otherSettlement] : [])))];
  if (others.length) notes.push(`${source} also holds settlement(s) ${others.join(', ')}, left out: import each as a file of its own (see Exceptions).`);
  // A row of this settlement whose Settlement ID was typed over would count its payout a second time.
  // Only a settlement whose lines were in the tab without a row can have lost its row that way.
  const twin = before || inTab === 0 ? undefined : rowTypedOver(existing, totals, (other) => ctx.tabs.lines.counts().get(other) ?? 0);
  if (twin) {
    raised.push(idTypedOver(twin.settlementId, id, existing.indexOf(twin) + 2));
    notes.push(`Settlements row ${existing.indexOf(twin) + 2} held settlement ${id}'s figures under Settlement ID ${twin.settlementId} (typed over?): it was given its id back, so the settlement is counted once.`);
  }
  // A settlement imported again whole keeps its place (and people's own cells, keyed by its id).
  const mine = before ?? twin;
  const rows = mine ? existing.map((r) => (r === mine ? recordOf(totals) : r)) : [...existing, recordOf(totals)];
  const seen = new Set<string>();
  for (const r of rows) for (const c of Object.keys(r.byCategory)) seen.add(c);
  ctx.tabs.settlements.write(rows, categoryColumns(rules, seen));
  setWritten(ctx.store, id, null);
  const budget = keepLineBudget(ctx.tabs, ctx.store, id, lines.length, ctx.linesKept);
  if (budget) notes.push(budget);
  return { status: 'imported', settlementId: id, currency: totals.currency, lines: lines.length, raised, unread: parsed.problems.length, notes, ...(before ? { replaced: true } : {}), ...(late ? { afterEnd: true } : {}) };
}
