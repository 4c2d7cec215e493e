// The stock sync's view of the FBA Shipments tab (docs/design.md §3 "FBA replenishment": units
// committed to an FBA shipment are not available for FBM): the 3PL stock lines less the units of
// ticked shipments the 3PL has not committed yet (core/fba-shipments/committed.ts says why those).

import { fbaCommittedUnits, fbaShipFromLocation, lessFbaCommitted } from '../../core/fba-shipments/committed';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import type { ThreePlStockRecord } from '../../core/inventory/types';
import { fbaShipmentsTab } from '../../sheet/fba-shipments-tab';
import type { JobContext } from '../kit/job';
import { restoreSealedItems, sealedShipments } from './items-seal';
import { putBackFromSeal } from './rows-seal';

/** One read of the FBA Shipments tab (a missing tab has no rows). `stockReadOverRuns`: the 3PL stock was walked over several runs. */
export function stockLessFbaShipments(ctx: JobContext, records: ReadonlyArray<ThreePlStockRecord>, map: SkuMapValidation, stockReadOverRuns = false): ThreePlStockRecord[] {
  // Items someone typed over are counted as Amazon's, and a ticked row someone deleted still holds
  // its units back (the FBA run puts both back and says so).
  const store = ctx.ports.store;
  const rows = putBackFromSeal(store, restoreSealedItems(store, fbaShipmentsTab(ctx.ports.workbook).rows()), sealedShipments(store));
  const committed = fbaCommittedUnits(rows, ctx.settings.marketplace, map, stockReadOverRuns);
  return lessFbaCommitted(records, committed, fbaShipFromLocation(ctx.settings));
}
