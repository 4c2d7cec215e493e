// Bundle-test harness: a fresh world per test with the fakes and the built dist/Code.js, so each
// test drives the add-on exactly as Apps Script would.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { World } from '../world/world';
import type { WorldMode } from '../world/world';
import { GasServices } from '../world/gas/index';
import { AppsScriptRuntime } from '../world/runtime';

export const DIST = path.resolve('dist');

export function publicFunctions(): string[] {
  return JSON.parse(readFileSync(path.resolve('out/public-functions.json'), 'utf8')) as string[];
}

export function manifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
}

export function makeWorld(opts: { mode?: WorldMode; start?: string; sheet?: Record<string, unknown[][]> } = {}) {
  const world = new World(opts.start ?? '2026-11-02T08:00:00Z', opts.mode ?? 'bound');
  const gas = new GasServices(world, { manifest: manifest(), htmlDir: DIST });
  if (opts.sheet) gas.spreadsheet.seed(opts.sheet);
  const runtime = new AppsScriptRuntime(world, gas, DIST);
  return { world, gas, runtime };
}
