// The bundled scenario files: each is valid, the demo is what scenarios/generate-demo.ts makes and
// holds the brand the brief describes, and every scenario runs without a failed execution.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TABS } from '../../src/core/tabs';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import { parseScenario } from '../world/scenario/schema';
import type { Scenario } from '../world/scenario/schema';

const DIR = path.resolve('scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as unknown;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'scenario-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(files)('%s', (file) => {
  it('is a valid scenario whose name matches the file', () => {
    const s = parseScenario(load(file), file);
    expect(`${s.name}.json`).toBe(file);
  });

  it('runs with every execution ending ok', () => {
    const run = createScenarioRun(load(file), { baseDir: DIR });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const failed = run.world.executions.filter((e) => e.outcome !== 'ok').map((e) => `${e.entry}: ${e.outcome} ${e.error ?? ''}`);
    expect(failed).toEqual([]);
  });
});

describe('demo-uk-brand.json', () => {
  const demo = parseScenario(load('demo-uk-brand.json'));
  // The demo's 3PL is ShipBob (threePl.provider may also be "mintsoft").
  const demoThreePl = () => {
    if (demo.threePl?.provider !== 'shipbob') throw new Error('the demo scenario is a ShipBob world');
    return demo.threePl;
  };
  const map = demo.sheet!['SKU Map']!;
  const header = map[0]! as string[];
  const col = (h: string) => header.indexOf(h);
  const rows = map.slice(1);
  const settings = new Map(demo.sheet!.Settings!.slice(1).map((r) => [r[0], r[1]]));

  it('is exactly what generate-demo.ts writes (deterministic)', () => {
    const out = path.join(tmp, 'demo.json');
    const r = spawnSync('npx', ['tsx', 'scenarios/generate-demo.ts', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(DIR, 'demo-uk-brand.json'), 'utf8'));
  });

  it('stays small enough to read', () => {
    expect(statSync(path.join(DIR, 'demo-uk-brand.json')).size).toBeLessThan(400 * 1024);
  });

  it('uses the add-on\'s exact SKU Map headers', () => {
    const expected = TABS.skuMap.columns.map((c) => c.header);
    for (const h of header) expect(expected).toContain(h);
    // Status is the add-on's; Match and Confidence only come with rows the SKU Map builder proposes.
    const typed = (h: string) => !['Status', 'Match', 'Confidence'].includes(h);
    expect(header.filter(typed)).toEqual(expected.filter(typed));
  });

  it('has ~300 offers: mostly FBM with a 3PL SKU, ~60 FBA with ASIN and FNSKU', () => {
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.length).toBeLessThanOrEqual(330);
    const fba = rows.filter((r) => r[col('Channel')] === 'FBA');
    const fbm = rows.filter((r) => r[col('Channel')] === 'FBM');
    expect(fba.length).toBeGreaterThanOrEqual(55);
    expect(fba.length).toBeLessThanOrEqual(65);
    expect(fbm.length).toBeGreaterThan(rows.length / 2);
    for (const r of fba) expect(r[col('FNSKU')]).toMatch(/^X00/);
    expect(fbm.filter((r) => r[col('3PL SKU')]).length).toBe(fbm.length - 1);
  });

  it('has the deliberately bad rows', () => {
    const key = (r: (typeof rows)[number]) => `${r[col('Seller SKU')]}|${r[col('Marketplace')]}|${r[col('Channel')]}`;
    const seen = new Map<string, number>();
    for (const r of rows) seen.set(key(r), (seen.get(key(r)) ?? 0) + 1);
    expect([...seen.values()].filter((n) => n > 1)).toHaveLength(1);
    expect(rows.some((r) => r[col('Channel')] === 'FBX')).toBe(true);
    expect(rows.some((r) => r[col('Safety Buffer')] === 'lots')).toBe(true);
    expect(rows.some((r) => typeof r[col('Max Qty')] === 'number' && (r[col('Max Qty')] as number) < 0)).toBe(true);
    expect(rows.some((r) => r[col('Offer %')] === '150%')).toBe(true);
    expect(rows.some((r) => r[col('Active')] === false)).toBe(true);
    expect(rows.some((r) => r[col('Channel')] === 'FBA' && r[col('Safety Buffer')] !== null && r[col('Safety Buffer')] !== '')).toBe(true);
    const channels = new Map<string, Set<unknown>>();
    for (const r of rows) channels.set(String(r[col('Seller SKU')]), (channels.get(String(r[col('Seller SKU')])) ?? new Set()).add(r[col('Channel')]));
    expect([...channels.values()].filter((c) => c.has('FBM') && c.has('FBA')).length).toBeGreaterThanOrEqual(2);
  });

  it('lets pushes work: the Settings seller ID is the Amazon seller ID, and it starts in dry-run', () => {
    expect(settings.get('Amazon seller ID')).toBe(demo.amazon!.sellerId);
    expect(settings.get('Push mode')).toBe('dry-run');
  });

  it('has a listing for every mapped SKU, and listings nobody mapped', () => {
    const listed = new Set(demo.amazon!.listings.map((l) => l.sku));
    for (const r of rows) expect(listed.has(String(r[col('Seller SKU')])), String(r[col('Seller SKU')])).toBe(true);
    const mapped = new Set(rows.map((r) => String(r[col('Seller SKU')])));
    expect(demo.amazon!.listings.filter((l) => !mapped.has(l.sku)).length).toBeGreaterThanOrEqual(1);
    const fbaSkus = new Set(demo.amazon!.listings.filter((l) => l.channel === 'FBA').map((l) => l.sku));
    expect(new Set(demo.amazon!.fbaInventory.map((f) => f.sku))).toEqual(fbaSkus);
  });

  it('has unshipped merchant orders, some already at the 3PL and some not', () => {
    const orders = demo.amazon!.orders.filter((o) => o.status === 'UNSHIPPED' && o.fulfilledBy === 'MERCHANT');
    const atThreePl = new Set(demoThreePl().orders.map((o) => o.reference));
    expect(orders.filter((o) => atThreePl.has(o.orderId)).length).toBeGreaterThan(0);
    expect(orders.filter((o) => !atThreePl.has(o.orderId)).length).toBeGreaterThan(0);
  });

  it('has 3PL stock for the FBM 3PL SKUs in two locations, plus 3PL SKUs nobody mapped', () => {
    const tp = demoThreePl();
    expect(tp.locations.map((l) => l.id)).toHaveLength(2);
    const stocked = new Set(tp.inventory.map((i) => i.sku));
    const mapped = new Set(rows.map((r) => String(r[col('3PL SKU')])).filter(Boolean));
    for (const sku of mapped) expect(stocked.has(sku), sku).toBe(true);
    expect([...stocked].filter((s) => !mapped.has(s)).length).toBeGreaterThanOrEqual(1);
    expect(new Set(tp.inventory.map((i) => i.location)).size).toBe(2);
  });

  it('ends as the story says: nothing pushed before approval, the emptied SKU at 0 on Amazon', () => {
    const run = createScenarioRun(demo, { baseDir: DIR });
    demo.steps.forEach((s, i) => applyStep(run, s, i));
    const approve = run.world.executions.find((e) => e.entry === 'approveStockPush')!;
    const writes = run.amazon.snapshot().writes;
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(Date.parse(w.at)).toBeGreaterThanOrEqual(Date.parse(approve.start));
    expect(writes.some((w) => w.operation === 'JSON_LISTINGS_FEED')).toBe(true);
    const emptied = demo.steps.find((s) => 'world' in s && s.world.action === 'setStock') as unknown as { world: { sku: string } };
    const sellerSku = rows.find((r) => r[col('3PL SKU')] === emptied.world.sku && r[col('Channel')] === 'FBM')![col('Seller SKU')];
    expect(run.amazon.snapshot().listings.find((l) => l.sku === sellerSku)!.quantity).toBe(0);
    expect(run.world.executions.filter((e) => e.entry === 'onScheduledRun').length).toBeGreaterThanOrEqual(2);
  });

  it('tells the story in order', () => {
    const said = demo.steps.map((s: Scenario['steps'][number]) =>
      'run' in s ? s.run : 'edit' in s ? `edit ${String(s.edit.match.Key)}=${String(s.edit.set.Value)}` : 'world' in s ? `world ${String(s.world.action)}` : 'trigger' in s ? 'trigger' : 'advance',
    );
    const order = ['setupSheets', 'syncNow', 'edit Push mode=approve', 'syncNow', 'approveStockPush', 'advance', 'syncNow', 'world setStock', 'edit Push mode=auto', 'enableScheduledSync', 'trigger', 'undoLastStockPush', 'syncNow'];
    let at = -1;
    for (const step of order) {
      at = said.indexOf(step, at + 1);
      expect(at, step).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('small scenarios stay small', () => {
  it.each(files.filter((f) => f !== 'demo-uk-brand.json'))('%s has at most 15 SKUs', (file) => {
    const s = parseScenario(load(file));
    expect(new Set((s.amazon?.listings ?? []).map((l) => l.sku)).size).toBeLessThanOrEqual(15);
  });
});
