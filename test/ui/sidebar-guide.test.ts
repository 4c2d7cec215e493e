/// <reference lib="dom" />
// The guided first run in Chromium: from an empty spreadsheet and no credentials to a chosen push
// mode, each step turning from "To do" to "Done" as the world is set up through the sidebar alone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './browser';
import type { Harness } from './browser';
import { forgetCredentials, setSetting, settingsOf, smallScenario } from './worlds';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const stepStates = (page: import('playwright-core').Page) =>
  page.$$eval('#steps li', (lis) => lis.map((li) => `${(li as HTMLElement).dataset.step}:${li.querySelector('.state')?.textContent}`));

describe('guided first run', () => {
  it('walks from an empty spreadsheet to a chosen push mode, each step done as the world is set up', async () => {
    const run = smallScenario((s) => {
      // A new spreadsheet: no seller ID typed yet, the default push mode.
      setSetting(s, 'Amazon seller ID', undefined);
      setSetting(s, 'Push mode', undefined);
    });
    forgetCredentials(run);
    const { page, calls, settled, shot } = await h.open(run);

    expect(await stepStates(page)).toEqual(['sheets:To do', 'amazon:To do', 'threePl:To do', 'test:To do', 'dryRun:To do', 'pushMode:To do']);
    // Nothing can sync yet, and the sidebar says everything that is missing at once.
    expect(await page.isDisabled('button[data-job="all"]')).toBe(true);
    expect(await page.textContent('#sync-blocked')).toBe('Before syncing: set up the sheets; connect Amazon (LWA client ID, client secret, refresh token, seller ID); connect the 3PL (access token).');
    // The one primary (blue) action is the current step's.
    expect(await page.$$eval('#main button.action', (bs) => bs.map((b) => b.textContent))).toEqual(['Set up sheets']);
    await shot('guide-1-start');

    await page.click('#steps li[data-step="sheets"] button');
    await settled();
    expect((await stepStates(page))[0]).toBe('sheets:Done');
    expect(run.gas.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(['Exceptions', 'Sync Log']));

    // Step 2 opens the Amazon form; "Save and test" saves and tests in one go.
    await page.click('#steps li[data-step="amazon"] button');
    expect(await page.$eval('#amazon-details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.fill('#lwa-client-id', 'amzn1.application-oa2-client.0123456789');
    await page.fill('#lwa-client-secret', 'amzn1.oa2-cs.v1.secret-value-9876');
    await page.fill('#lwa-refresh-token', 'Atzr|refresh-token-value-5555');
    await page.fill('#seller-id', 'A2SELLER');
    await shot('guide-2-amazon-form');
    await page.click('#amazon-save');
    await settled();
    expect(calls).toEqual(expect.arrayContaining(['saveAmazonCredentials', 'saveAmazonSellerId', 'testConnection']));
    expect(settingsOf(run)['Amazon seller ID']).toBe('A2SELLER');
    expect(await page.textContent('#amazon-state')).toBe('✓ Connected');
    expect(await page.getAttribute('#amazon-state', 'class')).toContain('level-ok');
    // Saved and tested: the form folds away; no secret came back to the page.
    expect(await page.$eval('#amazon-details', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.content()).not.toContain('secret-value-9876');
    expect(await page.inputValue('#lwa-refresh-token')).toBe('');
    expect((await stepStates(page)).slice(0, 3)).toEqual(['sheets:Done', 'amazon:Done', 'threePl:To do']);

    await page.click('#steps li[data-step="threePl"] button');
    await page.fill('#threepl-token', 'shipbob-pat-token-4321');
    await page.click('#threepl-save');
    await settled();
    expect(await page.textContent('#threepl-state')).toBe('✓ Connected');
    expect(await page.textContent('#threepl-text')).toMatch(/^Connected: ShipBob accepted the token; orders go to channel "FBA 3PL Sync" \(100001\); 1 active warehouse \(Manchester\)/);
    // Both were tested when saved: the test step is done too, and the sync buttons are on.
    expect(await stepStates(page)).toEqual(['sheets:Done', 'amazon:Done', 'threePl:Done', 'test:Done', 'dryRun:To do', 'pushMode:To do']);
    expect(await page.isHidden('#sync-blocked')).toBe(true);
    expect(await page.isDisabled('button[data-job="all"]')).toBe(false);
    await shot('guide-3-connected');

    await page.click('#steps li[data-step="dryRun"] button');
    await settled();
    // The world's unusable SKU Map row keeps the run from ok (see Exceptions).
    expect(await page.textContent('#notice')).toMatch(/Stock sync: partial — Dry run: .* 1 SKU Map row cannot be used/);
    expect(run.amazon.snapshot().writes).toEqual([]);
    expect((await stepStates(page))[4]).toBe('dryRun:Done');

    await page.click('#steps li[data-step="pushMode"] button');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('push-mode');
    await page.selectOption('#push-mode', 'approve');
    await settled();
    expect(settingsOf(run)['Push mode']).toBe('approve');
    expect(await stepStates(page)).toEqual(['sheets:Done', 'amazon:Done', 'threePl:Done', 'test:Done', 'dryRun:Done', 'pushMode:Done']);
    expect(await page.textContent('#guide-title')).toBe('Set-up: all steps done');
    // With set-up done, "Sync all now" is the primary action.
    expect(await page.$$eval('#main button.action', (bs) => bs.map((b) => b.textContent))).toEqual(['Sync all now']);
    await shot('guide-4-done');
    await page.close();
  });
});
