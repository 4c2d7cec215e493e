// The public functions check their arguments before doing anything (google.script.run passes
// whatever a page sends), credential saves are all or nothing, and "Disconnect" forgets a system's
// credentials and its cached LWA access token. Prefixes: Amazon's LWA token example
// (https://videocentral.amazon.com/home/help?topicId=G83CZTQFKSB4AP7H): client_id
// "amzn1.application-oa2-client.…", refresh_token "Atzr|…".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorld } from './harness';
import { scheduledJobs } from '../../src/jobs/list';

/** The scheduled jobs as the answers list them, in the list's order. */
const JOB_NAMES = scheduledJobs().map((j) => j.name).join(', ');
import { applyStep, createScenarioRun } from '../world/scenario/runner';

const GOOD = { clientId: 'amzn1.application-oa2-client.abc123def456', clientSecret: 'amzn1.oa2-cs.v1.SECRET0123456789', refreshToken: 'Atzr|IwEBIRefreshTokenValue' };

function docProps(gas: ReturnType<typeof makeWorld>['gas']): Record<string, string> {
  return Object.fromEntries(gas.properties.document.data);
}

describe('saveAmazonCredentials / saveThreePlCredentials', () => {
  it.each([
    ['an object in a field', { ...GOOD, clientSecret: { nested: true } }, /LWA client secret must be text/],
    ['a number', { ...GOOD, refreshToken: 42 }, /Refresh token must be text/],
    ['a 5,000-character string', { ...GOOD, clientSecret: 'x'.repeat(5000) }, /too long/],
    ['a wrong client id prefix', { ...GOOD, clientId: 'client-abc' }, /should start with "amzn1\.application-oa2-client\."/],
    ['an access token for a refresh token', { ...GOOD, refreshToken: 'Atza|IwEBIAccessToken' }, /looks like an LWA access token/],
    ['an unknown field', { ...GOOD, region: 'EU' }, /unknown field/],
    ['a string instead of the form', 'amzn1.application-oa2-client.abc', /must come from the sidebar form/],
  ])('refuses %s and saves none of the fields', (_what, fields, message) => {
    const { gas, runtime } = makeWorld();
    const r = runtime.run('saveAmazonCredentials', [fields], { kind: 'sidebar' });
    expect(String(r.error)).toMatch(message);
    expect(String(r.error)).not.toContain(GOOD.clientSecret);
    expect(docProps(gas)).toEqual({});
  });

  it('saves every field when all pass', () => {
    const { gas, runtime } = makeWorld();
    expect(runtime.run('saveAmazonCredentials', [GOOD], { kind: 'sidebar' }).value).toEqual(['amazonClientId', 'amazonClientSecret', 'amazonRefreshToken']);
    expect(Object.keys(docProps(gas)).sort()).toEqual(['secret.amazon.clientId', 'secret.amazon.clientSecret', 'secret.amazon.refreshToken']);
    expect(String(runtime.run('saveThreePlCredentials', [{ token: ['a'] }], { kind: 'sidebar' }).error)).toMatch(/3PL access token must be text/);
    expect(docProps(gas)['secret.threePl.token']).toBeUndefined();
  });
});

describe('syncNow', () => {
  it.each([[42], [{ job: 'inventory' }], [''], ['x'.repeat(200)]])('refuses %j before running anything', (arg) => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const r = runtime.run('syncNow', [arg], { kind: 'sidebar' });
    expect(String(r.error)).toContain(`Use "all" or one of: ${JOB_NAMES}.`);
    expect(JOB_NAMES).toMatch(/^orders, .*inventory.*settlements/);
    expect(gas.spreadsheet.toDisplayJson()['Sync Log']).toHaveLength(1);
  });

  it('answers an unknown name with the job list, and the name reaches the Sync Log as text, not a formula', () => {
    const { gas, runtime } = makeWorld();
    runtime.run('setupSheets');
    const name = '=IMPORTXML("https://evil.example","//a")';
    const r = runtime.run('syncNow', [name], { kind: 'sidebar' });
    const runs = r.value as Array<{ outcome: string; message: string }>;
    expect(runs[0]!.outcome).toBe('failed');
    expect(runs[0]!.message).toContain(`Available: ${JOB_NAMES}.`);
    const sheet = gas.spreadsheet.sheetNames().includes('Sync Log') ? gas.spreadsheet.toDisplayJson()['Sync Log']! : [];
    expect(String(sheet[1]![1])).toContain('IMPORTXML');
    expect(JSON.stringify(gas.spreadsheet.toDisplayJson())).not.toMatch(/#NAME\?|#ERROR!/);
  });
});

describe('disconnectAmazon / disconnectThreePl', () => {
  it('clears Amazon\'s credentials and the access token the sync cached, leaving the 3PL connected', () => {
    const scenario = JSON.parse(readFileSync(path.resolve('scenarios/inventory-small.json'), 'utf8')) as { steps: unknown[] };
    scenario.steps = [];
    const run = createScenarioRun(scenario, { baseDir: path.resolve('scenarios') });
    applyStep(run, { run: 'setupSheets' }, 0);
    applyStep(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }, 1);
    const lwaKeys = () => [...run.gas.cache.document.entries.keys()].filter((k) => k.startsWith('amazon.lwa.'));
    expect(lwaKeys()).toHaveLength(1);
    const r = run.runtime.run('disconnectAmazon', [], { kind: 'sidebar' });
    expect(r.value).toMatch(/Amazon is disconnected/);
    expect(lwaKeys()).toEqual([]);
    const keys = [...run.gas.properties.document.data.keys()];
    expect(keys.filter((k) => k.startsWith('secret.amazon.'))).toEqual([]);
    expect(keys).toContain('secret.threePl.token');
    expect(run.runtime.run('disconnectThreePl', [], { kind: 'sidebar' }).value).toMatch(/3PL is disconnected/);
    expect([...run.gas.properties.document.data.keys()].filter((k) => k.startsWith('secret.'))).toEqual([]);
    expect(String(run.runtime.run('disconnectThreePl', ['now'], { kind: 'sidebar' }).error)).toMatch(/takes no arguments/);
  });
});
