/// <reference lib="dom" />
// The sidebar in a real headless Chromium (Debian's /usr/bin/chromium through playwright-core),
// its google.script.run calls bridged into the bundle running in the fakes
// (../shared/reference/apps-script.md §7).

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFixture } from '../fixtures/settlements/read';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { DIST, makeWorld, publicFunctions } from '../bundle/harness';
import { applyStep, createScenarioRun } from '../world/scenario/runner';

/**
 * A Chromium to drive: CHROMIUM_PATH when set, else Debian's, else the one npm installs with
 * @sparticuz/chromium (a registry package carrying its own build), so `npm ci && npm test` needs
 * no apt-get.
 */
async function chromiumToLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const own = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const given = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (given) return { executablePath: given, args: own };
  const packaged = (await import('@sparticuz/chromium')).default;
  // Its Lambda flags (--single-process...) end the browser with its first page: only ours are passed.
  return { executablePath: await packaged.executablePath(), args: own };
}

let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  browser = await chromium.launch({ ...(await chromiumToLaunch()), headless: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openSidebar(w: Pick<ReturnType<typeof makeWorld>, 'runtime'>): Promise<{ page: Page; calls: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const calls: string[] = [];
  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    const r = w.runtime.run(name, JSON.parse(argsJson) as unknown[], { kind: 'sidebar' });
    return JSON.stringify(r.error !== undefined ? { error: r.error } : { value: r.value ?? null });
  });
  await page.addInitScript(`window.__GAS_SERVER_FUNCTIONS__ = ${JSON.stringify(publicFunctions())};`);
  await page.addInitScript({ path: path.resolve('test/ui/gas-run-shim.js') });
  await page.goto(base);
  return { page, calls };
}

describe('sidebar', () => {
  it('loads the status, offers set-up, and runs "Set up sheets"', async () => {
    const w = makeWorld();
    const { page } = await openSidebar(w);
    await page.waitForFunction(() => document.getElementById('amazon-state')?.textContent === 'Not connected');
    await page.waitForSelector('#setup:not([hidden])');
    expect(await page.textContent('#missing')).toContain('SKU Map');
    await page.click('#setup-button');
    await page.waitForSelector('#setup', { state: 'hidden' });
    expect(w.gas.spreadsheet.sheetNames()).toContain('Settings');
    await page.close();
  });

  it('saves credentials through the server and shows them only masked', async () => {
    const w = makeWorld();
    w.runtime.run('setupSheets');
    const { page } = await openSidebar(w);
    await page.waitForFunction(() => document.getElementById('amazon-state')?.textContent === 'Not connected');
    await page.fill('#lwa-client-id', 'amzn1.application-oa2-client.0123456789');
    await page.fill('#lwa-client-secret', 'amzn1.oa2-cs.v1.secret-value-9876');
    await page.fill('#lwa-refresh-token', 'Atzr|refresh-token-value-5555');
    await page.click('#amazon-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('amazon-state')?.textContent?.startsWith('Saved'));
    expect(await page.textContent('#amazon-state')).toBe('Saved (client ••••6789)');
    expect(await page.inputValue('#lwa-client-secret')).toBe('');
    expect(await page.content()).not.toContain('secret-value-9876');
    await page.close();
  });

  it('runs "Sync all now" and escapes untrusted text from the server', async () => {
    const w = makeWorld();
    w.runtime.run('setupSheets');
    w.runtime.run('syncNow', ['<img src=x onerror="window.__pwned=1">'], { kind: 'sidebar' });
    const { page, calls } = await openSidebar(w);
    await page.waitForSelector('#runs li');
    expect(await page.textContent('#runs')).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.$('#runs img')).toBeNull();
    await page.click('button[data-job="all"]');
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').length > 0 && !document.getElementById('status')?.textContent?.startsWith('Running'));
    expect(calls).toContain('syncNow');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: 'out/sidebar.png' });
    await page.close();
  });

  it('refuses a Date argument synchronously, as Google\'s client does', async () => {
    const w = makeWorld();
    const { page } = await openSidebar(w);
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

  it('shows stock changes awaiting approval and approves them with one click', async () => {
    const scenario = JSON.parse(readFileSync(path.resolve('scenarios/inventory-small.json'), 'utf8')) as { steps: unknown[]; sheet: { Settings: unknown[][] } };
    scenario.sheet.Settings = scenario.sheet.Settings.map((r) => (r[0] === 'Push mode' ? ['Push mode', 'approve', ''] : r));
    scenario.steps = [];
    const run = createScenarioRun(scenario, { baseDir: path.resolve('scenarios') });
    applyStep(run, { run: 'setupSheets' }, 0);
    applyStep(run, { run: 'syncNow', args: ['inventory'], as: 'sidebar' }, 1);
    expect(run.amazon.snapshot().writes).toEqual([]);
    const { page } = await openSidebar(run);
    await page.waitForSelector('#approve-button:not([hidden])');
    expect(await page.textContent('#stock-state')).toBe('approve · 2 await approval');
    expect(await page.isHidden('#undo-button')).toBe(true);
    await page.click('#approve-button');
    await page.waitForSelector('#undo-button:not([hidden])');
    expect(await page.textContent('#status')).toMatch(/^ok: Pushed: 2 FBM quantities accepted by Amazon/);
    expect(run.amazon.snapshot().writes.map((w) => `${w.sku}=${w.quantity}`).sort()).toEqual(['TEE-L=2', 'TEE-M=17']);
    expect(await page.isHidden('#approve-button')).toBe(true);
    await page.close();
  });

  it('imports a settlement file chosen in the Settlements box, gzipped as downloaded, once', async () => {
    const scenario = { name: 'sidebar-settlement', steps: [] };
    const run = createScenarioRun(scenario);
    applyStep(run, { run: 'setupSheets' }, 0);
    const { page, calls } = await openSidebar(run);
    await page.waitForSelector('#settlement-form');
    const file = gzipSync(Buffer.from(readFixture('uk-2026-10.txt')));
    await page.setInputFiles('#settlement-file', { name: 'settlement-24000000001.txt.gz', mimeType: 'application/gzip', buffer: file });
    await page.click('#settlement-form button[type=submit]');
    await page.waitForFunction(() => /^(ok|partial|failed):/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.textContent('#status')).toMatch(/^ok: From "settlement-24000000001.txt.gz": 1 settlement\(s\) imported/);
    expect(calls).toContain('importSettlementFile');
    const tabs = run.gas.spreadsheet.toDisplayJson();
    expect(tabs['Settlements']!.slice(1).map((r) => r[0])).toEqual(['24000000001']);
    // The same file again: the once-only rule holds.
    await page.setInputFiles('#settlement-file', { name: 'again.txt.gz', mimeType: 'application/gzip', buffer: file });
    await page.click('#settlement-form button[type=submit]');
    await page.waitForFunction(() => /already imported/.test(document.getElementById('status')?.textContent ?? ''));
    expect(run.gas.spreadsheet.toDisplayJson()['Settlements']!.length).toBe(2);
    await page.close();
  });

  it('"Disconnect" next to each connection clears only that system; secrets show only as saved', async () => {
    const w = makeWorld();
    w.runtime.run('setupSheets');
    w.runtime.run('saveAmazonCredentials', [{ clientId: 'amzn1.application-oa2-client.0123456789', clientSecret: 'amzn1.oa2-cs.v1.secret-value-9876', refreshToken: 'Atzr|refresh-token-value-5555' }], { kind: 'sidebar' });
    w.runtime.run('saveThreePlCredentials', [{ token: 'shipbob-pat-token-4321' }], { kind: 'sidebar' });
    const { page, calls } = await openSidebar(w);
    await page.waitForFunction(() => document.getElementById('threepl-state')?.textContent === 'Saved');
    expect(await page.content()).not.toContain('4321');
    expect(await page.content()).not.toContain('5555');
    await page.click('#amazon-disconnect');
    await page.waitForFunction(() => document.getElementById('amazon-state')?.textContent === 'Not connected');
    expect(calls).toContain('disconnectAmazon');
    expect(await page.isHidden('#amazon-disconnect')).toBe(true);
    expect(await page.textContent('#threepl-state')).toBe('Saved');
    await page.click('#threepl-disconnect');
    await page.waitForFunction(() => document.getElementById('threepl-state')?.textContent === 'Not connected');
    const state = w.runtime.run('getSidebarState', [], { kind: 'sidebar' }).value as { amazon: { complete: boolean }; threePl: { token: string } };
    expect(state.amazon.complete).toBe(false);
    expect(state.threePl.token).toBe('not saved');
    await page.close();
  });
});
