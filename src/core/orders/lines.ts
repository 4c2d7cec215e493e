// Amazon order lines → 3PL order lines through the SKU Map (docs/design.md §3 "Orders" step 3):
// quantities unchanged; a line whose Seller SKU is unmapped, inactive, invalid or mapped only as FBA
// holds the whole order, naming the SKU, so nothing is sent half-mapped.

import type { SkuMapValidation } from '../inventory/sku-map';
import type { LedgerLine } from './types';

export interface MappedLine {
  sellerSku: string;
  threePlSku: string;
  quantity: number;
}

export type LineMapping = { ok: true; lines: MappedLine[] } | { ok: false; reasons: string[] };

/** Why a Seller SKU cannot be sent, or its 3PL SKU. */
function mapOne(sku: string, marketplace: string, map: SkuMapValidation): { threePlSku: string } | { reason: string } {
  const same = (m: string, s: string) => m === marketplace && s === sku;
  // A merchant order is fulfilled by the merchant whatever else the map says: its FBM row is the one.
  const fbm = [...map.entries, ...map.held].find((e) => e.channel === 'FBM' && same(e.marketplace, e.sellerSku));
  if (fbm) return { threePlSku: fbm.threePlSku };
  const rows = map.rows.filter((r) => same(r.marketplace, r.sellerSku));
  if (rows.some((r) => r.channel === 'FBA' && (r.state === 'ok' || r.state === 'dual'))) {
    return { reason: `${sku} is mapped only as an FBA offer in the SKU Map, yet Amazon sent a merchant-fulfilled order for it: add an FBM row with its 3PL SKU` };
  }
  const inactive = rows.find((r) => r.state === 'inactive' && r.channel === 'FBM');
  if (inactive) return { reason: `${sku}'s SKU Map row (row ${inactive.sheetRow}) is not active: tick Active to send its orders` };
  const invalid = rows.find((r) => r.state === 'invalid');
  if (invalid) return { reason: `${sku}'s SKU Map row (row ${invalid.sheetRow}) cannot be used: ${invalid.problems.join('; ')}` };
  return { reason: `${sku} is not in the SKU Map for ${marketplace}: add a row with its 3PL SKU` };
}

export function mapLines(lines: ReadonlyArray<LedgerLine>, marketplace: string, map: SkuMapValidation): LineMapping {
  const out: MappedLine[] = [];
  const reasons: string[] = [];
  for (const l of lines) {
    const m = mapOne(l.sku, marketplace, map);
    if ('reason' in m) {
      if (!reasons.includes(m.reason)) reasons.push(m.reason);
    } else out.push({ sellerSku: l.sku, threePlSku: m.threePlSku, quantity: l.quantity });
  }
  if (lines.length === 0) reasons.push('Amazon listed no lines with a Seller SKU for this order');
  return reasons.length ? { ok: false, reasons } : { ok: true, lines: out };
}
