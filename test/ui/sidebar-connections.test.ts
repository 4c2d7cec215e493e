/// <reference lib="dom" />
// "Test connection" in Chromium against the simulators: one harmless call per system, and each
// common failure (Amazon refusing the refresh token or the client, a seller ID that is not the
// token's, no answer; ShipBob refusing the token, a channel it cannot see, no answer) said in plain
// words, with the technical text only under "Details" and no credential anywhere on the page.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './browser';
import type { Harness, OpenSidebar } from './browser';
import { smallScenario, step } from './worlds';
import type { ScenarioRun } from '../world/scenario/runner';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The placeholder credentials the scenario runner stores. */
const STORED = ['amzn1.application-oa2-client.local', 'local-client-secret', 'Atzr|local-refresh-token', 'local-shipbob-pat'];

async function test(s: OpenSidebar, system: 'amazon' | 'threepl'): Promise<{ state: string; level: string; text: string; details: string; notice: string }> {
  await s.page.click(`#${system}-test`);
  await s.settled();
  const html = await s.page.content();
  for (const secret of STORED) expect(html).not.toContain(secret);
  return {
    state: (await s.page.textContent(`#${system}-state`)) ?? '',
    level: (await s.page.getAttribute(`#${system}-state`, 'class')) ?? '',
    text: (await s.page.textContent(`#${system}-text`)) ?? '',
    details: (await s.page.$eval(`#${system}-tech-text`, (d) => d.textContent ?? '')) ?? '',
    notice: (await s.page.textContent('#notice-lines')) ?? '',
  };
}

function world(): ScenarioRun {
  const run = smallScenario();
  step(run, { run: 'setupSheets' });
  return run;
}

describe('test connection: Amazon', () => {
  it('answers ok, then says each refusal in plain words with the details folded', async () => {
    const run = world();
    const s = await h.open(run);
    expect(await s.page.textContent('#amazon-state')).toBe('! Saved, not tested');

    const ok = await test(s, 'amazon');
    expect(ok.state).toBe('✓ Connected');
    expect(ok.level).toContain('level-ok');
    expect(ok.text).toMatch(/^Connected: Amazon accepted the credentials and shows seller A2SELLER 6 listings in marketplace UK \(A1F83G8C2ARO7P\)\. \(tested 2 Nov 08:00\)$/);
    // One token exchange and one listings read, nothing written.
    expect(run.amazon.calls.map((c) => c.operation)).toEqual(['searchListingsItems']);
    await s.shot('test-amazon-ok', '#amazon-conn');

    // A revoked refresh token: Login with Amazon answers 400 invalid_grant.
    run.faults.add({ system: 'lwa', operation: 'token', kind: 'auth_expired' });
    const grant = await test(s, 'amazon');
    expect(grant.state).toBe('✕ Connection test failed');
    expect(grant.level).toContain('level-error');
    expect(grant.text).toMatch(/^Amazon refused the refresh token \(invalid_grant\): it was revoked.*Seller Central → Apps and Services → Develop Apps → Authorize/);
    expect(grant.text).not.toMatch(/HTTP 400/);
    expect(grant.details).toMatch(/HTTP 400, invalid_grant/);
    expect(grant.notice).toBe(`Problem: ${grant.text}`);
    await s.shot('test-amazon-invalid-grant', '#amazon-conn');

    // A rotated client secret: 401 invalid_client, whose body quotes what was sent (issue 10).
    run.faults.add({ system: 'lwa', operation: 'token', kind: 'echo_credential' });
    const client = await test(s, 'amazon');
    expect(client.text).toMatch(/^Amazon did not accept the LWA client ID and client secret \(invalid_client\): the secret may have been rotated/);
    await s.shot('test-amazon-invalid-client', '#amazon-conn');

    // A failed test opens the credential form again. Login works but the seller ID is not the token's:
    // the listings read answers 403.
    expect(await s.page.$eval('#amazon-details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await s.page.fill('#seller-id', 'A9WRONG9');
    await s.page.click('#amazon-save');
    await s.settled();
    expect(await s.page.textContent('#amazon-text')).toMatch(/^Amazon accepted the login but refused the listings of seller ID "A9WRONG9" \(403 Unauthorized\)\. Either the Settings "Amazon seller ID" is not the merchant token/);
    await s.shot('test-amazon-seller-id', '#amazon-conn');

    // Back to the right seller ID; then Amazon's login host stops answering.
    await s.page.fill('#seller-id', 'A2SELLER');
    await s.page.click('#amazon-save');
    await s.settled();
    expect(await s.page.textContent('#amazon-state')).toBe('✓ Connected');
    run.faults.add({ system: 'lwa', operation: 'token', kind: 'timeout', times: 10 });
    const quiet = await test(s, 'amazon');
    // No answer says nothing against the saved credentials: a note to try again, not a refusal.
    expect(quiet.state).toBe('! Could not test now');
    expect(quiet.text).toMatch(/^Amazon did not answer/);
    expect(quiet.text).toMatch(/try again in a few minutes\.$/);
    await s.shot('test-amazon-no-answer', '#amazon-conn');
    await s.page.close();
  });
});

describe('test connection: the 3PL', () => {
  it('answers ok, then says a refused token, a channel it cannot see and no answer in plain words', async () => {
    const run = world();
    const s = await h.open(run);
    const ok = await test(s, 'threepl');
    expect(ok.state).toBe('✓ Connected');
    expect(ok.text).toMatch(/^Connected: ShipBob accepted the token; orders go to channel "FBA 3PL Sync" \(100001\); 1 active warehouse \(Manchester\)\./);
    await s.shot('test-3pl-ok', '#threepl-conn');

    run.faults.add({ system: 'threePl', operation: 'get-channels', kind: 'auth_expired' });
    const refused = await test(s, 'threepl');
    expect(refused.state).toBe('✕ Connection test failed');
    expect(refused.text).toBe('ShipBob refused the personal access token (401 Unauthorized): it was deleted or has expired, or it was copied incompletely. Create a new one in the ShipBob dashboard → Integrations → API Tokens and save it here.');
    expect(refused.details).toMatch(/401/);
    await s.shot('test-3pl-401', '#threepl-conn');

    run.gas.spreadsheet.editRows('Settings', { Key: '3PL channel ID' }, { Value: '999' });
    const channel = await test(s, 'threepl');
    expect(channel.text).toMatch(/^ShipBob accepted the token, but channel 999 \(Settings "3PL channel ID"\) is not one it can see\./);
    await s.shot('test-3pl-channel', '#threepl-conn');

    run.gas.spreadsheet.editRows('Settings', { Key: '3PL channel ID' }, { Value: '' });
    run.faults.add({ system: 'threePl', operation: 'get-channels', kind: 'timeout', times: 10 });
    const quiet = await test(s, 'threepl');
    expect(quiet.state).toBe('! Could not test now');
    expect(quiet.text).toMatch(/^ShipBob did not answer/);
    await s.shot('test-3pl-no-answer', '#threepl-conn');
    await s.page.close();
  });
});
