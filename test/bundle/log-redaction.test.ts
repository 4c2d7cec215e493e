// The scenario runner's own log (log.txt) never shows a credential: neither the scenario's `secrets`
// nor the values a step passes to saveAmazonCredentials / saveThreePlCredentials (design §7:
// secrets never go into a log line).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStep, createScenarioRun, writeOutputs } from '../world/scenario/runner';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'log-redaction-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCENARIO_SECRETS = {
  amazon: { clientId: 'amzn1.application-oa2-client.scenario1', clientSecret: 'amzn1.oa2-cs.v1.SCENARIOSECRET', refreshToken: 'Atzr|ScenarioRefresh"quoted"' },
  threePl: { token: 'shipbob-pat-SCENARIO-TOKEN' },
};
const TYPED = { clientId: 'amzn1.application-oa2-client.typed22', clientSecret: 'amzn1.oa2-cs.v1.TYPEDSECRET987', refreshToken: 'Atzr|TypedRefreshToken' };
const TYPED_TOKEN = 'shipbob-pat-TYPED-TOKEN-55';

describe('scenario log redaction', () => {
  it('log.txt shows [redacted] for scenario secrets and save*Credentials arguments', async () => {
    const run = createScenarioRun({
      name: 'log-redaction',
      secrets: SCENARIO_SECRETS,
      steps: [
        { run: 'setupSheets' },
        { run: 'saveAmazonCredentials', args: [TYPED], as: 'sidebar' },
        { run: 'saveThreePlCredentials', args: [{ token: TYPED_TOKEN }], as: 'sidebar' },
        // An entry that echoes nothing secret: its arguments stay readable.
        { run: 'syncNow', args: ['nonsense'], as: 'sidebar' },
      ],
    });
    run.scenario.steps.forEach((s, i) => applyStep(run, s, i));
    const dir = path.join(tmp, 'out');
    await writeOutputs(run, dir);
    const log = readFileSync(path.join(dir, 'log.txt'), 'utf8');

    const secrets = [...Object.values(SCENARIO_SECRETS.amazon), SCENARIO_SECRETS.threePl.token, ...Object.values(TYPED), TYPED_TOKEN];
    for (const s of secrets) expect(log).not.toContain(s);
    // The refresh token with quotes is echoed JSON-escaped in the ▶ line; that form is hidden too.
    expect(log).not.toContain('ScenarioRefresh\\"quoted\\"');
    expect(log).toMatch(/▶ saveAmazonCredentials\(\{"clientId":"\[redacted\]","clientSecret":"\[redacted\]","refreshToken":"\[redacted\]"\}\) \[sidebar\]/);
    expect(log).toMatch(/▶ saveThreePlCredentials\(\{"token":"\[redacted\]"\}\)/);
    expect(log).toContain('▶ syncNow("nonsense") [sidebar]');
    // The credentials were stored all the same.
    expect(run.gas.properties.document.data.get('secret.amazon.clientSecret')).toBe(TYPED.clientSecret);
  });
});
