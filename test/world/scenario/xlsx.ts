// Writes the fake spreadsheet as an .xlsx file (exceljs) so a person can open a scenario's result
// in a spreadsheet program: values, number formats, frozen panes, column widths, hidden tabs, data
// validations (lists and checkboxes as drop-down lists, number and custom-formula rules), conditional
// formats (number conditions as cellIs rules, text, empty, date and custom-formula conditions as
// expression rules, with their fill and font), the filter's range, and links (a cell's text with its
// first link). Charts are not written: exceljs cannot write charts. Text conditions are expression rules
// because exceljs writes its containsText rules without the text attribute Excel expects.

import ExcelJS from 'exceljs';
import { parseA1 } from '../gas/spreadsheet/a1';
import type { ConditionalFormatExport } from '../gas/spreadsheet/overlay-export';
import type { SheetExport, SpreadsheetModel } from '../gas/spreadsheet/model';
import { rangeRefOf } from '../gas/spreadsheet/range-ref';
import { instantToSerial } from '../gas/spreadsheet/tz';

/** Sheets patterns that Excel reads differently. */
function excelFormat(fmt: string): string | undefined {
  if (!fmt || fmt === 'General' || fmt === '0.###############') return undefined;
  return fmt.replace(/\bhh:mm\b/, 'hh:mm');
}

function argb(color: string | null): string | undefined {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? `FF${color.slice(1).toUpperCase()}` : undefined;
}

/** A text operand of an Excel formula: quotes doubled. */
function quoted(text: unknown): string {
  return `"${String(text).replace(/"/g, '""')}"`;
}

function absoluteA1(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

// Excel's own limit for a typed list of values ("The list source must be a delimited list … 255 characters").
const LIST_LIMIT = 255;

/** The exceljs form of one validation run, or null when Excel has no equivalent the fake can write. */
function excelValidation(v: SheetExport['validations'][number]): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    // Sheets' "Show a warning" (invalid data allowed) is Excel's warning style; "Reject the input" is stop.
    showErrorMessage: true,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { prompt: v.helpText, showInputMessage: true, error: v.helpText } : {}),
  };
  const list = (items: unknown[]): ExcelJS.DataValidation | null => {
    const texts = items.map(String);
    const joined = texts.join(',');
    if (texts.some((t) => t.includes(',')) || joined.length > LIST_LIMIT) return null;
    return { ...base, type: 'list', formulae: [quoted(joined)] };
  };
  const [a, b] = v.values;
  const NUMBER_OPS: Record<string, ExcelJS.DataValidationOperator> = {
    NUMBER_BETWEEN: 'between', NUMBER_NOT_BETWEEN: 'notBetween', NUMBER_EQUAL_TO: 'equal', NUMBER_NOT_EQUAL_TO: 'notEqual',
    NUMBER_GREATER_THAN: 'greaterThan', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual', NUMBER_LESS_THAN: 'lessThan',
    NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
  };
  switch (v.criteria) {
    case 'VALUE_IN_LIST': return Array.isArray(a) ? list(a) : null;
    case 'CHECKBOX': return list(v.values.length >= 2 ? [a, b] : v.values.length === 1 ? [a, ''] : ['TRUE', 'FALSE']);
    case 'VALUE_IN_RANGE': {
      const ref = rangeRefOf(a);
      if (!ref) return null;
      const { r, c, nr, nc } = ref.rect;
      const a1 = nr === 1 && nc === 1 ? `${letters(c)}${r}` : `${letters(c)}${r}:${letters(c + nc - 1)}${r + nr - 1}`;
      return { ...base, type: 'list', formulae: [`'${ref.sh.name.replace(/'/g, "''")}'!${absoluteA1(a1)}`] };
    }
    case 'CUSTOM_FORMULA': return { ...base, type: 'custom', formulae: [String(a ?? '').replace(/^=/, '')] };
    default: {
      const op = NUMBER_OPS[v.criteria];
      if (!op) return null;
      return { ...base, type: 'decimal', operator: op, formulae: op.endsWith('etween') ? [a, b] : [a] };
    }
  }
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One conditional format rule as an exceljs rule; null when Excel has no equivalent (relative dates). */
function excelRule(rule: ConditionalFormatExport, priority: number, timeZone: string): ExcelJS.ConditionalFormattingRule | null {
  const f = rule.format;
  const font: Partial<ExcelJS.Font> = {};
  if (argb(f.fontColor)) font.color = { argb: argb(f.fontColor) } as ExcelJS.Color;
  if (f.bold !== null) font.bold = f.bold;
  if (f.italic !== null) font.italic = f.italic;
  if (f.strikethrough !== null) font.strike = f.strikethrough;
  if (f.underline !== null) font.underline = f.underline;
  const style: Partial<ExcelJS.Style> = {};
  const bg = argb(f.background);
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
  if (Object.keys(font).length) style.font = font;
  const first = parseA1((rule.ranges[0] ?? 'A1').split(':')[0] as string);
  const tl = first && first.r1 !== undefined && first.c1 !== undefined ? `${letters(first.c1)}${first.r1}` : 'A1';
  const [a, b] = rule.values;
  const cellIs = (operator: string, formulae: unknown[]): ExcelJS.ConditionalFormattingRule =>
    ({ type: 'cellIs', operator: operator as ExcelJS.CellIsOperators, formulae, priority, style });
  const expression = (formula: string): ExcelJS.ConditionalFormattingRule => ({ type: 'expression', formulae: [formula], priority, style });
  const search = `SEARCH(${quoted(String(a).replace(/[~*?]/g, '~$&'))},${tl})`;
  const day = (d: unknown): number => Math.floor(d instanceof Date ? instantToSerial(d.getTime(), timeZone) : Number(d));
  switch (rule.criteria) {
    case 'NUMBER_LESS_THAN': return cellIs('lessThan', [a]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return cellIs('lessThanOrEqual', [a]);
    case 'NUMBER_GREATER_THAN': return cellIs('greaterThan', [a]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return cellIs('greaterThanOrEqual', [a]);
    case 'NUMBER_EQUAL_TO': return cellIs('equal', [a]);
    case 'NUMBER_NOT_EQUAL_TO': return cellIs('notEqual', [a]);
    case 'NUMBER_BETWEEN': return cellIs('between', [a, b]);
    case 'NUMBER_NOT_BETWEEN': return cellIs('notBetween', [a, b]);
    case 'CELL_EMPTY': return expression(`LEN(TRIM(${tl}))=0`);
    case 'CELL_NOT_EMPTY': return expression(`LEN(TRIM(${tl}))>0`);
    case 'TEXT_CONTAINS': return expression(`ISNUMBER(${search})`);
    case 'TEXT_DOES_NOT_CONTAIN': return expression(`ISERROR(${search})`);
    case 'TEXT_EQUAL_TO': return expression(`${tl}=${quoted(a)}`);
    case 'TEXT_NOT_EQUAL_TO': return expression(`${tl}<>${quoted(a)}`);
    case 'TEXT_STARTS_WITH': return expression(`LEFT(${tl},${String(a).length})=${quoted(a)}`);
    case 'TEXT_ENDS_WITH': return expression(`RIGHT(${tl},${String(a).length})=${quoted(a)}`);
    case 'DATE_AFTER': return expression(`INT(${tl})>${day(a)}`);
    case 'DATE_BEFORE': return expression(`INT(${tl})<${day(a)}`);
    case 'DATE_EQUAL_TO': return expression(`INT(${tl})=${day(a)}`);
    case 'DATE_NOT_EQUAL_TO': return expression(`INT(${tl})<>${day(a)}`);
    case 'CUSTOM_FORMULA': return expression(String(a ?? '').replace(/^=/, ''));
    default: return null;
  }
}

/** exceljs has Worksheet.dataValidations at run time (lib/doc/worksheet.js) but not in its type declarations. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function writeOverlays(ws: ExcelJS.Worksheet, data: SheetExport, timeZone: string): void {
  for (const v of data.validations) {
    const dv = excelValidation(v);
    if (dv) (ws as WithValidations).dataValidations.add(v.a1, dv);
  }
  // Sheets applies the first rule that holds; Excel's lowest priority number comes first.
  data.conditionalFormats.forEach((rule, i) => {
    const r = excelRule(rule, i + 1, timeZone);
    if (r && rule.ranges.length) ws.addConditionalFormatting({ ref: rule.ranges.join(' '), rules: [r] });
  });
  if (data.filter) ws.autoFilter = data.filter.a1;
  for (const link of data.links) ws.getCell(link.row, link.column).value = { text: link.text, hyperlink: link.url };
}

export async function writeXlsx(model: SpreadsheetModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FBA 3PL Sync local world';
  for (const name of model.sheetNames()) {
    const data = model.exportSheet(name);
    if (!data) continue;
    const ws = wb.addWorksheet(name.slice(0, 31), {
      views: data.frozenRows || data.frozenColumns ? [{ state: 'frozen', ySplit: data.frozenRows, xSplit: data.frozenColumns }] : [],
    });
    if (data.hidden) ws.state = 'hidden';
    data.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === '' || value === null || value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        const fmt = excelFormat(data.numberFormats[r]?.[c] ?? '');
        if (fmt) cell.numFmt = fmt;
        if (r === 0 && data.frozenRows > 0) cell.font = { bold: true };
      });
    });
    for (const [col, width] of Object.entries(data.columnWidths)) {
      ws.getColumn(Number(col)).width = Math.max(6, Math.round(width / 7));
    }
    writeOverlays(ws, data, model.timeZone);
  }
  // Excel opens on the active tab, which must be a visible one.
  const firstVisible = wb.worksheets.findIndex((ws) => ws.state === 'visible');
  if (firstVisible > 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: firstVisible, activeTab: firstVisible, visibility: 'visible' }];
  await wb.xlsx.writeFile(file);
}
