// Runs the built bundle as Apps Script would: every execution gets a fresh global scope (top-level
// code runs again, nothing survives in memory between executions), loaded by gas-local into a vm
// context that holds only what Apps Script provides (the fakes) plus the JS built-ins. `Date` and
// `Math.random` in that context follow the world's virtual clock and a seeded generator.

import vm from 'node:vm';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AuthMode, ExecutionKind, ExecutionRecord, World } from './world';
import { EXCEEDED_MESSAGE, ExecutionKilled } from './world';
import type { Realm } from './gas/realm';
import { seededRandom } from './faults';

const require = createRequire(import.meta.url);
// gas-local is the loader the team chose (see ../shared/reference/apps-script.md §1.5); it is CommonJS.
const gasRequire: (dir: string, globals: object, opts: { filter: (f: string) => boolean }) => vm.Context =
  require('gas-local').require;

/** What the runtime needs from the fakes: fresh globals per execution, and lock clean-up at the end. */
export interface GasProvider {
  globals(realm: Realm): Record<string, unknown>;
  releaseLocksOf(executionId: number): void;
}

export interface RunOptions {
  kind?: ExecutionKind;
  authMode?: AuthMode;
}

export interface RunResult {
  record: ExecutionRecord;
  /** The entry point's return value, copied out of the vm realm as JSON. */
  value?: unknown;
  error?: string;
}

/** The simple-trigger limit (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#simple_triggers_in_add-ons). */
const SIMPLE_TRIGGER_MS = 30_000;

export class AppsScriptRuntime {
  private random: () => number;

  constructor(
    readonly world: World,
    readonly gas: GasProvider,
    readonly distDir = path.resolve('dist'),
    seed = 42,
  ) {
    this.random = seededRandom(seed);
  }

  /** Creates one execution context: the fakes, the virtual clock, and the loaded bundle. */
  load(): vm.Context {
    const sandbox: Record<string, unknown> = {};
    const ctx = vm.createContext(sandbox);
    sandbox.__virtualNow = () => this.world.clock.now();
    sandbox.__random = () => this.random();
    // Date without arguments and Date.now() read the virtual clock; instances stay real Dates.
    vm.runInContext(
      `(function (g) {
        var D = g.Date, now = g.__virtualNow;
        function VDate() {
          if (!(this instanceof VDate)) return new D(now()).toString();
          var a = Array.prototype.slice.call(arguments);
          return a.length === 0 ? new D(now()) : new (Function.prototype.bind.apply(D, [null].concat(a)))();
        }
        VDate.prototype = D.prototype;
        VDate.now = function () { return now(); };
        VDate.UTC = D.UTC; VDate.parse = D.parse;
        Object.defineProperty(D.prototype, 'constructor', { value: VDate, writable: true, configurable: true });
        g.Date = VDate;
        g.Math.random = g.__random;
        delete g.__virtualNow; delete g.__random;
        g.__realm = { Date: D, Error: g.Error, Object: g.Object, Array: g.Array };
      })(this);`,
      ctx,
    );
    const realm = (ctx as { __realm: Realm }).__realm;
    delete (ctx as { __realm?: Realm }).__realm;
    // The fakes build dates with the realm's own constructor; product code sees the virtual `Date`.
    Object.assign(ctx, this.gas.globals(realm));
    const dist = this.distDir;
    return gasRequire(dist, ctx, { filter: (f) => path.resolve(f) === path.join(dist, 'Code.js') });
  }

  /** Runs one public function as one execution, recording its outcome and counters. */
  run(entry: string, args: unknown[] = [], opts: RunOptions = {}): RunResult {
    const kind = opts.kind ?? 'menu';
    const authMode = opts.authMode ?? (kind === 'simple-trigger' ? 'LIMITED' : 'FULL');
    const ex = this.world.begin(entry, kind, authMode);
    const savedBudget = this.world.maxExecutionMs;
    if (kind === 'simple-trigger') this.world.maxExecutionMs = Math.min(savedBudget, SIMPLE_TRIGGER_MS);
    this.world.log(`▶ ${entry}(${args.map((a) => JSON.stringify(a)).join(', ')}) [${kind}]`);
    let value: unknown;
    let error: string | undefined;
    try {
      const ctx = this.load();
      if (typeof (ctx as Record<string, unknown>)[entry] !== 'function') {
        throw new Error(`Script function not found: ${entry}`);
      }
      (ctx as Record<string, unknown>).__args = JSON.parse(JSON.stringify(args)) as unknown;
      const remaining = Math.max(1, this.world.maxExecutionMs - this.world.used(ex));
      const raw = vm.runInContext(
        // Return values cross to the caller as google.script.run would carry them: a Date is illegal
        // (https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values).
        `(function () { var r = ${entry}.apply(null, __args); return r === undefined ? undefined : JSON.stringify(r, function (k, v) {
          if (Object.prototype.toString.call(this[k]) === '[object Date]') throw new TypeError('Failed due to illegal value in property: ' + k);
          return v; }); })()`,
        ctx,
        { timeout: Math.ceil(remaining), filename: `execution-${ex.id}-${entry}` },
      ) as string | undefined;
      value = raw === undefined ? undefined : (JSON.parse(raw) as unknown);
    } catch (e) {
      error = describeError(e);
      if (e instanceof ExecutionKilled || /Script execution timed out/.test(error)) {
        ex.killed = true;
        error = EXCEEDED_MESSAGE;
      }
    } finally {
      this.world.maxExecutionMs = savedBudget;
    }
    // A stopped execution returns nothing, even if the script caught the error and carried on.
    if (ex.killed) {
      value = undefined;
      error = EXCEEDED_MESSAGE;
    }
    this.gas.releaseLocksOf(ex.id);
    const record = this.world.end(error === undefined ? 'ok' : 'error', error);
    this.world.log(
      `■ ${entry} ${record.outcome}${record.error ? `: ${record.error}` : ''} (${Math.round(record.virtualMs / 1000)} s virtual)`,
    );
    return { record, ...(value !== undefined ? { value } : {}), ...(record.error ? { error: record.error } : {}) };
  }
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const name = (e as { name?: string }).name;
    const msg = String((e as { message: unknown }).message);
    return name && name !== 'Error' ? `${name}: ${msg}` : msg;
  }
  return String(e);
}
