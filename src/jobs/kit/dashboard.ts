// The runner's one hook into the Dashboard: watch the run's Inventory rows (so stock health costs no
// second read of a tab that may hold 100,000 rows), then refresh the Dashboard once the Sync Log row
// is written. A Dashboard that cannot be refreshed never fails the run: it is logged and left as is.

import { stockHealth } from '../../core/dashboard';
import type { InventoryRow } from '../../core/inventory/types';
import type { Ports } from '../../ports';
import { refreshDashboard } from '../../sheet/dashboard-tab';
import type { RunContext } from './context';
import type { Job, JobOutcome } from './job';

export interface RunWatch {
  /** Given the run's context before the job starts: wraps its Inventory tab to see the rows it reads or writes. */
  seen(ctx: RunContext): void;
  /** The Inventory rows the run last read or wrote (null: it never touched the tab) and its marketplace. */
  inventory(): { rows: InventoryRow[]; marketplace: string } | null;
}

export function watchRun(): RunWatch {
  let rows: InventoryRow[] | null = null;
  let marketplace = '';
  return {
    seen(ctx) {
      marketplace = ctx.settings.marketplace;
      const tab = ctx.tabs.inventory;
      ctx.tabs.inventory = {
        ...tab,
        rows: () => (rows = tab.rows()),
        write(next) {
          tab.write(next);
          // The tab module keeps what it wrote: no second read.
          rows = tab.rows();
        },
      };
    },
    inventory: () => (rows && marketplace ? { rows, marketplace } : null),
  };
}

/** Refreshes the Dashboard after a run that held the lock; never throws. */
export function refreshAfterRun(ports: Ports, job: Job, result: JobOutcome, end: number, watch: RunWatch): void {
  if (!ports.dashboard) return;
  try {
    const seen = watch.inventory();
    refreshDashboard(ports.workbook, ports.dashboard, ports.store, {
      job: job.name,
      label: job.label,
      scheduled: job.scheduled,
      end,
      outcome: result.outcome,
      counts: result.counts,
      stock: seen ? stockHealth(seen.rows, seen.marketplace, end) : null,
    });
  } catch (e) {
    ports.log.warn(`The Dashboard was not refreshed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
