// Inserting and deleting rows and columns moves what lies over the grid as Sheets does: conditional
// format ranges, the filter, range protections and chart anchors shift or grow; rows inserted below a
// range's last row stay outside it; deleting every row of a range removes it.
import { describe, expect, it } from 'vitest';
import { makeCharts } from '../world/gas/spreadsheet/charts';
import { openFake } from '../world/gas/spreadsheet/testing';

const Charts = makeCharts() as { ChartType: Record<string, unknown> };

function log() {
  const rows = [['When', 'Job', 'Outcome'], ...Array.from({ length: 9 }, (_, i) => [`t${i}`, 'inventory', i % 2 ? 'ok' : 'failed'])];
  const f = openFake({ tabs: { Log: rows } });
  const sh = f.ss.getSheetByName('Log');
  sh.deleteRows(11, sh.getMaxRows() - 10); // a grid of exactly 10 rows: the header and 9 entries
  return { ...f, sh };
}

const a1s = (rule: { getRanges(): Array<{ getA1Notation(): string }> }) => rule.getRanges().map((r) => r.getA1Notation());

describe('rows inserted or deleted under the rules', () => {
  it('an open-ended range keeps reaching the bottom when rows are inserted inside it, not below it', () => {
    const { sh, app } = log();
    sh.setConditionalFormatRules([app.newConditionalFormatRule().whenTextEqualTo('failed').setBackground('#f4c7c3').setRanges([sh.getRange('C2:C')]).build()]);
    sh.getRange('A1:C').createFilter();
    sh.insertRowsBefore(5, 2);
    expect(a1s(sh.getConditionalFormatRules()[0])).toEqual(['C2:C12']);
    expect(sh.getFilter().getRange().getA1Notation()).toBe('A1:C12');
    sh.insertRowsAfter(12, 3); // below the last row: outside, as the add-on's sheet-style code expects
    expect(a1s(sh.getConditionalFormatRules()[0])).toEqual(['C2:C12']);
    expect(sh.getFilter().getRange().getA1Notation()).toBe('A1:C12');
  });

  it('deleting rows shrinks ranges, so the filter range stays inside the grid', () => {
    const { sh, app, model } = log();
    sh.getRange('A1:C10').createFilter().setColumnFilterCriteria(3, app.newFilterCriteria().setHiddenValues(['ok']).build());
    sh.getRange('A4:C6').protect().setDescription('middle');
    sh.deleteRows(2, 4); // rows 2..5
    expect(sh.getFilter().getRange().getA1Notation()).toBe('A1:C6');
    expect(sh.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A2:C2');
    expect(model.rowsHiddenByFilter('Log')).toEqual([3, 5]); // t5 and t7, now on rows 3 and 5
    sh.deleteRows(2, 1);
    expect(sh.getProtections(app.ProtectionType.RANGE)).toEqual([]); // its only row is gone
  });

  it('a rule loses only the range whose rows are all deleted; charts move with their anchor row', () => {
    const { sh, app } = log();
    sh.setConditionalFormatRules([app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sh.getRange('A3:A4'), sh.getRange('B8:B9')]).build()]);
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sh.getRange('A8:B10')).setPosition(9, 5, 0, 0).build());
    sh.deleteRows(3, 2);
    expect(a1s(sh.getConditionalFormatRules()[0])).toEqual(['B6:B7']);
    const chart = sh.getCharts()[0];
    expect(chart.getRanges()[0].getA1Notation()).toBe('A6:B8');
    expect(chart.getContainerInfo().getAnchorRow()).toBe(7);
  });

  it('columns inserted before a filter move it and its criteria', () => {
    const { sh, app } = log();
    const filter = sh.getRange('A1:C10').createFilter();
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().setHiddenValues(['ok']).build());
    sh.insertColumnsBefore(1, 1);
    const moved = sh.getFilter();
    expect(moved.getRange().getA1Notation()).toBe('B1:D10');
    expect(moved.getColumnFilterCriteria(4).getHiddenValues()).toEqual(['ok']);
  });
});
