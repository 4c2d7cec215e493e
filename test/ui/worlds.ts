// Worlds for the sidebar tests: the small stock scenario (scenarios/inventory-small.json: five
// offers, Amazon and ShipBob simulated), adjusted per test through its sheet and seeds.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET_KEYS } from '../../src/core/secrets';
import { applyStep, createScenarioRun } from '../world/scenario/runner';
import type { ScenarioRun } from '../world/scenario/runner';

type Row = unknown[];
export interface Scenario {
  name: string;
  steps: unknown[];
  sheet: { Settings: Row[]; [tab: string]: Row[] };
  threePl: { inventory: Array<{ sku: string; onHand: number }> };
}

export function smallScenario(edit: (s: Scenario) => void = () => {}): ScenarioRun {
  const s = JSON.parse(readFileSync(path.resolve('scenarios/inventory-small.json'), 'utf8')) as Scenario;
  s.steps = [];
  edit(s);
  return createScenarioRun(s, { baseDir: path.resolve('scenarios') });
}

/** A Settings row's value set (or the row removed with `undefined`). */
export function setSetting(s: Scenario, key: string, value: unknown): void {
  const rows = s.sheet.Settings.filter((r) => r[0] !== key);
  s.sheet.Settings = value === undefined ? rows : [...rows, [key, value, '']];
}

/** Nothing stored yet: the runner saves placeholder credentials, a new spreadsheet has none. */
export function forgetCredentials(run: ScenarioRun): void {
  for (const key of Object.values(SECRET_KEYS)) run.gas.properties.document.data.delete(key);
}

export function step(run: ScenarioRun, s: Parameters<typeof applyStep>[1]): void {
  applyStep(run, s, run.results.length);
}

/** The Settings tab as a person sees it: key → value. */
export function settingsOf(run: ScenarioRun): Record<string, unknown> {
  const rows = run.gas.spreadsheet.toDisplayJson()['Settings'] ?? [];
  return Object.fromEntries(rows.slice(1).map((r) => [String(r[0]), r[1]]));
}
