// SKU Map rows the builder proposed that nobody has accepted yet: Match filled in and Active
// unticked. They map nothing (the stock sync skips unticked rows), so the UNMAPPED_SKU problem of
// their offer stays open and points at the row; ticking Active accepts the row and resolves it.

import { cellText, formatPercent, parseFlag } from '../cells';
import { SKU_MAP_COLUMNS, rowMarketplace } from '../inventory/sku-map';
import type { RawRow } from '../inventory/types';

const C = SKU_MAP_COLUMNS;

export interface PendingSuggestion {
  /** The row number people see (header is row 1). */
  sheetRow: number;
  threePlSku: string;
  match: string;
  confidence: number | null;
}

/** Proposed by the builder and not accepted: Match set, Active explicitly unticked. */
export function isPendingSuggestion(row: RawRow): boolean {
  if (!cellText(row[C.match])) return false;
  const active = parseFlag(row[C.active], C.active, true);
  return active.ok && !active.value;
}

/** `UK:TEE-M` → the first pending suggestion for that Seller SKU in that marketplace. */
export function pendingSuggestions(rows: ReadonlyArray<RawRow>, defaultMarketplace: string, firstSheetRow = 2): Map<string, PendingSuggestion> {
  const out = new Map<string, PendingSuggestion>();
  rows.forEach((row, i) => {
    if (!isPendingSuggestion(row)) return;
    const sku = cellText(row[C.sellerSku]);
    const key = `${rowMarketplace(row, defaultMarketplace)}:${sku}`;
    if (!sku || out.has(key)) return;
    const c = row[C.confidence];
    out.set(key, { sheetRow: firstSheetRow + i, threePlSku: cellText(row[C.threePlSku]), match: cellText(row[C.match]), confidence: typeof c === 'number' ? c : null });
  });
  return out;
}

/** What an UNMAPPED_SKU message says about the suggestion waiting for its offer. */
export function suggestionText(s: PendingSuggestion): string {
  const what = s.threePlSku
    ? `proposes 3PL SKU ${s.threePlSku} (Match ${s.match}${s.confidence !== null ? `, ${formatPercent(s.confidence)}` : ''})`
    : `lists the candidate 3PL products in its Notes (Match ${s.match})`;
  return `SKU Map row ${s.sheetRow} ${what}: check it and tick Active to accept it, which resolves this`;
}
