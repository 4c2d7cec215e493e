/// <reference lib="dom" />
// The sidebar's 3PL form for Mintsoft, in Chromium: with `3PL provider` = mintsoft it asks for the
// Mintsoft username and password (or a static key) instead of a ShipBob token, saves them without
// ever showing them again, and tests the connection in Mintsoft's words (help-mintsoft 12087865:
// POST /api/Auth with Username and Password). Needs the built bundle (`node build.mjs`).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../../../src/core/secrets';
import { createScenarioRun } from '../../world/scenario/runner';
import { startHarness, type Harness } from '../../ui/browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the Mintsoft connection form', () => {
  it('asks for the username and password, saves them unseen, and tests the login', async () => {
    const s = JSON.parse(readFileSync(path.resolve('scenarios/inventory-small-mintsoft.json'), 'utf8')) as Record<string, unknown> & { threePl: Record<string, unknown> };
    const run = createScenarioRun({ ...s, threePl: { ...s.threePl, users: [{ username: 'ops-api@brand.example', password: 'pw-Mintsoft-2468' }] }, steps: [{ run: 'setupSheets' }] }, { baseDir: path.resolve('scenarios') });
    for (const k of [SECRET_KEYS.threePlToken, SECRET_KEYS.threePlUsername, SECRET_KEYS.threePlPassword]) run.gas.properties.document.data.delete(k);
    run.runtime.run('setupSheets', [], { kind: 'menu' });
    const { page, calls, settled } = await h.open(run);

    expect(await page.textContent('#threepl-name')).toBe('3PL (Mintsoft)');
    expect(await page.isVisible('#mintsoft-login')).toBe(true);
    expect(await page.textContent('#threepl-token-label')).toBe('Static API key (optional)');
    expect(await page.textContent('#sync-blocked')).toMatch(/connect the 3PL \(Mintsoft username and password\)/);

    await page.click('#steps li[data-step="threePl"] button');
    await page.fill('#mintsoft-username', 'ops-api@brand.example');
    await page.fill('#mintsoft-password', 'pw-Mintsoft-2468');
    await page.click('#threepl-save');
    await settled();
    expect(calls).toEqual(expect.arrayContaining(['saveThreePlCredentials', 'testConnection']));
    expect(run.gas.properties.document.data.get(SECRET_KEYS.threePlPassword)).toBe('pw-Mintsoft-2468');
    expect(await page.textContent('#threepl-state')).toBe('✓ Connected');
    expect(await page.textContent('#threepl-text')).toMatch(/^Connected: Mintsoft accepted the login; 1 active warehouse \(Manchester\)\. Orders ship from warehouse 10\./);
    expect(await page.content()).not.toContain('pw-Mintsoft-2468');
    expect(await page.inputValue('#mintsoft-password')).toBe('');
    expect(run.mintsoft!.counters.auths).toBe(1);
  }, 120_000);
});
