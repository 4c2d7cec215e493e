// Protected ranges and sheets (https://developers.google.com/apps-script/reference/spreadsheet/protection).
// Until a script changes editors, a new protection mirrors the spreadsheet's permissions, so the owner
// running the script can still edit (canEdit() true). Sheet.protect() on an already-protected sheet
// returns the existing protection (a sheet has at most one); Range.protect() always adds an overlapping one
// (https://developers.google.com/apps-script/reference/spreadsheet/range#protect()). setRange moves a range
// protection; a sheet protection cannot become a range one. Unprotected ranges belong to sheet protections
// only ("Gets an array of unprotected ranges in a protected sheet. If the Protection object corresponds to
// a protected range instead of a protected sheet, this method returns an empty array").

import { hide, instrument, type Ctx } from './ctx';
import { ProtectionType } from './enums';
import { MSG, SheetError, typeNames } from './errors';
import { rangeRefOf } from './range-ref';
import { rangeAt, type RangeApi } from './range';
import type { ProtectionData, Rect, SheetData } from './sheet-data';

export function newProtection(ctx: Ctx, sh: SheetData, rect: Rect | null): ProtectionData {
  const p: ProtectionData = {
    id: ctx.model.newProtectionId(), sheet: sh, rect, description: '', warningOnly: false,
    editors: [ctx.world.activeUserEmail], domainEdit: true, unprotected: [],
  };
  sh.protections.push(p);
  return p;
}

export class ProtectionApi {
  declare readonly _ctx: Ctx;
  declare readonly _p: ProtectionData;

  constructor(ctx: Ctx, p: ProtectionData) {
    hide(this, { _ctx: ctx, _p: p });
  }

  toString(): string { return 'Protection'; }

  getProtectionType(): unknown { return this._p.rect ? ProtectionType.RANGE : ProtectionType.SHEET; }
  getRange(): RangeApi {
    const sh = this._p.sheet;
    return rangeAt(this._ctx, sh, this._p.rect ?? { r: 1, c: 1, nr: sh.maxRows, nc: sh.maxCols });
  }
  getDescription(): string { return this._p.description; }
  setDescription(description: string): this { this._p.description = String(description); return this; }
  isWarningOnly(): boolean { return this._p.warningOnly; }
  /** "Enabling this mode clears editors"; editing then only shows a warning. */
  setWarningOnly(warningOnly: boolean): this {
    this._p.warningOnly = Boolean(warningOnly);
    if (this._p.warningOnly) this._p.editors = [];
    return this;
  }
  canEdit(): boolean { return true; }
  canDomainEdit(): boolean { return this._p.domainEdit; }
  setDomainEdit(editable: boolean): this { this._p.domainEdit = Boolean(editable); return this; }
  getEditors(): Array<{ getEmail(): string }> { return this._p.editors.map((e) => ({ getEmail: () => e })); }
  addEditor(user: unknown): this { return this.addEditors([user]); }
  addEditors(users: unknown[]): this {
    for (const u of users) {
      const email = typeof u === 'string' ? u : String((u as { getEmail?: () => string })?.getEmail?.() ?? '');
      if (email && !this._p.editors.includes(email)) this._p.editors.push(email);
    }
    return this;
  }
  removeEditor(user: unknown): this { return this.removeEditors([user]); }
  removeEditors(users: unknown[]): this {
    const gone = new Set(users.map((u) => (typeof u === 'string' ? u : String((u as { getEmail?: () => string })?.getEmail?.() ?? ''))));
    this._p.editors = this._p.editors.filter((e) => !gone.has(e));
    return this;
  }
  setUnprotectedRanges(ranges: RangeApi[]): this {
    this._p.unprotected = Array.from(ranges).map((r) => ({ ...r._rect }));
    return this;
  }
  getUnprotectedRanges(): RangeApi[] {
    if (this._p.rect) return [];
    return this._p.unprotected.map((rect) => rangeAt(this._ctx, this._p.sheet, rect));
  }
  /** "Adjusts the range that is being protected"; the range may be on another tab. */
  setRange(...args: unknown[]): this {
    const ref = rangeRefOf(args[0]);
    if (!ref) throw new SheetError(MSG.signature(typeNames(args), 'SpreadsheetApp.Protection.setRange'));
    if (!this._p.rect) throw new SheetError(MSG.protectionKind);
    const p = this._p;
    if (ref.sh !== p.sheet) {
      p.sheet.protections = p.sheet.protections.filter((x) => x !== p);
      ref.sh.protections.push(p);
      p.sheet = ref.sh;
    }
    p.rect = ref.rect;
    return this;
  }
  getTargetAudiences(): unknown[] { return []; }
  getRangeName(): null { return null; }
  remove(): void {
    const sh = this._p.sheet;
    sh.protections = sh.protections.filter((x) => x !== this._p);
  }
}

instrument(ProtectionApi, 'Protection', true);
