// The Inventory rows from what the systems said, with the sync's own rules (core/inventory/build.ts):
// shared by the stock sync and by the undo, which caps what it restores at what those rules allow.

import { buildInventory } from '../../core/inventory/build';
import type { FbaReadInfo } from '../../core/inventory/build';
import type { previousFromInventory } from '../../core/inventory/inventory-tab';
import type { validateSkuMap } from '../../core/inventory/sku-map';
import type { ThreePlStockRecord } from '../../core/inventory/types';
import { providerName } from '../../threepl/names';
import type { JobContext } from '../kit/job';
import { stockLessFbaShipments } from '../fba-shipments/stock';
import type { MarketsListingsRead } from './market-listings';
import type { FbaReads } from './per-market';
import type { UnsentRead } from './unsent';

/** What the rows are computed from; `listings` absent: Amazon's listings not read (yet). */
export interface InventoryInputs {
  validated: ReturnType<typeof validateSkuMap>;
  stock: { records: ReadonlyArray<ThreePlStockRecord>; overRuns: boolean };
  unsent: Pick<UnsentRead, 'lines'>;
  previous: ReturnType<typeof previousFromInventory>;
  fba: { summaries: FbaReads['summaries']; primary: FbaReadInfo; byMarket: Map<string, FbaReadInfo> };
  listings?: MarketsListingsRead['listings'];
  gap?: string;
}

export function inventoryFrom(ctx: JobContext, x: InventoryInputs): ReturnType<typeof buildInventory> {
  const { settings } = ctx;
  return buildInventory({
    marketplace: settings.marketplace,
    // One 3PL pool for every marketplace the 3PL ships to: each offer takes its share.
    pooledMarketplaces: settings.fbmMarketplaces,
    marketplaces: settings.marketplaces,
    skuMap: x.validated,
    // Less the units of FBA shipments ticked to go from the 3PL that it has not committed yet (issue 15).
    threePlStock: stockLessFbaShipments(ctx, x.stock.records, x.validated, x.stock.overRuns),
    locations: settings.threePlLocations,
    unsentOrders: x.unsent.lines,
    ...(x.listings ? { amazonListings: x.listings } : {}),
    ...(x.gap ? { amazonListingsGap: x.gap } : {}),
    fbaSummaries: x.fba.summaries,
    fbaRead: x.fba.primary,
    fbaReadByMarket: x.fba.byMarket,
    previous: x.previous,
    defaultSafetyBuffer: settings.defaultSafetyBuffer,
    now: ctx.now,
    threePlName: providerName(settings.threePlProvider),
  });
}
