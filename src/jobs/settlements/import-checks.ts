// What a settlements run checks about a settlement it has just imported, beyond its lines: the currency
// none of the sheet's marketplaces pays in, a marketplace Settings does not list (and, once it does,
// the row resolved), and a whole report that replaced an incomplete import earlier in the same run.

import type { RaisedException } from '../../core/exceptions';
import { unexpectedCurrency } from '../../core/settlements/expected-currency';
import { UNLISTED_PREFIX } from '../../core/settlements/unlisted-marketplace';
import type { JobContext } from '../kit/job';
import type { ImportResult } from './import-types';
import { incompleteKeys } from './met-again';
import { unlistedSettlements } from './state';

/** Settlements at most remembered as imported for an unlisted marketplace (a row a person resolved stays listed). */
const UNLISTED_MAX = 100;

/**
 * The settlements imported for marketplaces Settings did not list and still does not; those it now
 * lists have their SETTLEMENT_MISMATCH:marketplace row resolved by this run.
 */
export function settledUnlisted(ctx: JobContext, resolved: Set<string>): Record<string, string[]> {
  const served = ctx.settings.marketplaces;
  const left: Record<string, string[]> = {};
  for (const [id, codes] of Object.entries(unlistedSettlements(ctx.ports.store))) {
    if (served.length && codes.some((c) => served.includes(c))) resolved.add(`${UNLISTED_PREFIX}${id}`);
    else left[id] = codes;
  }
  return Object.fromEntries(Object.entries(left).slice(-UNLISTED_MAX));
}

/** A settlement just imported in a currency none of the spreadsheet's marketplaces pays in. */
export function currencyCheck(ctx: JobContext, result: ImportResult): RaisedException[] {
  const problem = result.status === 'imported' && result.currency ? unexpectedCurrency(result.settlementId, result.currency, ctx.settings.marketplaces) : null;
  return problem ? [problem] : [];
}

/**
 * A whole report replaced an incomplete one of the same settlement imported earlier in this run:
 * what that import counted and raised no longer holds (what still does is raised again).
 */
export function supersede(results: ImportResult[], raised: RaisedException[], settlementId: string): void {
  const stale = new Set(incompleteKeys(settlementId));
  for (let i = results.length - 1; i >= 0; i--) if (results[i]!.settlementId === settlementId) results.splice(i, 1);
  for (let i = raised.length - 1; i >= 0; i--) if (stale.has(raised[i]!.key)) raised.splice(i, 1);
}
