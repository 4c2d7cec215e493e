// The scenario workbook's .xlsx (test/world/scenario/xlsx.ts), read back with exceljs: frozen panes,
// hidden tabs, data validations (lists, checkboxes, numbers), conditional formats with their colours,
// the filter's range and links are in the file a person opens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../world/scenario/xlsx';
import { openFake } from '../world/gas/spreadsheet/testing';

type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };
type Formats = { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };

let written: Promise<ExcelJS.Workbook> | undefined;
/** One workbook for all cases: writing and reading it back is the slow part. */
function exported(): Promise<ExcelJS.Workbook> {
  written ??= writeAndRead();
  return written;
}

async function writeAndRead(): Promise<ExcelJS.Workbook> {
  const { app, ss, model } = openFake({
    tabs: {
      Inventory: [['SKU', 'Channel', 'Available', 'Push'], ['A-1', 'FBM', 5, false], ['B-2', 'FBA', -2, true]],
      Staging: [['cursor']],
    },
  });
  const sh = ss.getSheetByName('Inventory');
  sh.setFrozenRows(1);
  sh.setFrozenColumns(1);
  sh.getRange('B2:B3').setDataValidation(app.newDataValidation().requireValueInList(['FBM', 'FBA']).setAllowInvalid(false).build());
  sh.getRange('D2:D3').insertCheckboxes();
  sh.getRange('C2:C3').setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setHelpText('Units, 0 or more').build());
  sh.setConditionalFormatRules([
    app.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#f4c7c3').setRanges([sh.getRange('C2:C3')]).build(),
    app.newConditionalFormatRule().whenFormulaSatisfied('=$B2="FBA"').setFontColor('#1155cc').setBold(true).setRanges([sh.getRange('A2:D3')]).build(),
    app.newConditionalFormatRule().whenTextContains('B-').setBackground('#fff2cc').setRanges([sh.getRange('A2:A3')]).build(),
  ]);
  sh.getRange('A1:D3').createFilter();
  sh.getRange('A2').setRichTextValue(app.newRichTextValue().setText('A-1').setLinkUrl('https://sellercentral.amazon.com/skucentral?mSku=A-1').build());
  ss.getSheetByName('Staging').hideSheet();

  const file = join(mkdtempSync(join(tmpdir(), 'xlsx-export-')), 'workbook.xlsx');
  await writeXlsx(model, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('writeXlsx', () => {
  it('writes frozen panes and hides hidden tabs', async () => {
    const wb = await exported();
    const ws = wb.getWorksheet('Inventory')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ws.state).toBe('visible');
    expect(wb.getWorksheet('Staging')!.state).toBe('hidden');
  });

  it('writes list, checkbox and number validations', async () => {
    const ws = (await exported()).getWorksheet('Inventory')! as unknown as Validations;
    const dv = ws.dataValidations.model; // exceljs reads a range's validation back cell by cell
    for (const a1 of ['B2', 'B3']) expect(dv[a1]).toMatchObject({ type: 'list', formulae: ['"FBM,FBA"'], errorStyle: 'stop' });
    expect(dv['D3']).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    expect(dv['C2']).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: 'Units, 0 or more', errorStyle: 'warning' });
    expect(dv['A2']).toBeUndefined();
  });

  it('writes conditional formats with their conditions and colours, in the tab\'s order', async () => {
    const ws = (await exported()).getWorksheet('Inventory')! as unknown as Formats;
    const cfs = ws.conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(['C2:C3', 'A2:D3', 'A2:A3']);
    expect(cfs[0]!.rules[0]).toMatchObject({ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1 });
    expect(cfs[0]!.rules[0]!.style?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4C7C3' } });
    expect(cfs[1]!.rules[0]).toMatchObject({ type: 'expression', formulae: ['$B2="FBA"'], priority: 2 });
    expect(cfs[1]!.rules[0]!.style?.font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(cfs[2]!.rules[0]).toMatchObject({ type: 'expression', formulae: ['ISNUMBER(SEARCH("B-",A2))'] });
  });

  it('writes the filter range and links as hyperlinks with the cell text', async () => {
    const ws = (await exported()).getWorksheet('Inventory')!;
    expect(ws.autoFilter).toBe('A1:D3');
    expect(ws.getCell('A2').value).toEqual({ text: 'A-1', hyperlink: 'https://sellercentral.amazon.com/skucentral?mSku=A-1' });
    expect(ws.getCell('B3').value).toBe('FBA');
  });
});
