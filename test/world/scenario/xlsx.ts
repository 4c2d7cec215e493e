// Writes the fake spreadsheet as an .xlsx file (exceljs) so a person can open a scenario's result
// in a spreadsheet program: values, number formats, frozen header rows and column widths.

import ExcelJS from 'exceljs';
import type { SpreadsheetModel } from '../gas/spreadsheet/model';

/** Sheets patterns that Excel reads differently. */
function excelFormat(fmt: string): string | undefined {
  if (!fmt || fmt === 'General' || fmt === '0.###############') return undefined;
  return fmt.replace(/\bhh:mm\b/, 'hh:mm');
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
  }
  await wb.xlsx.writeFile(file);
}
