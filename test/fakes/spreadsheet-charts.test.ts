// Embedded charts and the Charts global as Google documents them
// (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder , .../embedded-chart ,
// .../container-info , .../sheet#insertChart(EmbeddedChart) , https://developers.google.com/apps-script/reference/charts/chart-type):
// charts are recorded so tests can assert them; nothing is drawn.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { GasServices } from '../world/gas/index';
import type { Realm } from '../world/gas/realm';
import { makeCharts } from '../world/gas/spreadsheet/charts';
import { openFake } from '../world/gas/spreadsheet/testing';
import { World } from '../world/world';
import { gasMessage } from './gas-harness';

const Charts = makeCharts() as { ChartType: Record<string, unknown>; Position: Record<string, unknown> };

function stock() {
  const f = openFake({ tabs: { Stock: [['SKU', 'Units'], ['A', 3], ['B', 5], ['C', 1]], Data: [['x', 1]] } });
  return { ...f, sh: f.ss.getSheetByName('Stock') };
}

describe('EmbeddedChartBuilder', () => {
  it('builds the documented chain; addRange ignores a range already added', () => {
    const { sh } = stock();
    const builder = sh.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sh.getRange('A1:A4')).addRange(sh.getRange('A1:A4'))
      .addRange(sh.getRange('B1:B4')).setPosition(2, 4, 10, 20).setOption('title', 'Units by SKU').setNumHeaders(1);
    expect(builder.getChartType()).toBe(Charts.ChartType.COLUMN);
    expect(builder.getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(['A1:A4', 'B1:B4']);
    const chart = builder.build();
    expect(String(chart)).toBe('EmbeddedChart');
    expect(chart.getChartId()).toBeNull(); // "null if the chart is not in a spreadsheet"
    expect(chart.getOptions().get('title')).toBe('Units by SKU');
    expect(chart.getOptions().get('legend.position')).toBeNull();
    expect(chart.getNumHeaders()).toBe(1);
    const info = chart.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([2, 4, 10, 20]);
    expect(chart.modify().getChartType()).toBe(Charts.ChartType.COLUMN);
  });

  it('as…Chart() sets the type and the typed setters record their chart options', () => {
    const { sh } = stock();
    const chart = sh.newChart().asBarChart().setTitle('Held orders').setXAxisTitle('Units').setStacked()
      .setLegendPosition(Charts.Position.BOTTOM).addRange(sh.getRange('A1:B4')).build();
    expect(chart.modify().getChartType()).toBe(Charts.ChartType.BAR);
    const o = chart.getOptions();
    expect([o.get('title'), o.get('hAxis.title'), o.get('isStacked'), o.get('legend.position')]).toEqual(['Held orders', 'Units', true, 'bottom']);
  });

  it('refuses a chart without a type and arguments of the wrong type', () => {
    const { sh } = stock();
    expect(gasMessage(() => sh.newChart().addRange(sh.getRange('A1:B4')).build())).toMatch(/no chart type/);
    expect(gasMessage(() => sh.newChart().setPosition('1', 1, 0, 0)))
      .toBe("The parameters (String,number,number,number) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.");
    expect(gasMessage(() => sh.newChart().setChartType('COLUMN'))).toMatch(/EmbeddedChartBuilder.setChartType/);
    expect(gasMessage(() => sh.newChart().addRange('A1:B4'))).toMatch(/EmbeddedChartBuilder.addRange/);
  });
});

describe('Sheet charts', () => {
  it('insertChart, getCharts, updateChart through modify(), removeChart', () => {
    const { sh, model } = stock();
    const chart = sh.newChart().setChartType(Charts.ChartType.LINE).addRange(sh.getRange('A1:B4')).setPosition(1, 4, 0, 0).build();
    sh.insertChart(chart);
    const charts = sh.getCharts();
    expect(charts).toHaveLength(1);
    const id = charts[0].getChartId();
    expect(typeof id).toBe('number');
    expect(chart.getChartId()).toBe(id);
    expect(charts[0].getRanges()[0].getA1Notation()).toBe('A1:B4');

    sh.updateChart(charts[0].modify().setOption('title', 'Updated!').setPosition(6, 2, 0, 0).build());
    const after = sh.getCharts()[0];
    expect(after.getChartId()).toBe(id);
    expect(after.getOptions().get('title')).toBe('Updated!');
    expect(after.getContainerInfo().getAnchorRow()).toBe(6);
    expect(model.exportSheet('Stock')!.charts).toEqual([
      { id, type: 'LINE', ranges: ['A1:B4'], position: { row: 6, column: 2, offsetX: 0, offsetY: 0 }, options: { title: 'Updated!' } },
    ]);

    sh.removeChart(chart);
    expect(sh.getCharts()).toEqual([]);
  });

  it('a chart may plot another tab; updateChart of a chart never inserted is refused', () => {
    const { sh, ss, model } = stock();
    const other = ss.getSheetByName('Data');
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.PIE).addRange(other.getRange('A1:B1')).build());
    expect(model.exportSheet('Stock')!.charts[0]!.ranges).toEqual(["'Data'!A1:B1"]);
    expect(gasMessage(() => sh.updateChart(sh.newChart().setChartType(Charts.ChartType.PIE).build()))).toMatch(/not on this sheet/);
    expect(gasMessage(() => sh.insertChart('chart'))).toMatch(/method signature for SpreadsheetApp.Sheet.insertChart/);
  });
});

describe('the Charts global', () => {
  it('is among the globals and works from the bundle\'s realm, with errors of that realm', () => {
    const world = new World('2026-03-02T09:00:00Z', 'bound');
    const services = new GasServices(world, { manifest: { timeZone: 'Etc/UTC' }, htmlDir: mkdtempSync(join(tmpdir(), 'gas-charts-')) });
    services.spreadsheet.seed({ Stock: [['SKU', 'Units'], ['A', 3]] });
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Object, Array })', context) as Realm;
    Object.assign(context, services.globals(realm));
    world.begin('chart', 'menu');
    const out = vm.runInContext(`(function () {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stock');
      sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:B2')).setPosition(1, 3, 0, 0).build());
      var err;
      try { sheet.newChart().build(); } catch (e) { err = (e instanceof Error) + ' ' + e.name; }
      return String(Charts.ChartType.COLUMN) + ' ' + sheet.getCharts().length + ' ' + err;
    })()`, context);
    expect(out).toBe('COLUMN 1 true Exception');
    expect(services.spreadsheet.exportSheet('Stock')!.charts[0]!.type).toBe('COLUMN');
  });
});
