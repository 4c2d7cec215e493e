// Embedded charts as value objects, and the Charts global's enums:
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder ("Changes made to
// the chart are not saved until Sheet.updateChart(chart) is called on the rebuilt chart"; build() "does
// not automatically draw the chart on the spreadsheet"), .../spreadsheet/embedded-chart ,
// .../spreadsheet/container-info , .../charts/chart-options and .../charts/charts (Charts.ChartType…).
// addRange "Does not add the range if it has already been added to the chart". getChartId() is null until
// the chart is inserted ("null if the chart is not in a spreadsheet"); the fake then gives the chart object
// passed to insertChart its new id, so a later removeChart(chart) of that object finds it (unverified).
// The typed builders (asColumnChart()…) are this same builder; their setters record the Google Charts
// option they stand for (setTitle → 'title', setXAxisTitle → 'hAxis.title', …). Nothing is drawn.

import type { Realm } from '../realm';
import { Args } from './builder-args';
import type { Ctx } from './ctx';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartPosition, ChartType, enumName, type ChartTypeName } from './enums';
import { RangeApi } from './range';
import { rangeRefOf, sameRef, type RangeRef } from './range-ref';

export interface ChartPlacement { row: number; column: number; offsetX: number; offsetY: number }

export interface ChartData {
  id: number | null;
  type: ChartTypeName | null;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: ChartPlacement;
  /** -1: Sheets decides how many header rows/columns the data has (the fake's reading; unverified). */
  numHeaders: number;
  hiddenDimensionStrategy: keyof typeof ChartHiddenDimensionStrategy;
  mergeStrategy: keyof typeof ChartMergeStrategy;
  transpose: boolean;
}

export function cloneChart(d: Readonly<ChartData>): ChartData {
  return { ...d, ranges: d.ranges.map((r) => ({ sh: r.sh, rect: { ...r.rect } })), options: { ...d.options }, position: { ...d.position } };
}

function newChartData(): ChartData {
  return {
    id: null, type: null, ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    // setHiddenDimensionStrategy: "Defaults to IGNORE_ROWS"; setMergeStrategy: "Defaults to MERGE_COLUMNS".
    numHeaders: -1, hiddenDimensionStrategy: 'IGNORE_ROWS', mergeStrategy: 'MERGE_COLUMNS', transpose: false,
  };
}

function rangesOf(ctx: Ctx, refs: readonly RangeRef[]): RangeApi[] {
  return refs.map((r) => new RangeApi(ctx, r.sh, r.rect));
}

export class ContainerInfo {
  constructor(private readonly p: Readonly<ChartPlacement>) {}
  toString(): string { return 'ContainerInfo'; }
  getAnchorRow(): number { return this.p.row; }
  getAnchorColumn(): number { return this.p.column; }
  getOffsetX(): number { return this.p.offsetX; }
  getOffsetY(): number { return this.p.offsetY; }
}

/** https://developers.google.com/apps-script/reference/charts/chart-options */
export class ChartOptions {
  constructor(private readonly o: Readonly<Record<string, unknown>>) {}
  toString(): string { return 'ChartOptions'; }
  get(option: string): unknown { return Object.prototype.hasOwnProperty.call(this.o, option) ? this.o[option] : null; }
  /** The fake knows no chart defaults, so an unset option is null here too. */
  getOrDefault(option: string): unknown { return this.get(option); }
}

export class EmbeddedChart {
  declare readonly _ctx: Ctx;
  declare readonly _data: ChartData;
  constructor(ctx: Ctx, data: ChartData) {
    Object.defineProperty(this, '_ctx', { value: ctx, enumerable: false });
    Object.defineProperty(this, '_data', { value: data, enumerable: false });
  }
  toString(): string { return 'EmbeddedChart'; }
  getChartId(): number | null { return this._data.id; }
  getContainerInfo(): ContainerInfo { return new ContainerInfo({ ...this._data.position }); }
  getHiddenDimensionStrategy(): unknown { return ChartHiddenDimensionStrategy[this._data.hiddenDimensionStrategy]; }
  getMergeStrategy(): unknown { return ChartMergeStrategy[this._data.mergeStrategy]; }
  getNumHeaders(): number { return this._data.numHeaders; }
  getOptions(): ChartOptions { return new ChartOptions({ ...this._data.options }); }
  getRanges(): RangeApi[] { return rangesOf(this._ctx, this._data.ranges); }
  getTransposeRowsAndColumns(): boolean { return this._data.transpose; }
  asDataSourceChart(): null { return null; }
  /** "Returns an EmbeddedChartBuilder that can be used to modify this chart. Invoke sheet.updateChart(chart) to save any changes." */
  modify(): EmbeddedChartBuilder { return new EmbeddedChartBuilder(this._ctx, cloneChart(this._data)); }
}

export class EmbeddedChartBuilder {
  declare readonly _ctx: Ctx;
  private d: ChartData;
  private readonly args: Args;

  constructor(ctx: Ctx, init?: ChartData) {
    Object.defineProperty(this, '_ctx', { value: ctx, enumerable: false });
    this.args = new Args(ctx.realm as Realm, 'EmbeddedChartBuilder');
    this.d = init ?? newChartData();
  }

  // Observed on live Apps Script by gas-fakes' chart test (test/testsheetschart.js): the builder prints
  // as a Java object name.
  toString(): string { return 'com.google.apps.maestro.server.beans.trix.impl.ChartPropertyApiEmbeddedChartBuilder@1'; }

  private option(key: string, value: unknown): this { this.d.options[key] = value; return this; }
  private typed(type: ChartTypeName): this { this.d.type = type; return this; }

  addRange(...a: unknown[]): this {
    const ref = rangeRefOf(a[0]);
    if (!ref) return this.args.fail('addRange', a);
    if (!this.d.ranges.some((r) => sameRef(r, ref))) this.d.ranges.push(ref);
    return this;
  }
  removeRange(...a: unknown[]): this {
    const ref = rangeRefOf(a[0]);
    if (!ref) return this.args.fail('removeRange', a);
    this.d.ranges = this.d.ranges.filter((r) => !sameRef(r, ref));
    return this;
  }
  clearRanges(): this { this.d.ranges = []; return this; }
  getRanges(): RangeApi[] { return rangesOf(this._ctx, this.d.ranges); }
  setChartType(...a: unknown[]): this {
    const name = typeof a[0] === 'object' ? enumName(a[0]) : null;
    if (!name || !(name in ChartType)) return this.args.fail('setChartType', a);
    return this.typed(name as ChartTypeName);
  }
  getChartType(): unknown { return this.d.type ? ChartType[this.d.type] : null; }
  /** setPosition(anchorRowPos, anchorColPos, offsetX, offsetY): 1-based anchor cell, offsets in pixels. */
  setPosition(...a: unknown[]): this {
    const [row, column, offsetX, offsetY] = this.args.numbers('setPosition', a, 4) as [number, number, number, number];
    this.d.position = { row, column, offsetX, offsetY };
    return this;
  }
  getContainer(): ContainerInfo { return new ContainerInfo({ ...this.d.position }); }
  setOption(...a: unknown[]): this {
    const [key, value] = a;
    if (typeof key !== 'string' || a.length < 2) return this.args.fail('setOption', a);
    return this.option(key, value);
  }
  setNumHeaders(...a: unknown[]): this { this.d.numHeaders = (this.args.numbers('setNumHeaders', a, 1)[0] as number); return this; }
  setHiddenDimensionStrategy(...a: unknown[]): this {
    const name = typeof a[0] === 'object' ? enumName(a[0]) : null;
    if (!name || !(name in ChartHiddenDimensionStrategy)) return this.args.fail('setHiddenDimensionStrategy', a);
    this.d.hiddenDimensionStrategy = name as keyof typeof ChartHiddenDimensionStrategy;
    return this;
  }
  setMergeStrategy(...a: unknown[]): this {
    const name = typeof a[0] === 'object' ? enumName(a[0]) : null;
    if (!name || !(name in ChartMergeStrategy)) return this.args.fail('setMergeStrategy', a);
    this.d.mergeStrategy = name as keyof typeof ChartMergeStrategy;
    return this;
  }
  setTransposeRowsAndColumns(...a: unknown[]): this {
    const v = this.args.bool('setTransposeRowsAndColumns', a);
    this.d.transpose = v === true;
    return this;
  }

  asAreaChart(): this { return this.typed('AREA'); }
  asBarChart(): this { return this.typed('BAR'); }
  asColumnChart(): this { return this.typed('COLUMN'); }
  asComboChart(): this { return this.typed('COMBO'); }
  asHistogramChart(): this { return this.typed('HISTOGRAM'); }
  asLineChart(): this { return this.typed('LINE'); }
  asPieChart(): this { return this.typed('PIE'); }
  asScatterChart(): this { return this.typed('SCATTER'); }
  asTableChart(): this { return this.typed('TABLE'); }
  setTitle(...a: unknown[]): this { return this.option('title', this.args.text('setTitle', a)); }
  setXAxisTitle(...a: unknown[]): this { return this.option('hAxis.title', this.args.text('setXAxisTitle', a)); }
  setYAxisTitle(...a: unknown[]): this { return this.option('vAxis.title', this.args.text('setYAxisTitle', a)); }
  setColors(...a: unknown[]): this { return this.option('colors', this.args.array('setColors', a).map(String)); }
  setBackgroundColor(...a: unknown[]): this { return this.option('backgroundColor', this.args.text('setBackgroundColor', a)); }
  setStacked(): this { return this.option('isStacked', true); }
  set3D(): this { return this.option('is3D', true); }
  setLegendPosition(...a: unknown[]): this {
    const name = typeof a[0] === 'object' ? enumName(a[0]) : null;
    if (!name || !(name in ChartPosition)) return this.args.fail('setLegendPosition', a);
    return this.option('legend.position', name.toLowerCase());
  }

  /**
   * Builds the chart, still to be inserted. A chart needs a type (setChartType or as…Chart()); the
   * refusal's wording is the fake's own (unverified).
   */
  build(): EmbeddedChart {
    if (!this.d.type) this.args.error('The chart has no chart type. Call setChartType first.');
    return new EmbeddedChart(this._ctx, cloneChart(this.d));
  }
}

/** The Charts global (https://developers.google.com/apps-script/reference/charts/charts): its enums. */
export function makeCharts(): Record<string, unknown> {
  return {
    ChartType,
    Position: ChartPosition,
    ChartHiddenDimensionStrategy,
    ChartMergeStrategy,
    toString: () => 'Charts',
  };
}
