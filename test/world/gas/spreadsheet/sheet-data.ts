// One tab's state: the grid size and its cells stored as sparse row arrays (one array per layer:
// values, formulas, number formats, validations, styles, rich text) so 10k-row reads and writes stay
// cheap, plus what lies over the grid: protections, conditional format rules, the filter and charts.
// Knows nothing about Apps Script facades; the facades and cells.ts apply Google's rules.

import type { ChartData } from './charts';
import type { CondFormat } from './conditional';
import type { BooleanCriteriaName } from './enums';
import type { FilterCriteriaData } from './filter-criteria';
import { shiftOverlays } from './overlay-shift';
import type { RangeRef } from './range-ref';
import type { RichTextValue } from './rich-text';
import type { DataValidationRule } from './validation';

export type Val = string | number | boolean;
export interface Style {
  fontWeight?: string; fontStyle?: string; fontSize?: number; fontFamily?: string; background?: string; fontColor?: string;
  wrap?: boolean; wrapStrategy?: string; hAlign?: string; vAlign?: string; note?: string; border?: boolean;
}
export interface Row {
  v?: (Val | undefined)[];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
  dv?: (DataValidationRule | undefined)[];
  st?: (Style | undefined)[];
  /** Rich text (runs, links) of text cells written with setRichTextValue; the text itself is in `v`. */
  rt?: (RichTextValue | undefined)[];
}
export type Layer = keyof Row;
type LayerItem<L extends Layer> = NonNullable<Row[L]>[number];
export const ALL_LAYERS: readonly Layer[] = ['v', 'f', 'nf', 'dv', 'st', 'rt'];

export interface Rect { r: number; c: number; nr: number; nc: number }

export interface ProtectionData {
  id: number;
  sheet: SheetData;
  /** null for a whole-sheet protection. */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

/** A conditional format rule as the tab keeps it: ranges as tab + rectangle, rebuilt as Ranges on every get. */
export interface StoredCondRule {
  criteria: BooleanCriteriaName;
  values: unknown[];
  format: CondFormat;
  ranges: RangeRef[];
}

/** The tab's basic filter (at most one a tab): its range and the criteria by 1-based sheet column. */
export interface FilterData {
  rect: Rect;
  criteria: Map<number, FilterCriteriaData>;
}

export class SheetData {
  maxRows = 1000;
  maxCols = 26;
  rows: (Row | undefined)[] = [];
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenCols = new Set<number>();
  readonly hiddenRows = new Set<number>();
  protections: ProtectionData[] = [];
  cfRules: StoredCondRule[] = [];
  filter: FilterData | null = null;
  charts: ChartData[] = [];
  deleted = false;
  /**
   * How many cells hold a formula. Reads of a tab with none skip formula handling entirely (most tabs
   * hold 100,000s of plain cells); every change to the 'f' layer goes through set(), clearRect(),
   * deleteRows(), deleteCols() or noteFormulaCleared(), which keep it exact.
   */
  formulaCount = 0;

  constructor(public name: string, readonly id: number) {}

  row(r: number): Row {
    let row = this.rows[r - 1];
    if (!row) {
      while (this.rows.length < r - 1) this.rows.push(undefined);
      row = {};
      this.rows[r - 1] = row;
    }
    return row;
  }

  get<L extends Layer>(layer: L, r: number, c: number): LayerItem<L> | undefined {
    return this.rows[r - 1]?.[layer]?.[c - 1] as LayerItem<L> | undefined;
  }

  set<L extends Layer>(layer: L, r: number, c: number, value: LayerItem<L> | undefined): void {
    if (layer === 'f') this.formulaCount += (value === undefined ? 0 : 1) - (this.get('f', r, c) === undefined ? 0 : 1);
    if (value === undefined) {
      const arr = this.rows[r - 1]?.[layer];
      if (arr && c - 1 < arr.length) arr[c - 1] = undefined;
      return;
    }
    const row = this.row(r);
    const arr = (row[layer] ??= []) as unknown[];
    while (arr.length < c - 1) arr.push(undefined);
    arr[c - 1] = value;
  }

  /** For writers that clear a formula straight in a row array (cells.ts writeRow). */
  noteFormulaCleared(): void {
    this.formulaCount--;
  }

  hasContent(r: number, c: number): boolean {
    const row = this.rows[r - 1];
    return row !== undefined && (row.v?.[c - 1] !== undefined || row.f?.[c - 1] !== undefined);
  }

  /** Position of the last row with a value or formula; 0 when empty (Sheet.getLastRow). */
  lastRow(): number {
    for (let i = Math.min(this.rows.length, this.maxRows) - 1; i >= 0; i--) {
      const row = this.rows[i];
      if (row && (lastIndex(row.v) >= 0 || lastIndex(row.f) >= 0)) return i + 1;
    }
    return 0;
  }

  lastCol(): number {
    let best = -1;
    for (const row of this.rows) if (row) best = Math.max(best, lastIndex(row.v), lastIndex(row.f));
    return Math.min(best + 1, this.maxCols);
  }

  insertRows(before: number, n: number): void {
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<Row | undefined>(n).fill(undefined));
    this.maxRows += n;
    shiftOverlays(this, 'rows', before, n);
  }

  deleteRows(start: number, n: number): void {
    for (const row of this.rows.slice(start - 1, start - 1 + n)) this.formulaCount -= countDefined(row?.f);
    this.rows.splice(start - 1, n);
    this.maxRows -= n;
    shiftOverlays(this, 'rows', start, -n);
  }

  insertCols(before: number, n: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      for (const layer of ALL_LAYERS) {
        const arr = row[layer] as unknown[] | undefined;
        if (arr && arr.length >= before) arr.splice(before - 1, 0, ...new Array<undefined>(n).fill(undefined));
      }
    }
    shiftKeys(this.colWidths, before, n);
    this.maxCols += n;
    shiftOverlays(this, 'cols', before, n);
  }

  deleteCols(start: number, n: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      this.formulaCount -= countDefined(row.f?.slice(start - 1, start - 1 + n));
      for (const layer of ALL_LAYERS) (row[layer] as unknown[] | undefined)?.splice(start - 1, n);
    }
    for (let c = start; c < start + n; c++) this.colWidths.delete(c);
    shiftKeys(this.colWidths, start + n, -n);
    this.maxCols -= n;
    shiftOverlays(this, 'cols', start, -n);
  }

  /** Clearing values also drops their rich text: a cleared cell has no text to carry links. */
  clearRect(rect: Rect, given: readonly Layer[]): void {
    const layers = given.includes('v') && !given.includes('rt') ? [...given, 'rt' as const] : given;
    const lastR = Math.min(rect.r + rect.nr - 1, this.rows.length);
    for (let r = rect.r; r <= lastR; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      for (const layer of layers) {
        const arr = row[layer] as unknown[] | undefined;
        if (!arr) continue;
        const end = Math.min(rect.c + rect.nc - 1, arr.length);
        if (layer === 'f') this.formulaCount -= countDefined(arr.slice(rect.c - 1, end));
        for (let c = rect.c; c <= end; c++) arr[c - 1] = undefined;
      }
    }
  }

  /** Moves whole cells (all layers) of the rectangle's rows into the order `order` (0-based row offsets). */
  reorderRows(rect: Rect, order: readonly number[]): void {
    const snap = order.map((i) => {
      const cells: Partial<Record<Layer, unknown[]>> = {};
      for (const layer of ALL_LAYERS) {
        const arr = this.rows[rect.r + i - 1]?.[layer] as unknown[] | undefined;
        cells[layer] = arr ? arr.slice(rect.c - 1, rect.c - 1 + rect.nc) : [];
      }
      return cells;
    });
    snap.forEach((cells, k) => {
      for (const layer of ALL_LAYERS) {
        const vals = cells[layer] ?? [];
        for (let j = 0; j < rect.nc; j++) this.set(layer, rect.r + k, rect.c + j, vals[j] as never);
      }
    });
  }
}

function countDefined(arr: readonly unknown[] | undefined): number {
  let n = 0;
  if (arr) for (const x of arr) if (x !== undefined) n++;
  return n;
}

function lastIndex(arr: readonly unknown[] | undefined): number {
  if (!arr) return -1;
  for (let i = arr.length - 1; i >= 0; i--) if (arr[i] !== undefined) return i;
  return -1;
}

function shiftKeys(map: Map<number, number>, from: number, by: number): void {
  const moved = [...map].filter(([k]) => k >= from);
  for (const [k] of moved) map.delete(k);
  for (const [k, v] of moved) map.set(k + by, v);
}
