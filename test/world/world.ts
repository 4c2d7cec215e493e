// The local world: one virtual clock, one network of simulators, one spreadsheet, and a record of
// every Apps Script execution. Each run of an entry point is one execution with Apps Script's
// 6-minute budget, counted as virtual time that passed plus real CPU time the script spent
// (https://developers.google.com/apps-script/guides/services/quotas: "Script runtime 6 min / execution").
// The fakes charge the time their calls take by the world's cost model (cost-model.ts), so the
// budget sees Sheets, properties, cache and UrlFetch working, not only the simulators' latency; the
// Node CPU the fakes and simulators spend inside those calls is theirs, not the script's, and is
// left out (`inService`), or a 100,000-row setValues would be charged twice: once by the model, once
// again by the fake's own copying.

import { VirtualClock } from './clock';
import { COST_MODEL, flushCost, type CostModel } from './cost-model';
import { Network } from './http';

export type WorldMode = 'bound' | 'addon';
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
/** How the execution started: decides whether a UI exists and which auth mode applies. */
export type ExecutionKind = 'menu' | 'sidebar' | 'simple-trigger' | 'time-trigger' | 'editor';

export const MAX_EXECUTION_MS = 6 * 60 * 1000;
/** Apps Script's message when it stops a script at the 6-minute limit. */
export const EXCEEDED_MESSAGE = 'Exceeded maximum execution time';

export interface ExecutionCounts {
  spreadsheetCalls: number;
  fetches: Record<string, number>;
  propertyReads: number;
  propertyWrites: number;
  cacheCalls: number;
  http429: number;
  retries: number;
  /** Cells returned by spreadsheet reads and touched by spreadsheet writes. */
  cellsRead: number;
  cellsWritten: number;
  /** Commits of the spreadsheet write cache: flush(), a read after writes, the end of the execution. */
  flushes: number;
  /** Response body bytes UrlFetchApp handed to the script. */
  bytesDownloaded: number;
  /** Whole milliseconds the cost model moved the clock by. */
  modelledMs: number;
}

export interface ExecutionRecord extends ExecutionCounts {
  id: number;
  entry: string;
  kind: ExecutionKind;
  start: string;
  end: string;
  virtualMs: number;
  cpuMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'skipped';
  error?: string;
}

export class ExecutionState {
  readonly counts: ExecutionCounts = {
    spreadsheetCalls: 0, fetches: {}, propertyReads: 0, propertyWrites: 0, cacheCalls: 0, http429: 0, retries: 0,
    cellsRead: 0, cellsWritten: 0, flushes: 0, bytesDownloaded: 0, modelledMs: 0,
  };
  /**
   * Cells written since the spreadsheet's write cache was last committed, or null when nothing is
   * pending (a structural change such as insertRows is pending with no cells).
   */
  pendingSheetCells: number | null = null;
  /** Modelled time not yet on the clock: the clock moves by whole milliseconds, so Date.now() stays an integer. */
  costCarry = 0;
  killed = false;
  /** Lock names this execution holds; released when it ends, as Apps Script does. */
  readonly heldLocks = new Set<string>();
  /** Hosts whose previous response was a 429, 5xx or timeout: the next call there counts as a retry. */
  readonly failedLastTime = new Set<string>();
  private readonly cpuStart = process.cpuUsage();
  /** CPU microseconds spent inside fake service calls (the platform's side): not the script's time. */
  serviceCpuUs = 0;
  /** Nesting of fake service calls: only the outermost one is measured. */
  serviceDepth = 0;

  constructor(
    readonly id: number,
    readonly entry: string,
    readonly kind: ExecutionKind,
    readonly authMode: AuthMode,
    readonly virtualStart: number,
  ) {}

  get hasUi(): boolean {
    return this.kind === 'menu' || this.kind === 'sidebar' || this.kind === 'simple-trigger' || this.kind === 'editor';
  }

  /** The script's own CPU time: the process's, less what the fakes and simulators spent serving it. */
  cpuMs(): number {
    const u = process.cpuUsage(this.cpuStart);
    return Math.max(0, u.user + u.system - this.serviceCpuUs) / 1000;
  }

  /** Runs one fake service call, keeping its Node CPU out of the script's (see the file's comment). */
  inService<T>(fn: () => T): T {
    if (this.serviceDepth > 0) return fn();
    this.serviceDepth++;
    const start = process.cpuUsage();
    try {
      return fn();
    } finally {
      const d = process.cpuUsage(start);
      this.serviceCpuUs += d.user + d.system;
      this.serviceDepth--;
    }
  }
}

/** Thrown by every fake service once an execution has run out of time. */
export class ExecutionKilled extends Error {
  constructor() {
    super(EXCEEDED_MESSAGE);
    this.name = 'Exception';
  }
}

export class World {
  readonly clock: VirtualClock;
  readonly network = new Network();
  readonly executions: ExecutionRecord[] = [];
  readonly logLines: string[] = [];
  current: ExecutionState | null = null;
  private nextId = 1;
  /** The document's own time zone (Spreadsheet.getSpreadsheetTimeZone) and the script's (manifest). */
  spreadsheetTimeZone = 'Europe/London';
  scriptTimeZone = 'Europe/London';
  /** Budget override for tests that want a shorter execution; Apps Script's is 6 minutes. */
  maxExecutionMs = MAX_EXECUTION_MS;
  /** The active user's email; Apps Script may return '' (Session.getActiveUser docs). */
  activeUserEmail = 'ops@example.co.uk';
  /** What each service call costs in virtual time; NO_COST for tests that assert exact clock values. */
  cost: CostModel = COST_MODEL;

  constructor(
    start: string | number,
    readonly mode: WorldMode = 'bound',
  ) {
    this.clock = new VirtualClock(start);
  }

  log(line: string): void {
    this.logLines.push(`${this.clock.iso()} ${line}`);
  }

  begin(entry: string, kind: ExecutionKind, authMode: AuthMode = 'FULL'): ExecutionState {
    if (this.current) throw new Error(`Execution ${this.current.entry} is still running`);
    this.current = new ExecutionState(this.nextId++, entry, kind, authMode, this.clock.now());
    return this.current;
  }

  end(outcome: ExecutionRecord['outcome'], error?: string): ExecutionRecord {
    const ex = this.current;
    if (!ex) throw new Error('No execution is running');
    // Writes still in the cache are committed when the script returns, within its runtime; a
    // stopped execution ends at the limit, and whether its cache is committed is not documented.
    if (!ex.killed) this.commitSheetWrites(ex);
    this.current = null;
    const record: ExecutionRecord = {
      id: ex.id,
      entry: ex.entry,
      kind: ex.kind,
      start: new Date(ex.virtualStart).toISOString(),
      end: this.clock.iso(),
      virtualMs: this.clock.now() - ex.virtualStart,
      cpuMs: Math.round(ex.cpuMs()),
      outcome: ex.killed ? 'timeout' : outcome,
      ...(ex.killed ? { error: EXCEEDED_MESSAGE } : error !== undefined ? { error } : {}),
      ...structuredClone(ex.counts),
    };
    this.executions.push(record);
    return record;
  }

  /**
   * Sets the running execution aside so a second one can start, as when two executions overlap
   * on Apps Script (a trigger firing while "Sync now" runs). Used to test locks.
   */
  suspend(): ExecutionState {
    const ex = this.current;
    if (!ex) throw new Error('No execution is running');
    this.current = null;
    return ex;
  }

  resume(ex: ExecutionState): void {
    if (this.current) throw new Error(`Execution ${this.current.entry} is still running`);
    this.current = ex;
  }

  /** Milliseconds of the current execution's budget used so far (virtual time + CPU time). */
  used(ex: ExecutionState): number {
    return this.clock.now() - ex.virtualStart + ex.cpuMs();
  }

  /**
   * Moves the clock by `ms` of modelled work done by `ex`. Fractions are carried to the next
   * charge; the caller calls guard() afterwards when the work may stop the execution.
   */
  charge(ex: ExecutionState, ms: number): void {
    if (!(ms > 0)) return;
    ex.costCarry += ms;
    // The epsilon keeps sums of fractions such as 10 × 0.4 from landing just under a whole number.
    const whole = Math.floor(ex.costCarry + 1e-9);
    if (whole <= 0) return;
    ex.costCarry -= whole;
    ex.counts.modelledMs += whole;
    this.clock.advance(whole);
  }

  /**
   * Commits the spreadsheet write cache if anything is pending: "every time you do a read, we must
   * first empty (commit) the write cache" (Google Apps Script blog, "Optimizing Spreadsheet
   * Operations", 2010). `explicit` is SpreadsheetApp.flush(), which pays the round trip even when
   * nothing is pending.
   */
  commitSheetWrites(ex: ExecutionState, explicit = false): void {
    const cells = ex.pendingSheetCells;
    if (cells === null && !explicit) return;
    ex.pendingSheetCells = null;
    ex.counts.flushes++;
    this.charge(ex, flushCost(this.cost, cells ?? 0));
  }

  /**
   * Every fake service calls this first: it refuses work outside an execution and stops an
   * execution that has run past its budget, as Apps Script does.
   */
  guard(): ExecutionState {
    const ex = this.current;
    if (!ex) throw new Error('An Apps Script service was called outside an execution');
    if (ex.killed || this.used(ex) > this.maxExecutionMs) {
      ex.killed = true;
      throw new ExecutionKilled();
    }
    return ex;
  }
}
