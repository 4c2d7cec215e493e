// Runs a scenario (docs/scenarios.md): builds the world (fakes, simulators, faults), seeds it, executes
// the steps against the built bundle, and writes workbook.json, workbook.xlsx, world.json,
// metrics.json and log.txt to out/scenarios/<name>/.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { World } from '../world';
import type { ExecutionKind, ExecutionRecord } from '../world';
import { parseDuration } from '../clock';
import { FaultInjector } from '../faults';
import { GasServices } from '../gas/index';
import { AppsScriptRuntime } from '../runtime';
import { AmazonSimulator } from '../amazon/simulator';
import { amazonSectionSchema } from '../amazon/scenario';
import { ShipBobSimulator } from '../shipbob/simulator';
import { threePlSectionSchema } from '../shipbob/scenario';
import { MintsoftSimulator } from '../mintsoft/simulator';
import { SECRET_KEYS } from '../../../src/core/secrets';
import { parseScenario, ScenarioError } from './schema';
import type { Scenario, Step } from './schema';
import { writeXlsx } from './xlsx';

export const DEFAULT_START = '2026-11-02T08:00:00Z';

/** Placeholders the runner stores when a scenario has no `secrets` (the simulators accept any values). */
const PLACEHOLDER_SECRETS = {
  amazon: { clientId: 'amzn1.application-oa2-client.local', clientSecret: 'local-client-secret', refreshToken: 'Atzr|local-refresh-token' },
  threePl: { token: 'local-shipbob-pat' },
};

export interface ScenarioRun {
  scenario: Scenario;
  world: World;
  gas: GasServices;
  runtime: AppsScriptRuntime;
  amazon: AmazonSimulator;
  threePl: ShipBobSimulator;
  /** The Mintsoft simulator when the scenario's threePl.provider is "mintsoft" (world steps and world.json then use it), else null. */
  mintsoft: MintsoftSimulator | null;
  faults: FaultInjector;
  /** Results of `run` steps, in order. */
  results: Array<{ step: number; entry: string; record: ExecutionRecord; value?: unknown; error?: string }>;
}

export interface RunnerOptions {
  /** Folder that relative paths in the scenario (settlement files) are read from. */
  baseDir?: string;
  distDir?: string;
}

export function createScenarioRun(input: unknown, opts: RunnerOptions = {}): ScenarioRun {
  const scenario = parseScenario(input);
  const baseDir = opts.baseDir ?? process.cwd();
  const distDir = path.resolve(opts.distDir ?? 'dist');
  const world = new World(scenario.start ?? DEFAULT_START, scenario.mode ?? 'bound');
  if (scenario.spreadsheetTimeZone) world.spreadsheetTimeZone = scenario.spreadsheetTimeZone;
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
  const gas = new GasServices(world, {
    manifest,
    htmlDir: distDir,
    ...(scenario.googleAccount ? { googleAccount: scenario.googleAccount } : {}),
    ...(scenario.userLocale ? { userLocale: scenario.userLocale } : {}),
  });
  if (scenario.sheet) gas.spreadsheet.seed(scenario.sheet);

  const mintsoftSeed = scenario.threePl?.provider === 'mintsoft' ? scenario.threePl : null;
  // A Mintsoft world logs in with its first user unless the scenario says otherwise.
  const firstUser = mintsoftSeed?.users[0];
  const secrets: { amazon: typeof PLACEHOLDER_SECRETS.amazon; threePl: { token: string; username?: string; password?: string } } = {
    amazon: scenario.secrets?.amazon ?? PLACEHOLDER_SECRETS.amazon,
    threePl: scenario.secrets?.threePl ?? (firstUser ? { token: '', username: firstUser.username, password: firstUser.password } : PLACEHOLDER_SECRETS.threePl),
  };
  const props = gas.properties.document.data;
  props.set(SECRET_KEYS.amazonClientId, secrets.amazon.clientId);
  props.set(SECRET_KEYS.amazonClientSecret, secrets.amazon.clientSecret);
  props.set(SECRET_KEYS.amazonRefreshToken, secrets.amazon.refreshToken);
  if (secrets.threePl.token) props.set(SECRET_KEYS.threePlToken, secrets.threePl.token);
  if (secrets.threePl.username) props.set(SECRET_KEYS.threePlUsername, secrets.threePl.username);
  if (secrets.threePl.password) props.set(SECRET_KEYS.threePlPassword, secrets.threePl.password);

  const faults = new FaultInjector(scenario.faults ?? [], () => world.clock.now());
  const amazon = new AmazonSimulator({
    clock: world.clock,
    faults,
    seed: scenario.amazon ?? amazonSectionSchema.parse({}),
    readFile: (rel) => readFileSync(path.resolve(baseDir, rel)),
  });
  amazon.register(world.network);
  const shipBobSeed = scenario.threePl?.provider === 'shipbob' ? scenario.threePl : threePlSectionSchema.parse({ provider: 'shipbob' });
  const threePl = new ShipBobSimulator({ clock: world.clock, faults, seed: shipBobSeed });
  threePl.register(world.network);
  const mintsoft = mintsoftSeed ? new MintsoftSimulator({ clock: world.clock, faults, seed: mintsoftSeed }) : null;
  mintsoft?.register(world.network);

  const runtime = new AppsScriptRuntime(world, gas, distDir);
  // The runner's own log (log.txt) never shows a stored credential.
  for (const v of [...Object.values(secrets.amazon), ...Object.values(secrets.threePl)]) if (v) runtime.secrets.add(v);
  return { scenario, world, gas, runtime, amazon, threePl, mintsoft, faults, results: [] };
}

function defaultKind(entry: string): ExecutionKind {
  return entry === 'onOpen' || entry === 'onInstall' || entry === 'onEdit' ? 'simple-trigger' : 'menu';
}

/** Applies one step. Executions that throw are recorded, not fatal (docs/scenarios.md "Output"). */
export function applyStep(run: ScenarioRun, step: Step, index: number): void {
  const { world, runtime, gas } = run;
  if ('run' in step) {
    if (step.alertResponses) gas.ui.alertResponses.push(...step.alertResponses);
    const kind = step.as ?? defaultKind(step.run);
    const args = step.args ?? (kind === 'simple-trigger' ? [{ authMode: 'LIMITED' }] : []);
    const result = asUser(world, step.user, () => runtime.run(step.run, args, { kind }));
    // Answers belong to this execution only: unused ones must not answer a later step's alert.
    gas.ui.alertResponses.length = 0;
    run.results.push({ step: index, entry: step.run, ...result });
  } else if ('advance' in step) {
    world.clock.advance(parseDuration(step.advance));
    world.log(`⏩ clock +${step.advance}`);
  } else if ('trigger' in step) {
    const end = world.clock.now() + parseDuration(step.for);
    world.log(`⏱ time triggers for ${step.for}`);
    // Triggers may be installed or removed by the executions themselves: look again after each.
    for (;;) {
      const next = gas.triggers.occurrences(world.clock.now(), end)[0];
      if (!next) break;
      world.clock.advanceTo(next.at);
      const event = timeEvent(next.at, next.triggerUid);
      // Installable triggers "run under the account of the person who created them"
      // (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
      const result = asUser(world, next.owner, () => runtime.run(next.handler, [event], { kind: 'time-trigger' }));
      run.results.push({ step: index, entry: next.handler, ...result });
    }
    world.clock.advanceTo(end);
  } else if ('edit' in step) {
    const n = gas.spreadsheet.editRows(step.edit.tab, step.edit.match, step.edit.set);
    world.log(`✎ ${step.edit.tab}: edited ${n} row(s) matching ${JSON.stringify(step.edit.match)}`);
    if (n === 0) throw new Error(`Step ${index + 1}: no row of "${step.edit.tab}" matches ${JSON.stringify(step.edit.match)}`);
  } else {
    const { system, ...action } = step.world;
    try {
      if (system === 'amazon') run.amazon.act(action);
      else (run.mintsoft ?? run.threePl).act(action);
    } catch (e) {
      // As an edit that matches nothing: the step is named, so the file can be put right.
      throw new Error(`Step ${index + 1}: ${(e as Error).message}`);
    }
    world.log(`🌐 ${system} ${JSON.stringify(action)}`);
  }
}

/** Runs one execution as `user` (the world's user when absent), then gives the world its user back. */
function asUser<T>(world: World, user: string | undefined, run: () => T): T {
  const previous = world.activeUserEmail;
  if (user !== undefined) world.activeUserEmail = user;
  try {
    return run();
  } finally {
    world.activeUserEmail = previous;
  }
}

/** The event object Apps Script passes to a time-driven trigger's handler. */
function timeEvent(at: number, triggerUid: string) {
  const d = new Date(at);
  return {
    authMode: 'FULL',
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': ((d.getUTCDay() + 6) % 7) + 1,
    'week-of-year': 0,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

export interface ScenarioOutput {
  dir: string;
  run: ScenarioRun;
}

export async function runScenarioFile(file: string, outRoot = path.resolve('out/scenarios')): Promise<ScenarioOutput> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const run = createScenarioRun(json, { baseDir: path.dirname(path.resolve(file)) });
  let stopped: Error | undefined;
  for (const [i, step] of run.scenario.steps.entries()) {
    try {
      applyStep(run, step, i);
    } catch (e) {
      stopped = e as Error;
      break;
    }
  }
  const dir = path.join(outRoot, run.scenario.name);
  // A step the world could not take (faults kept an order from the 3PL that a later step ships)
  // still leaves the outputs up to it: they show why the world was not as the file expected.
  await writeOutputs(run, dir);
  if (stopped) throw new ScenarioError(`${file}: ${stopped.message.replace(/[.!?]?$/, '.')} The results up to that step are in ${path.relative(process.cwd(), dir)}/.`);
  return { dir, run };
}

export async function writeOutputs(run: ScenarioRun, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  writeFileSync(path.join(dir, 'workbook.json'), json(run.gas.spreadsheet.toDisplayJson()));
  await writeXlsx(run.gas.spreadsheet, path.join(dir, 'workbook.xlsx'));
  // `mails`: every message the add-on sent through MailApp (alert e-mails), in order.
  writeFileSync(path.join(dir, 'world.json'), json({ amazon: run.amazon.snapshot(), threePl: (run.mintsoft ?? run.threePl).snapshot(), mails: run.gas.outbox }));
  writeFileSync(
    path.join(dir, 'metrics.json'),
    json(run.world.executions.map((e) => ({ ...e, fetchesPerHost: e.fetches }))),
  );
  writeFileSync(path.join(dir, 'log.txt'), `${run.world.logLines.join('\n')}\n`);
}
