// The orders section of `npm run bench`: for each size, a day of orders on the schedule and a
// backlog of that many orders waiting at the start; prints the tables and returns what
// bench/results.json keeps under "orders".

import { runBacklog } from './orders-backlog';
import type { BacklogReport } from './orders-backlog';
import { runDay } from './orders-day';
import type { DayReport } from './orders-day';
import { backlogRows, dayTotals, daySummaryRows, orderRunRows, perOrderRows } from './orders-table';
import { markdownTable, textTable } from './table';

export const DEFAULT_ORDER_SIZES = [100, 1_000, 10_000];

export interface OrdersBenchOptions {
  sizes: number[];
  /** "Sync every (minutes)" of the day's schedule (60 by default, the setting's default). */
  everyMin: number;
  backlog: boolean;
  log: (line: string) => void;
}

export interface OrdersBenchResult {
  everyMin: number;
  days: Array<DayReport & { totals: ReturnType<typeof dayTotals> }>;
  backlogs: BacklogReport[];
  markdown: Record<string, string>;
}

export function runOrdersBench(o: OrdersBenchOptions): OrdersBenchResult {
  const days: DayReport[] = [];
  const backlogs: BacklogReport[] = [];
  for (const n of o.sizes) {
    o.log(`Orders: ${n} a day, the job every ${o.everyMin} min…`);
    const d = runDay(n, o.everyMin);
    days.push(d);
    o.log(`  ${n}/day: ${d.runs.length} runs in ${(d.realMs / 1000).toFixed(1)} s real time; ${d.clearedAtRun === null ? 'not cleared' : `cleared at run ${d.clearedAtRun}`}`);
    if (o.backlog) {
      o.log(`Orders: a backlog of ${n}…`);
      const b = runBacklog(n);
      backlogs.push(b);
      o.log(`  backlog ${n}: ${b.runs.length} runs in ${(b.realMs / 1000).toFixed(1)} s real time; ${b.ended}`);
    }
  }
  const tables = {
    daySummary: daySummaryRows(days),
    perOrder: perOrderRows(days),
    perRun: orderRunRows(days),
    ...(o.backlog ? { backlog: backlogRows(backlogs) } : {}),
  };
  console.log(`\nOrders benchmark: a day on the schedule (every ${o.everyMin} min; ✗ over the consumer quota, ! over 80% of it)\n`);
  console.log(textTable(tables.daySummary));
  console.log('\nCalls per order over the day and its tail (job / minimum):\n');
  console.log(textTable(tables.perOrder));
  console.log('\nPer run (Amazon s=searchOrders g=getOrder c=confirmShipment t=LWA token; ShipBob ch=changes page lk=lookup cr=create tr=tracking page mk=mark uploaded):\n');
  console.log(textTable(tables.perRun));
  if (tables.backlog) {
    console.log('\nBacklog: N orders waiting at the start, the job every 5 minutes:\n');
    console.log(textTable(tables.backlog));
  }
  return {
    everyMin: o.everyMin,
    days: days.map((d) => ({ ...d, totals: dayTotals(d) })),
    backlogs,
    markdown: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, markdownTable(v)])),
  };
}
