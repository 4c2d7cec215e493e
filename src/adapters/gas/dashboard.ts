// DashboardPort over SpreadsheetApp, Charts and Utilities. The spreadsheet is looked up on first use:
// building the ports must cost no spreadsheet call (onOpen runs without document access).
// Charts: https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
// (sheet.newChart()…setChartType(Charts.ChartType.COLUMN).addRange(range).setPosition(row, col, 0, 0)
// .build(), then sheet.insertChart); time zone: Spreadsheet.getSpreadsheetTimeZone(); days:
// Utilities.formatDate(date, timeZone, 'yyyy-MM-dd') (Java SimpleDateFormat pattern); formulas:
// Range.getFormulas() ('' for a cell holding a value).

import type { CellBlock, DashboardPort } from '../../ports/dashboard';
import { sheetNamed } from './sheet-named';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function gasDashboard(): DashboardPort {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  // Asked once per execution: the Sync Log row and the Dashboard both need it.
  let zone: string | null = null;
  const book = () => (ss ??= SpreadsheetApp.getActiveSpreadsheet());
  const sheet = (tab: string): Sheet | null => sheetNamed(book(), tab);
  const range = (s: Sheet, b: CellBlock) => s.getRange(b.row, b.column, b.rows, b.columns);
  return {
    timeZone: () => (zone ??= book().getSpreadsheetTimeZone()),
    dayOf: (ms, timeZone) => Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd'),
    wallClock: (ms, timeZone) => Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH:mm:ss'),
    formulas(tab, block) {
      const s = sheet(tab);
      return s ? range(s, block).getFormulas() : [];
    },
    lastRow: (tab) => sheet(tab)?.getLastRow() ?? 0,
    setNumberFormat(tab, block, pattern) {
      const s = sheet(tab);
      if (s) range(s, block).setNumberFormat(pattern);
    },
    setBold(tab, blocks, bold) {
      const s = sheet(tab);
      if (s) for (const b of blocks) range(s, b).setFontWeight(bold ? 'bold' : 'normal');
    },
    chartCount: (tab) => sheet(tab)?.getCharts().length ?? 0,
    insertChart(tab, spec) {
      const s = sheet(tab);
      if (!s) return;
      const chart = s
        .newChart()
        .setChartType(spec.type === 'line' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
        .addRange(range(s, spec.range))
        // The range's first row names the series; its first column is the category axis.
        .setNumHeaders(1)
        .setOption('title', spec.title)
        .setPosition(spec.at.row, spec.at.column, 0, 0)
        .build();
      s.insertChart(chart);
    },
  };
}
