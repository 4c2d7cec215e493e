/// <reference lib="dom" />
// The sidebar in Chromium against the bundle and the local world: errors said in plain words, the
// busy indicator, open exceptions with a link to their tab, recent runs in local time, the manual,
// untrusted text, google.script.run's argument rules, settlement upload and Disconnect.

import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/settlements/read';
import { makeWorld } from '../bundle/harness';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import { startHarness } from './browser';
import type { Harness } from './browser';
import { smallScenario, step } from './worlds';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const STORED = ['amzn1.application-oa2-client.local', 'local-client-secret', 'Atzr|local-refresh-token', 'local-shipbob-pat'];

describe('errors', () => {
  it('a run Amazon refused reads in plain words, in red with an icon, the raw text under Details, no secret', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    // From now on Login with Amazon refuses the refresh token (400 invalid_grant).
    run.faults.add({ system: 'lwa', operation: 'token', kind: 'auth_expired', times: 100 });
    // The cached access token lapses (Apps Script may drop cache entries at any time): the next run exchanges.
    run.gas.cache.document.evictAll();
    const s = await h.open(run);
    await s.page.click('button[data-job="inventory"]');
    await s.settled();

    const notice = s.page.locator('#notice');
    expect(await notice.getAttribute('class')).toBe('notice level-error');
    expect(await s.page.textContent('#notice-icon')).toBe('✕');
    const text = (await s.page.textContent('#notice-lines')) ?? '';
    expect(text).toMatch(/^Problem: Stock sync: failed — Amazon refused the refresh token \(invalid_grant\): it was revoked/);
    expect(text).not.toMatch(/HTTP 400/);
    expect(await s.page.isVisible('#notice-details')).toBe(true);
    expect(await s.page.$eval('#notice-details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await s.page.textContent('#notice-details-text')).toMatch(/HTTP 400, invalid_grant/);
    // The Amazon connection no longer says "Saved" in a neutral colour: the run was refused.
    expect(await s.page.textContent('#amazon-state')).toBe('✕ Refused in the last run');
    expect(await s.page.getAttribute('#amazon-state', 'class')).toContain('level-error');
    expect(await s.page.textContent('#amazon-text')).toMatch(/^Amazon refused the refresh token \(invalid_grant\)/);
    const html = await s.page.content();
    for (const secret of STORED) expect(html).not.toContain(secret);
    await s.shot('error-refused-run');
    await s.page.close();
  });

  it('a call the server refuses shows its reason in the same red box', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    const s = await h.open(run);
    await s.page.fill('#seller-id', 'not a seller id');
    await s.page.click('#amazon-save');
    await s.settled();
    expect(await s.page.getAttribute('#notice', 'class')).toBe('notice level-error');
    expect(await s.page.textContent('#notice-lines')).toMatch(/^Problem: The seller ID \(merchant token\) is 5 to 32 capital letters and digits/);
    await s.page.close();
  });
});

describe('busy indicator', () => {
  it('shows a spinner and disables every control while a call is out', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    const s = await h.open(run);
    s.hold();
    await s.page.click('button[data-job="all"]');
    await s.page.waitForSelector('#busy:not([hidden])');
    expect(await s.page.textContent('#busy-text')).toBe('Running every sync…');
    expect(await s.page.isDisabled('button[data-job="inventory"]')).toBe(true);
    expect(await s.page.isDisabled('#amazon-test')).toBe(true);
    expect(await s.page.isDisabled('#push-mode')).toBe(true);
    await s.shot('busy', 'viewport');
    s.release();
    await s.settled();
    expect(await s.page.isHidden('#busy')).toBe(true);
    expect(await s.page.isDisabled('button[data-job="inventory"]')).toBe(false);
    expect(await s.page.textContent('#notice-lines')).toMatch(/Stock sync: partial — Pushed: 2 FBM quantities accepted by Amazon\. 1 SKU Map row cannot be used/);
    await s.page.close();
  });
});

describe('status', () => {
  it('counts open exceptions by severity and opens their tab', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    const s = await h.open(run);
    expect(await s.page.$$eval('#exceptions-counts .status', (e) => e.map((x) => x.textContent))).toEqual(['✕ 2 High', '! 2 Medium', '0 Low']);
    expect(await s.page.$$eval('#exceptions-top li b', (e) => e.map((x) => x.textContent))).toEqual(['High · OFFER_UNMANAGED', 'High · OFFER_UNMANAGED', 'Medium · MAPPING_INVALID']);
    await s.shot('exceptions', '#exceptions');
    await s.page.click('#exceptions-link');
    await s.settled();
    expect(s.calls).toContain('showTab');
    expect(run.gas.spreadsheet.activeSheet().name).toBe('Exceptions');
    // "What to do" opens the manual at that exception type's section.
    await s.page.click('#exceptions-top li:first-child a');
    await s.settled();
    expect(run.gas.ui.dialogs.at(-1)?.html).toMatch(/<h4 id="offer_unmanaged-high">OFFER_UNMANAGED \(High\)<\/h4>[\s\S]*<script>location.hash = "offer_unmanaged-high";<\/script>$/);
    await s.page.close();
  });

  it('shows recent runs in the viewer\'s local time', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    // The world's clock is 2026-11-02 08:00 UTC: 03:00 in New York.
    const s = await h.open(run, { timezoneId: 'America/New_York' });
    const first = s.page.locator('#runs li').first();
    expect(await first.locator('.when').textContent()).toBe('2 Nov 03:00');
    expect(await first.textContent()).toMatch(/^! partial Stock sync 2 Nov 03:00/);
    expect(await first.getAttribute('title')).toMatch(/^inventory-\S+ · 2 Nov 2026, 03:00:\d\d (EST|GMT-5)$/);
    await s.shot('recent-runs', '#recent');
    await s.page.close();
  });

  it('turns the schedule on and off', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    const s = await h.open(run);
    expect(await s.page.textContent('#schedule-state')).toBe('○ Off');
    await s.page.click('#schedule-toggle');
    await s.settled();
    expect(s.calls).toContain('enableScheduledSync');
    expect(await s.page.textContent('#schedule-state')).toBe('✓ On');
    expect(await s.page.getAttribute('#schedule-state', 'class')).toContain('level-ok');
    expect(await s.page.textContent('#schedule-toggle')).toBe('Turn off');
    await s.page.click('#schedule-toggle');
    await s.settled();
    expect(s.calls).toContain('disableScheduledSync');
    expect(await s.page.textContent('#schedule-state')).toBe('○ Off');
    await s.page.close();
  });

  it('opens the manual (docs/operations.md, built into the add-on) in a dialog', async () => {
    const run = smallScenario();
    const s = await h.open(run);
    await s.page.click('#manual-link');
    await s.settled();
    const dialog = run.gas.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('FBA 3PL Sync manual');
    expect(dialog?.html).toContain('<h1 id="operations-manual">Operations manual</h1>');
    expect(dialog?.html).toContain('<h4 id="auth_failed-high">AUTH_FAILED (High)</h4>');
    await s.page.close();
  });
});

describe('sidebar basics', () => {
  it('escapes untrusted text from the server', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    run.runtime.run('syncNow', ['<img src=x onerror="window.__pwned=1">'], { kind: 'sidebar' });
    const s = await h.open(run);
    expect(await s.page.textContent('#runs')).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await s.page.$('#runs img')).toBeNull();
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await s.page.close();
  });

  it('refuses a Date argument synchronously, as Google\'s client does', async () => {
    const w = makeWorld();
    const { page } = await h.open(w);
    const message = await page.evaluate(() => {
      try {
        (window as unknown as { google: { script: { run: Record<string, (a: unknown) => void> } } }).google.script.run.syncNow!(new Date());
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message).toBe('Failed due to illegal value in property: 0');
    await page.close();
  });

  it('imports a settlement file chosen in the Settlements box, gzipped as downloaded, once', async () => {
    const run = createScenarioRun({ name: 'sidebar-settlement', steps: [] });
    applyStep(run, { run: 'setupSheets' }, 0);
    const s = await h.open(run);
    const file = gzipSync(Buffer.from(readFixture('uk-2026-10.txt')));
    await s.page.setInputFiles('#settlement-file', { name: 'settlement-24000000001.txt.gz', mimeType: 'application/gzip', buffer: file });
    await s.page.click('#settlement-form button[type=submit]');
    await s.page.waitForFunction(() => /Settlements: (ok|partial|failed)/.test(document.getElementById('notice-lines')?.textContent ?? ''));
    await s.settled();
    expect(await s.page.textContent('#notice-lines')).toMatch(/^Done: Settlements: ok — From "settlement-24000000001.txt.gz": 1 settlement\(s\) imported/);
    expect(s.calls).toContain('importSettlementFile');
    expect(run.gas.spreadsheet.toDisplayJson()['Settlements']!.slice(1).map((r) => r[0])).toEqual(['24000000001']);
    // The same file again: the once-only rule holds.
    await s.page.setInputFiles('#settlement-file', { name: 'again.txt.gz', mimeType: 'application/gzip', buffer: file });
    await s.page.click('#settlement-form button[type=submit]');
    await s.page.waitForFunction(() => /already imported/.test(document.getElementById('notice-lines')?.textContent ?? ''));
    expect(run.gas.spreadsheet.toDisplayJson()['Settlements']!.length).toBe(2);
    await s.page.close();
  });

  it('"Disconnect" next to each connection clears only that system; secrets show only as saved', async () => {
    const run = smallScenario();
    step(run, { run: 'setupSheets' });
    const s = await h.open(run);
    expect(await s.page.getAttribute('#lwa-client-secret', 'placeholder')).toBe('saved');
    for (const secret of STORED) expect(await s.page.content()).not.toContain(secret);
    await s.page.click('#amazon-disconnect');
    await s.settled();
    expect(s.calls).toContain('disconnectAmazon');
    expect(await s.page.textContent('#amazon-state')).toBe('○ Not connected');
    expect(await s.page.isHidden('#amazon-disconnect')).toBe(true);
    expect(await s.page.isHidden('#amazon-test')).toBe(true);
    expect(await s.page.textContent('#threepl-state')).toBe('! Saved, not tested');
    await s.page.click('#threepl-disconnect');
    await s.settled();
    expect(await s.page.textContent('#threepl-state')).toBe('○ Not connected');
    const state = run.runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as { amazon: { complete: boolean }; threePl: { token: string }; syncBlockers: string[] };
    expect(state.amazon.complete).toBe(false);
    expect(state.threePl.token).toBe('not saved');
    expect(state.syncBlockers).toEqual(['connect Amazon (LWA client ID, client secret, refresh token)', 'connect the 3PL (access token)']);
    await s.page.close();
  });
});
