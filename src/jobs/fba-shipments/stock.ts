// The stock sync's view of the FBA Shipments tab (docs/design.md §3 "FBA replenishment": units
// committed to an FBA shipment are not available for FBM): the 3PL stock lines less the units of
// ticked shipments the 3PL has not committed yet (core/fba-shipments/committed.ts says why those).

import { fbaCommittedUnits, fbaShipFromLocation, lessFbaCommitted } from '../../core/fba-shipments/committed';
import type { SkuMapValidation } from '../../core/inventory/sku-map';
import type { ThreePlStockRecord } from '../../core/inventory/types';
import { fbaShipmentsTab } from '../../sheet/fba-shipments-tab';
import type { JobContext } from '../kit/job';
import { restoreSealedItems } from './items-seal';

/** One read of the FBA Shipments tab (a missing tab has no rows). `stockReadOverRuns`: the 3PL stock was walked over several runs. */
export function stockLessFbaShipments(ctx: JobContext, records: ReadonlyArray<ThreePlStockRecord>, map: SkuMapValidation, stockReadOverRuns = false): ThreePlStockRecord[] {
  // Items someone typed over are counted as Amazon's (the FBA run puts the cell back and says so).
  const rows = restoreSealedItems(ctx.ports.store, fbaShipmentsTab(ctx.ports.workbook).rows());
  const committed = fbaCommittedUnits(rows, ctx.settings.marketplace, map, stockReadOverRuns);
  return lessFbaCommitted(records, committed, fbaShipFromLocation(ctx.settings));
}
