// A meter on the spreadsheet fake for the settlements benchmark: spreadsheet calls by method and
// cells read and written per execution, and optionally a cost model that charges virtual time for
// the cells written, because the fake itself charges none (only UrlFetchApp, LockService and
// Utilities.sleep advance the clock), so without it the job's deadline never sees Sheets working.
//
// The cost model is an assumption, not a measurement of Sheets: one published figure, linearly
// extrapolated. A setValues of 4,000 cells followed by SpreadsheetApp.flush() took ≈ 610 ms
// (developreference.com, "What is faster: ScriptDb or SpreadsheetApp?", cited in
// /work/shared/reference/apps-script.md "Measured costs"). The flushed figure is the one that
// applies: the import reads the header before each chunk, and "every time you do a read, we must
// first empty (commit) the write cache" (Google Apps Script blog, "Optimizing Spreadsheet
// Operations", 2010), so every chunk is committed before the next one starts.
//
// It patches the fake's prototypes in this process only, and uninstall() puts them back.

import { ProtectionApi } from '../test/world/gas/spreadsheet/protection';
import { RangeApi } from '../test/world/gas/spreadsheet/range';
import { SheetApi } from '../test/world/gas/spreadsheet/sheet';
import { SpreadsheetApi } from '../test/world/gas/spreadsheet/spreadsheet';
import type { Ctx } from '../test/world/gas/spreadsheet/ctx';

/** 610 ms / 4,000 cells: the flushed setValues above. */
export const PUBLISHED_MS_PER_CELL = 610 / 4_000;

export interface SheetCostModel {
  /** Virtual ms charged per cell written by setValues or setNumberFormats. */
  msPerCellWritten: number;
}

export const DEFAULT_COST_MODEL: SheetCostModel = { msPerCellWritten: PUBLISHED_MS_PER_CELL };

export interface SheetTally {
  /** Counted calls by "Class.method" (the fake counts the same calls in spreadsheetCalls). */
  calls: Record<string, number>;
  cellsWritten: number;
  cellsRead: number;
  /** Virtual ms the cost model charged. */
  chargedMs: number;
}

/** Number formats are cells written too: per cell (setNumberFormats) or per column run (setNumberFormat). */
const WRITES = new Set(['setValues', 'setNumberFormats', 'setNumberFormat']);
const READS = new Set(['getValues', 'getDisplayValues', 'getNumberFormats', 'getFormulas']);

type Proto = Record<string, unknown>;
const CLASSES: ReadonlyArray<[string, { prototype: object }]> = [
  ['Range', RangeApi],
  ['Sheet', SheetApi],
  ['Spreadsheet', SpreadsheetApi],
  ['Protection', ProtectionApi],
];

export interface SheetMeter {
  /** What was counted since the last take(), and a fresh tally from now on. */
  take(): SheetTally;
  uninstall(): void;
}

const empty = (): SheetTally => ({ calls: {}, cellsWritten: 0, cellsRead: 0, chargedMs: 0 });

export function installSheetMeter(model: SheetCostModel | null): SheetMeter {
  let tally = empty();
  const restore: Array<() => void> = [];
  for (const [label, cls] of CLASSES) {
    const proto = cls.prototype as Proto;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
      const inner = proto[name];
      if (typeof inner !== 'function') continue;
      const key = `${label}.${name}`;
      const outer = function (this: { _ctx: Ctx; _rect?: { nr: number; nc: number } }, ...args: unknown[]): unknown {
        const out = (inner as (...a: unknown[]) => unknown).apply(this, args);
        tally.calls[key] = (tally.calls[key] ?? 0) + 1;
        const cells = this._rect ? this._rect.nr * this._rect.nc : 0;
        if (label === 'Range' && WRITES.has(name)) {
          tally.cellsWritten += cells;
          if (model) {
            const ms = cells * model.msPerCellWritten;
            tally.chargedMs += ms;
            // After the write, as Sheets would be busy with it: the next guard sees the time.
            this._ctx.world.clock.advance(ms);
          }
        } else if (label === 'Range' && READS.has(name)) tally.cellsRead += cells;
        return out;
      };
      Object.defineProperty(outer, 'name', { value: name });
      Object.defineProperty(proto, name, { value: outer, writable: true, configurable: true, enumerable: false });
      restore.push(() => Object.defineProperty(proto, name, { value: inner, writable: true, configurable: true, enumerable: false }));
    }
  }
  return {
    take() {
      const t = tally;
      tally = empty();
      return t;
    },
    uninstall() {
      for (const r of restore.reverse()) r();
    },
  };
}
