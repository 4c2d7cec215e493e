// After a push, compare what Amazon shows with what was pushed (PRODUCT.md §3 step 5): Amazon can
// accept a listings write and never apply it, and other tools can change a quantity behind our back.

import { exceptionKey, type RaisedException } from '../exceptions';
import type { InventoryRow } from './types';

export interface ReadbackInput {
  /** Inventory rows of one marketplace, as after the last push. */
  rows: ReadonlyArray<InventoryRow>;
  /** Amazon's FBM quantity per Seller SKU, just re-read (null: no FBM quantity). SKUs absent were not read. */
  amazonQty: ReadonlyMap<string, number | null>;
  /** When the last push was accepted (ms); null when unknown. */
  pushedAt: number | null;
  now: number;
  /** Listings reads lag writes; a mismatch younger than this is still pending. Default 15. */
  settleMinutes?: number;
  /**
   * Units in orders placed since the push, per Seller SKU (net of cancellations). Amazon lowers
   * an FBM quantity itself for each order, so without this only increases count as drift.
   */
  orderedSincePush?: ReadonlyMap<string, number>;
}

export interface ReadbackResult {
  rows: InventoryRow[];
  exceptions: RaisedException[];
  applied: number;
  notApplied: number;
  pending: number;
  drifted: number;
}

export const DEFAULT_SETTLE_MINUTES = 15;

/** Classifies each FBM row: applied, accepted but not applied (STOCK_PUSH_NOT_APPLIED), or drifted (INVENTORY_DRIFT). */
export function classifyReadback(input: ReadbackInput): ReadbackResult {
  const settleMs = (input.settleMinutes ?? DEFAULT_SETTLE_MINUTES) * 60_000;
  const settled = input.pushedAt === null || input.now - input.pushedAt >= settleMs;
  const result: ReadbackResult = { rows: [], exceptions: [], applied: 0, notApplied: 0, pending: 0, drifted: 0 };
  for (const source of input.rows) {
    const row: InventoryRow = { ...source };
    result.rows.push(row);
    if (row.channel !== 'FBM' || !input.amazonQty.has(row.sellerSku)) continue;
    const amazon = input.amazonQty.get(row.sellerSku) ?? null;
    row.amazonFbmQty = amazon;
    const pushed = row.lastPushedQty;
    if (pushed === null) continue;
    const ordered = input.orderedSincePush?.get(row.sellerSku);
    const expected = Math.max(0, pushed - (ordered ?? 0));
    const matches = amazon === pushed || (ordered !== undefined && amazon === expected);

    if (row.pushState === 'accepted' || row.pushState === 'accepted but not applied') {
      if (matches) {
        row.pushState = 'applied';
        result.applied++;
      } else if (!settled && row.pushState === 'accepted') {
        result.pending++;
      } else {
        row.pushState = 'accepted but not applied';
        result.notApplied++;
        result.exceptions.push({
          key: exceptionKey('STOCK_PUSH_NOT_APPLIED', row.marketplace, row.sellerSku),
          type: 'STOCK_PUSH_NOT_APPLIED',
          entity: `${row.marketplace} FBM ${row.sellerSku}`,
          message:
            `Amazon accepted quantity ${pushed} for Seller SKU ${row.sellerSku} (${row.marketplace}) but still shows ${amazon ?? 'no quantity'}. ` +
            'Amazon sometimes accepts a listing update without applying it, so buyers see the wrong stock. ' +
            'The next sync pushes it again; if this persists, check the listing in Seller Central (it may be suppressed or under review).',
        });
      }
      continue;
    }
    if (row.pushState === 'queued' || amazon === null) continue;
    const drift = ordered !== undefined ? amazon !== expected : amazon > pushed;
    if (!drift) continue;
    result.drifted++;
    result.exceptions.push({
      key: exceptionKey('INVENTORY_DRIFT', row.marketplace, row.sellerSku),
      type: 'INVENTORY_DRIFT',
      entity: `${row.marketplace} FBM ${row.sellerSku}`,
      message:
        `Amazon shows ${amazon} for Seller SKU ${row.sellerSku} (${row.marketplace}), but the add-on last pushed ${pushed}` +
        `${ordered ? ` and ${ordered} were ordered since (so ${expected} was expected)` : ''}. ` +
        'Something else changed the quantity (Seller Central, another tool or feed), so Amazon may offer stock the 3PL does not hold. ' +
        'The next push sets it back from the 3PL figure; if another tool manages this listing, untick its SKU Map row.',
    });
  }
  return result;
}

export interface SyncTimeoutInput {
  marketplace: string;
  /** End of the last successful stock sync (ms); null: never. */
  lastSuccessAt: number | null;
  /** When timing starts if there was never a success (e.g. set-up time); null: do not raise. */
  trackingSince?: number | null;
  now: number;
  timeoutMinutes: number;
}

/** STOCK_SYNC_TIMEOUT when no stock sync has succeeded within the Settings timeout. */
export function checkStockSyncTimeout(input: SyncTimeoutInput): RaisedException | null {
  const since = input.lastSuccessAt ?? input.trackingSince ?? null;
  if (since === null) return null;
  const minutes = Math.floor((input.now - since) / 60_000);
  if (minutes <= input.timeoutMinutes) return null;
  const last = input.lastSuccessAt === null ? 'has never succeeded' : `last succeeded ${minutes} minutes ago (at ${new Date(input.lastSuccessAt).toISOString()})`;
  return {
    key: exceptionKey('STOCK_SYNC_TIMEOUT', input.marketplace),
    type: 'STOCK_SYNC_TIMEOUT',
    entity: `Stock sync ${input.marketplace}`,
    message:
      `The stock sync for ${input.marketplace} ${last}, longer than "Stock sync timeout (minutes)" (${input.timeoutMinutes}). ` +
      'Amazon quantities may no longer match the 3PL, which risks overselling. Check the Sync Log for the error and the add-on connections, then run "Sync now".',
  };
}
