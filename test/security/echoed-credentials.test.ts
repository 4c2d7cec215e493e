// Issue 10: a credential an upstream service echoes in an error never reaches an output. The
// simulators' `echo_credential` fault (test/world/faults.ts; docs/scenarios.md §faults) quotes it:
// ShipBob's 401 the bearer token, Login with Amazon's OAuth error (RFC 6749 §5.2
// https://www.rfc-editor.org/rfc/rfc6749#section-5.2) the client ID/secret/refresh token, SP-API's
// 403 the live x-amz-access-token. Every output is then searched for each secret.

import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { ScenarioRun } from '../world/scenario/runner';

beforeAll(() => {
  execFileSync('node', ['build.mjs'], { stdio: 'ignore' });
});

const SECRETS = {
  amazon: { clientId: 'amzn1.application-oa2-client.echo0001', clientSecret: 'amzn1.oa2-cs.v1.ECHOSECRET-42', refreshToken: 'Atzr|Echo/Refresh+Token=' },
  threePl: { token: 'shipbob+pat/ECHOTOKEN77==' },
};
const STORED = [...Object.values(SECRETS.amazon), SECRETS.threePl.token];
/** Every access token the LWA simulator issues starts so (test/world/amazon/lwa-server.ts). */
const ACCESS_TOKEN = 'Atza|sim-';

function scenario(faults: unknown[]) {
  return {
    name: 'echoed-credentials',
    start: '2026-11-02T08:00:00Z',
    secrets: SECRETS,
    faults,
    sheet: {
      Settings: [['Key', 'Value', 'Help'], ['Amazon seller ID', 'A2SELLER', ''], ['Push mode', 'auto', ''], ['Alert email', 'ops@example.co.uk', '']],
      'SKU Map': [
        ['Seller SKU', 'Marketplace', 'Channel', '3PL SKU', 'ASIN', 'FNSKU', 'Safety Buffer', 'Offer %', 'Max Qty', 'Active', 'Notes', 'Status'],
        ['TEE-M', 'UK', 'FBM', 'SB-TEE-M', 'B0TEE00001', '', 0, '', '', '', '', ''],
      ],
    },
    amazon: { sellerId: 'A2SELLER', listings: [{ sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 0 }] },
    threePl: {
      provider: 'shipbob',
      locations: [{ id: 10, name: 'Manchester' }],
      products: [{ sku: 'SB-TEE-M', name: 'Tee M' }],
      inventory: [{ sku: 'SB-TEE-M', location: 10, onHand: 25, committed: 0, awaiting: 0 }],
    },
    steps: [
      { run: 'setupSheets' },
      { run: 'syncNow', args: ['inventory'], as: 'sidebar' },
      { run: 'syncNow', args: ['all'], as: 'sidebar' },
      { run: 'getSidebarState', as: 'sidebar' },
    ],
  };
}

function play(faults: unknown[]): ScenarioRun {
  const run = createScenarioRun(scenario(faults));
  run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
  return run;
}

/** Every output a person or a log reader sees: all tabs, console/Logger, the run log, returned values, mails. */
function outputs(run: ScenarioRun): Record<string, string> {
  return {
    workbook: JSON.stringify(run.gas.spreadsheet.toDisplayJson()),
    console: run.gas.logs.join('\n'),
    log: run.world.logLines.join('\n'),
    returned: JSON.stringify(run.results.map((r) => ({ value: r.value, error: r.error }))),
    mails: JSON.stringify(run.gas.outbox),
  };
}

function expectNoSecret(run: ScenarioRun): void {
  for (const [where, text] of Object.entries(outputs(run))) {
    // ECHOTOKEN77: the 3PL token's longest plain run, in whatever escaping it came back.
    for (const s of [...STORED, encodeURIComponent(SECRETS.amazon.refreshToken), ACCESS_TOKEN, 'ECHOTOKEN77']) {
      expect(text.includes(s), `${where} shows ${s}`).toBe(false);
    }
  }
}

describe('echoed credentials never reach an output', () => {
  it('ShipBob 401 quoting the bearer token', () => {
    const run = play([{ system: 'threePl', operation: '*', kind: 'echo_credential', times: 100 }]);
    expect(run.faults.fired.some((f) => f.kind === 'echo_credential')).toBe(true);
    // The echo reached the product and was shown, redacted.
    expect(outputs(run).workbook).toContain('Authorization missing or invalid: [redacted]');
    expectNoSecret(run);
  });

  it('Login with Amazon error quoting client ID, client secret and refresh token', () => {
    const run = play([{ system: 'lwa', operation: 'token', kind: 'echo_credential', times: 100 }]);
    expect(run.faults.fired.some((f) => f.system === 'lwa')).toBe(true);
    expect(outputs(run).workbook).toContain('client_secret=[redacted]');
    expectNoSecret(run);
  });

  it('SP-API 403 quoting the live access token, which is no stored secret', () => {
    const run = play([{ system: 'amazon', operation: '*', kind: 'echo_credential', times: 100 }]);
    expect(run.faults.fired.some((f) => f.system === 'amazon')).toBe(true);
    expect(outputs(run).workbook).toContain('The access token [redacted]');
    expectNoSecret(run);
  });
});
