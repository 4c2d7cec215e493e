// Protections as Google documents them (https://developers.google.com/apps-script/reference/spreadsheet/protection ,
// .../sheet#protect() , .../range#protect()): sheet and range protections, warning-only mode, descriptions,
// listing by type, moving a range protection, unprotected ranges of a protected sheet, removal.
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';
import { gasMessage } from './gas-harness';

function book() {
  const f = openFake({ tabs: { Inventory: [['SKU', 'Units']], Log: [['When']] } });
  return { ...f, sh: f.ss.getSheetByName('Inventory') };
}

describe('Protection', () => {
  it('a warning-only sheet protection keeps its description and is listed by type on the sheet and the spreadsheet', () => {
    const { app, ss, sh, model } = book();
    const p = sh.protect().setDescription('Written by the add-on').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getEditors()).toEqual([]); // "Enabling this mode clears editors"
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(sh.protect().getDescription()).toBe('Written by the add-on'); // the sheet's one protection
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(model.exportSheet('Inventory')!.protections).toEqual([{ a1: null, warningOnly: true, description: 'Written by the add-on' }]);
    expect(gasMessage(() => sh.getProtections('SHEETS'))).toMatch(/method signature for SpreadsheetApp.Sheet.getProtections/);
  });

  it('Range.protect adds overlapping range protections; setRange moves one, even to another tab', () => {
    const { app, ss, sh, model } = book();
    const a = sh.getRange('A1:B1').protect().setDescription('header');
    sh.getRange('A1').protect();
    expect(sh.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    a.setRange(sh.getRange('A1:C1'));
    expect(a.getRange().getA1Notation()).toBe('A1:C1');
    a.setRange(ss.getSheetByName('Log').getRange('A1:A2'));
    expect(sh.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(model.exportSheet('Log')!.protections).toEqual([{ a1: 'A1:A2', warningOnly: false, description: 'header' }]);
  });

  it('a sheet protection cannot become a range protection; unprotected ranges belong to sheet protections', () => {
    const { sh } = book();
    const sheetP = sh.protect();
    expect(gasMessage(() => sheetP.setRange(sh.getRange('A1')))).toBe('Cannot change sheet protection to range protection (or vice versa).');
    sheetP.setUnprotectedRanges([sh.getRange('B2:B10')]);
    expect(sheetP.getUnprotectedRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(['B2:B10']);
    const rangeP = sh.getRange('A1').protect();
    expect(rangeP.getUnprotectedRanges()).toEqual([]);
  });

  it('remove() drops the protection', () => {
    const { app, sh } = book();
    const p = sh.getRange('A1').protect();
    p.remove();
    expect(sh.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });
});
