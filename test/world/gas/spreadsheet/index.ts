// Public surface of the fake SpreadsheetApp: the document model (lives across executions) and the
// per-execution SpreadsheetApp factory.
export { SpreadsheetModel, CELL_LIMIT, type SheetExport } from './model';
export { makeSpreadsheetApp, NO_UI_MESSAGE } from './app';
export { DEFAULT_NUMBER_FORMAT } from './formats';
export { MSG as SPREADSHEET_MESSAGES } from './errors';
