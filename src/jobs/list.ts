// Every job this version runs, by the names "Sync now", scenarios, the schedule and the Sync Log
// use (docs/scenarios.md "Entry points"). Adding a job is one line here.

import type { Job } from './kit/job';
import { inventoryJob, undoStockPushJob } from './inventory/job';
import { ordersJob } from './orders/job';
import { fbaShipmentsJob } from './fba-shipments/job';
import { recategoriseJob, settlementsJob } from './settlements/job';
import { skuMapBuildJob } from './onboarding/job';
import { chargesJob } from './charges/job';
import { removalsJob } from './removals/job';

// Orders first: the stock sync counts the units of orders the 3PL does not hold yet from the ledger.
// FBA shipments before stock: an FBA order created in this run is then in the 3PL stock the stock sync reads.
const JOBS: readonly Job[] = [ordersJob, fbaShipmentsJob, inventoryJob, settlementsJob, chargesJob, removalsJob, undoStockPushJob, recategoriseJob, skuMapBuildJob];

/** The jobs "Sync all now" and the schedule run, in order. */
export function scheduledJobs(): Job[] {
  return JOBS.filter((j) => j.scheduled);
}

export function findJob(name: string): Job | undefined {
  return JOBS.find((j) => j.name === name);
}
