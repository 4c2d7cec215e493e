// The SpreadsheetApp global for one execution
// (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app). In AuthMode.NONE the
// document is off limits: getActiveSpreadsheet() throws Google's permission error naming the
// spreadsheets.currentonly scope, while getUi() and menu building still work
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle; apps-script.md §2.9).
// getUi() throws when the execution has no UI (time triggers).

import type { World } from '../../world';
import { gasError, type Realm } from '../realm';
import { makeUi, type UiModel } from '../ui';
import { ConditionalFormatRuleBuilder } from './conditional';
import { hide, instrument, type Ctx } from './ctx';
import { BooleanCriteria, ColorType, DataValidationCriteria, Dimension, makeEnum, ProtectionType, RelativeDate, SheetType, WrapStrategy } from './enums';
import { FilterCriteriaBuilder } from './filter-criteria';
import type { SpreadsheetModel } from './model';
import type { RangeApi } from './range';
import { RichTextValueBuilder, TextStyleBuilder } from './rich-text';
import { rangeFromA1, SheetApi } from './sheet';
import { SpreadsheetApi } from './spreadsheet';
import { DataValidationBuilder } from './validation';

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

const BorderStyle = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);

class SpreadsheetAppApi {
  declare readonly _ctx: Ctx;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;
  readonly BorderStyle = BorderStyle;
  readonly RelativeDate = RelativeDate;
  readonly ColorType = ColorType;

  constructor(ctx: Ctx) {
    hide(this, { _ctx: ctx });
  }

  toString(): string { return 'SpreadsheetApp'; }

  _document(method: string, scope = CURRENT_ONLY): SpreadsheetApi {
    if (this._ctx.world.current?.authMode === 'NONE') {
      throw gasError(this._ctx.realm, `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${scope}`);
    }
    return new SpreadsheetApi(this._ctx);
  }

  getActiveSpreadsheet(): SpreadsheetApi { return this._document('getActiveSpreadsheet'); }
  getActive(): SpreadsheetApi { return this._document('getActive'); }
  getActiveSheet(): SheetApi { this._document('getActiveSheet'); return new SheetApi(this._ctx, this._ctx.model.activeSheet()); }
  getActiveRange(): RangeApi { this._document('getActiveRange'); return rangeFromA1(this._ctx, this._ctx.model.activeSheet(), 'A1'); }
  setActiveSheet(sheet: SheetApi): SheetApi {
    this._document('setActiveSheet');
    this._ctx.model.activeSheetId = sheet._sh.id;
    return sheet;
  }
  openById(id: string): SpreadsheetApi {
    const doc = this._document('openById', SPREADSHEETS);
    if (id !== this._ctx.model.id) throw gasError(this._ctx.realm, 'Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return doc;
  }
  openByUrl(url: string): SpreadsheetApi {
    const m = /\/d\/([^/]+)/.exec(String(url));
    const doc = this._document('openByUrl', SPREADSHEETS);
    if (!m || m[1] !== this._ctx.model.id) throw gasError(this._ctx.realm, 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return doc;
  }
  getUi(): Record<string, unknown> {
    const ex = this._ctx.world.current;
    if (!ex?.hasUi) throw gasError(this._ctx.realm, NO_UI_MESSAGE);
    return makeUi({ world: this._ctx.world, ui: this._ctx.ui, realm: this._ctx.realm, addonMode: this._ctx.addonMode });
  }
  /**
   * The fake applies writes at once, so flush only commits the modelled write cache: it costs a
   * round trip plus the pending cells (sheet-cost.ts), and guard() may then stop the execution.
   */
  flush(): void {
    const ex = this._ctx.world.current;
    if (ex) this._ctx.world.commitSheetWrites(ex, true);
  }
  newDataValidation(): DataValidationBuilder { return new DataValidationBuilder(); }
  // Builders are value objects: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#newConditionalFormatRule() ,
  // #newFilterCriteria() , #newRichTextValue() , #newTextStyle() .
  newConditionalFormatRule(): ConditionalFormatRuleBuilder { return new ConditionalFormatRuleBuilder(this._ctx.realm); }
  newFilterCriteria(): FilterCriteriaBuilder { return new FilterCriteriaBuilder(this._ctx.realm); }
  newRichTextValue(): RichTextValueBuilder { return new RichTextValueBuilder(this._ctx.realm); }
  newTextStyle(): TextStyleBuilder { return new TextStyleBuilder(this._ctx.realm); }
}

instrument(SpreadsheetAppApi, 'SpreadsheetApp', false);

export function makeSpreadsheetApp(deps: { world: World; model: SpreadsheetModel; ui: UiModel; realm: Realm; addonMode: boolean }): Record<string, unknown> {
  return new SpreadsheetAppApi({ ...deps }) as unknown as Record<string, unknown>;
}
