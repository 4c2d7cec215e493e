// No Mintsoft credential reaches an output: the password, a static key and the 24-hour key stay out
// of every cell, the Sync Log, the Exceptions tab and the execution log, even when Mintsoft's
// refusal quotes the ms-apikey it was sent (the echo_credential fault, docs/scenarios.md §faults).
// Runs the built bundle (`node build.mjs`).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../../world/scenario/runner';

function scenario(extra: Record<string, unknown>) {
  const base = JSON.parse(readFileSync(path.resolve('scenarios/inventory-small-mintsoft.json'), 'utf8')) as Record<string, unknown>;
  return { ...base, name: 'mintsoft-secrets', ...extra, steps: [{ run: 'setupSheets' }, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }] };
}

function outputs(run: ReturnType<typeof createScenarioRun>): string {
  return [JSON.stringify(run.gas.spreadsheet.toDisplayJson()), run.world.logLines.join('\n'), JSON.stringify(run.results.map((r) => r.value ?? r.error ?? null))].join('\n');
}

describe('Mintsoft credentials never reach an output', () => {
  it('the 24-hour key and the password, when Mintsoft echoes the key in a 401', () => {
    const run = createScenarioRun(
      scenario({ faults: [{ system: 'threePl', operation: 'GET /api/Product/Inventory/Bulk', kind: 'echo_credential', times: 10 }] }),
      { baseDir: path.resolve('scenarios') },
    );
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const keys = [...run.mintsoft!.state.keys.keys()];
    expect(keys.length).toBeGreaterThan(0);
    const text = outputs(run);
    // The refusal did reach the product: the run failed on it and said so.
    expect(text).toMatch(/AUTH_FAILED|refused/);
    for (const k of keys) expect(text).not.toContain(k);
    expect(text).not.toContain('local-mintsoft-password');
  });

  it('a static key, when Mintsoft echoes it', () => {
    const run = createScenarioRun(
      scenario({
        threePl: { ...(JSON.parse(readFileSync(path.resolve('scenarios/inventory-small-mintsoft.json'), 'utf8')) as { threePl: object }).threePl, staticKeys: ['static-key-0123456789'] },
        secrets: { threePl: { token: 'static-key-0123456789' } },
        faults: [{ system: 'threePl', operation: '*', kind: 'echo_credential', times: 3 }],
      }),
      { baseDir: path.resolve('scenarios') },
    );
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    expect(run.mintsoft!.counters.auths).toBe(0);
    expect(outputs(run)).not.toContain('static-key-0123456789');
  });
});
