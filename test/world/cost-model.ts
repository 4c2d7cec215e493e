// The local world's cost model: how much virtual time each Apps Script service call takes, so the
// 6-minute budget and the daily trigger runtime see Sheets, properties, cache and UrlFetch working,
// not only the simulators' latency. Every constant is here, each with where it comes from; the
// figures are old, few and noisy, so the aim is the right order of magnitude (docs/cost-model.md).

/** Virtual milliseconds per unit of work. `World.cost` holds the model in force. */
export interface CostModel {
  /** Every counted SpreadsheetApp call (a Range, Sheet, Spreadsheet or Protection method). */
  readonly sheetCallMs: number;
  /** Per cell a read returns (getValues, getDisplayValues, getNumberFormats, …). */
  readonly sheetCellReadMs: number;
  /** Per cell a write touches when it is issued (setValues, setNumberFormats, clearContent, …). */
  readonly sheetCellWriteMs: number;
  /** Per commit of the write cache: SpreadsheetApp.flush(), the first read after a write, the end of the execution. */
  readonly sheetFlushMs: number;
  /** Per cell written since the last commit, paid when the commit happens. */
  readonly sheetFlushPerCellMs: number;
  /** Per structural change of a tab's grid (insert or delete rows or columns, sort, clear a sheet), on top of the call. */
  readonly sheetStructuralMs: number;
  /** PropertiesService getProperty / getProperties / getKeys. */
  readonly propertyReadMs: number;
  /** PropertiesService setProperty / setProperties / deleteProperty / deleteAllProperties. */
  readonly propertyWriteMs: number;
  /** CacheService get / getAll. */
  readonly cacheReadMs: number;
  /** CacheService put / putAll / remove / removeAll. */
  readonly cacheWriteMs: number;
  /** UrlFetchApp's own work per request, on top of the simulator's latency (server and network). */
  readonly urlFetchCallMs: number;
  /** Per MiB of response body handed to the script. */
  readonly urlFetchPerMiBDownMs: number;
  /** Per MiB of request payload sent. */
  readonly urlFetchPerMiBUpMs: number;
}

export const MIB = 1024 * 1024;

// SpreadsheetApp, fitted to one experiment (400 rows × 10 cells, five approaches) published in
// "What is faster: ScriptDb or SpreadsheetApp?"
// (ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp):
//   (a) one setValues of 4,000 cells < 50 ms;        (b) the same followed by flush() ≈ 610 ms;
//   (c) 400 one-row setValues ≈ 164 ms;              (d) the same with a flush() per row ≈ 12 s.
// (c) gives ≈ 0.4 ms a call; (a) ≤ 0.0125 ms a cell; (d) − (c) gives 400 × (flush + 10 cells) ≈ 11.8 s
// and (b) − (a) gives flush + 4,000 cells ≈ 570 ms, so a commit ≈ 28 ms + 0.135 ms per pending cell.
// Checks: (a) 0.4 + 40 = 40 ms; (b) 40 + 28 + 540 = 608 ms; (d) 400 × (0.5 + 28 + 1.35) ≈ 11.9 s.
// Google's Best Practices page (developers.google.com/apps-script/guides/support/best-practices,
// "Use batch operations") times 10,000 cells written one by one with a flush per row at ≈ 70 s and
// one setBackgrounds of the same cells at ≈ 1 s: the model gives ≈ 12 s and ≈ 1.5 s (the loop is
// format calls through offset(), dearer than setValues; the model stays optimistic there).
const SHEET_CALL_MS = 0.4;
// No read figure is published; reads are taken to cost what writes do when issued (assumption).
const SHEET_CELL_READ_MS = 0.01;
const SHEET_CELL_WRITE_MS = 0.01;
const SHEET_FLUSH_MS = 28;
const SHEET_FLUSH_PER_CELL_MS = 0.135;
// No published timing of one insert or delete: ramblings.mcpher.com ("Measuring sheet operation
// performance", inserts of 250 and deletes of 100 rows on sheets growing past 10,000 rows) found them
// cheap and not proportional to the sheet, unlike rewrites. Taken to cost one commit (assumption).
const SHEET_STRUCTURAL_MS = SHEET_FLUSH_MS;

// PropertiesService: ziritione.org/post/apps_script_performance (100 runs each): getProperty avg
// 30 ms (script) / 34 ms (user), setProperty avg 62 / 64 ms. justin.poehnelt.com/posts/apps-script-key-value-stores
// (100 write+read pairs of 100 bytes): ≈ 80 ms a pair, in line with 30 + 60 ≈ 90.
const PROPERTY_READ_MS = 30;
const PROPERTY_WRITE_MS = 60;

// CacheService: ziritione.org (above): get avg 3–4 ms, put avg 92–93 ms; qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512
// (10 runs, small and 100 KB values alike): get ≈ 20 ms, put ≈ 56 ms, remove ≈ 88 ms; Poehnelt (above):
// ≈ 63 ms a put+get pair. Taken: 10 ms a read, 55 ms a write (remove included).
const CACHE_READ_MS = 10;
const CACHE_WRITE_MS = 55;

// UrlFetchApp: www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html times three Google Books
// API calls at 1,769 ms one after another and 929 ms in one fetchAll. If each request costs a part O
// that fetchAll does not overlap and a part L (server and network) that it does: 3(O + L) = 1,769 and
// 3O + L = 929, so O ≈ 170 ms and L ≈ 420 ms. L is what the simulators' latency models; O is charged
// here, per request, in fetch and fetchAll alike (urlfetch.ts). With the simulators' 250–300 ms a
// single call comes to ≈ 0.45 s, the same order as the ≈ 0.6 s measured end to end.
const URLFETCH_CALL_MS = 170;
// No published throughput figure: assumed ≈ 10 MiB/s between UrlFetch and the script, both ways, so
// a 50 MiB response (the quotas page's cap) costs ≈ 5 s on top of its latency (assumption).
const URLFETCH_PER_MIB_DOWN_MS = 100;
const URLFETCH_PER_MIB_UP_MS = 100;

/** The default: every World charges it, so bundle tests and scenarios see honest time. */
export const COST_MODEL: CostModel = Object.freeze({
  sheetCallMs: SHEET_CALL_MS,
  sheetCellReadMs: SHEET_CELL_READ_MS,
  sheetCellWriteMs: SHEET_CELL_WRITE_MS,
  sheetFlushMs: SHEET_FLUSH_MS,
  sheetFlushPerCellMs: SHEET_FLUSH_PER_CELL_MS,
  sheetStructuralMs: SHEET_STRUCTURAL_MS,
  propertyReadMs: PROPERTY_READ_MS,
  propertyWriteMs: PROPERTY_WRITE_MS,
  cacheReadMs: CACHE_READ_MS,
  cacheWriteMs: CACHE_WRITE_MS,
  urlFetchCallMs: URLFETCH_CALL_MS,
  urlFetchPerMiBDownMs: URLFETCH_PER_MIB_DOWN_MS,
  urlFetchPerMiBUpMs: URLFETCH_PER_MIB_UP_MS,
});

/** Charges nothing: for the few fake-level tests that assert exact clock values. */
export const NO_COST: CostModel = Object.freeze({
  sheetCallMs: 0,
  sheetCellReadMs: 0,
  sheetCellWriteMs: 0,
  sheetFlushMs: 0,
  sheetFlushPerCellMs: 0,
  sheetStructuralMs: 0,
  propertyReadMs: 0,
  propertyWriteMs: 0,
  cacheReadMs: 0,
  cacheWriteMs: 0,
  urlFetchCallMs: 0,
  urlFetchPerMiBDownMs: 0,
  urlFetchPerMiBUpMs: 0,
});

/** A commit of the spreadsheet's write cache holding `pendingCells` written cells. */
export function flushCost(model: CostModel, pendingCells: number): number {
  return model.sheetFlushMs + pendingCells * model.sheetFlushPerCellMs;
}

/** UrlFetchApp's own time for one request of `upBytes` that brought back `downBytes`. */
export function fetchCost(model: CostModel, upBytes: number, downBytes: number): number {
  return model.urlFetchCallMs + (upBytes / MIB) * model.urlFetchPerMiBUpMs + (downBytes / MIB) * model.urlFetchPerMiBDownMs;
}
