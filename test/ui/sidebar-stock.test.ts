/// <reference lib="dom" />
// The Stock section in Chromium: approval with its breakdown (up / down / to zero) and a confirmation,
// a push Amazon still processes with the schedule off ("Check now"), undo with its warning when it
// would restore more than the 3PL can pick, and Push mode switched from the sidebar.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './browser';
import type { Harness } from './browser';
import { setSetting, settingsOf, smallScenario, step } from './worlds';
import type { Scenario } from './worlds';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Push mode approve; the 3PL has sold out of mugs, so MUG-1 goes from 10 to zero. */
function approveWorld(edit: (s: Scenario) => void = () => {}) {
  const run = smallScenario((s) => {
    setSetting(s, 'Push mode', 'approve');
    s.threePl.inventory = s.threePl.inventory.map((i) => (i.sku === 'SB-MUG-1' ? { ...i, onHand: 0 } : i));
    edit(s);
  });
  step(run, { run: 'setupSheets' });
  step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
  return run;
}

const writes = (run: ReturnType<typeof smallScenario>) => run.amazon.snapshot().writes.map((w) => `${w.sku}=${w.quantity}`).sort();

describe('approval', () => {
  it('shows the breakdown, asks before pushing, and pushes exactly what was shown', async () => {
    const run = approveWorld();
    expect(writes(run)).toEqual([]);
    const s = await h.open(run);
    expect(await s.page.textContent('#approval-summary')).toBe('3 changes wait for approval: ▲ 1 up · ▼ 1 down · 0 1 to zero.');
    // What waits for a person is the primary action.
    expect(await s.page.$$eval('#main button.action', (bs) => bs.map((b) => b.textContent))).toEqual(['Review and approve…']);
    expect(await s.page.isHidden('#undo-button')).toBe(true);

    await s.page.click('#approve-button');
    await s.page.waitForSelector('#dialog-backdrop:not([hidden])');
    expect(await s.page.textContent('#dialog-title')).toBe('Approve the stock push');
    expect(await s.page.$$eval('#dialog-body .breakdown li', (lis) => lis.map((li) => li.textContent))).toEqual(['▲ 1 up', '▼ 1 down', '0 1 to zero']);
    expect(await s.page.$$eval('#dialog-body table.changes tr', (trs) => trs.map((tr) => tr.textContent))).toEqual(['TEE-M0 → 17', 'MUG-110 → 0', 'TEE-L4 → 2']);
    await s.shot('approve-confirm', 'viewport');

    // Cancel sends nothing.
    await s.page.click('#dialog-cancel');
    expect(await s.page.isHidden('#dialog-backdrop')).toBe(true);
    expect(s.calls).not.toContain('approveStockPush');

    await s.page.click('#approve-button');
    await s.page.click('#dialog-ok');
    await s.settled();
    expect(s.calls).toContain('approveStockPush');
    expect(await s.page.textContent('#notice-lines')).toMatch(/^Note: Stock sync: partial — Pushed: 3 FBM quantities accepted by Amazon\. 1 SKU Map row cannot be used/);
    expect(writes(run)).toEqual(['MUG-1=0', 'TEE-L=2', 'TEE-M=17']);
    expect(await s.page.isHidden('#approval')).toBe(true);
    await s.page.close();
  });

  it('after a feed is submitted with the schedule off, says no run will come and offers "Check now"', async () => {
    // One change is enough for a feed: its result comes back a few minutes later.
    const run = approveWorld((sc) => setSetting(sc, 'Feed threshold', 1));
    const s = await h.open(run);
    await s.page.click('#approve-button');
    await s.page.click('#dialog-ok');
    await s.settled();
    expect(await s.page.textContent('#notice-lines')).toMatch(/Stock sync: partial — Feed \S+ was submitted to Amazon; its result is read on the next run\./);
    expect(await s.page.isVisible('#pending')).toBe(true);
    expect(await s.page.textContent('#pending-text')).toMatch(/^Amazon is still processing the stock push sent 2 Nov \d\d:\d\d\. Its result is read on the next stock sync, and the schedule is off, so none will come by itself: press "Check now" in a minute or two\.$/);
    expect(await s.page.$$eval('#main button.action', (bs) => bs.map((b) => b.textContent))).toEqual(['Check now']);
    await s.shot('approve-pending-check-now');

    run.world.clock.advance(5 * 60_000);
    await s.page.click('#check-now');
    await s.settled();
    expect(await s.page.isHidden('#pending')).toBe(true);
    expect(writes(run)).toEqual(['MUG-1=0', 'TEE-L=2', 'TEE-M=17']);
    await s.page.close();
  });
});

describe('undo', () => {
  it('warns when it would restore more than the 3PL can pick, and the undo caps it', async () => {
    const run = approveWorld();
    step(run, { run: 'approveStockPush' });
    expect(writes(run)).toEqual(['MUG-1=0', 'TEE-L=2', 'TEE-M=17']);
    const s = await h.open(run);
    await s.page.click('#undo-button');
    await s.page.waitForSelector('#dialog-backdrop:not([hidden])');
    expect(await s.page.textContent('#dialog-body')).toMatch(/^Put back the FBM quantities Amazon had before the last push \(3 offers\)\?/);
    expect(await s.page.textContent('#dialog-body .notice')).toBe('!1 offer would go back above what ShipBob could pick at the last stock read. The undo sets it to what can be picked instead:MUG-1: back to 10, but ShipBob can pick 0 now');
    await s.shot('undo-warning', 'viewport');
    await s.page.click('#dialog-ok');
    await s.settled();
    expect(s.calls).toContain('undoLastStockPush');
    expect(await s.page.textContent('#notice-lines')).toMatch(/1 quantity was lowered to what ShipBob can pick today/);
    // TEE-M and TEE-L went back; MUG-1 stayed at what the warehouse holds.
    expect(run.amazon.snapshot().writes.filter((w) => w.sku === 'MUG-1').map((w) => w.quantity)).not.toContain(10);
    await s.page.close();
  });

  it('says nothing alarming when the 3PL can pick everything the undo restores', async () => {
    const run = approveWorld((sc) => {
      sc.threePl.inventory = sc.threePl.inventory.map((i) => (i.sku === 'SB-MUG-1' ? { ...i, onHand: 40 } : i));
    });
    step(run, { run: 'approveStockPush' });
    const s = await h.open(run);
    await s.page.click('#undo-button');
    await s.page.waitForSelector('#dialog-backdrop:not([hidden])');
    expect(await s.page.$('#dialog-body .notice')).toBeNull();
    await s.page.click('#dialog-cancel');
    expect(s.calls).not.toContain('undoLastStockPush');
    await s.page.close();
  });
});

describe('push mode', () => {
  it('switches in the sidebar; auto asks first; one audit row per switch', async () => {
    const run = approveWorld();
    const s = await h.open(run);
    await s.page.selectOption('#push-mode', 'auto');
    await s.page.waitForSelector('#dialog-backdrop:not([hidden])');
    expect(await s.page.textContent('#dialog-title')).toBe('Switch to auto?');
    await s.page.click('#dialog-cancel');
    expect(await s.page.inputValue('#push-mode')).toBe('approve');
    expect(settingsOf(run)['Push mode']).toBe('approve');

    await s.page.selectOption('#push-mode', 'auto');
    await s.page.click('#dialog-ok');
    await s.settled();
    expect(settingsOf(run)['Push mode']).toBe('auto');
    expect(await s.page.textContent('#notice-lines')).toBe('Done: Push mode is now auto: each stock sync pushes the computed quantities within the guardrails, without asking.');

    await s.page.selectOption('#push-mode', 'dry-run');
    await s.settled();
    step(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' });
    const log = run.gas.spreadsheet.toDisplayJson()['Sync Log']!;
    const modeRows = log.filter((r) => /Push mode changed/.test(r.join(' '))).map((r) => r.find((c) => /Push mode changed/.test(c)));
    expect(modeRows).toEqual([
      expect.stringMatching(/^Push mode changed from "approve" to "auto" in the sidebar by user key /),
      expect.stringMatching(/^Push mode changed from "auto" to "dry-run" in the sidebar by user key /),
    ]);
    await s.page.close();
  });
});
