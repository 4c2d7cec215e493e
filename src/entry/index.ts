// The public surface Apps Script sees: every export here becomes a top-level function of
// dist/Code.js (menu commands, simple triggers, trigger handlers, sidebar calls).

export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('FBA 3PL Sync').addItem('Set up sheets', 'setupSheets').addToUi();
}

export function setupSheets(): void {}
