// Runs one job under the document lock and records it as one Sync Log row (docs/design.md §4). The
// runner alone handles what every job shares: a second run while one holds the lock is skipped;
// set-up, credential and deadline failures are reported the same way for every job; the job's
// problems are merged into the Exceptions tab within its scope; everything the run writes, logs,
// mails or returns passes the run's one redaction point (kit/redaction).

import { widenScope, type ExceptionScope } from '../../core/exception-rows';
import { withSettingCells } from '../../core/settings-cells';
import { makeRunId } from '../../core/sync-log';
import { TAB } from '../../core/tabs';
import type { Ports } from '../../ports';
import { DeadlineExceeded, deadlineFrom } from '../../ports/clock';
import type { Deadline } from '../../ports/clock';
import { exceptionsTab } from '../../sheet/exceptions-tab';
import { readSettings } from '../../sheet/settings-tab';
import { peoplesOutputTabs } from '../../sheet/output-tabs';
import { appendRun, trimRuns } from '../../sheet/sync-log-tab';
import { runAlerts } from './alerts';
import { createContext } from './context';
import type { RunContext } from './context';
import { countingHttp } from './counting-http';
import { createRedactor } from './redaction';
import type { Redactor } from './redaction';
import { snapshotStore } from './store-snapshot';
import { AHEAD_BUDGET_MS, noteWaited } from './turns';
import { SETUP_KEYS, errorText, failureException } from './failures';
import { blockedBySettings, settingsExceptions, withSettingsNote, withSettingsScope } from './settings-check';
import { recordTriggerRuntime, watchTriggerRuntime } from './quota';
import { refreshAfterRun, watchRun } from './dashboard';
import type { RunWatch } from './dashboard';
import type { Job, JobOutcome, JobRequest } from './job';

/** Stop starting new work here, leaving a minute for writing results before the 6-minute kill. */
const JOB_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * Several jobs in one execution ("Sync all now", the schedule) share Apps Script's 6 minutes: each
 * job's budget also ends this long after the execution started, and a job with less than
 * MIN_JOB_MS left waits for the next execution instead of being killed mid-write.
 */
const EXECUTION_BUDGET_MS = 5 * 60 * 1000;
const MIN_JOB_MS = 45_000;

/** The Sync Log is trimmed at most once a day: trimming reads the whole tab. */
const TRIM_KEY = 'syncLog.trimmedAt';
const DAY_MS = 86_400_000;

export interface RunSummary extends JobOutcome {
  runId: string;
  job: string;
}

interface RunOptions {
  /** Stored secrets: no message leaves the run with one of them in it. */
  secrets: ReadonlyArray<string | null>;
  request?: JobRequest;
  /** Started by the schedule's time trigger: its time counts toward Apps Script's daily trigger runtime. */
  trigger?: boolean;
  /** When the Apps Script execution started (ms), when it runs several jobs one after another. */
  executionStart?: number;
  /** Other jobs run in the same execution: a job's `sharedBudgetMs` applies. */
  shared?: boolean;
  /** Run ahead of its place (it waited for time before, inExecutionOrder): AHEAD_BUDGET_MS at most. */
  ahead?: boolean;
}

/** The set-up rows a run got past: its own CONFIG_INVALID, and the sign-in of each system it reached. */
function setupKeysPast(job: Job, ctx: RunContext): Set<string> {
  const keys = new Set([SETUP_KEYS.config(job.name)]);
  if (ctx.reached.amazon) keys.add(SETUP_KEYS.amazonAuth);
  if (ctx.reached.threePl) keys.add(SETUP_KEYS.threePlAuth);
  return keys;
}

/**
 * A run that did its work resolves the job's own types and the set-up problems it got past, except
 * the rows it says it could not look at (`keepOpen`).
 */
function fullScope(job: Job, ctx: RunContext, keepOpen: JobOutcome['keepOpen']): ExceptionScope {
  const keys = setupKeysPast(job, ctx);
  // Set-up problems the job raised under its own name (a SKU Map column, a 3PL location) are past too.
  const own = `${SETUP_KEYS.config(job.name)}:`;
  const covered = (row: { key: string; type: string }) => job.exceptionScope.includes(row.type) || keys.has(row.key) || row.key.startsWith(own);
  return keepOpen ? (row) => covered(row) && !keepOpen(row) : covered;
}

/** The job's run with its failures turned into outcomes and its problems into the Exceptions tab. */
function execute(job: Job, ports: Ports, deadline: Deadline, request: JobRequest, redactor: Redactor, watch?: RunWatch): JobOutcome {
  const read = readSettings(ports.workbook);
  const { settings } = read;
  const ctx = createContext(ports, deadline, settings, request, redactor);
  // The Dashboard's stock health comes from the rows this run holds (kit/dashboard).
  watch?.seen(ctx);
  // Unusable Settings values (kit/settings-check): reported for every job; some stop it before it starts.
  ctx.raise(settingsExceptions(read.problems));
  const blocked = blockedBySettings(read.problems, job);
  // Apps Script's daily trigger runtime (kit/quota): QUOTA before the schedule uses it up; no job's own.
  const runtime = watchTriggerRuntime(ctx);
  let outcome: JobOutcome;
  let resolves: ExceptionScope;
  try {
    outcome = blocked ?? job.run(ctx);
    // A job that names what it resolves (settlements: the reports it looked at) still got past the
    // sign-ins it reached: an AUTH_FAILED a later success disproves must not stay open for it.
    const past = setupKeysPast(job, ctx);
    resolves = blocked ? [] : outcome.resolves ? (outcome.outcome === 'failed' ? outcome.resolves : widenScope(outcome.resolves, (row) => past.has(row.key))) : fullScope(job, ctx, outcome.keepOpen);
  } catch (e) {
    const problem = failureException(e, job, settings);
    if (problem) ctx.raise(problem);
    const after = job.onFailure?.(ctx);
    if (after) ctx.raise(after.raised);
    resolves = after?.resolves ?? [];
    outcome =
      e instanceof DeadlineExceeded
        ? { outcome: 'partial', counts: {}, message: `${e.message}. ${job.resumeNote?.(ctx) ?? 'The next run starts again.'}` }
        : { outcome: 'failed', counts: {}, message: withNote(errorText(e, job, settings.threePlProvider), job.failureNote?.(ctx)) };
    // A failed run that saw no problem of its own leaves the tab as people left it.
    if (ctx.raised.length === 0) return outcome;
  }
  outcome = withSettingsNote(outcome, read.problems, ctx.raised, job);
  resolves = runtime.scope(resolves);
  if (ctx.raised.length === 0 && Array.isArray(resolves) && resolves.length === 0) return outcome;
  // Alert e-mail (jobs/kit/alerts): the cell is checked with the run's problems, new High rows mailed after.
  // The mail port is already redacting (kit/redaction); the list adds the run's live tokens to the alert's own checks.
  const alerts = runAlerts({ alertEmail: settings.alertEmail, jobLabel: job.label, now: ctx.now, secrets: redactor.known() });
  // Every problem about a setting names the cell its value is in (core/settings-cells), whichever job raised it.
  const raised = withSettingCells([...ctx.raised, ...alerts.raised], read.cells, read.tab);
  const rec = exceptionsTab(ports.workbook, ports.sheetStyle, ports.store).reconcile({ raised, now: ctx.now, scope: alerts.scope(withSettingsScope(resolves)), retentionDays: settings.logRetentionDays, marketplace: settings.marketplace });
  const opened = rec.opened.length;
  return alerts.report(ports.mail, raised, rec, {
    ...outcome,
    counts: { ...outcome.counts, opened },
    message: opened ? `${outcome.message} ${opened} new exception(s).`.trim() : outcome.message,
  });
}

/** An error's text, then what the job says was left: one sentence after another. */
function withNote(error: string, note: string | undefined): string {
  if (!note) return error;
  return `${error}${/[.!?]$/.test(error) ? '' : '.'} ${note}`;
}

/** Removes Sync Log rows older than "Log retention (days)", once a day. */
function trimLog(ports: Ports, now: number): void {
  if (now - Number(ports.store.get(TRIM_KEY) ?? 0) < DAY_MS) return;
  ports.store.set(TRIM_KEY, String(now));
  trimRuns(ports.workbook, now, readSettings(ports.workbook).settings.logRetentionDays);
}

const randomSuffix = () => Math.floor(Math.random() * 0xffff).toString(16).padStart(4, '0');

/** Appends the run's Sync Log row; returns its End, which the Dashboard's "last successful sync" formulas look up. */
function logRun(ports: Ports, job: Job, runId: string, start: number, result: JobOutcome, calls: { amazon: number; threePl: number }): number {
  const end = ports.clock.now();
  appendRun(ports.workbook, {
    runId,
    job: job.name,
    start,
    end,
    outcome: result.outcome,
    counts: result.counts,
    amazonCalls: calls.amazon,
    threePlCalls: calls.threePl,
    message: result.message,
  }, ports.dashboard);
  return end;
}

export function runJob(job: Job, raw: Ports, opts: RunOptions): RunSummary {
  // The one redaction point: every cell, log line and mail of this run, and its returned summary.
  const redactor = createRedactor(opts.secrets);
  const ports = redactor.ports(raw);
  const start = ports.clock.now();
  const runId = makeRunId(job.name, start, randomSuffix());
  const { http, counts: calls } = countingHttp(ports.http);
  let result: JobOutcome;
  const ownShare = Math.min(opts.shared && job.sharedBudgetMs ? job.sharedBudgetMs : Infinity, opts.ahead ? AHEAD_BUDGET_MS : Infinity);
  const budget = Math.min(JOB_BUDGET_MS, EXECUTION_BUDGET_MS - (start - (opts.executionStart ?? start)), ownShare);
  // "Skipped" means the next run does it; what it cannot (an upload) says so, naming what to do.
  const lost = opts.request ? job.skippedNote?.(opts.request) : undefined;
  const skipped = (why: string): JobOutcome => ({ outcome: 'skipped', counts: {}, message: lost ? `${why} ${lost}` : why });
  if (budget < MIN_JOB_MS) {
    result = skipped(`The jobs before it used this execution's time; it runs with the next one${job.standalone ? ', first' : ''}.`);
    logRun(ports, job, runId, start, result, calls);
    if (opts.shared) noteWaited(ports.store, job.name, true);
  } else if (!ports.lock.tryLock(10_000)) {
    result = skipped('Another sync was running, so this one was skipped.');
    logRun(ports, job, runId, start, result, calls);
  } else {
    // Read once, now that no other run can change them (store-snapshot.ts).
    const store = snapshotStore(ports.store);
    // It had its time: no longer ahead of the others.
    noteWaited(store, job.name, false);
    const watch = watchRun();
    // A person's own Sync Log or Exceptions tab is never written (sheet/output-tabs): nothing starts
    // that could not record itself. The Sync Log, when it is the add-on's, says why.
    const theirs = peoplesOutputTabs(ports.workbook);
    try {
      if (theirs.length > 0) {
        result = { outcome: 'failed', counts: {}, message: `${theirs.map((t) => t.message).join(' ')} Nothing was synced: every run records itself in the "${TAB.syncLog}" and its problems in the "${TAB.exceptions}" tab.` };
      } else {
        try {
          result = execute(job, { ...ports, http, store }, deadlineFrom(ports.clock, budget - (ports.clock.now() - start)), { ...(opts.request ?? {}), ...(opts.trigger ? { scheduled: true } : {}) }, redactor, watch);
        } catch (e) {
          result = { outcome: 'failed', counts: {}, message: e instanceof Error ? e.message : String(e) };
        }
      }
      result = { ...result, message: redactor.text(result.message) };
      const end = logRun(ports, job, runId, start, result, calls);
      // Trimming rewrites the whole tab: only while no other run can append to it.
      trimLog({ ...ports, store }, ports.clock.now());
      // The Dashboard after the Sync Log row, with the row's own End (its formulas find the run
      // there), and after the trim, so a success whose row the trim removed is written back (kit/dashboard).
      refreshAfterRun({ ...ports, store }, job, result, end, watch);
      recordTriggerRuntime(store, job, start, ports.clock.now(), opts.trigger === true);
    } finally {
      ports.lock.release();
    }
  }
  ports.log.info(`${runId} ${result.outcome}: ${result.message}`);
  const { resolves: _scope, keepOpen: _keep, ...summary } = result;
  return redactor.value({ ...summary, runId, job: job.name });
}
