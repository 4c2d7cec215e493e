// Google's error texts for the fake spreadsheet, in one place. The facade turns a SheetError into an
// Apps Script "Exception" made in the bundle's realm (realm.ts gasError). Sources are beside each text.

export class SheetError extends Error {}

export const MSG = {
  // Observed in real logs; apps-script.md §2.1.
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  colsAtLeastOne: 'The number of columns in the range must be at least 1.',
  // Widely observed Apps Script text for row/column 0 (several independent fakes and real scripts agree).
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  // Apps Script does NOT grow the grid for getRange past getMaxRows()/getMaxColumns(); it throws this
  // (real scripts catch this exact text; apps-script fakes in public repos agree).
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  dataRows: (has: number, want: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${want}.`,
  dataCols: (has: number, want: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${want}.`,
  // apps-script.md §2.1 / §3: observed in several projects.
  cellLimit: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  // Sheets' per-cell limit of 50,000 characters (https://support.google.com/drive/answer/37603); text as observed.
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  // Texts below are from memory of the Sheets UI/Apps Script; unverified wording.
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllCols: 'Sorry, it is not possible to delete all non-frozen columns.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  colsOutOfBounds: 'Those columns are out of bounds.',
  lastSheet: "You can't remove all the sheets in a document.",
  // setFrozenRows(n) with n >= the grid's rows: observed in a real log (github.com/google/ads-account-structure-script/issues/2).
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  // The column twin of the text above, by analogy; unverified wording.
  freezeAllCols: "You can't freeze all visible columns on the sheet.",
  hideLastSheet: "You can't hide all the sheets in a document.",
  listTooLong: 'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
  // Range.createFilter on a tab that has one: observed on live Apps Script by gas-fakes' tests
  // (github.com/brucemcpherson/gas-fakes, test/testsheetssets.js).
  filterExists: "You can't create a filter in a sheet that already has a filter.",
  // Protection.setRange on a sheet protection: the text gas-fakes throws (src/services/spreadsheetapp/fakeprotection.js).
  protectionKind: 'Cannot change sheet protection to range protection (or vice versa).',
  // The fake's own wording below (unverified): Google documents the case, not the text.
  filterGone: 'This filter has been removed from the sheet.',
  filterColumn: (col: number) => `The column ${col} is not within the filter range.`,
  cfOtherSheet: "A conditional format rule's ranges must be on the sheet the rule is set on.",
  chartNotOnSheet: 'The chart is not on this sheet. Use insertChart for a new chart.',
  signature: (types: string, method: string) => `The parameters (${types}) don't match the method signature for ${method}.`,
} as const;

/** Apps Script names argument types in signature errors as number/String/Boolean/null/(class). */
export function typeNames(args: readonly unknown[]): string {
  return args
    .map((a) => (a === null ? 'null' : typeof a === 'number' ? 'number' : typeof a === 'string' ? 'String' : typeof a === 'boolean' ? 'Boolean' : '(class)'))
    .join(',');
}
