// Dashboard port: the few presentation calls the WorkbookPort has no words for — the spreadsheet's
// time zone, a cell block's number-format pattern or weight, and one embedded chart. Each method is
// one or two spreadsheet calls; callers use them only when what they show changed.

/** A block of cells, 1-based. */
export interface CellBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** An embedded chart over one range (header row first: its cells name the series). */
export interface ChartSpec {
  type: 'column' | 'line';
  range: CellBlock;
  title: string;
  /** The cell its top-left corner sits on. */
  at: { row: number; column: number };
}

export interface DashboardPort {
  /** The spreadsheet's time zone ("Europe/London"): Sheets shows every date-time in it. */
  timeZone(): string;
  /** The calendar day ("2026-11-02") of an instant in `timeZone`. */
  dayOf(ms: number, timeZone: string): string;
  /** The wall-clock time ("2026-11-02 08:00:05") of an instant in `timeZone`. */
  wallClock(ms: number, timeZone: string): string;
  /** The formulas of a block ('' where a cell holds a value), as Range.getFormulas gives them. */
  formulas(tab: string, block: CellBlock): string[][];
  /** The last row with content; 0 for an empty or missing tab. */
  lastRow(tab: string): number;
  /** A Sheets number-format pattern on a block ("yyyy-mm-dd hh:mm \"Europe/London\""). */
  setNumberFormat(tab: string, block: CellBlock, pattern: string): void;
  /** Bold or normal weight on blocks of cells (section rows). */
  setBold(tab: string, blocks: readonly CellBlock[], bold: boolean): void;
  /** How many embedded charts the tab holds; 0 when the tab is missing. */
  chartCount(tab: string): number;
  insertChart(tab: string, spec: ChartSpec): void;
}
