// The hidden Sync Staging tab: the pages of a read that outlasts one execution, as plain text,
// until the read completes. A part may be longer than a cell holds (50,000 characters), so it is
// cut into pieces on consecutive rows under the same part number.

import { cellText } from '../core/cells';
import { TABS, findTabName, headersOf } from '../core/tabs';
import type { WorkbookPort } from '../ports/workbook';
import { appendRecords, readTable, writeTable } from './table';

const H = headersOf(TABS.syncStaging);
/** Under Google's 50,000-character cell limit, with room to spare. */
const PIECE_CHARS = 45_000;
/**
 * Every piece starts with this mark: whatever a piece of JSON looks like on its own ("12", "=…",
 * "1/2"), the sheet keeps it as text and gives it back unchanged.
 */
const MARK = '~';

export interface StagingTab {
  /** The first `count` parts staged for `source`, in order; fewer when the tab lost some. */
  parts(source: string, count: number): string[];
  /** Stages `chunks` as parts `first`, `first + 1`, … of `source` (parts from `first` on are replaced). */
  put(source: string, first: number, chunks: readonly string[]): void;
  /** Forgets every part of `source`. */
  clear(source: string): void;
}

interface Piece {
  source: string;
  part: number;
  data: string;
}

function piecesOf(source: string, first: number, chunks: readonly string[]): Piece[] {
  const out: Piece[] = [];
  chunks.forEach((chunk, i) => {
    for (let at = 0; at === 0 || at < chunk.length; at += PIECE_CHARS) out.push({ source, part: first + i, data: chunk.slice(at, at + PIECE_CHARS) });
  });
  return out;
}

const toRecord = (p: Piece) => ({ [H.source]: p.source, [H.part]: p.part, [H.data]: `${MARK}${p.data}` });

export function stagingTab(wb: WorkbookPort): StagingTab {
  const def = TABS.syncStaging;
  // Found as people may have renamed it: creating "Sync Staging" beside "sync staging" would fail.
  const hasTab = () => findTabName(wb.tabNames(), def.name) !== null;
  const read = (): Piece[] =>
    (readTable(wb, def.name)?.records ?? [])
      .map((r) => ({ source: cellText(r[H.source]), part: Number(r[H.part]), data: String(r[H.data] ?? '') }))
      .filter((p) => p.source !== '' && Number.isInteger(p.part) && p.data.startsWith(MARK))
      .map((p) => ({ ...p, data: p.data.slice(MARK.length) }));
  return {
    parts(source, count) {
      const byPart = new Map<number, string>();
      for (const p of read()) if (p.source === source && p.part < count) byPart.set(p.part, (byPart.get(p.part) ?? '') + p.data);
      const out: string[] = [];
      for (let i = 0; i < count && byPart.has(i); i++) out.push(byPart.get(i)!);
      return out;
    },
    put(source, first, chunks) {
      const pieces = piecesOf(source, first, chunks);
      if (!hasTab()) wb.createTab(def, []);
      const kept = read();
      // Parts from `first` on may be left by a run stopped after staging them: they are replaced.
      if (kept.some((p) => p.source === source && p.part >= first)) {
        writeTable(wb, def, def.columns.map((c) => c.header), [...kept.filter((p) => p.source !== source || p.part < first), ...pieces].map(toRecord));
      } else {
        appendRecords(wb, def, pieces.map(toRecord));
      }
    },
    clear(source) {
      if (!hasTab()) return;
      const kept = read();
      if (!kept.some((p) => p.source === source)) return;
      writeTable(wb, def, def.columns.map((c) => c.header), kept.filter((p) => p.source !== source).map(toRecord));
    },
  };
}
