// Cells read and written per tab, for the stock bench: the world's ExecutionRecord counts cells for
// the whole execution (cellsRead / cellsWritten), and the quiet-run target ("0 Inventory cells
// written, only the Sync Log row") needs them by tab. It wraps the spreadsheet fake's Range and
// Sheet methods in this process only, classifying calls the way the cost model does
// (test/world/gas/spreadsheet/sheet-cost.ts), and take() hands over what one execution did.

import { RangeApi } from '../test/world/gas/spreadsheet/range';
import { SheetApi } from '../test/world/gas/spreadsheet/sheet';

export type TabCells = Record<string, { read: number; written: number }>;

/** Range getters returning one value per cell (sheet-cost.ts RANGE_GRID_READS). */
const GRID_READS = new Set(['getValues', 'getDisplayValues', 'getFormulas', 'getNumberFormats', 'getDataValidations', 'getBackgrounds', 'getFontWeights', 'getNotes', 'isBlank', 'isChecked', 'getRichTextValues']);
/** Range getters of the top-left cell (sheet-cost.ts RANGE_CELL_READS). */
const CELL_READS = new Set(['getValue', 'getDisplayValue', 'getFormula', 'getNumberFormat', 'getDataValidation', 'getBackground', 'getFontWeight', 'getFontColor', 'getWrap', 'getHorizontalAlignment', 'getNote', 'getRichTextValue']);
/** Range methods that change every cell of the range (sheet-cost.ts RANGE_WRITE). */
const WRITES = /^(set|clear|insertCheckboxes$|removeCheckboxes$|check$|uncheck$|sort$)/;

interface Internals {
  _sh?: { name: string };
  _rect?: { nr: number; nc: number };
}

export interface CellMeter {
  take(): TabCells;
  uninstall(): void;
}

export function installCellMeter(): CellMeter {
  let tally: TabCells = {};
  const add = (tab: string | undefined, kind: 'read' | 'written', cells: number) => {
    if (!tab || cells <= 0) return;
    const t = (tally[tab] ??= { read: 0, written: 0 });
    t[kind] += cells;
  };
  const restore: Array<() => void> = [];
  const wrap = (proto: Record<string, unknown>, name: string, after: (self: Internals, args: unknown[], result: unknown) => void) => {
    const inner = proto[name];
    if (typeof inner !== 'function') return;
    const outer = function (this: Internals, ...args: unknown[]): unknown {
      const result = (inner as (...a: unknown[]) => unknown).apply(this, args);
      after(this, args, result);
      return result;
    };
    Object.defineProperty(outer, 'name', { value: name });
    Object.defineProperty(proto, name, { value: outer, writable: true, configurable: true, enumerable: false });
    restore.push(() => Object.defineProperty(proto, name, { value: inner, writable: true, configurable: true, enumerable: false }));
  };

  const range = RangeApi.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(range)) {
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const cells = (self: Internals) => (self._rect ? self._rect.nr * self._rect.nc : 0);
    if (GRID_READS.has(name)) wrap(range, name, (self) => add(self._sh?.name, 'read', cells(self)));
    else if (CELL_READS.has(name)) wrap(range, name, (self) => add(self._sh?.name, 'read', 1));
    else if (WRITES.test(name)) wrap(range, name, (self) => add(self._sh?.name, 'written', cells(self)));
  }
  const sheet = SheetApi.prototype as unknown as Record<string, unknown>;
  wrap(sheet, 'appendRow', (self, args) => add(self._sh?.name, 'written', Array.isArray(args[0]) ? args[0].length : 0));
  wrap(sheet, 'getSheetValues', (self, _args, result) => add(self._sh?.name, 'read', Array.isArray(result) ? result.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 1), 0) : 0));

  return {
    take() {
      const t = tally;
      tally = {};
      return t;
    },
    uninstall() {
      for (const r of restore.reverse()) r();
    },
  };
}

export function tabTotal(cells: TabCells, kind: 'read' | 'written'): number {
  return Object.values(cells).reduce((s, c) => s + c[kind], 0);
}
