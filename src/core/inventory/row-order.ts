// The order of the Inventory tab's rows: problems first (what Amazon refused, then what is held),
// then the rest, each by Seller SKU with an offer's FBM and FBA rows side by side. The key changes
// only when a row's problem state does, so a run whose quantities move keeps every row where it was
// and the tab writes only the changed rows (sheet/table.ts keyedRowsTab).

import type { InventoryRow } from './types';

/** Reasons of rows that are not synced until a person acts (build.ts writes them so). */
const HELD_REASON = /^(Held:|Not synced:)/;

/** 0: Amazon refused or did not apply a push; 1: held (guardrail, mapping, channel); 2: the rest. */
export function problemClass(r: Pick<InventoryRow, 'pushState' | 'reason'>): 0 | 1 | 2 {
  if (r.pushState === 'rejected' || r.pushState === 'accepted but not applied') return 0;
  if (r.pushState === 'held by guardrail' || HELD_REASON.test(r.reason)) return 1;
  return 2;
}

/** Plain code-unit order: the same in every locale, so the order never moves by itself. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CHANNEL_ORDER: Record<string, number> = { FBM: 0, FBA: 1 };

/**
 * The rows in tab order (a new array; the input is not changed). `problemsFirst` false: by Seller
 * SKU alone, the order a tab falls back to when thousands of rows change problem state at once
 * (sheet/inventory-tab.ts).
 */
export function orderInventoryRows<R extends Pick<InventoryRow, 'key' | 'sellerSku' | 'marketplace' | 'channel' | 'pushState' | 'reason'>>(rows: ReadonlyArray<R>, problemsFirst = true): R[] {
  return rows
    .map((row) => ({ row, cls: problemsFirst ? problemClass(row) : 2 }))
    .sort(
      (x, y) =>
        x.cls - y.cls ||
        compare(x.row.sellerSku, y.row.sellerSku) ||
        compare(x.row.marketplace, y.row.marketplace) ||
        (CHANNEL_ORDER[x.row.channel] ?? 2) - (CHANNEL_ORDER[y.row.channel] ?? 2) ||
        compare(x.row.key, y.row.key),
    )
    .map((x) => x.row);
}
