// Lists as long as a large catalogue never go through a spread call (core/lists.ts): at 150,000 SKUs
// `listings.push(...report)` overflowed the call stack and every stock run failed. Here a job raises
// a problem for each of 300,000 rows in one list, as a SKU Map typed wrong throughout would: the run
// records them like any other (the Exceptions tab names the first and counts the rest).

import { describe, expect, it } from 'vitest';
import { pushAll } from '../../src/core/lists';
import { TAB } from '../../src/core/tabs';
import { runJob } from '../../src/jobs/kit/runner';
import type { Job } from '../../src/jobs/kit/job';
import type { RaisedException } from '../../src/core/exceptions';
import type { Ports } from '../../src/ports';
import { runSetup } from '../../src/sheet/setup';
import { VirtualClock } from '../world/clock';
import { makeMailApp } from '../world/gas/mail';
import { memoryCache, memoryLog, memoryStore, nodeCodec, nodeLock, virtualClockPort, worldMail } from '../world/node-ports';
import { harness } from '../fakes/gas-harness';
import { memoryWorkbook } from '../security/memory-workbook';

const START = '2026-12-02T08:00:00Z';
const N = 300_000;

function ports(): Ports & { workbook: ReturnType<typeof memoryWorkbook> } {
  const clock = new VirtualClock(START);
  const { ctx } = harness({ start: START });
  const workbook = memoryWorkbook();
  runSetup(workbook);
  return {
    http: { fetch: () => ({ status: 500, headers: {}, text: '', bytes: () => [] }) },
    store: memoryStore(),
    cache: memoryCache(clock),
    lock: nodeLock(),
    clock: virtualClockPort(clock),
    codec: nodeCodec,
    log: memoryLog(),
    mail: worldMail(makeMailApp(ctx, { dailyQuota: 100, windowStart: null, used: 0 }, [])),
    workbook,
  };
}

const problem = (i: number): RaisedException => ({ key: `MAPPING_INVALID:UK:SKU-${i}`, type: 'MAPPING_INVALID', entity: `SKU Map row ${i + 2}`, message: `Row ${i + 2} cannot be used.` });

describe('lists as long as a large catalogue', () => {
  it('pushAll appends what a spread push cannot', () => {
    const big = Array.from({ length: N }, (_, i) => i);
    expect(() => [].push(...(big as never[]))).toThrow(RangeError);
    const into = [1, 2];
    expect(pushAll(into, big)).toBe(into);
    expect(into).toHaveLength(N + 2);
    expect(into[2]).toBe(0);
    expect(into.at(-1)).toBe(N - 1);
  });

  it('a run raising a problem for each of 300,000 rows in one list ends as the job says, its problems recorded', () => {
    const p = ports();
    const job: Job = {
      name: 'long-list-probe',
      label: 'Long list probe',
      scheduled: false,
      exceptionScope: ['MAPPING_INVALID'],
      run(ctx) {
        // One list and a single problem, in one call.
        ctx.raise(Array.from({ length: N }, (_, i) => problem(i)), problem(N));
        return { outcome: 'partial', counts: { rows: N + 1 }, message: `${N + 1} rows cannot be used.` };
      },
    };
    const summary = runJob(job, p, { secrets: [] });
    expect(summary.outcome).toBe('partial');
    const rows = p.workbook.read(TAB.exceptions)!.slice(1).filter((r) => r[1] === 'MAPPING_INVALID');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(1_000);
    const log = p.workbook.read(TAB.syncLog)!.slice(1);
    expect(log.at(-1)![4]).toBe('partial');
  }, 120_000);
});
