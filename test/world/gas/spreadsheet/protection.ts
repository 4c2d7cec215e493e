// Protected ranges and sheets (https://developers.google.com/apps-script/reference/spreadsheet/protection).
// Until a script changes editors, a new protection mirrors the spreadsheet's permissions, so the owner
// running the script can still edit (canEdit() true). Sheet.protect() on an already-protected sheet
// returns the existing protection (a sheet has at most one); Range.protect() always adds an overlapping one
// (https://developers.google.com/apps-script/reference/spreadsheet/range#protect()).

import { hide, instrument, type Ctx } from './ctx';
import { ProtectionType } from './enums';
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
    return this._p.unprotected.map((rect) => rangeAt(this._ctx, this._p.sheet, rect));
  }
  getRangeName(): null { return null; }
  remove(): void {
    const sh = this._p.sheet;
    sh.protections = sh.protections.filter((x) => x !== this._p);
  }
}

instrument(ProtectionApi, 'Protection', true);
