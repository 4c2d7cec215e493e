// The cost model (test/world/cost-model.ts) as the fakes charge it: SpreadsheetApp calls, cells and
// commits of the write cache, PropertiesService, CacheService and UrlFetchApp move the virtual
// clock, so the 6-minute budget and the trigger runtime see them; the figures stay in the order of
// magnitude of the published measurements cited next to the constants.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COST_MODEL, MIB, NO_COST, flushCost, type CostModel } from '../world/cost-model';
import { makeCacheService, CacheModel } from '../world/gas/cache';
import { GasServices } from '../world/gas/index';
import { makePropertiesService, PropertyStore } from '../world/gas/properties';
import { openFake } from '../world/gas/spreadsheet/testing';
import { makeUrlFetchApp, type UrlFetchState } from '../world/gas/urlfetch';
import { AppsScriptRuntime } from '../world/runtime';
import { World, type ExecutionState } from '../world/world';
import { harness } from './gas-harness';

/** A model with whole-millisecond figures, so a test can assert exact clock moves. */
const WHOLE: CostModel = {
  ...NO_COST,
  sheetCallMs: 3,
  sheetCellReadMs: 0.5,
  sheetCellWriteMs: 1,
  sheetFlushMs: 20,
  sheetFlushPerCellMs: 0.25,
  propertyReadMs: 30,
  propertyWriteMs: 60,
  cacheReadMs: 10,
  cacheWriteMs: 55,
};

const grid = (rows: number, cols: number, v: unknown = 'x'): unknown[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));

/** Virtual ms `fn` takes. */
function timed(world: World, fn: () => void): number {
  const t0 = world.clock.now();
  fn();
  return world.clock.now() - t0;
}

function sheets(cost: CostModel = COST_MODEL) {
  const f = openFake({ tabs: { Data: [['h']] } });
  f.world.cost = cost;
  const sheet = f.ss.getSheetByName('Data');
  sheet.insertRowsAfter(1, 1100);
  // Set-up calls above are not what the tests measure: start each from a committed cache.
  f.world.commitSheetWrites(f.world.current!);
  f.world.current!.costCarry = 0;
  return { ...f, sheet, ex: f.world.current as ExecutionState };
}

describe('SpreadsheetApp under the cost model', () => {
  it('charges a setValues of N cells base + N × per cell, and counts the cells', () => {
    const { world, sheet, ex } = sheets(WHOLE);
    const range = sheet.getRange(1, 1, 200, 20);
    const before = ex.counts.cellsWritten;
    expect(timed(world, () => range.setValues(grid(200, 20)))).toBe(3 + 4_000 * 1);
    expect(ex.counts.cellsWritten - before).toBe(4_000);
    expect(ex.counts.modelledMs).toBeGreaterThanOrEqual(4_003);
  });

  it('charges an insert or delete of rows base + one structural change, whatever the rows, and no cells', () => {
    const { world, sheet, ex } = sheets({ ...WHOLE, sheetStructuralMs: 40 });
    const before = ex.counts.cellsWritten;
    expect(timed(world, () => sheet.deleteRows(10, 500))).toBe(3 + 40);
    expect(timed(world, () => sheet.insertRowsBefore(2, 3))).toBe(3 + 40);
    expect(ex.counts.cellsWritten - before).toBe(0);
  });

  it('makes the first read after writes pay a commit of the pending cells, and later reads none', () => {
    const { world, sheet, ex } = sheets(WHOLE);
    sheet.getRange(1, 1, 10, 10).setValues(grid(10, 10));
    const range = sheet.getRange(1, 1, 10, 10);
    const flushes = ex.counts.flushes;
    // One call, 100 cells read, and the commit of the 100 cells written: 3 + 50 + 20 + 25.
    expect(timed(world, () => range.getValues())).toBe(3 + 100 * 0.5 + 20 + 100 * 0.25);
    expect(ex.counts.flushes - flushes).toBe(1);
    expect(ex.counts.cellsRead).toBe(100);
    expect(timed(world, () => range.getValues())).toBe(3 + 50);
    expect(ex.counts.flushes - flushes).toBe(1);
  });

  it('makes SpreadsheetApp.flush() pay a round trip even with nothing pending, and commits at the end of the execution', () => {
    const { world, app, sheet, ex } = sheets(WHOLE);
    expect(timed(world, () => app.flush())).toBe(20);
    sheet.getRange(1, 1, 1, 8).setValues(grid(1, 8));
    const record = { t: 0, flushes: ex.counts.flushes };
    record.t = timed(world, () => world.end('ok'));
    expect(record.t).toBe(20 + 8 * 0.25);
    expect(world.executions.at(-1)!.flushes).toBe(record.flushes + 1);
  });

  it('matches the published orders of magnitude: 4,000 cells in one setValues < 50 ms, ≈ 610 ms with a flush; 400 rows one by one ≈ 164 ms, ≈ 12 s with a flush per row', () => {
    const bulk = sheets();
    const write = timed(bulk.world, () => bulk.sheet.getRange(1, 1, 400, 10).setValues(grid(400, 10)));
    expect(write).toBeLessThan(50);
    const flushed = write + timed(bulk.world, () => bulk.app.flush());
    expect(flushed).toBeGreaterThan(450);
    expect(flushed).toBeLessThan(800);

    const rows = sheets();
    const rowByRow = timed(rows.world, () => {
      for (let r = 1; r <= 400; r++) rows.sheet.getRange(r, 1, 1, 10).setValues(grid(1, 10));
    });
    expect(rowByRow).toBeGreaterThan(100);
    expect(rowByRow).toBeLessThan(500);

    const each = sheets();
    const rowFlushed = timed(each.world, () => {
      for (let r = 1; r <= 400; r++) {
        each.sheet.getRange(r, 1, 1, 10).setValues(grid(1, 10));
        each.app.flush();
      }
    });
    expect(rowFlushed).toBeGreaterThan(8_000);
    expect(rowFlushed).toBeLessThan(16_000);
  });

  it('makes a loop of one-cell writes cost far more than one bulk write of the same cells', () => {
    const loop = sheets();
    const looped = timed(loop.world, () => {
      for (let r = 1; r <= 1_000; r++) loop.sheet.getRange(r, 1).setValue(r);
    });
    const bulk = sheets();
    const batched = timed(bulk.world, () => bulk.sheet.getRange(1, 1, 1_000, 1).setValues(Array.from({ length: 1_000 }, (_, i) => [i + 1])));
    // Measured inside the script, as the published tests were: two orders of magnitude apart.
    expect(looped).toBeGreaterThan(20 * batched);
    expect(loop.world.current!.counts.cellsWritten).toBe(bulk.world.current!.counts.cellsWritten);
    // The commit at the end costs both the same; the loop stays dearer.
    loop.world.end('ok');
    bulk.world.end('ok');
    expect(loop.world.executions[0]!.modelledMs).toBeGreaterThan(3 * bulk.world.executions[0]!.modelledMs);
  });

  it('charges nothing under NO_COST but still counts cells and flushes', () => {
    const { world, app, sheet, ex } = sheets(NO_COST);
    expect(timed(world, () => {
      sheet.getRange(1, 1, 5, 5).setValues(grid(5, 5));
      sheet.getRange(1, 1, 5, 5).getValues();
      app.flush();
    })).toBe(0);
    expect(ex.counts).toMatchObject({ cellsWritten: 25, cellsRead: 25, modelledMs: 0 });
    expect(ex.counts.flushes).toBeGreaterThanOrEqual(2);
  });

  it('keeps the clock on whole milliseconds, carrying fractions of the 0.4 ms call cost', () => {
    const { world, sheet, ex } = sheets();
    const t = timed(world, () => {
      for (let i = 0; i < 10; i++) sheet.getName();
    });
    expect(Number.isInteger(world.clock.now())).toBe(true);
    expect(t).toBe(Math.floor(10 * COST_MODEL.sheetCallMs));
    expect(ex.costCarry).toBeLessThan(1);
  });
});

describe('PropertiesService and CacheService under the cost model', () => {
  it('moves the clock by the read and write figures', () => {
    const { world, ctx } = harness();
    const stores = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
    const props = makePropertiesService(ctx, stores).getDocumentProperties();
    expect(timed(world, () => props.setProperty('a', '1'))).toBe(COST_MODEL.propertyWriteMs);
    expect(timed(world, () => props.getProperty('a'))).toBe(COST_MODEL.propertyReadMs);
    expect(timed(world, () => props.getProperties())).toBe(COST_MODEL.propertyReadMs);
    expect(timed(world, () => props.deleteProperty('a'))).toBe(COST_MODEL.propertyWriteMs);
    expect(world.current!.counts.modelledMs).toBe(2 * COST_MODEL.propertyWriteMs + 2 * COST_MODEL.propertyReadMs);
  });

  it('charges a refused property write too: the call reached Google', () => {
    const { world, ctx } = harness();
    const stores = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
    const props = makePropertiesService(ctx, stores).getDocumentProperties();
    expect(timed(world, () => expect(() => props.setProperty('big', 'x'.repeat(10 * 1024))).toThrow())).toBe(COST_MODEL.propertyWriteMs);
  });

  it('charges cache reads less than writes, and a batch call once', () => {
    const { world, ctx } = harness();
    const caches = { document: new CacheModel(world.clock), script: new CacheModel(world.clock), user: new CacheModel(world.clock) };
    const cache = makeCacheService(ctx, caches).getScriptCache();
    expect(timed(world, () => cache.put('k', 'v'))).toBe(COST_MODEL.cacheWriteMs);
    expect(timed(world, () => cache.get('k'))).toBe(COST_MODEL.cacheReadMs);
    expect(timed(world, () => cache.putAll({ a: '1', b: '2', c: '3' }))).toBe(COST_MODEL.cacheWriteMs);
    expect(COST_MODEL.cacheReadMs).toBeLessThan(COST_MODEL.cacheWriteMs);
  });
});

describe('UrlFetchApp under the cost model', () => {
  const API = 'https://api.example.com';
  function fetcher(body: (url: string) => string, latencyMs = 300) {
    const h = harness();
    h.world.network.register(API, (req) => ({ status: 200, body: body(req.url), latencyMs }));
    const state: UrlFetchState = { dailyQuota: 20_000, windowStart: null, used: 0, requests: [] };
    return { ...h, app: makeUrlFetchApp(h.ctx, state) };
  }

  it('adds UrlFetch’s own time to the simulator latency, ≈ 0.5 s a call as measured end to end', () => {
    const { world, app } = fetcher(() => '{}');
    const t = timed(world, () => app.fetch(`${API}/a`));
    expect(t).toBe(300 + COST_MODEL.urlFetchCallMs);
    expect(t).toBeGreaterThan(300);
    expect(t).toBeLessThan(1_000);
  });

  it('makes a 5 MB download cost more than a 5 KB one, and counts the bytes', () => {
    const { world, app } = fetcher((url) => (url.endsWith('/big') ? 'x'.repeat(5 * MIB) : 'x'.repeat(5 * 1024)));
    const small = timed(world, () => app.fetch(`${API}/small`));
    const big = timed(world, () => app.fetch(`${API}/big`));
    expect(big - small).toBeGreaterThanOrEqual(Math.floor(5 * COST_MODEL.urlFetchPerMiBDownMs * (1 - 1 / 1024)));
    expect(world.current!.counts.bytesDownloaded).toBe(5 * MIB + 5 * 1024);
  });

  it('charges an upload by its size', () => {
    const { world, app } = fetcher(() => '');
    const empty = timed(world, () => app.fetch(`${API}/u`, { method: 'post', payload: '' }));
    const mib = timed(world, () => app.fetch(`${API}/u`, { method: 'post', payload: 'x'.repeat(MIB) }));
    expect(mib - empty).toBe(COST_MODEL.urlFetchPerMiBUpMs);
  });

  it('makes fetchAll of 4 requests cost less than 4 fetches: latencies overlap, the per-request part does not', () => {
    const one = fetcher(() => '{}');
    const seq = timed(one.world, () => {
      for (let i = 0; i < 4; i++) one.app.fetch(`${API}/${i}`);
    });
    const all = fetcher(() => '{}');
    const par = timed(all.world, () => all.app.fetchAll([0, 1, 2, 3].map((i) => `${API}/${i}`)));
    expect(seq).toBe(4 * (300 + COST_MODEL.urlFetchCallMs));
    expect(par).toBe(300 + 4 * COST_MODEL.urlFetchCallMs);
    expect(par).toBeLessThan(seq);
  });

  it('charges nothing but the latency under NO_COST', () => {
    const { world, app } = fetcher(() => 'x'.repeat(MIB));
    world.cost = NO_COST;
    expect(timed(world, () => app.fetch(`${API}/a`))).toBe(300);
  });
});

describe('the budget under the cost model', () => {
  function runtimeWith(code: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cost-'));
    writeFileSync(path.join(dir, 'Code.js'), code);
    const world = new World('2026-11-02T08:00:00Z');
    const gas = new GasServices(world, { manifest: { timeZone: 'Europe/London' }, htmlDir: dir });
    return { world, gas, runtime: new AppsScriptRuntime(world, gas, dir) };
  }

  // The fakes' own Node CPU is the platform's side of a call, which the cost model already charges:
  // counting it again as the script's CPU would charge a large setValues twice (world.ts `inService`).
  it("counts the script's CPU toward the budget but not the CPU the fakes spend serving its calls", () => {
    const { runtime } = runtimeWith(`function bigSheet() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var rows = [];
      for (var i = 0; i < 20000; i++) rows.push(['a' + i, i, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j']);
      sheet.insertRowsAfter(sheet.getMaxRows(), 20000);
      for (var k = 0; k < 5; k++) { sheet.getRange(1, 1, 20000, 10).setValues(rows); sheet.getRange(1, 1, 20000, 10).getValues(); }
      return 'done';
    }
    function busy() { var x = 0; var t = 0; for (var i = 0; i < 3e7; i++) { x = (x + i * 7) % 1000003; } return x; }`);
    const t0 = process.cpuUsage();
    const sheet = runtime.run('bigSheet');
    const spent = process.cpuUsage(t0);
    expect(sheet.record.outcome).toBe('ok');
    const processMs = (spent.user + spent.system) / 1000;
    // The fake copies 1,000,000 cells in and out: most of the process's CPU, none of the script's.
    expect(sheet.record.cpuMs).toBeLessThan(processMs * 0.5);
    const t1 = process.cpuUsage();
    const loop = runtime.run('busy');
    const loopSpent = process.cpuUsage(t1);
    expect(loop.record.outcome).toBe('ok');
    expect(loop.record.cpuMs).toBeGreaterThan(((loopSpent.user + loopSpent.system) / 1000) * 0.8);
  });

  // Each turn writes a cell and reads it back: the read commits the write, the interleaving Google warns against.
  const INTERLEAVED = `function churn() {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    for (var i = 0; i < 100000; i++) { var c = sheet.getRange(1, 1); c.setValue(i); c.getValue(); }
    return 'done';
  }`;

  it('stops an execution whose modelled spreadsheet work passes 6 minutes with "Exceeded maximum execution time"', () => {
    const { runtime, world } = runtimeWith(INTERLEAVED);
    const r = runtime.run('churn');
    expect(r.error).toBe('Exceeded maximum execution time');
    expect(r.record.outcome).toBe('timeout');
    expect(r.record.virtualMs).toBeGreaterThanOrEqual(6 * 60_000 - r.record.cpuMs);
    // Nearly all of it is modelled Sheets time: commits, calls and cells.
    expect(r.record.modelledMs).toBeGreaterThan(5 * 60_000);
    expect(r.record.flushes).toBeGreaterThan(5_000);
    expect(r.value).toBeUndefined();
    expect(world.current).toBeNull();
  });

  it('runs the same loop to the end under NO_COST, where the fake charged nothing for Sheets', () => {
    const { runtime, world } = runtimeWith(INTERLEAVED.replace('100000', '2000'));
    world.cost = NO_COST;
    const r = runtime.run('churn');
    expect(r.value).toBe('done');
    expect(r.record.modelledMs).toBe(0);
  });

  it('counts modelled time in the triggers’ daily runtime', () => {
    const { runtime, gas } = runtimeWith(INTERLEAVED.replace('100000', '1000'));
    const r = runtime.run('churn', [], { kind: 'time-trigger' });
    expect(r.value).toBe('done');
    expect(r.record.modelledMs).toBeGreaterThan(1_000 * flushCost(COST_MODEL, 1) * 0.9);
    expect(gas.triggerRuntime.usedMs).toBeGreaterThanOrEqual(r.record.modelledMs);
  });
});
