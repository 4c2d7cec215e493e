// The orders benchmark's own arithmetic and measurement (bench/orders-*.ts): the rate-limit floors
// it prints next to the job's figures, and a small day in the local world where every call the
// job makes is counted once and every order is sent and confirmed exactly once.

import { describe, expect, it } from 'vitest';
import { backlogFloor, dayFloor, LOOKUP_BATCH } from '../../bench/orders-floors';
import { runDay } from '../../bench/orders-day';
import { minimumOps, sumOps, totalOf } from '../../bench/orders-run';

const HOUR_MS = 3600_000;

describe('backlog floor', () => {
  it('is set by searchOrders past its burst for 10,000 orders: 80 pages at one per 178.6 s, then the warehouse', () => {
    const f = backlogFloor(10_000, 2 * HOUR_MS);
    expect(f.allSentS).toBeCloseTo((100 - 20) / 0.0056, 3);
    expect(f.allConfirmedS).toBeCloseTo((100 - 20) / 0.0056 + 7200, 3);
    expect(f.binding).toMatch(/searchOrders/);
  });

  it('is the warehouse then confirmShipment pacing for 100 orders (one page, inside every burst)', () => {
    const f = backlogFloor(100, 2 * HOUR_MS);
    expect(f.allSentS).toBe(0);
    expect(f.allConfirmedS).toBeCloseTo(7200 + (100 - 10) / 2, 6);
  });

  it('counts one create per order and the look-ups batched within the URL length', () => {
    const f = backlogFloor(1_000, 0);
    expect(f.calls.amazon).toBe(10 + 1_000);
    expect(f.calls.shipbob).toBeGreaterThanOrEqual(1_000 + Math.ceil(1_000 / LOOKUP_BATCH));
  });
});

describe('day floor', () => {
  it('says 10,000 orders a day cannot fit an hourly run or the consumer fetch quota, whatever the job does', () => {
    const f = dayFloor(10_000, 60);
    // 417 confirmations at 2/s and 417 creates one at a time: over the job's 270 s.
    expect(f.runS).toBeGreaterThan(270);
    expect(f.fetches).toBeGreaterThan(20_000);
  });

  it('leaves 1,000 orders a day far inside both quotas', () => {
    const f = dayFloor(1_000, 60);
    expect(f.fetches).toBeLessThan(5_000);
    expect(f.triggerMin).toBeLessThan(30);
  });
});

describe('a measured day of 30 orders', () => {
  const day = runDay(30, 60);
  const amazon = sumOps(day.runs, (r) => r.amazon);
  const shipbob = sumOps(day.runs, (r) => r.shipbob);

  it('sends and confirms every order once, and clears within the tail', () => {
    expect(day.final).toEqual({ placed: 30, sent: 30, confirmed: 30 });
    expect(day.clearedAtRun).not.toBeNull();
    expect(shipbob['create-order']).toBe(30);
    expect(amazon['confirmShipment']).toBe(30);
    expect(day.runs.every((r) => r.execution === 'ok' && r.job === 'ok')).toBe(true);
  });

  it('counts no call the job did not make and never finds the job below its minimum', () => {
    for (const r of day.runs) {
      const made = totalOf(r.amazon) + totalOf(r.shipbob);
      // Every fetch of the execution is an Amazon (SP-API or LWA) or a ShipBob call here.
      expect(made).toBe(r.fetches);
      const min = r.minimum.reduce((s, o) => s + o.calls, 0);
      expect(made).toBeGreaterThanOrEqual(min);
    }
    expect(totalOf(amazon)).toBeGreaterThanOrEqual(totalOf(minimumOps(day.runs, 'amazon')));
  });

  it('runs on the hour through the day and lags each order by about the warehouse time', () => {
    expect(day.dayRuns).toBe(24);
    expect(day.runs[0]!.at).toBe('2026-11-02T01:00:00.000Z');
    expect(day.lagMin!.median).toBeGreaterThanOrEqual(120);
    // At worst: an hour to the next run, the warehouse's two hours, an hour to the run after, and the runs' own minutes.
    expect(day.lagMin!.max).toBeLessThanOrEqual(4 * 60 + 5);
  });
});
