// The Spreadsheet facade (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet):
// tabs, the active sheet, A1 ranges with a sheet prefix, toasts, time zone and locale. insertSheet's
// index is 0-based and "The new sheet becomes the active sheet"; a new tab is 1000 rows × 26 columns.

import { parseA1 } from './a1';
import { hide, instrument, type Ctx } from './ctx';
import { enumName } from './enums';
import { MSG, SheetError, typeNames } from './errors';
import { localeInfo } from './locale';
import { ProtectionApi } from './protection';
import type { RangeApi } from './range';
import { rangeFromA1, SheetApi } from './sheet';
import { checkTimeZone } from './tz';

/** Google's default names for new tabs: the first unused "SheetN". */
function nextSheetName(ctx: Ctx): string {
  for (let n = ctx.model.sheets.length + 1; ; n++) if (!ctx.model.nameClash(`Sheet${n}`)) return `Sheet${n}`;
}

export class SpreadsheetApi {
  declare readonly _ctx: Ctx;

  constructor(ctx: Ctx) {
    hide(this, { _ctx: ctx });
  }

  toString(): string { return 'Spreadsheet'; }

  _sheet(sheet: unknown, method: string): SheetApi {
    if (!(sheet instanceof SheetApi) || sheet._sh.deleted) throw new SheetError(MSG.signature(typeNames([sheet]), `SpreadsheetApp.Spreadsheet.${method}`));
    return sheet;
  }

  getId(): string { return this._ctx.model.id; }
  getName(): string { return this._ctx.model.name; }
  rename(newName: string): void { this._ctx.model.name = String(newName); }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this._ctx.model.id}/edit`; }
  getSpreadsheetTimeZone(): string { return this._ctx.model.timeZone; }
  setSpreadsheetTimeZone(timezone: string): void {
    try { checkTimeZone(timezone); } catch { throw new SheetError(`Invalid argument: timezone`); }
    this._ctx.model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string { return this._ctx.model.locale; }
  setSpreadsheetLocale(locale: string): void { localeInfo(locale); this._ctx.model.locale = String(locale); }

  getSheets(): SheetApi[] { return this._ctx.model.sheets.map((s) => new SheetApi(this._ctx, s)); }
  getNumSheets(): number { return this._ctx.model.sheets.length; }
  getSheetByName(name: string): SheetApi | null {
    const sh = this._ctx.model.sheetByName(String(name));
    return sh ? new SheetApi(this._ctx, sh) : null;
  }
  getSheetById(id: number): SheetApi | null {
    const sh = this._ctx.model.sheets.find((s) => s.id === id);
    return sh ? new SheetApi(this._ctx, sh) : null;
  }
  /** insertSheet(), (name), (index), (name, index), (name, index, options), (options): index is 0-based. */
  insertSheet(...args: unknown[]): SheetApi {
    let name: string | undefined;
    let index: number | undefined;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'number') index = a;
      else if (a !== undefined && (a === null || typeof a !== 'object')) throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Spreadsheet.insertSheet'));
    }
    const sh = this._ctx.model.addSheet(name ?? nextSheetName(this._ctx), index);
    this._ctx.model.activeSheetId = sh.id;
    return new SheetApi(this._ctx, sh);
  }
  deleteSheet(sheet: unknown): void {
    this._ctx.model.removeSheet(this._sheet(sheet, 'deleteSheet')._sh);
  }
  getActiveSheet(): SheetApi { return new SheetApi(this._ctx, this._ctx.model.activeSheet()); }
  setActiveSheet(sheet: unknown): SheetApi {
    const s = this._sheet(sheet, 'setActiveSheet');
    this._ctx.model.activeSheetId = s._sh.id;
    s._sh.hidden = false;
    return s;
  }
  getActiveRange(): RangeApi { return rangeFromA1(this._ctx, this._ctx.model.activeSheet(), 'A1'); }
  /** 'Tab name'!A1:B2, or A1 notation on the active sheet. */
  getRange(a1Notation: string): RangeApi {
    const ref = parseA1(String(a1Notation));
    if (!ref) throw new SheetError(MSG.rangeNotFound);
    const sh = ref.sheet === undefined ? this._ctx.model.activeSheet() : this._ctx.model.sheetByName(ref.sheet);
    if (!sh) throw new SheetError(MSG.rangeNotFound);
    const bang = String(a1Notation).lastIndexOf('!');
    return rangeFromA1(this._ctx, sh, String(a1Notation).slice(bang + 1));
  }
  getRangeByName(_name: string): null { return null; }
  getDataRange(): RangeApi { return new SheetApi(this._ctx, this._ctx.model.activeSheet())._dataRange(); }
  getProtections(type: unknown): ProtectionApi[] {
    const name = enumName(type);
    if (name !== 'RANGE' && name !== 'SHEET') throw new SheetError(MSG.signature(typeNames([type]), 'SpreadsheetApp.Spreadsheet.getProtections'));
    return this._ctx.model.sheets.flatMap((s) => s.protections).filter((p) => (p.rect ? 'RANGE' : 'SHEET') === name).map((p) => new ProtectionApi(this._ctx, p));
  }
  /**
   * toast(msg), toast(msg, title), toast(msg, title, timeoutSeconds: Number)
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)).
   * Apps Script matches overloads by argument count and type: no message, or a timeout that is not a
   * number (a string such as '8' is not converted), is a signature error. Recorded on the UiModel.
   */
  toast(...args: unknown[]): void {
    const [msg, title, timeout] = args;
    if (args.length === 0 || args.length > 3 || (args.length === 3 && timeout !== null && typeof timeout !== 'number')) {
      throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Spreadsheet.toast'));
    }
    this._ctx.ui.toasts.push({ msg: String(msg), title: title === undefined || title === null ? '' : String(title) });
  }
}

instrument(SpreadsheetApi, 'Spreadsheet', true);
