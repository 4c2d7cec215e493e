// Runs the built bundle as Apps Script would: every execution gets a fresh global scope (top-level
// code runs again, nothing survives in memory between executions), loaded by gas-local into a vm
// context that holds only what Apps Script provides (the fakes) plus the JS built-ins. `Date` and
// `Math.random` in that context follow the world's virtual clock and a seeded generator. The fakes
// charge their calls' modelled time to that clock (cost-model.ts), so the 6-minute budget and the
// triggers' daily runtime below include it.

import vm from 'node:vm';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AuthMode, ExecutionKind, ExecutionRecord, World } from './world';
import { EXCEEDED_MESSAGE, ExecutionKilled } from './world';
import type { Realm } from './gas/realm';
import { localised } from './gas/messages';
import type { TriggerRuntimeQuota } from './gas/trigger-runtime';
import { seededRandom } from './faults';

const require = createRequire(import.meta.url);
// gas-local is the loader the team chose (see ../shared/reference/apps-script.md §1.5); it is CommonJS.
const gasRequire: (dir: string, globals: object, opts: { filter: (f: string) => boolean }) => vm.Context =
  require('gas-local').require;

/** What the runtime needs from the fakes: fresh globals per execution, and lock clean-up at the end. */
export interface GasProvider {
  globals(realm: Realm): Record<string, unknown>;
  releaseLocksOf(executionId: number): void;
  /** Triggers' daily total runtime, charged and enforced for trigger executions (trigger-runtime.ts). */
  triggerRuntime?: TriggerRuntimeQuota;
  /** The user's language, in which Apps Script words its errors. */
  locale?: string;
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

/** Entry points that take credentials: their arguments are secrets (the sidebar's save*Credentials calls). */
const CREDENTIAL_ENTRY = /^save\w*Credentials$/;

/** Every string inside a value (arguments as the sidebar passes them: strings, objects, arrays). */
function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

/** The simple-trigger limit (https://developers.google.com/workspace/add-ons/concepts/editor-triggers#simple_triggers_in_add-ons). */
const SIMPLE_TRIGGER_MS = 30_000;

export class AppsScriptRuntime {
  private random: () => number;
  /**
   * Values the runtime's own log lines never show (the scenario's secrets, and every argument of a
   * save*Credentials call, added as it runs): they appear as [redacted], as the add-on's own logs do.
   */
  readonly secrets = new Set<string>();

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
    // Triggers share a daily total: an execution gets at most what is left of it.
    const quota = kind === 'time-trigger' || kind === 'simple-trigger' ? this.gas.triggerRuntime : undefined;
    const quotaLeft = quota ? quota.remainingMs(this.world.clock.now()) : Number.POSITIVE_INFINITY;
    const quotaBound = quotaLeft < this.world.maxExecutionMs;
    if (quotaBound) this.world.maxExecutionMs = Math.max(0, quotaLeft);
    if (CREDENTIAL_ENTRY.test(entry)) for (const v of stringsIn(args)) this.secrets.add(v);
    this.world.log(this.redact(`▶ ${entry}(${args.map((a) => JSON.stringify(a)).join(', ')}) [${kind}]`));
    let value: unknown;
    let error: string | undefined;
    try {
      // Used up: Apps Script fails the trigger before any of the script runs.
      if (quotaLeft <= 0) throw new ExecutionKilled();
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
    if (quota) {
      quota.charge(record.virtualMs + record.cpuMs);
      // Stopped by the daily total, not by the 6-minute limit: Apps Script's quota error.
      if (ex.killed && quotaBound) {
        record.outcome = 'error';
        record.error = localised(this.gas.locale, 'triggerRuntime');
      }
    }
    this.world.log(
      this.redact(
        `■ ${entry} ${record.outcome}${record.error ? `: ${record.error}` : ''} (${Math.round(record.virtualMs / 1000)} s virtual, ` +
          `${Math.round(record.modelledMs / 1000)} s of it modelled service time)`,
      ),
    );
    return { record, ...(value !== undefined ? { value } : {}), ...(record.error ? { error: record.error } : {}) };
  }

  /** Longest values first, so a secret that contains another is hidden whole. */
  private redact(line: string): string {
    let out = line;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (s.length < 4) continue;
      // Arguments are echoed as JSON: hide the escaped form of a value with quotes or backslashes too.
      const escaped = JSON.stringify(s).slice(1, -1);
      out = out.split(s).join('[redacted]').split(escaped).join('[redacted]');
    }
    return out;
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
