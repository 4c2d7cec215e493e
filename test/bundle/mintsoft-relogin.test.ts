// Mintsoft logs in with a username and password and keeps the key it gets for 24 hours (help-mintsoft
// 11600570). A password saved again must be what the next test and sync use: a kept key from the
// earlier login hid a mistyped new password ("Connected") until the key ran out a day later.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

beforeAll(() => {
  execFileSync('node', ['build.mjs'], { stdio: 'ignore' });
});

describe('Mintsoft credentials saved again', () => {
  it('a wrong new password fails the next connection test; the right one passes', () => {
    const run = createScenarioRun({
      name: 'mintsoft-relogin',
      sheet: { Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['3PL provider', 'mintsoft', ''], ['3PL locations', '10', '']] },
      secrets: { threePl: { token: '', username: 'ops-api', password: 'right-password-1' } },
      threePl: { provider: 'mintsoft', warehouses: [{ id: 10, name: 'Manchester' }], users: [{ username: 'ops-api', password: 'right-password-1' }] },
      steps: [
        { run: 'setupSheets' },
        { run: 'testConnection', args: ['threePl'], as: 'sidebar' },
        { run: 'saveThreePlCredentials', args: [{ password: 'mistyped-password' }], as: 'sidebar' },
        { run: 'testConnection', args: ['threePl'], as: 'sidebar' },
        { run: 'saveThreePlCredentials', args: [{ password: 'right-password-1' }], as: 'sidebar' },
        { run: 'testConnection', args: ['threePl'], as: 'sidebar' },
      ],
    });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const test = (i: number) => run.results[i]!.value as { ok: boolean; message: string };
    expect(test(1).ok).toBe(true);
    expect(test(3).ok).toBe(false);
    expect(test(3).message).toMatch(/Mintsoft refused the login/);
    expect(test(5).ok).toBe(true);
  });
});
