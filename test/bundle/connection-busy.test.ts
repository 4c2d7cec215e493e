// "Test connection" against a service that is busy or down (Login with Amazon's 429s, a ShipBob body
// cut short, no answer) says so in plain words and marks the connection "Could not test now", never
// "Refused": nothing people saved is wrong, so the guide must not send them to re-enter credentials.
// A refusal (a revoked token) still is one.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

beforeAll(() => {
  execFileSync('node', ['build.mjs'], { stdio: 'ignore' });
});

interface Conn { level: string; label: string; text: string }
interface State { amazon: { connection: Conn }; threePl: { connection: Conn }; steps: Array<{ id: string; detail: string }> }

function play(faults: unknown[]) {
  const run = createScenarioRun({
    name: 'connection-busy',
    sheet: { Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', '']] },
    amazon: { sellerId: 'A2SELLER' },
    faults,
    steps: [
      { run: 'setupSheets' },
      { run: 'testConnection', args: ['amazon'], as: 'sidebar' },
      { run: 'testConnection', args: ['threePl'], as: 'sidebar' },
      { run: 'getSidebarState', as: 'sidebar' },
    ],
  });
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return { amazon: run.results[1]!.value as { ok: boolean; message: string }, threePl: run.results[2]!.value as { ok: boolean; message: string }, state: run.results[3]!.value as State };
}

describe('test connection while the service is busy or down', () => {
  it('Login with Amazon answering 429 every time: limiting, not "did not answer"; the guide does not say refused', () => {
    const { amazon, threePl, state } = play([
      { system: 'lwa', operation: 'token', kind: '429', times: 10 },
      { system: 'threePl', operation: '*', kind: 'malformed', times: 10 },
    ]);
    expect(amazon.ok).toBe(false);
    expect(amazon.message).toMatch(/^Login with Amazon is limiting sign-ins right now \(429/);
    expect(threePl.message).toMatch(/Nothing is wrong with your settings/);
    expect(state.amazon.connection).toMatchObject({ level: 'attention', label: 'Could not test now' });
    expect(state.threePl.connection).toMatchObject({ level: 'attention', label: 'Could not test now' });
    expect(state.steps.find((s) => s.id === 'test')!.detail).not.toMatch(/Refused/);
  });

  it('Login with Amazon answering 503 every time says its service had a problem', () => {
    const { amazon } = play([{ system: 'lwa', operation: 'token', kind: '503', times: 10 }]);
    expect(amazon.message).toMatch(/^Login with Amazon had a problem \(503\) even after retries/);
  });

  it('a refused refresh token is still a failed test and "Refused" in the guide', () => {
    const { state } = play([{ system: 'lwa', operation: 'token', kind: 'auth_expired', times: 10 }]);
    expect(state.amazon.connection).toMatchObject({ level: 'error', label: 'Connection test failed' });
    expect(state.steps.find((s) => s.id === 'test')!.detail).toMatch(/Refused: Amazon/);
  });
});
