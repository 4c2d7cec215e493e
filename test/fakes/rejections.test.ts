// Calls Google rejects must fail in the fakes too, so product code cannot get away with them locally:
// widths/heights outside the grid, freezing every row, toast/setTitle/Lock overload mismatches, gzip of
// a non-Blob, and the shape checks of setValues/setNumberFormats. Sources are cited beside each fake.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFake } from '../world/gas/spreadsheet/testing';
import { LOCK_TIMEOUT_MESSAGE, LockModel, makeLockService } from '../world/gas/lock';
import { makeHtmlService } from '../world/gas/html';
import { makeUtilities } from '../world/gas/utilities';
import { gasMessage, harness } from './gas-harness';

function sheet() {
  const f = openFake({ tabs: { Data: [['SKU', 'Qty']] } });
  return { ...f, sh: f.ss.getSheetByName('Data') };
}

describe('Sheet widths and freezing stay inside the grid', () => {
  it('setColumnWidth/getColumnWidth on column 0 or past getMaxColumns throw "Those columns are out of bounds."', () => {
    const { sh } = sheet();
    expect(gasMessage(() => sh.setColumnWidth(0, 120))).toBe('Those columns are out of bounds.');
    expect(gasMessage(() => sh.setColumnWidth(27, 120))).toBe('Those columns are out of bounds.');
    expect(gasMessage(() => sh.getColumnWidth(27))).toBe('Those columns are out of bounds.');
    expect(gasMessage(() => sh.setColumnWidths(26, 2, 80))).toBe('Those columns are out of bounds.');
    expect(gasMessage(() => sh.setRowHeight(1001, 30))).toBe('Those rows are out of bounds.');
    sh.setColumnWidth(26, 120);
    expect(sh.getColumnWidth(26)).toBe(120);
  });

  it('setColumnWidth with a missing or non-number width is a signature error', () => {
    const { sh } = sheet();
    expect(gasMessage(() => sh.setColumnWidth(2))).toMatch(/don't match the method signature for SpreadsheetApp\.Sheet\.setColumnWidth/);
    expect(gasMessage(() => sh.setColumnWidth(2, '120'))).toMatch(/\(number,String\)/);
  });

  it('freezing every row (or column) of the grid is refused; freezing fewer works', () => {
    const { sh } = sheet();
    sh.deleteRows(3, 998);
    expect(sh.getMaxRows()).toBe(2);
    expect(gasMessage(() => sh.setFrozenRows(2))).toBe("You can't freeze all visible rows on the sheet.");
    expect(gasMessage(() => sh.setFrozenColumns(26))).toBe("You can't freeze all visible columns on the sheet.");
    sh.setFrozenRows(1);
    expect(sh.getFrozenRows()).toBe(1);
    expect(gasMessage(() => sh.setFrozenRows())).toMatch(/don't match the method signature for SpreadsheetApp\.Sheet\.setFrozenRows/);
  });
});

describe('Range shape checks', () => {
  it('setValues with ragged rows throws the columns text for the short row', () => {
    const { sh } = sheet();
    expect(gasMessage(() => sh.getRange(2, 1, 2, 2).setValues([['A', 1], ['B']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('setNumberFormats needs the range\'s exact dimensions, and a 2-D array', () => {
    const { sh } = sheet();
    const r = sh.getRange(2, 1, 2, 2);
    expect(gasMessage(() => r.setNumberFormats([['@', '0']]))).toMatch(/^The number of rows in the data does not match/);
    expect(gasMessage(() => r.setNumberFormats([['@'], ['0']]))).toMatch(/^The number of columns in the data does not match/);
    expect(gasMessage(() => r.setNumberFormats(['@', '0']))).toMatch(/don't match the method signature for SpreadsheetApp\.Range\.setNumberFormats/);
  });
});

describe('Spreadsheet.toast overloads', () => {
  it('needs a message; a timeout must be a number (null is the documented default)', () => {
    const { ss, ui } = sheet();
    expect(gasMessage(() => ss.toast())).toBe("The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.toast.");
    expect(gasMessage(() => ss.toast('Done', 'FBA 3PL Sync', '8'))).toBe(
      "The parameters (String,String,String) don't match the method signature for SpreadsheetApp.Spreadsheet.toast.",
    );
    ss.toast('Done', 'FBA 3PL Sync', -1);
    ss.toast('Again', 'FBA 3PL Sync', null);
    expect(ui.toasts.map((t) => t.msg)).toEqual(['Done', 'Again']);
  });
});

describe('HtmlOutput.setTitle', () => {
  it('requires its title argument', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-title-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>x</p>');
    const out = makeHtmlService(harness().ctx, dir).createHtmlOutputFromFile('Sidebar');
    expect(gasMessage(() => (out.setTitle as (...a: unknown[]) => unknown)())).toMatch(/HtmlService\.HtmlOutput\.setTitle/);
    expect(out.setTitle('FBA 3PL Sync').getTitle()).toBe('FBA 3PL Sync');
  });
});

describe('Lock timeouts', () => {
  function lock() {
    const h = harness();
    return { ...h, svc: makeLockService(h.ctx, new LockModel()) };
  }

  it('tryLock()/waitLock() without a timeout are signature errors', () => {
    const { svc } = lock();
    const l = svc.getDocumentLock() as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(gasMessage(() => l.tryLock!())).toBe("The parameters () don't match the method signature for LockService.Lock.tryLock.");
    expect(gasMessage(() => l.waitLock!())).toBe("The parameters () don't match the method signature for LockService.Lock.waitLock.");
    expect(svc.getDocumentLock().hasLock()).toBe(false);
  });

  it('a negative timeout gives up without taking the lock; releaseLock without it is a no-op', () => {
    const { svc } = lock();
    const l = svc.getDocumentLock();
    expect(l.tryLock(-1)).toBe(false);
    expect(l.hasLock()).toBe(false);
    expect(gasMessage(() => l.waitLock(-1))).toBe(LOCK_TIMEOUT_MESSAGE);
    expect(() => l.releaseLock()).not.toThrow();
    expect(l.tryLock(0)).toBe(true);
  });
});

describe('Utilities.gzip/ungzip take a BlobSource', () => {
  it('rejects a string or a byte array instead of a Blob', () => {
    const h = harness();
    const u = makeUtilities(h.ctx, { uuidCounter: 0 });
    expect(gasMessage(() => (u.gzip as (b: unknown) => unknown)('text'))).toBe(
      "The parameters (String) don't match the method signature for Utilities.gzip.",
    );
    expect(gasMessage(() => (u.ungzip as (b: unknown) => unknown)([31, -117, 8]))).toBe(
      "The parameters (number[]) don't match the method signature for Utilities.ungzip.",
    );
    expect(u.ungzip(u.gzip(u.newBlob('ok'))).getDataAsString()).toBe('ok');
  });
});
