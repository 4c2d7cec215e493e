// Amazon's removal order, removal shipment and customer-returns reports for the removals job:
// requested together (createReport with a date range, sp-api.md §8), waited for across runs with
// the kit's waiter, and waited for within a run a person started that asked for them itself. A new
// set is asked for at most every hour on the schedule (removals move in days), right after the last
// one is read when it is already that old, so the next run finds it ready.

import type { SpApiClient } from '../../amazon/client';
import { CUSTOMER_RETURNS_REPORT, parseRemovalOrders, parseRemovalShipments, parseReturnLpns, REMOVAL_ORDER_REPORT, REMOVAL_SHIPMENT_REPORT, reportName } from '../../core/removals/parse';
import type { RemovalReports } from '../../core/removals/types';
import type { ClockPort, Deadline } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/store';
import { pollOnce, storedWait } from '../kit/waiter';

export const REPORT_TYPES = [REMOVAL_ORDER_REPORT, REMOVAL_SHIPMENT_REPORT, CUSTOMER_RETURNS_REPORT] as const;
const KEY = (type: string) => `removals.report.${type}`;
/**
 * How far back each report reaches. Removal orders take weeks to ship and arrive; 60 days covers a
 * removal from request to the 3PL's count with room for an overdue one, and a row already in the
 * tab keeps what it showed once its removal leaves the window.
 */
export const LOOKBACK_DAYS = 60;
/** A report not finished after this long is asked for again (Amazon can leave one IN_QUEUE). */
const GIVE_UP_MS = 2 * 3600_000;
const POLL_MS = 15_000;

export type ReportsRead = { kind: 'read'; reports: RemovalReports; asOf: number } | { kind: 'waiting'; message: string } | { kind: 'not due' };

function request(amazon: SpApiClient, store: KeyValueStore, type: string, now: number): void {
  // No dataEndTime: Amazon then reports up to when it makes the report, so the order detail and the
  // shipment detail describe the same moment (a box shipped in between shows in both).
  const id = amazon.createReport({ reportType: type, dataStartTime: new Date(now - LOOKBACK_DAYS * 86_400_000).toISOString() });
  storedWait(store, KEY(type)).save({ id, requestedAt: now });
}

/** Asks for every report not already on its way. */
export function requestReports(amazon: SpApiClient, store: KeyValueStore, now: number): void {
  for (const type of REPORT_TYPES) if (!storedWait(store, KEY(type)).load()) request(amazon, store, type, now);
}

interface InRun {
  clock: ClockPort;
  deadline: Deadline;
  /** Time to keep for the rest of the run (the 3PL's side, writing the tab). */
  reserveMs: number;
  /**
   * Wait for reports this run asked for. A person who pressed "Sync removals now" waits a minute or
   * two for the answer; the schedule does not, since its time counts against the daily trigger
   * runtime and removals move in days: its next run reads them.
   */
  wait: boolean;
  /** Whether a new set of reports may be asked for now (one on its way is read whenever it is ready). */
  due: boolean;
}

/**
 * The three reports once all are ready (CANCELLED means Amazon had no data: an empty report). When
 * this run asked for them, it waits for them while time allows; otherwise it looks once.
 */
export function readReports(amazon: SpApiClient, store: KeyValueStore, now: number, inRun: InRun): ReportsRead {
  const askedNow = REPORT_TYPES.some((t) => !storedWait(store, KEY(t)).load());
  if (askedNow && !inRun.due && REPORT_TYPES.every((t) => !storedWait(store, KEY(t)).load())) return { kind: 'not due' };
  requestReports(amazon, store, now);
  const done = new Map<string, string | null>();
  const pending: string[] = [];
  /**
   * Polls the reports not finished yet, stopping at the first still running: the three are asked for
   * together and usually finish together, so one getReport a round is enough while waiting.
   */
  const look = (at: number): void => {
    pending.length = 0;
    for (const type of REPORT_TYPES) {
      if (done.has(type)) continue;
      if (pending.length) {
        pending.push(`${reportName(type)} (not checked yet)`);
        continue;
      }
      const wait = storedWait(store, KEY(type));
      const state = wait.load()!;
      const polled = pollOnce(state, (id) => {
        const r = amazon.getReport(id);
        return { status: r.processingStatus, result: r.reportDocumentId };
      }, at, GIVE_UP_MS);
      if (polled.state === 'done') done.set(type, polled.result);
      else if (polled.state === 'ended' && polled.status === 'CANCELLED') done.set(type, null);
      else if (polled.state === 'ended' || polled.overdue) {
        // FATAL, or stuck in Amazon's queue: a fresh request may overtake it.
        request(amazon, store, type, at);
        pending.push(`${reportName(type)} (${polled.status}, asked again)`);
      } else pending.push(`${reportName(type)} (${polled.status}, ${polled.minutes} min)`);
    }
  };
  look(now);
  while (inRun.wait && askedNow && pending.length && inRun.deadline.remainingMs() > inRun.reserveMs + POLL_MS) {
    inRun.clock.sleep(POLL_MS);
    look(inRun.clock.now());
  }
  if (pending.length) return { kind: 'waiting', message: `Amazon is still preparing the ${pending.join(', ')}; the next run reads them.` };
  const problems: RemovalReports['problems'] = [];
  const text = (type: string): string => {
    const id = done.get(type);
    return id ? amazon.downloadReport(id) : '';
  };
  const orderText = text(REMOVAL_ORDER_REPORT);
  const shipmentText = text(REMOVAL_SHIPMENT_REPORT);
  const returnsText = text(CUSTOMER_RETURNS_REPORT);
  const reports: RemovalReports = {
    orders: orderText ? parseRemovalOrders(orderText, problems) : [],
    shipments: shipmentText ? parseRemovalShipments(shipmentText, problems) : [],
    returns: returnsText ? parseReturnLpns(returnsText, problems) : [],
    problems,
  };
  const asOf = Math.min(...REPORT_TYPES.map((t) => storedWait(store, KEY(t)).load()!.requestedAt));
  // Cleared only once all three are read: a run cut while downloading reads them again next time.
  for (const type of REPORT_TYPES) storedWait(store, KEY(type)).clear();
  return { kind: 'read', reports, asOf };
}
