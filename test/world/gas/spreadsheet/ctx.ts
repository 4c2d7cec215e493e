// The per-execution context every SpreadsheetApp facade object carries, and the wrapper that makes each
// public method behave like an Apps Script service call: it first asks the World for permission (which
// stops executions past the 6-minute budget, world.ts), counts spreadsheet calls, charges their modelled
// time (sheet-cost.ts), and turns SheetErrors into Apps Script "Exception"s made in the bundle's realm.

import type { World } from '../../world';
import { gasError, type Realm } from '../realm';
import type { UiModel } from '../ui';
import { SheetError } from './errors';
import type { SpreadsheetModel } from './model';
import { chargeSheetCall, type Facade } from './sheet-cost';

export interface Ctx {
  world: World;
  model: SpreadsheetModel;
  ui: UiModel;
  realm: Realm;
  addonMode: boolean;
}

/** Attaches internal state without making it enumerable, so JSON.stringify(range) stays small as in Apps Script. */
export function hide(obj: object, props: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(props)) Object.defineProperty(obj, k, { value: v, enumerable: false, writable: false });
}

/**
 * Wraps every public prototype method (names not starting with '_', plus not toString) so calls are
 * guarded, optionally counted, charged, and throw realm errors. Internal code calls '_' helpers to
 * avoid double counting.
 */
export function instrument(cls: { prototype: object }, facade: Facade, counted: boolean): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const fn = proto[name];
    if (typeof fn !== 'function') continue;
    const wrapped = function (this: { _ctx: Ctx }, ...args: unknown[]): unknown {
      const ctx = this._ctx;
      const ex = ctx.world.guard();
      if (counted) ex.counts.spreadsheetCalls++;
      let result: unknown;
      try {
        result = ex.inService(() => (fn as (...a: unknown[]) => unknown).apply(this, args));
      } catch (e) {
        // A refused call still made its round trip.
        if (counted) ctx.world.charge(ex, ctx.world.cost.sheetCallMs);
        if (e instanceof SheetError) throw gasError(ctx.realm, e.message);
        throw e;
      }
      ex.inService(() => chargeSheetCall(ctx.world, ex, { facade, name, counted, self: this, args, result }));
      ctx.world.guard();
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }
}
