// FBA stock per Seller SKU from getInventorySummaries, in the buckets the Inventory tab shows (never
// pushed anywhere). The stock sync uses it for catalogues of up to 1,000 FBA SKUs; larger ones read
// Amazon's FBA inventory report instead (jobs/inventory/fba-source.ts).

import type { SpApiClient } from '../../amazon/client';
import type { InventorySummary } from '../../amazon/schemas/inventory';
import type { FbaSummary } from '../../core/inventory/types';

const units = (v: number | undefined): number => v ?? 0;

function toFbaSummary(s: InventorySummary): FbaSummary | null {
  if (!s.sellerSku) return null;
  const d = s.inventoryDetails;
  return {
    sellerSku: s.sellerSku,
    fulfillable: units(d?.fulfillableQuantity),
    inboundWorking: units(d?.inboundWorkingQuantity),
    inboundShipped: units(d?.inboundShippedQuantity),
    inboundReceiving: units(d?.inboundReceivingQuantity),
    reserved: units(d?.reservedQuantity?.totalReservedQuantity),
    unfulfillable: units(d?.unfulfillableQuantity?.totalUnfulfillableQuantity),
    researching: units(d?.researchingQuantity?.totalResearchingQuantity),
    total: units(s.totalQuantity),
  };
}

/** FBA summaries for these SKUs, 50 SKUs a call (getInventorySummaries' limit). */
export function readFbaSummaries(amazon: SpApiClient, skus: string[]): FbaSummary[] {
  if (skus.length === 0) return [];
  return amazon
    .getInventoryForSkus(skus)
    .map(toFbaSummary)
    .filter((s): s is FbaSummary => s !== null);
}
