// The basic filter: Range.createFilter / getFilter, Sheet.getFilter, Filter and FilterCriteria as Google
// documents them (https://developers.google.com/apps-script/reference/spreadsheet/filter ,
// .../filter-criteria-builder , .../range#createFilter() , .../sheet#isRowHiddenByFilter(Integer)).
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';
import { gasMessage } from './gas-harness';

function orders() {
  const f = openFake({
    tabs: {
      Orders: [
        ['Order', 'Channel', 'Units', 'Status'],
        ['o-1', 'FBM', 3, 'Sent'],
        ['o-2', 'FBA', 1, 'Held'],
        ['o-3', 'FBM', 7, 'Held'],
        ['o-4', 'FBM', 2, 'Sent'],
      ],
    },
  });
  return { ...f, sh: f.ss.getSheetByName('Orders') };
}

describe('Range.createFilter and Sheet.getFilter', () => {
  it('creates one filter a sheet, reachable from the sheet and from any range of it', () => {
    const { sh } = orders();
    expect(sh.getFilter()).toBeNull();
    expect(sh.getRange('B2').getFilter()).toBeNull();
    const filter = sh.getRange('A1:D5').createFilter();
    expect(String(filter)).toBe('Filter');
    expect(filter.getRange().getA1Notation()).toBe('A1:D5');
    expect(sh.getFilter().getRange().getA1Notation()).toBe('A1:D5');
    expect(sh.getRange('Z99').getFilter().getRange().getA1Notation()).toBe('A1:D5');
  });

  it("refuses a second filter with Google's text, and allows a new one after remove()", () => {
    const { sh } = orders();
    const filter = sh.getDataRange().createFilter();
    expect(gasMessage(() => sh.getRange('A1:B2').createFilter())).toBe("You can't create a filter in a sheet that already has a filter.");
    filter.remove();
    expect(sh.getFilter()).toBeNull();
    expect(gasMessage(() => filter.getRange())).toMatch(/removed/);
    expect(sh.getRange('A1:B5').createFilter().getRange().getA1Notation()).toBe('A1:B5');
  });
});

describe('Filter criteria', () => {
  it('hidden values hide rows (never the header), readable back; null criteria clears the column', () => {
    const { sh, app, model } = orders();
    const filter = sh.getRange('A1:D5').createFilter();
    const criteria = app.newFilterCriteria().setHiddenValues(['Held']).build();
    expect(filter.setColumnFilterCriteria(4, criteria)).toBe(filter);
    expect([1, 2, 3, 4, 5].map((r) => sh.isRowHiddenByFilter(r))).toEqual([false, false, true, true, false]);
    expect(model.rowsHiddenByFilter('Orders')).toEqual([3, 4]);
    expect(filter.getColumnFilterCriteria(4).getHiddenValues()).toEqual(['Held']);
    expect(filter.getColumnFilterCriteria(2)).toBeNull();
    filter.setColumnFilterCriteria(4, null);
    expect(model.rowsHiddenByFilter('Orders')).toEqual([]);
  });

  it('boolean conditions and visible values combine across columns; removeColumnFilterCriteria drops one', () => {
    const { sh, app, model } = orders();
    const filter = sh.getDataRange().createFilter();
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().whenNumberGreaterThan(1).build());
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().setVisibleValues(['FBM']).build());
    expect(model.rowsHiddenByFilter('Orders')).toEqual([3]); // o-2: FBA and 1 unit
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().whenTextEqualTo('fbm').build()); // text conditions ignore case
    expect(model.rowsHiddenByFilter('Orders')).toEqual([3]);
    filter.removeColumnFilterCriteria(3).removeColumnFilterCriteria(2);
    expect(model.rowsHiddenByFilter('Orders')).toEqual([]);
    const c = app.newFilterCriteria().whenNumberBetween(2, 5).build();
    expect(c.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_BETWEEN);
    expect(c.getCriteriaValues()).toEqual([2, 5]);
    expect(c.copy().setHiddenValues(['x']).build().getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_BETWEEN);
  });

  it('checks column positions and argument types', () => {
    const { sh, app } = orders();
    const filter = sh.getRange('A1:C5').createFilter();
    expect(gasMessage(() => filter.setColumnFilterCriteria(4, app.newFilterCriteria().whenCellEmpty().build())))
      .toBe('The column 4 is not within the filter range.');
    expect(gasMessage(() => filter.setColumnFilterCriteria(2, 'Held')))
      .toMatch(/method signature for SpreadsheetApp.Filter.setColumnFilterCriteria/);
    expect(gasMessage(() => app.newFilterCriteria().setHiddenValues('Held')))
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.setHiddenValues.");
  });
});

describe('Filter.sort', () => {
  it('sorts the filter range by a column, keeping the header row', () => {
    const { sh } = orders();
    const filter = sh.getRange('A1:D5').createFilter();
    filter.sort(3, false);
    expect(sh.getRange('A1:A5').getValues().flat()).toEqual(['Order', 'o-3', 'o-1', 'o-4', 'o-2']);
    filter.sort(1, true);
    expect(sh.getRange('A1:A5').getValues().flat()).toEqual(['Order', 'o-1', 'o-2', 'o-3', 'o-4']);
    expect(gasMessage(() => filter.sort(3))).toBe("The parameters (number) don't match the method signature for SpreadsheetApp.Filter.sort.");
  });
});

describe('Filters in the model export', () => {
  it('exportSheet reports the filter range and each column\'s criteria', () => {
    const { sh, app, model } = orders();
    expect(model.exportSheet('Orders')!.filter).toBeNull();
    sh.getRange('A1:D5').createFilter().setColumnFilterCriteria(4, app.newFilterCriteria().setHiddenValues(['Held']).build());
    expect(model.exportSheet('Orders')!.filter).toEqual({
      a1: 'A1:D5',
      columns: [{ column: 4, criteria: null, values: [], hiddenValues: ['Held'], visibleValues: null }],
    });
  });
});
