// Two editors of one spreadsheet in the local world (`"user"` on run steps, docs/scenarios.md): the
// shared schedule (src/core/schedule.ts, src/entry/index.ts) and the audit trail (src/jobs/kit/audit.ts).
// The fakes follow Google's docs: getProjectTriggers lists "the current user's triggers"
// (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()),
// a trigger runs as the user who created it and only that user can delete it
// (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).

import { describe, expect, it } from 'vitest';
import { SCHEDULE_RECORD_KEY } from '../../src/core/schedule';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { ScenarioRun } from '../world/scenario/runner';

const OPS = 'ops@example.co.uk';
const FINANCE = 'finance@example.co.uk';

function scenario(steps: unknown[], mode: 'bound' | 'addon' = 'bound') {
  return {
    name: 'shared-schedule',
    mode,
    start: '2026-11-02T08:00:00Z',
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'auto', ''], ['Sync every (minutes)', 30, '']],
      'SKU Map': [
        ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes'],
        ['MUG-1', 'UK', 'FBM', 'SB-MUG-1', 'B0MUG00001', '', 0, '', '', true, ''],
      ],
    },
    amazon: { sellerId: 'A2SELLER', listings: [{ sku: 'MUG-1', channel: 'FBM', asin: 'B0MUG00001', quantity: 40 }] },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-MUG-1', name: 'Mug' }],
      inventory: [{ sku: 'SB-MUG-1', location: 10, onHand: 30, committed: 0 }],
    },
    steps,
  };
}

/** Runs the steps one by one; `value(i)` is what the i-th step's function returned. */
function play(steps: unknown[], mode: 'bound' | 'addon' = 'bound') {
  const run = createScenarioRun(scenario(steps, mode));
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return run;
}
const value = (run: ScenarioRun, step: number) => run.results.find((r) => r.step === step)?.value;
const logRows = (run: ScenarioRun) => (run.gas.spreadsheet.exportSheet('Sync Log')?.values ?? []).slice(1).map((r) => ({ job: String(r[1]), message: String(r[8]) }));
const scheduledRuns = (run: ScenarioRun) => run.results.filter((r) => r.entry === 'onScheduledRun');
const record = (run: ScenarioRun) => JSON.parse(run.gas.properties.document.data.get(SCHEDULE_RECORD_KEY) ?? 'null') as { state: string; uid?: string } | null;

describe('one shared schedule for several editors', () => {
  it.each(['bound', 'addon'] as const)("shows another editor's schedule as on, refuses a second one, and lets that editor turn it off (%s)", (mode) => {
    const run = play([
      { run: 'setupSheets' },
      { run: 'enableScheduledSync' },
      { run: 'getSidebarState', as: 'sidebar', user: FINANCE },
      { run: 'getSidebarState', as: 'sidebar' },
      { run: 'enableScheduledSync', user: FINANCE },
      { run: 'disableScheduledSync', user: FINANCE },
      { run: 'getSidebarState', as: 'sidebar' },
      { trigger: 'time', for: '2h' },
    ], mode);
    expect((value(run, 2) as { schedule: { enabled: boolean; owner: string } }).schedule).toMatchObject({ enabled: true, owner: expect.stringMatching(/^another editor \(user key tak-/) });
    expect((value(run, 3) as { schedule: { owner: string } }).schedule.owner).toBe('you');
    expect(value(run, 4)).toMatch(/already on, set up by another editor/);
    expect(value(run, 5)).toMatch(/removes itself the next time it fires/);
    expect((value(run, 6) as { schedule: { enabled: boolean } }).schedule.enabled).toBe(false);
    // Finance could not delete Ops's trigger; it fired once as Ops, synced nothing and removed itself.
    expect(scheduledRuns(run)).toHaveLength(1);
    expect(scheduledRuns(run)[0]!.record.outcome).toBe('ok');
    expect(run.gas.triggers.triggers).toHaveLength(0);
    expect(logRows(run).filter((r) => r.job === 'inventory')).toHaveLength(0);
  });

  it('lets another editor take over once it is off: only the new trigger runs, the old one removes itself', () => {
    const run = play([
      { run: 'setupSheets' },
      { run: 'enableScheduledSync' },
      { run: 'disableScheduledSync', user: FINANCE },
      { run: 'enableScheduledSync', user: FINANCE },
      { trigger: 'time', for: '2h' },
    ]);
    expect(value(run, 3)).toBe('Runs every 30 minutes.');
    expect(run.gas.triggers.triggers.map((t) => t.owner)).toEqual([FINANCE]);
    expect(record(run)).toMatchObject({ state: 'on', uid: run.gas.triggers.triggers[0]!.uid });
    // Ops's stale trigger fires at most once (then deletes itself); Finance's runs every 30 minutes.
    const inventoryRuns = logRows(run).filter((r) => r.job === 'inventory').length;
    expect(inventoryRuns).toBeGreaterThanOrEqual(3);
    expect(scheduledRuns(run).length - inventoryRuns).toBeLessThanOrEqual(1);
  });

  it("adopts an older install's trigger that has no record yet, and keeps it running", () => {
    const run = createScenarioRun(scenario([{ run: 'setupSheets' }, { run: 'enableScheduledSync' }, { trigger: 'time', for: '1h' }]));
    applyStep(run, run.scenario.steps[0]!, 0);
    applyStep(run, run.scenario.steps[1]!, 1);
    // A version before the shared schedule installed the trigger without writing a record.
    run.gas.properties.document.data.delete(SCHEDULE_RECORD_KEY);
    applyStep(run, run.scenario.steps[2]!, 2);
    expect(record(run)).toMatchObject({ state: 'on', uid: run.gas.triggers.triggers[0]!.uid });
    expect(logRows(run).filter((r) => r.job === 'inventory').length).toBeGreaterThanOrEqual(1);
  });

  it("keeps one trigger when its owner turns it on twice, and removes a bound script's time trigger when turned off", () => {
    const run = play([{ run: 'setupSheets' }, { run: 'enableScheduledSync' }, { run: 'enableScheduledSync' }]);
    expect(run.gas.triggers.triggers).toHaveLength(1);
    expect(record(run)).toMatchObject({ state: 'on', uid: run.gas.triggers.triggers[0]!.uid });
    applyStep(run, { run: 'disableScheduledSync' }, 3);
    expect(run.gas.triggers.triggers).toHaveLength(0);
    expect(value(run, 3)).toBe('Scheduled sync is off.');
  });

  it('does nothing when called without a trigger event (a sidebar or editor call)', () => {
    const run = play([{ run: 'setupSheets' }, { run: 'enableScheduledSync' }, { run: 'onScheduledRun', as: 'sidebar' }]);
    expect(logRows(run).filter((r) => r.job === 'inventory')).toHaveLength(0);
  });
});

describe('audit trail', () => {
  it('records who saved credentials, changed the push mode, approved, undid and changed the schedule', () => {
    const token = 'sb-pat-secret-value-0123456789';
    const run = play([
      { run: 'setupSheets' },
      { run: 'saveThreePlCredentials', args: [{ token }], as: 'sidebar', user: FINANCE },
      { run: 'syncNow', args: ['inventory'], as: 'sidebar' },
      { edit: { tab: 'Settings', match: { Key: 'Push mode' }, set: { Value: 'approve' } } },
      { run: 'syncNow', args: ['inventory'], as: 'sidebar' },
      { run: 'approveStockPush' },
      { run: 'undoLastStockPush' },
      { run: 'enableScheduledSync' },
      { run: 'disableScheduledSync', user: FINANCE },
      { run: 'disconnectThreePl', as: 'sidebar' },
      { run: 'disconnectThreePl', as: 'sidebar' },
    ]);
    const audits = logRows(run).filter((r) => r.job === 'audit').map((r) => r.message);
    const finance = /by user key (tak-[0-9a-z]+)\.$/.exec(audits[0] ?? '')?.[1];
    expect(audits[0]).toMatch(/^3PL credentials saved \(threePlToken\) by user key tak-/);
    expect(audits[1]).toMatch(/^Push mode changed from "auto" to "approve" in Settings .* by user key tak-/);
    expect(audits[2]).toMatch(/^Stock push approved by user key tak-/);
    expect(audits[3]).toMatch(/^Undo of the last stock push requested by user key tak-/);
    expect(audits[4]).toMatch(/^Scheduled sync turned on \(runs every 30 minutes\) by user key tak-/);
    expect(audits[5]).toMatch(new RegExp(`^Scheduled sync turned off \\(it was set up by user key tak-[0-9a-z]+\\) by user key ${finance}\\.$`));
    // The second disconnect removed nothing: no row.
    expect(audits[6]).toMatch(/^3PL credentials disconnected by user key tak-/);
    expect(audits).toHaveLength(7);
    expect(audits[2]).not.toContain(finance!);
    expect(JSON.stringify(run.gas.spreadsheet.toDisplayJson())).not.toContain(token);
    // The audit row comes first: the run's own row stays the newest one.
    const rows = logRows(run);
    expect(rows[rows.findIndex((r) => r.message.startsWith('Stock push approved')) + 1]?.job).toBe('inventory');
  });
});
