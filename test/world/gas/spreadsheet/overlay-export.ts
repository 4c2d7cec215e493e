// What lies over a tab's cells, as plain data for exports and assertions (SpreadsheetModel.exportSheet,
// the xlsx writer): conditional format rules, the filter, links and charts. A1 ranges name their tab
// only when it is another tab (a chart may plot another tab's data).

import { cellA1, rangeA1 } from './a1';
import type { ChartPlacement } from './charts';
import type { CondFormat } from './conditional';
import type { RangeRef } from './range-ref';
import type { SheetData } from './sheet-data';

export interface ConditionalFormatExport {
  ranges: string[];
  criteria: string;
  values: unknown[];
  format: CondFormat;
}

export interface FilterExport {
  a1: string;
  columns: Array<{ column: number; criteria: string | null; values: unknown[]; hiddenValues: string[] | null; visibleValues: string[] | null }>;
}

export interface LinkExport {
  a1: string;
  row: number;
  column: number;
  /** The cell's text. */
  text: string;
  /** The first link in the cell: a rich-text link, or the target of a =HYPERLINK("url", …) formula. */
  url: string;
  source: 'richText' | 'formula';
}

export interface ChartExport {
  id: number | null;
  type: string | null;
  ranges: string[];
  position: ChartPlacement;
  options: Record<string, unknown>;
}

function copyValue(v: unknown): unknown {
  return Object.prototype.toString.call(v) === '[object Date]' ? new Date((v as Date).getTime()) : typeof v === 'object' && v !== null ? String(v) : v;
}

function refText(ref: RangeRef, home: SheetData): string {
  const a1 = rangeA1(ref.rect.r, ref.rect.c, ref.rect.nr, ref.rect.nc);
  return ref.sh === home ? a1 : `'${ref.sh.name.replace(/'/g, "''")}'!${a1}`;
}

export function conditionalFormatsOf(sh: SheetData): ConditionalFormatExport[] {
  return sh.cfRules.map((rule) => ({
    ranges: rule.ranges.map((r) => refText(r, sh)),
    criteria: rule.criteria,
    values: rule.values.map(copyValue),
    format: { ...rule.format },
  }));
}

export function filterOf(sh: SheetData): FilterExport | null {
  const f = sh.filter;
  if (!f) return null;
  return {
    a1: rangeA1(f.rect.r, f.rect.c, f.rect.nr, f.rect.nc),
    columns: [...f.criteria].sort(([a], [b]) => a - b).map(([column, d]) => ({
      column, criteria: d.criteria, values: d.values.map(copyValue), hiddenValues: d.hidden?.slice() ?? null, visibleValues: d.visible?.slice() ?? null,
    })),
  };
}

/**
 * Every cell with a link within the data extent, row by row: rich-text links, and =HYPERLINK formulas
 * through `formulaLink` (their computed target and text, cell-formulas.ts).
 */
export function linksOf(sh: SheetData, formulaLink: (r: number, c: number) => { text: string; url: string } | null): LinkExport[] {
  const out: LinkExport[] = [];
  const nr = sh.lastRow();
  for (let r = 1; r <= nr; r++) {
    const row = sh.rows[r - 1];
    if (!row || (!row.rt && !row.f)) continue;
    const width = Math.max(row.rt?.length ?? 0, row.f?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const rt = row.rt?.[c - 1];
      const url = rt?.data.links.find((l) => l !== null);
      if (rt && url) { out.push({ a1: cellA1(r, c), row: r, column: c, text: rt.getText(), url, source: 'richText' }); continue; }
      const link = row.f?.[c - 1] === undefined ? null : formulaLink(r, c);
      if (link) out.push({ a1: cellA1(r, c), row: r, column: c, text: link.text, url: link.url, source: 'formula' });
    }
  }
  return out;
}

export function chartsOf(sh: SheetData): ChartExport[] {
  return sh.charts.map((d) => ({
    id: d.id, type: d.type, ranges: d.ranges.map((r) => refText(r, sh)), position: { ...d.position }, options: { ...d.options },
  }));
}
