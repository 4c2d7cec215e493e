// Sheet-style port: how a tab looks and behaves beyond its values (frozen header, filter, drop-downs,
// tick boxes, plain-text columns, protection, conditional colours, links), asked for as plain data.
// Each method first looks at what the tab already has and changes only what is missing or different,
// so a tab already in shape costs a few metadata reads and no writes, whatever its row count.

/** A drop-down of allowed values, or a tick box. `strict` refuses other input; otherwise it is flagged. */
export type CellRule = { list: readonly string[]; strict: boolean } | 'checkbox';

/** What "Set up sheets" wants of one tab. Columns and rows are 1-based; data starts at row 2. */
export interface TabStandard {
  /** The tab's name as the spreadsheet has it. */
  tab: string;
  /** How many header columns the tab has: the filter spans them. */
  width: number;
  /** Freeze the header row when the tab freezes none (more frozen rows people chose stay). */
  freezeHeader: boolean;
  /** A filter over the header's columns when the tab has none (a tab has at most one; people's stays). */
  filter: boolean;
  /** Columns formatted as plain text from row 2 down, so "00123" typed later stays text; values already there are kept. */
  plainText: readonly number[];
  /** A rule for a whole column from row 2 down: set where the column has none, or an older list of ours that lacks values. */
  columnRules: ReadonlyArray<{ column: number; rule: CellRule }>;
  /** A rule for one cell (a Settings Value), under the same condition. */
  cellRules: ReadonlyArray<{ row: number; column: number; rule: CellRule }>;
  /** A warning-only protection of the whole tab when it has none (the add-on writes it; people may still sort and filter). */
  protect: boolean;
}

/** What ensureStandard changed, for the set-up message. */
export type StyleChange = 'frozen header' | 'filter' | 'plain text' | 'drop-downs' | 'tick boxes' | 'protection';

/**
 * One conditional format rule: a custom formula (Sheets' "Custom formula is"), relative to row 2 of
 * `column`, colouring `columns` columns from `column` on, row 2 to the bottom of the grid.
 */
export interface ConditionalFormat {
  column: number;
  columns: number;
  formula: string;
  /** '#rrggbb', lower case (as Sheets reads a colour back). */
  background: string;
  fontColor?: string;
}

/**
 * A cell whose text links to `url` (the whole text is the link); null: plain text, so the cells
 * between links join one write. A link into this spreadsheet is given as its place, `sheetCell`:
 * the adapter turns it into the tab's own address (Sheets' "#gid=…&range=…").
 */
export interface LinkCell {
  row: number;
  column: number;
  text: string;
  url: string | null;
  sheetCell?: { tab: string; a1: string };
}

export interface SheetStylePort {
  /** Brings one tab up to `std`; returns what it changed (empty when the tab already was). */
  ensureStandard(std: TabStandard): StyleChange[];
  /**
   * Makes the tab's own rules (those whose formula `isOwn` recognises, whatever columns they name)
   * equal `rules`, keeping every other rule people made. Writes only when they differ; true when it wrote.
   */
  setConditionalFormats(tab: string, rules: readonly ConditionalFormat[], isOwn: (formula: string) => boolean): boolean;
  /** Creates a filter over columns 1..width (all rows) when the tab has none; true when it created one. */
  ensureFilter(tab: string, width: number): boolean;
  /** Writes each cell as linked (or plain) rich text, one call per run of consecutive rows in a column. */
  setLinks(tab: string, cells: readonly LinkCell[]): void;
}
