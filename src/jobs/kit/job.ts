// The job contract every flow implements, and the context the runner hands it. A job is a name,
// the exception types it owns, and a run over the context; the runner does the rest (lock,
// deadline, set-up and credential failures, the Exceptions tab, the Sync Log).

import type { SpApiClient } from '../../amazon/client';
import type { ThreePlAdapter } from '../../threepl/types';
import type { RaisedException } from '../../core/exceptions';
import type { ExceptionScope } from '../../core/exception-rows';
import type { Settings } from '../../core/settings';
import type { Ports } from '../../ports';
import type { Deadline } from '../../ports/clock';
import type { InventoryTab } from '../../sheet/inventory-tab';
import type { OrdersTab } from '../../sheet/orders-tab';
import type { StagingTab } from '../../sheet/staging-tab';
import type { SkuMapTab } from '../../sheet/sku-map-tab';

type Outcome = 'ok' | 'partial' | 'held' | 'failed' | 'skipped';

export interface JobOutcome {
  outcome: Outcome;
  counts: Record<string, number>;
  message: string;
  /**
   * Which Exceptions rows this run may resolve, when not the job's whole scope (a run that only
   * followed a push may resolve that push's rejections, nothing else). An empty list with nothing
   * raised leaves the tab untouched.
   */
  resolves?: ExceptionScope;
  /**
   * Rows the job's usual scope covers but this run must leave as they are, because it could not
   * look at their subject (a partial read). Only narrows the usual scope; ignored with `resolves`.
   */
  keepOpen?: (row: { key: string; type: string }) => boolean;
}

/** What a person asked for beyond a plain run ("Approve stock push"). */
export interface JobRequest {
  approve?: boolean;
  /** A settlement file a person uploaded from the sidebar: its name and its bytes in base64. */
  file?: { name: string; base64: string };
  /** Started by the schedule's time trigger (no one is waiting for the answer); set by the runner. */
  scheduled?: boolean;
}

export interface JobContext {
  ports: Ports;
  deadline: Deadline;
  /** When the run started (ms). */
  now: number;
  settings: Settings;
  request: JobRequest;
  /** The tabs a job reads and writes besides Exceptions and the Sync Log (the runner's). */
  tabs: { skuMap: SkuMapTab; inventory: InventoryTab; orders: OrdersTab; staging: StagingTab };
  /** Created on first use; a missing credential or setting throws a ConfigError the runner reports. */
  amazon(): SpApiClient;
  threePl(): ThreePlAdapter;
  /**
   * Reports problems this run sees; the runner merges them into the Exceptions tab. A list is passed
   * as it is, never spread (`raise(list)`, not `raise(...list)`): a list as long as a large
   * catalogue would overflow the call stack (core/lists.ts).
   */
  raise(...problems: Array<RaisedException | readonly RaisedException[]>): void;
}

export interface Job {
  /** The name "Sync now", scenarios, the schedule and the Sync Log use. */
  name: string;
  /** How a person calls it: "Stock sync". */
  label: string;
  /** Runs with the schedule and "Sync all now" (false: on request only, e.g. an undo). */
  scheduled: boolean;
  /** The exception types this job raises, and so may resolve when it no longer sees them. */
  exceptionScope: ReadonlyArray<string>;
  run(ctx: JobContext): JobOutcome;
  /** After the job threw: problems to report anyway (e.g. "no sync for hours") and the rows that report may resolve. */
  onFailure?(ctx: JobContext): { raised: RaisedException[]; resolves: ExceptionScope };
  /**
   * What a run that was skipped (another run held the lock, or no time was left) must add about
   * what it was asked to do, when that is lost rather than done by the next run (an uploaded file).
   */
  skippedNote?(request: JobRequest): string | undefined;
  /** After a deadline cut: what the next run carries on with. */
  resumeNote?(ctx: JobContext): string;
  /** After the job failed (threw): what was left done and undone, added to the error in the Sync Log. */
  failureNote?(ctx: JobContext): string;
  /**
   * In an execution shared with other jobs (the schedule, "Sync all now"), at most this long, so a
   * backlog of its own work never takes the time of the jobs after it (the stock sync above all).
   */
  sharedBudgetMs?: number;
  /**
   * Needs no other job before it in a shared execution (its place in the list is not a dependency):
   * when the jobs before it left it no time, it goes first in the next one (kit/runner inExecutionOrder),
   * so a system that does not answer never keeps it waiting for good.
   */
  standalone?: boolean;
  /**
   * What this job cannot do while Amazon or the 3PL refuses its credentials, in one sentence for the
   * AUTH_FAILED message ("No stock can be read or pushed."); without it the message says the job cannot run.
   */
  withoutAccess?: Partial<Record<'amazon' | 'threePl', string>>;
}
