// The Filter facade (https://developers.google.com/apps-script/reference/spreadsheet/filter): the tab's
// basic filter, at most one a tab, made by Range.createFilter() and reached through Range.getFilter()
// or Sheet.getFilter() (null when there is none). Column positions are sheet columns ("column B's index
// is 2") that must lie inside the filter's range. sort(columnPosition, ascending) "Sorts the filtered
// range by the specified column, excluding the first row (the header row)". Which rows the criteria
// hide is worked out on demand (cell-rules.ts), so Sheet.isRowHiddenByFilter always reflects the data.

import { hide, instrument, type Ctx } from './ctx';
import { MSG, SheetError, typeNames } from './errors';
import { FilterCriteria } from './filter-criteria';
import { rangeAt, type RangeApi } from './range';
import type { FilterData, SheetData } from './sheet-data';
import { sortRect } from './sort';

export class FilterApi {
  declare readonly _ctx: Ctx;
  declare readonly _sh: SheetData;
  declare readonly _f: FilterData;

  constructor(ctx: Ctx, sh: SheetData, f: FilterData) {
    hide(this, { _ctx: ctx, _sh: sh, _f: f });
  }

  toString(): string { return 'Filter'; }

  /** The filter this object stands for, unless it was removed or replaced since. */
  _live(): FilterData {
    if (this._sh.filter !== this._f) throw new SheetError(MSG.filterGone);
    return this._f;
  }
  _column(args: unknown[], method: string): number {
    const [col] = args;
    if (typeof col !== 'number' || !Number.isInteger(col)) throw new SheetError(MSG.signature(typeNames(args), `SpreadsheetApp.Filter.${method}`));
    const { rect } = this._live();
    if (col < rect.c || col >= rect.c + rect.nc) throw new SheetError(MSG.filterColumn(col));
    return col;
  }

  getRange(): RangeApi { return rangeAt(this._ctx, this._sh, this._live().rect); }
  remove(): void { this._live(); this._sh.filter = null; }
  /** "Gets the filter criteria on the specified column, or null if the column doesn't have filter criteria applied to it." */
  getColumnFilterCriteria(...args: unknown[]): FilterCriteria | null {
    const col = this._column(args, 'getColumnFilterCriteria');
    const d = this._f.criteria.get(col);
    return d ? new FilterCriteria(d, this._ctx.realm) : null;
  }
  /** A null criteria removes the column's criteria, as removeColumnFilterCriteria does. */
  setColumnFilterCriteria(...args: unknown[]): this {
    const col = this._column(args, 'setColumnFilterCriteria');
    const crit = args[1];
    if (crit === null) { this._f.criteria.delete(col); return this; }
    if (!(crit instanceof FilterCriteria)) throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Filter.setColumnFilterCriteria'));
    this._f.criteria.set(col, crit.data);
    return this;
  }
  removeColumnFilterCriteria(...args: unknown[]): this {
    this._f.criteria.delete(this._column(args, 'removeColumnFilterCriteria'));
    return this;
  }
  sort(...args: unknown[]): this {
    const col = this._column(args, 'sort');
    if (typeof args[1] !== 'boolean') throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Filter.sort'));
    const { rect } = this._f;
    if (rect.nr > 1) sortRect(this._ctx.model, this._sh, { r: rect.r + 1, c: rect.c, nr: rect.nr - 1, nc: rect.nc }, [{ column: col, ascending: args[1] }]);
    return this;
  }
}

instrument(FilterApi, 'Filter', true);
