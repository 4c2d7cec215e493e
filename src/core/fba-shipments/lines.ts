// FBA shipment items → 3PL order lines through the SKU Map (docs/design.md §3 "FBA replenishment"):
// the FBA row of the Seller SKU names the 3PL product (its FBM row when the SKU has no FBA row).
// An item that maps to nothing holds the whole shipment, naming the SKU: nothing is sent half-mapped.

import type { SkuMapValidation } from '../inventory/sku-map';
import type { FbaItem } from './types';

export interface FbaLine {
  sellerSku: string;
  threePlSku: string;
  quantity: number;
}

export type FbaLineMapping = { ok: true; lines: FbaLine[] } | { ok: false; reasons: string[] };

/** The 3PL SKU an FBA item is picked as, or why there is none. */
export function threePlSkuOf(sku: string, marketplace: string, map: SkuMapValidation): { threePlSku: string } | { reason: string } {
  const same = (m: string, s: string) => m === marketplace && s === sku;
  const valid = [...map.entries, ...map.held].filter((e) => same(e.marketplace, e.sellerSku));
  const hit = valid.find((e) => e.channel === 'FBA') ?? valid.find((e) => e.channel === 'FBM');
  if (hit) return { threePlSku: hit.threePlSku };
  const rows = map.rows.filter((r) => same(r.marketplace, r.sellerSku));
  const inactive = rows.find((r) => r.state === 'inactive');
  if (inactive) return { reason: `${sku}'s SKU Map row (row ${inactive.sheetRow}) is not active: tick Active so the 3PL knows which product to pick` };
  const invalid = rows.find((r) => r.state === 'invalid');
  if (invalid) return { reason: `${sku}'s SKU Map row (row ${invalid.sheetRow}) cannot be used: ${invalid.problems.join('; ')}` };
  return { reason: `${sku} is not in the SKU Map for ${marketplace}: add an FBA row with its 3PL SKU` };
}

export function mapFbaItems(items: ReadonlyArray<FbaItem>, marketplace: string, map: SkuMapValidation): FbaLineMapping {
  const out: FbaLine[] = [];
  const reasons: string[] = [];
  for (const i of items) {
    const m = threePlSkuOf(i.sku, marketplace, map);
    if ('reason' in m) {
      if (!reasons.includes(m.reason)) reasons.push(m.reason);
    } else out.push({ sellerSku: i.sku, threePlSku: m.threePlSku, quantity: i.quantity });
  }
  if (items.length === 0) reasons.push('Amazon lists no items in this shipment yet');
  if (reasons.length) return { ok: false, reasons };
  // Two Seller SKUs drawing on one 3PL product go as one line of their total.
  const merged = new Map<string, FbaLine>();
  for (const l of out) {
    const prev = merged.get(l.threePlSku);
    merged.set(l.threePlSku, prev ? { ...prev, sellerSku: `${prev.sellerSku}+${l.sellerSku}`, quantity: prev.quantity + l.quantity } : l);
  }
  return { ok: true, lines: [...merged.values()] };
}
