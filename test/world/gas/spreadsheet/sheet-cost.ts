// What one SpreadsheetApp call costs under the world's cost model (../../cost-model.ts): a base per
// call, plus per cell read or written, plus a commit of the write cache before a read that needs
// the sheet's contents when writes are pending. Apps Script caches writes and commits them before
// the next read (Google Apps Script blog, "Optimizing Spreadsheet Operations", 2010); the fake
// approximates that by charging one commit on the first content read after any write.

import type { ExecutionState, World } from '../../world';

/** Which facade a method belongs to, as instrument() labels it. */
export type Facade = 'Range' | 'Sheet' | 'Spreadsheet' | 'Protection' | 'Filter' | 'SpreadsheetApp';

type Access =
  | { kind: 'read'; cells: number }
  | { kind: 'write'; cells: number; structural?: true }
  | { kind: 'call' };

/** Range getters returning one value per cell of the range. */
const RANGE_GRID_READS = new Set([
  'getValues', 'getDisplayValues', 'getFormulas', 'getNumberFormats', 'getDataValidations', 'getBackgrounds',
  'getFontWeights', 'getNotes', 'isBlank', 'isChecked', 'getRichTextValues',
]);
/** Range getters returning the top-left cell's value. */
const RANGE_CELL_READS = new Set([
  'getValue', 'getDisplayValue', 'getFormula', 'getNumberFormat', 'getDataValidation', 'getBackground', 'getFontWeight',
  'getFontColor', 'getWrap', 'getHorizontalAlignment', 'getNote', 'getRichTextValue',
]);
/** Range methods that change every cell of the range. */
const RANGE_WRITE = /^(set|clear|insertCheckboxes$|removeCheckboxes$|check$|uncheck$|sort$)/;

/** Sheet and Spreadsheet reads that depend on the grid's contents or size, so see pending writes. */
const CONTENT_READS = new Set(['getSheetValues', 'getLastRow', 'getLastColumn', 'getDataRange', 'getMaxRows', 'getMaxColumns', 'isRowHiddenByFilter']);
/** Structural changes: one operation on Google's side whatever the grid's size, committed like any write. */
const STRUCTURAL = new Set([
  'insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'insertRows',
  'insertColumnsAfter', 'insertColumnsBefore', 'insertColumnAfter', 'insertColumnBefore', 'insertColumns',
  'deleteRows', 'deleteRow', 'deleteColumns', 'deleteColumn', 'clear', 'clearContents', 'clearFormats', 'clearNotes',
  'sort', 'insertSheet', 'deleteSheet',
]);

function gridCells(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let n = 0;
  for (const row of value) n += Array.isArray(row) ? row.length : 1;
  return n;
}

function accessOf(facade: Facade, name: string, self: { _rect?: { nr: number; nc: number } }, args: unknown[], result: unknown): Access {
  if (facade === 'Range') {
    const cells = self._rect ? self._rect.nr * self._rect.nc : 0;
    if (RANGE_GRID_READS.has(name)) return { kind: 'read', cells };
    if (RANGE_CELL_READS.has(name)) return { kind: 'read', cells: 1 };
    if (RANGE_WRITE.test(name)) return { kind: 'write', cells };
    return { kind: 'call' };
  }
  if (facade === 'Sheet' || facade === 'Spreadsheet') {
    if (CONTENT_READS.has(name)) return { kind: 'read', cells: gridCells(result) };
    if (name === 'appendRow') return { kind: 'write', cells: Array.isArray(args[0]) ? args[0].length : 0 };
    if (STRUCTURAL.has(name)) return { kind: 'write', cells: 0, structural: true };
  }
  if (facade === 'Filter' && name === 'sort') return { kind: 'write', cells: 0 };
  return { kind: 'call' };
}

/**
 * Counts and charges one completed call (`counted` as spreadsheetCalls). A read commits pending
 * writes first; a write joins the pending ones. The caller guards afterwards, so work that runs
 * past the budget stops the execution as the call returns.
 */
export function chargeSheetCall(
  world: World,
  ex: ExecutionState,
  call: { facade: Facade; name: string; counted: boolean; self: object; args: unknown[]; result: unknown },
): void {
  const model = world.cost;
  const access = accessOf(call.facade, call.name, call.self, call.args, call.result);
  let ms = call.counted ? model.sheetCallMs : 0;
  if (access.kind === 'read') {
    world.commitSheetWrites(ex);
    ex.counts.cellsRead += access.cells;
    ms += access.cells * model.sheetCellReadMs;
  } else if (access.kind === 'write') {
    ex.counts.cellsWritten += access.cells;
    ex.pendingSheetCells = (ex.pendingSheetCells ?? 0) + access.cells;
    ms += access.cells * model.sheetCellWriteMs + (access.structural ? model.sheetStructuralMs : 0);
  }
  world.charge(ex, ms);
}
