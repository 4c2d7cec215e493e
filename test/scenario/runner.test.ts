// The scenario runner itself (docs/scenarios.md): validation messages that name the field, the CLI's
// exit status, the five output files and their shapes, and what each kind of step does to the world.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, writeOutputs } from '../world/scenario/runner';
import type { ScenarioRun } from '../world/scenario/runner';
import { parseScenario } from '../world/scenario/schema';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'scenario-runner-'));
const outDirs: string[] = [];
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  for (const d of outDirs) rmSync(d, { recursive: true, force: true });
});

/** A small, valid world: two FBM offers, one FBA offer, one 3PL location. */
function smallScenario(name: string, steps: unknown[], extra: Record<string, unknown> = {}) {
  return {
    name,
    start: '2026-11-02T08:00:00Z',
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'auto', ''], ['Sync every (minutes)', 30, '']],
      'SKU Map': [
        ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes'],
        ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', 'B0TEE00001', '', 2, '', '', true, ''],
        ['MUG-1', 'UK', 'FBM', 'SB-MUG-1', 'B0MUG00001', '', 0, '', '', true, ''],
        ['TEE-M-FBA', 'UK', 'FBA', 'SB-TEE-M', 'B0TEE00001', 'X00TEE0001', '', '', '', true, ''],
      ],
    },
    amazon: {
      sellerId: 'A2SELLER',
      listings: [
        { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 1 },
        { sku: 'MUG-1', channel: 'FBM', asin: 'B0MUG00001', quantity: 40 },
        { sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEE0001' },
      ],
      fbaInventory: [{ sku: 'TEE-M-FBA', fulfillable: 40, inboundWorking: 0, inboundShipped: 12, inboundReceiving: 0, reserved: 3, unfulfillable: 1, researching: 0 }],
    },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-TEE-M', name: 'Tee M' }, { sku: 'SB-MUG-1', name: 'Mug' }],
      inventory: [
        { sku: 'SB-TEE-M', location: 10, onHand: 25, committed: 3 },
        { sku: 'SB-MUG-1', location: 10, onHand: 40, committed: 0 },
      ],
    },
    steps,
    ...extra,
  };
}

function runAll(input: unknown): ScenarioRun {
  const run = createScenarioRun(input);
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return run;
}

function cli(file: string) {
  const r = spawnSync('npx', ['tsx', 'test/world/scenario/cli.ts', file], { encoding: 'utf8', cwd: process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rejection(input: unknown): string {
  try {
    parseScenario(input, 'bad.json');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('an invalid scenario is rejected with the field named', () => {
  const valid = smallScenario('x', []);
  it.each([
    ['steps[2].advance', { ...valid, steps: [{ run: 'setupSheets' }, { advance: '5m' }, { advance: 'soon' }] }],
    ['amazon.listings[0].channel', { ...valid, amazon: { listings: [{ sku: 'A', channel: 'FBX', asin: 'B0A' }] } }],
    ['faults[0].kind', { ...valid, faults: [{ system: 'amazon', operation: 'createFeed', kind: '418' }] }],
    ['threePl.inventory[0].location', { ...valid, threePl: { ...valid.threePl, inventory: [{ sku: 'SB-TEE-M', location: 99, onHand: 1 }] } }],
    ['steps[0]', { ...valid, steps: [{ jump: '5m' }] }],
    ['steps[0]', { ...valid, steps: [{ run: 'syncNow', argz: ['inventory'] }] }],
    ['name', { ...valid, name: '../escape' }],
    ['start', { ...valid, start: 'next Monday' }],
  ])('%s', (field, input) => {
    const message = rejection(input);
    expect(message).toContain('bad.json is not a valid scenario');
    expect(message).toMatch(new RegExp(`^  ${field.replace(/[[\]().]/g, '\\$&')}: `, 'm'));
  });

  it('createScenarioRun refuses it before building a world', () => {
    expect(() => createScenarioRun({ name: 'x', steps: [{ trigger: 'time', for: 'ages' }] })).toThrow(/steps\[0\]\.for/);
  });
});

describe('the CLI', () => {
  it('exits non-zero and names the field when the file is invalid', () => {
    const file = path.join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', faults: [{ system: 'amazon', operation: '*', kind: 'gremlins' }], steps: [] }));
    const r = cli(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('faults[0].kind');
  });

  it('exits non-zero when the file is not JSON', () => {
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, '{ "name": "broken", ');
    const r = cli(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('broken.json');
  });

  it('exits 0 when an execution throws, and records the failure', () => {
    const name = `runner-test-cli-${process.pid}`;
    const file = path.join(tmp, 'throws.json');
    // A missing function, and a UI call from a time trigger (no UI there), both fail the execution only.
    writeFileSync(file, JSON.stringify({ name, steps: [{ run: 'noSuchFunction' }, { run: 'showSidebar', as: 'time-trigger' }, { run: 'setupSheets' }] }));
    const dir = path.resolve('out/scenarios', name);
    outDirs.push(dir);
    const r = cli(file);
    expect(r.status).toBe(0);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Array<{ entry: string; outcome: string; error?: string }>;
    expect(metrics.map((m) => [m.entry, m.outcome])).toEqual([['noSuchFunction', 'error'], ['showSidebar', 'error'], ['setupSheets', 'ok']]);
    expect(metrics[0]!.error).toContain('noSuchFunction');
    expect(metrics[1]!.error).toBeTruthy();
  });

  it('a world step the world cannot take exits non-zero naming the step, with the results up to it written', () => {
    const name = `runner-test-world-stop-${process.pid}`;
    const file = path.join(tmp, 'world-stop.json');
    // Faults kept the order from ShipBob, so the step that ships it finds nothing to ship.
    writeFileSync(file, JSON.stringify({ name, steps: [{ run: 'setupSheets' }, { world: { system: 'threePl', action: 'ship', reference: '202-0000000-0000001' } }, { run: 'setupSheets' }] }));
    const dir = path.resolve('out/scenarios', name);
    outDirs.push(dir);
    const r = cli(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Step 2: ShipBob simulator ship: no order with reference 202-0000000-0000001.');
    expect(r.stderr).toContain(`out/scenarios/${name}/`);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Array<{ entry: string }>;
    expect(metrics.map((m) => m.entry)).toEqual(['setupSheets']);
    expect(existsSync(path.join(dir, 'workbook.json'))).toBe(true);
  });
});

describe('output files', () => {
  const dir = path.join(tmp, 'outputs');
  const steps = [{ run: 'setupSheets' }, { run: 'syncNow', args: ['inventory'] }, { advance: '10m' }, { run: 'syncNow', args: ['inventory'] }];
  let run: ScenarioRun;
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown;

  it('writes all five files', async () => {
    run = runAll(smallScenario('outputs', steps));
    await writeOutputs(run, dir);
    for (const f of ['workbook.json', 'workbook.xlsx', 'world.json', 'metrics.json', 'log.txt']) expect(existsSync(path.join(dir, f)), f).toBe(true);
  });

  it('workbook.json holds every tab as rows of display strings', () => {
    const book = read('workbook.json') as Record<string, unknown>;
    expect(Object.keys(book)).toEqual(run.gas.spreadsheet.sheetNames());
    expect(Object.keys(book)).toEqual(expect.arrayContaining(['Settings', 'SKU Map', 'Exceptions', 'Sync Log']));
    for (const rows of Object.values(book)) {
      expect(Array.isArray(rows)).toBe(true);
      for (const row of rows as unknown[]) {
        expect(Array.isArray(row)).toBe(true);
        for (const cell of row as unknown[]) expect(typeof cell).toBe('string');
      }
    }
    const skuMap = book['SKU Map'] as string[][];
    expect(skuMap[0]!.slice(0, 3)).toEqual(['Seller SKU', 'Marketplace', 'Channel']);
    // Display values, as a person sees them: a tick box shows TRUE, a number shows as typed.
    const tee = skuMap.find((r) => r[0] === 'TEE-M')!;
    expect(tee[skuMap[0]!.indexOf('Active')]).toBe('TRUE');
    expect(tee[skuMap[0]!.indexOf('Safety Buffer')]).toBe('2');
  });

  it('workbook.xlsx has the same tabs and cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'workbook.xlsx'));
    const book = read('workbook.json') as Record<string, string[][]>;
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.keys(book));
    const ws = wb.getWorksheet('SKU Map')!;
    expect(ws.getCell(1, 1).value).toBe('Seller SKU');
    expect(ws.getCell(2, 1).value).toBe(book['SKU Map']![1]![0]);
  });

  it('world.json has both simulators\' state', () => {
    const world = read('world.json') as { amazon: Record<string, unknown[]>; threePl: Record<string, unknown[]> };
    for (const k of ['listings', 'writes', 'feeds', 'confirmations', 'orders']) expect(Array.isArray(world.amazon[k]), `amazon.${k}`).toBe(true);
    for (const k of ['orders', 'receipts', 'inventory']) expect(Array.isArray(world.threePl[k]), `threePl.${k}`).toBe(true);
    expect(world.amazon.listings).toContainEqual(expect.objectContaining({ sku: 'TEE-M', channel: 'FBM' }));
    expect(world.threePl.inventory).toContainEqual(expect.objectContaining({ sku: 'SB-MUG-1', location: 10, onHand: 40 }));
    for (const w of world.amazon.writes as Array<Record<string, unknown>>) {
      expect(w).toEqual(expect.objectContaining({ at: expect.any(String), operation: expect.any(String), sku: expect.any(String), quantity: expect.any(Number) }));
      expect(['applied', 'rejected', 'not_applied']).toContain(w.outcome);
    }
  });

  it('metrics.json has one record per execution with the documented fields', () => {
    const metrics = read('metrics.json') as Array<Record<string, unknown>>;
    expect(metrics.map((m) => m.entry)).toEqual(['setupSheets', 'syncNow', 'syncNow']);
    for (const m of metrics) {
      expect(m).toEqual(
        expect.objectContaining({
          entry: expect.any(String),
          start: expect.any(String),
          end: expect.any(String),
          outcome: expect.stringMatching(/^(ok|error|timeout|skipped)$/),
          spreadsheetCalls: expect.any(Number),
          fetchesPerHost: expect.any(Object),
          http429: expect.any(Number),
          retries: expect.any(Number),
        }),
      );
      expect(Date.parse(m.end as string)).toBeGreaterThanOrEqual(Date.parse(m.start as string));
    }
    // The second sync starts after the 10-minute advance, in virtual time.
    expect(Date.parse(metrics[2]!.start as string) - Date.parse(metrics[1]!.end as string)).toBeGreaterThanOrEqual(10 * 60_000);
    // A sync talks to Amazon's SP-API host: the per-host counts say so.
    expect(Object.keys(metrics[1]!.fetchesPerHost as object)).toContain('sellingpartnerapi-eu.amazon.com');
  });

  it('log.txt tells what happened, in order, with virtual times', () => {
    const lines = readFileSync(path.join(dir, 'log.txt'), 'utf8').trim().split('\n');
    const starts = lines.filter((l) => l.includes('▶'));
    expect(starts).toHaveLength(3);
    expect(starts[0]).toMatch(/^2026-11-02T08:00:00\.\d{3}Z ▶ setupSheets/);
    expect(lines.some((l) => l.includes('clock +10m'))).toBe(true);
  });
});

describe('steps', () => {
  it('advance moves the virtual clock', () => {
    const run = runAll(smallScenario('advance', [{ advance: '90m' }]));
    expect(run.world.clock.iso()).toBe('2026-11-02T09:30:00.000Z');
  });

  it('edit types into the matching rows, as a person would', () => {
    const run = runAll(smallScenario('edit', [{ edit: { tab: 'SKU Map', match: { 'Seller SKU': 'MUG-1' }, set: { 'Safety Buffer': 7, Notes: 'fragile' } } }]));
    const rows = run.gas.spreadsheet.toDisplayJson()['SKU Map']!;
    const h = rows[0]!;
    const mug = rows.find((r) => r[0] === 'MUG-1')!;
    expect(mug[h.indexOf('Safety Buffer')]).toBe('7');
    expect(mug[h.indexOf('Notes')]).toBe('fragile');
    // Other rows are untouched.
    expect(rows.find((r) => r[0] === 'TEE-M')![h.indexOf('Safety Buffer')]).toBe('2');
  });

  it('edit finds a tab and its columns as a person reads them: a tab or header in another case is the same one', () => {
    const input = smallScenario('edit-case', [{ edit: { tab: 'SKU Map', match: { 'Seller SKU': 'MUG-1' }, set: { 'Safety Buffer': 7 } } }]);
    const [header, ...rows] = input.sheet['SKU Map'];
    input.sheet = { ...input.sheet, 'SKU Map': [] } as typeof input.sheet;
    delete (input.sheet as Record<string, unknown>)['SKU Map'];
    (input.sheet as Record<string, unknown>)['Sku map'] = [header!.map((h) => String(h).toLowerCase()), ...rows];
    const run = runAll(input);
    const grid = run.gas.spreadsheet.toDisplayJson()['Sku map']!;
    const h = grid[0]!;
    expect(grid.find((r) => r[0] === 'MUG-1')![h.indexOf('safety buffer')]).toBe('7');
    // An unknown header still stops the run, naming the headers there are.
    expect(() => runAll(smallScenario('edit-unknown', [{ edit: { tab: 'SKU Map', match: { 'Seller SKU': 'MUG-1' }, set: { Colour: 'red' } } }]))).toThrow(/no column "Colour"/);
  });

  it('an edit that matches no row stops the run with the tab named', () => {
    expect(() => runAll(smallScenario('edit-miss', [{ edit: { tab: 'SKU Map', match: { 'Seller SKU': 'NOPE' }, set: { Notes: 'x' } } }]))).toThrow(/SKU Map/);
  });

  it('world steps act on the simulators', () => {
    const run = runAll(
      smallScenario('world', [
        { world: { system: 'threePl', action: 'setStock', sku: 'SB-TEE-M', location: 10, onHand: 0, committed: 0 } },
        { world: { system: 'amazon', action: 'setListingQuantity', sku: 'MUG-1', quantity: 3 } },
      ]),
    );
    const inv = run.threePl.snapshot().inventory as Array<{ sku: string; onHand: number; fulfillable: number }>;
    expect(inv.find((i) => i.sku === 'SB-TEE-M')).toEqual(expect.objectContaining({ onHand: 0, fulfillable: 0 }));
    expect(run.amazon.snapshot().listings.find((l) => l.sku === 'MUG-1')).toEqual(expect.objectContaining({ quantity: 3 }));
  });

  it('an unknown world action stops the run with the action named', () => {
    expect(() => runAll(smallScenario('world-bad', [{ world: { system: 'threePl', action: 'teleport', reference: 'x' } }]))).toThrow(/teleport/);
  });

  it('trigger: time fires the installed time trigger over the period', () => {
    const run = runAll(smallScenario('trigger', [{ run: 'setupSheets' }, { run: 'enableScheduledSync' }, { trigger: 'time', for: '2h' }]));
    const scheduled = run.world.executions.filter((e) => e.entry === 'onScheduledRun');
    // "Sync every (minutes)" is 30 in this sheet and the script is bound: four runs in two hours.
    expect(scheduled).toHaveLength(4);
    for (const e of scheduled) expect(e.kind).toBe('time-trigger');
    const starts = scheduled.map((e) => Date.parse(e.start));
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBe(30 * 60_000);
    expect(run.world.clock.now()).toBeGreaterThanOrEqual(Date.parse('2026-11-02T10:00:00Z'));
    expect(starts[3]!).toBeLessThanOrEqual(run.world.clock.now());
  });

  it('trigger: time with no trigger installed runs nothing but lets the time pass', () => {
    const run = runAll(smallScenario('no-trigger', [{ trigger: 'time', for: '2h' }]));
    expect(run.world.executions).toHaveLength(0);
    expect(run.world.clock.iso()).toBe('2026-11-02T10:00:00.000Z');
  });

  it('a fault with "until" stops at that instant: the runs after it are quiet', () => {
    // Every Amazon call fails until 09:00; a stock sync at 08:00 meets the outage, one at 10:00 does not.
    const faults = [{ system: 'amazon', operation: '*', kind: '503', probability: 1, seed: 3, until: '2026-11-02T09:00:00Z' }];
    const run = createScenarioRun(smallScenario('until', [{ run: 'syncNow', args: ['inventory'] }, { advance: '2h' }, { run: 'syncNow', args: ['inventory'] }], { faults }));
    const outcome = (i: number) => (run.results[i]!.value as Array<{ outcome: string }>)[0]!.outcome;
    run.scenario.steps.slice(0, 2).forEach((s, i) => applyStep(run, s, i));
    const firedDuring = run.faults.fired.length;
    applyStep(run, run.scenario.steps[2]!, 2);
    expect(outcome(0)).toBe('failed');
    expect(firedDuring).toBeGreaterThan(0);
    expect(outcome(1)).not.toBe('failed');
    expect(run.faults.fired.length).toBe(firedDuring);
  });

  it('"until" must be an instant', () => {
    expect(rejection({ name: 'x', faults: [{ system: 'amazon', operation: '*', kind: '503', until: 'soon' }], steps: [] })).toContain('faults[0].until');
  });

  it('run steps honour "as" and pass "args"; alert answers do not outlive their step', () => {
    const run = runAll(smallScenario('as', [{ run: 'getSidebarState', as: 'sidebar', alertResponses: ['NO', 'NO'] }, { run: 'syncNow', args: ['nothing-such'] }]));
    expect(run.world.executions.map((e) => [e.entry, e.kind])).toEqual([['getSidebarState', 'sidebar'], ['syncNow', 'menu']]);
    expect(run.gas.ui.alertResponses).toEqual([]);
    const sync = run.results[1]!.value as Array<{ job: string; outcome: string }>;
    expect(sync[0]).toEqual(expect.objectContaining({ job: 'nothing-such', outcome: 'failed' }));
  });
});
