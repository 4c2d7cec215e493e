// A scenario run from scenarios/ with every request to Amazon's EU host recorded, and a tab read as
// display records: what the several-marketplaces flow tests (orders and stock) both look at.

import path from 'node:path';
import type { SimRequest } from '../world/http';
import { applyStep, createScenarioRun, type ScenarioRun } from '../world/scenario/runner';

export const SCENARIO_DIR = path.resolve('scenarios');
export const EU = 'https://sellingpartnerapi-eu.amazon.com';

/** The scenario's run with every request to Amazon's EU host recorded (url and body), before any step. */
export function recordedRun(input: unknown): ScenarioRun & { requests: SimRequest[] } {
  const r = createScenarioRun(input, { baseDir: SCENARIO_DIR });
  const requests: SimRequest[] = [];
  const inner = r.world.network.handlerFor(EU)!;
  r.world.network.register(EU, (req) => {
    requests.push(req);
    return inner(req);
  });
  return Object.assign(r, { requests });
}

/** The same, with every step of the scenario played. */
export function playedRun(input: unknown): ScenarioRun & { requests: SimRequest[] } {
  const r = recordedRun(input);
  r.scenario.steps.forEach((s, i) => applyStep(r, s, i));
  return r;
}

/** A tab as records by header, display values. */
export function tabRecords(r: ScenarioRun, name: string): Array<Record<string, string>> {
  const [header, ...rows] = (r.gas.spreadsheet.toDisplayJson()[name] ?? []) as string[][];
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, String(row[i] ?? '')])));
}
