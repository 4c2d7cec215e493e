// "Test connection" when Mintsoft gives no answer, even after retries: the sidebar said "ShipBob did
// not answer" (the transport's own error fell past every Mintsoft branch to ShipBob's words). It
// now names Mintsoft, says nothing against the saved login, and is not taken as a refusal.

import { describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

describe('Mintsoft gives no answer to the connection test', () => {
  it('says Mintsoft did not answer, in its own name', () => {
    const run = createScenarioRun({
      name: 'mintsoft-no-answer',
      sheet: { Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['3PL provider', 'mintsoft', ''], ['3PL locations', '10', '']] },
      secrets: { threePl: { token: '', username: 'ops-api', password: 'right-password-1' } },
      threePl: { provider: 'mintsoft', warehouses: [{ id: 10, name: 'Manchester' }], users: [{ username: 'ops-api', password: 'right-password-1' }] },
      steps: [],
    });
    let n = 0;
    const test = () => {
      applyStep(run, { run: 'testConnection', args: ['threePl'], as: 'sidebar' }, n++);
      return run.results.at(-1)!.value as { ok: boolean; message: string; refused?: boolean };
    };
    applyStep(run, { run: 'setupSheets' }, n++);
    // The first test logs in and keeps Mintsoft's key: the silence then hits the warehouse read itself.
    expect(test().ok).toBe(true);
    run.faults.add({ system: 'threePl', operation: 'GET /api/Warehouse', kind: 'timeout', times: 10 });
    const quiet = test();
    expect(quiet.ok).toBe(false);
    expect(quiet.message).toMatch(/^Mintsoft did not answer, even after several tries/);
    expect(quiet.message).not.toMatch(/ShipBob/);
  });
});
