// The removals job (docs/design.md §3 "Removals"): Amazon's removal and customer-returns reports
// into the Removals tab, one expected receipt at the 3PL per removal shipped there, each receipt
// followed until it is counted, and the 3PL's unidentified parcels. The tab is written at the end
// whatever stopped the run; exceptions are worked out from the whole tab so they clear themselves.

import { exceptionKey, type RaisedException } from '../../core/exceptions';
import { validateSkuMap } from '../../core/inventory/sku-map';
import { reportName } from '../../core/removals/parse';
import { removalId } from '../../core/removals/record';
import { markOverdue, receiptMismatch, receiptPutBack, REMOVAL_EXCEPTION_TYPES, removalExceptions, stateEditInvalid, unitsEditInvalid } from '../../core/removals/rules';
import { mergeReports, retainRows } from '../../core/removals/build';
import { CLOSED_STATES, FOLLOWED_STATES, type RemovalReports, type RemovalRow } from '../../core/removals/types';
import { DeadlineExceeded } from '../../ports/clock';
import { removalsTab } from '../../sheet/removals-tab';
import { providerName } from '../../threepl/names';
import { receivingRef, withThreePlRefs } from '../../threepl/page-refs';
import type { ThreePlAdapter } from '../../threepl/types';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import { oneLocation, type OneLocation } from '../kit/locations-check';
import { followReceipts, retryable, sendReceipts, type ReceiptCounts, type ReceiptDeps } from './receipts';
import { readReports, requestReports } from './reports';
import { loadState, saveState } from './state';
import { readIdSeal, sealIds } from './id-seal';
import { checkTypedIds, deletedRows, emptiedIds, putBackCounts, type TypedIds } from '../../core/removals/typed-ids';
import { putBackSaid } from '../../core/removals/put-back-said';
import { unidentifiedReceipts } from './unidentified';
import { firstFew, plural } from '../../core/words';
import { cellException } from '../../core/typed-cells';
import { TAB, TABS, headersOf } from '../../core/tabs';
import { pushAll } from '../../core/lists';

/** Time kept after waiting for Amazon's reports, for the 3PL's side and the tab. */
const RESERVE_MS = 90_000;
/**
 * How old the last set of reports must be before the next is asked for: hourly on the schedule
 * (every 5 minutes would spend six report calls a run on figures that change in days); a person
 * pressing "Sync removals now" gets fresh ones unless the last are minutes old.
 */
const REPORTS_EVERY_MS = { scheduled: 55 * 60_000, person: 5 * 60_000 };

/**
 * A removal's problems link to its receiving order at the 3PL when this run made or read it as one
 * (keys are TYPE:<removal order id>[:SKU]); the Exceptions tab keeps the link after that.
 */
function withReceiptRefs(raised: RaisedException[], rows: readonly RemovalRow[], adapter: ThreePlAdapter, receiving: ReadonlySet<string>): RaisedException[] {
  const receipts = new Map<string, string>();
  for (const r of rows) if (r.receipt && receiving.has(r.receipt) && !receipts.has(r.orderId)) receipts.set(r.orderId, r.receipt);
  return withThreePlRefs(raised, (e) => receivingRef(adapter.provider, receipts.get(e.key.split(':')[1] ?? '') ?? ''));
}

/** Settings "Removals to 3PL": a Return removal whose id begins with one of the entries (any, when empty). */
export function goesToThreePl(prefixes: readonly string[]): (orderId: string, orderType: string) => boolean {
  return (orderId, orderType) => /^return$/i.test(orderType) && (prefixes.length === 0 || prefixes.some((p) => orderId.toLowerCase().startsWith(p.toLowerCase())));
}

function reportExceptions(problems: RemovalReports['problems']): RaisedException[] {
  return problems.map((p) => ({
    key: `REMOVAL_REPORT_INVALID:${p.report}:${p.line}`,
    type: 'REMOVAL_REPORT_INVALID' as const,
    entity: `Amazon ${reportName(p.report)}, line ${p.line}`,
    message: p.message,
  }));
}

/**
 * The 3PL location receiving removals: the setting, else the one counted location, else the 3PL's
 * only one. Asked for once, and only when a receipt is due (listing locations is a 3PL call).
 */
function removalsLocation(ctx: JobContext, adapter: ThreePlAdapter, threePlName: string): () => OneLocation {
  let answer: OneLocation | undefined;
  return () => {
    const own = ctx.settings.removalsLocation;
    const counted = ctx.settings.threePlLocations;
    const typed = own || (counted.length === 1 ? counted[0]! : null);
    answer ??= oneLocation({ typed, setting: own ? 'Removals 3PL location' : '3PL locations', emptySetting: 'Removals 3PL location', purpose: 'Amazon sends removals to', warehouses: adapter.listWarehouses(), threePlName });
    return answer;
  };
}

/**
 * A location setting the removals could not use is a set-up problem people typed (or left out): one
 * CONFIG_INVALID on the Settings cell, which keeps the run from "ok" (kit/settings-check.ts), rather
 * than only a problem per removal that reads as the 3PL's doing.
 */
function locationProblem(location: OneLocation | null): RaisedException[] {
  if (!location || !('problem' in location)) return [];
  return [{ key: exceptionKey('CONFIG_INVALID', 'removals', location.setting), type: 'CONFIG_INVALID', entity: `Settings: ${location.setting}`, message: `${location.problem} Removals wait for it: no receipt is made at the 3PL until it is fixed.`, typedInput: true }];
}

/** Each removal SKU's 3PL SKU from the SKU Map: a row with its Seller SKU, else one with its FNSKU. */
function skuMapper(ctx: JobContext): ReceiptDeps['threePlSku'] {
  let entries: ReturnType<typeof validateSkuMap>['entries'] | undefined;
  return (r) => {
    entries ??= validateSkuMap(ctx.tabs.skuMap.records(), { defaultMarketplace: ctx.settings.marketplace }).entries.filter((e) => e.marketplace === ctx.settings.marketplace && e.threePlSku);
    let hits = entries.filter((e) => e.sellerSku === r.sku);
    if (!hits.length && r.fnsku) hits = entries.filter((e) => e.fnsku === r.fnsku);
    const skus = [...new Set(hits.map((e) => e.threePlSku))];
    if (skus.length === 1) return { sku: skus[0]! };
    if (!skus.length) return { problem: `SKU ${r.sku}${r.fnsku ? ` (FNSKU ${r.fnsku})` : ''} has no 3PL SKU in the SKU Map; add it to a row with this Seller SKU.` };
    return { problem: `SKU ${r.sku} has several 3PL SKUs in the SKU Map (${skus.join(', ')}), so the add-on cannot tell which product comes back.` };
  };
}

const ORDER_ID = headersOf(TABS.removals).orderId;

/** A row the add-on cannot tell which removal it is: the Removal Order ID cell, what it holds and why. */
interface LostRow {
  sheetRow: number;
  value: string;
  problem: string;
}

function stopForLostIds(ctx: JobContext, lostRows: readonly LostRow[]): JobOutcome {
  const sheetRows = lostRows.map((l) => l.sheetRow);
  ctx.raise(
    lostRows.map(({ sheetRow, value, problem }) =>
      cellException({
        tab: TAB.removals,
        rowId: `row ${sheetRow}`,
        about: 'a removal',
        sheetRow,
        column: ORDER_ID,
        value,
        address: '',
        problem,
        allowed: `the row's Removal Order ID and SKU back (Edit → Undo, or File → Version history shows them), or delete the row if it was added by hand, then resolve this row`,
        meanwhile: 'No receipt is made or read back and the tab is not written until then: a write would delete the row, with its 3PL Receipt, or a receipt would be made for a removal Amazon does not have.',
      }),
    ),
  );
  return {
    outcome: 'partial',
    counts: { receiptsMade: 0, removalsCounted: 0 },
    message: `${plural(sheetRows.length, 'row')} of the Removals tab without a Removal Order ID or SKU the add-on can tell (row ${firstFew(sheetRows)}): nothing was done and the tab was left as it is (see Exceptions).`,
    // Nothing was looked at: every removal problem stays as it was.
    keepOpen: () => true,
  };
}

/** Rows whose Removal Order ID (or SKU) was typed over and whose other cells cannot tell which removal they were. */
function typedOver(check: TypedIds): LostRow[] {
  const was = check.missing.length ? ` (the tab no longer has ${firstFew(check.missing.map((id) => `removal ${id}`))})` : '';
  return check.unknown.map(({ row, sheetRow }) => ({
    sheetRow,
    value: row.orderId,
    problem: `${ORDER_ID} "${row.orderId}" with SKU ${row.sku} is not a removal the add-on wrote on this row: the ID or the SKU was typed over${was}, and the row's other cells do not tell which removal it was`,
  }));
}

function runRemovals(ctx: JobContext): JobOutcome {
  const { settings, now, ports } = ctx;
  const store = ports.store;
  const tab = removalsTab(ports.workbook);
  // A row whose Removal Order ID (or SKU) was emptied is no removal the add-on knows: a write would
  // delete it, and with it the 3PL Receipt it was given (Amazon's reports, read every few hours and
  // only for recent removals, may never give it back). It is put back when the row's other cells are
  // a sealed removal's that has no row (the write then drops the unreadable row for the sealed one);
  // otherwise nothing is done or written until it is typed back.
  const { sealed: seal, complete } = readIdSeal(store);
  const emptied = emptiedIds(seal, tab.rows(), tab.unidentified().map((sheetRow) => ({ sheetRow, record: tab.recordAt(sheetRow) ?? {} })));
  if (emptied.left.length) return stopForLostIds(ctx, emptied.left.map((sheetRow) => ({ sheetRow, value: '', problem: `${ORDER_ID} or SKU is empty, so the add-on cannot tell which removal the row is` })));
  // An ID typed over is put back from the row's other cells; one they cannot tell stops the run as above.
  const ids = checkTypedIds(seal, tab.rows(), tab.sheetRows(), complete);
  if (ids.unknown.length) return stopForLostIds(ctx, typedOver(ids));
  // A State, Received or 3PL Receipt typed over gets what the add-on wrote back: a typed count never
  // closes a removal, a typed receipt id never stands in for the one still to be made.
  const counted = putBackCounts(seal, ids.rows);
  // A row a person deleted comes back as last written, with its receipt and counts (typed-ids.ts).
  const deleted = deletedRows(seal, counted.rows);
  let rows: RemovalRow[] = [...counted.rows, ...deleted].map((r) => ({ ...r, tracking: [...r.tracking], lpns: [...r.lpns] }));
  // The tab and the seal of what it holds are written together, so the next run tells typed IDs from new removals.
  const writeTab = () => {
    tab.write(rows);
    sealIds(store, rows);
  };
  // Said as read: a report merge later in the run rebuilds these rows.
  const stateEdits = rows.filter((r) => r.stateEdit).map((r) => ({ ...r }));
  const unitsEdits = rows.filter((r) => r.unitsEdit);
  const state = loadState(store);
  const threePlName = providerName(settings.threePlProvider);
  const raised: RaisedException[] = [];
  const failed: string[] = [];
  const counts: ReceiptCounts & Record<string, number> = { receiptsMade: 0, receiptsAdopted: 0, removalsHeld: 0, receiptsFailed: 0, removalsCounted: 0 };
  let cut: string | null = null;
  let waiting = '';
  let reportsRead = false;
  let unidentified: RaisedException[] | null = null;

  const down = new Set<'amazon' | 'threePl'>();
  /**
   * Runs one step. A cut ends the steps after it; a system that cannot be reached skips the steps
   * that need it (the rest go on); anything else is thrown once the tab is written.
   */
  const step = (needs: 'amazon' | 'threePl', work: () => void): void => {
    if (cut || down.has(needs)) return;
    try {
      work();
    } catch (e) {
      if (e instanceof DeadlineExceeded) cut = `${e.message}. The next run carries on from the Removals tab.`;
      else if (retryable(e)) {
        down.add(e.system === 'threePl' ? 'threePl' : 'amazon');
        failed.push(e.message);
      } else {
        writeTab();
        throw e;
      }
    }
  };

  const scheduled = ctx.request.scheduled === true;
  const reportsDue = (at: number) => at - state.reportsAt >= (scheduled ? REPORTS_EVERY_MS.scheduled : REPORTS_EVERY_MS.person);
  const amazon = ctx.amazon();
  step('amazon', () => {
    const read = readReports(amazon, store, now, { clock: ports.clock, deadline: ctx.deadline, reserveMs: RESERVE_MS, wait: !scheduled, due: reportsDue(now) });
    if (read.kind === 'not due') return;
    if (read.kind === 'waiting') {
      waiting = read.message;
      return;
    }
    reportsRead = true;
    state.reportsAt = read.asOf;
    const merged = mergeReports(rows, read.reports, { toThreePl: goesToThreePl(settings.removalsToThreePl) });
    for (const [id, t] of merged.shippedAt) state.shippedAt.set(id, t);
    rows = retainRows(merged.rows, merged.seen, read.reports.problems.length);
    pushAll(raised, reportExceptions(read.reports.problems));
    counts.removalReportLines = read.reports.orders.length + read.reports.shipments.length;
  });

  const adapter = ctx.threePl();
  const receivingSeen = new Set<string>();
  const findLocation = removalsLocation(ctx, adapter, threePlName);
  let locationAsked: OneLocation | null = null;
  const mismatched: Array<[RemovalRow, string]> = [];
  const receiptsPutBack: Array<[RemovalRow, string]> = [];
  const deps: ReceiptDeps = { adapter, threePlName, now, state, threePlSku: skuMapper(ctx), location: () => (locationAsked = findLocation()), receivingSeen, mismatched, receiptsPutBack };
  // Receipts first: the boxes are already travelling, and the warehouse needs the receipt before they arrive.
  step('threePl', () => sendReceipts(deps, rows, counts));
  // Overdue before reading back: an overdue removal is also looked for by tracking number and LPN.
  markOverdue(rows, state.shippedAt, now, settings.removalOverdueDays);
  step('threePl', () => followReceipts(deps, rows, counts));
  step('threePl', () => {
    unidentified = unidentifiedReceipts(adapter, rows, state, now, threePlName);
  });
  markOverdue(rows, state.shippedAt, now, settings.removalOverdueDays);
  writeTab();
  // The next set is asked for now when it is due already, so the next run finds it ready.
  if (reportsRead && !cut && reportsDue(ports.clock.now())) step('amazon', () => requestReports(amazon, store, ports.clock.now()));
  saveState(store, state, new Set(rows.filter((r) => !CLOSED_STATES.has(r.state)).map((r) => r.orderId)));

  pushAll(raised, withReceiptRefs(removalExceptions(rows, { shippedAt: state.shippedAt, notes: state.notes, threePlName, overdueDays: settings.removalOverdueDays }), rows, adapter, receivingSeen));
  if (unidentified) pushAll(raised, unidentified as RaisedException[]);
  pushAll(raised, stateEdits.map((r) => stateEditInvalid(r, threePlName)));
  pushAll(raised, putBackSaid({ ids, emptied: emptied.matched, deleted, edits: counted.edits }, new Set(rows.map(removalId)), threePlName));
  // A removal the reports gave again this run has its units back: said so, the others wait for them.
  const stillTyped = new Set(rows.filter((r) => r.unitsEdit).map(removalId));
  pushAll(raised, unitsEdits.map((r) => unitsEditInvalid(r, threePlName, !stillTyped.has(removalId(r)))));
  pushAll(raised, locationProblem(locationAsked));
  pushAll(raised, mismatched.map(([r, reference]) => receiptMismatch(r, reference, threePlName)));
  // Named with the receipt the 3PL holds (the row as written now).
  pushAll(raised, receiptsPutBack.map(([r, typed]) => receiptPutBack(rows.find((x) => removalId(x) === removalId(r)) ?? r, typed, threePlName)));
  ctx.raise(raised);

  const orders = (pick: (r: RemovalRow) => boolean) => new Set(rows.filter(pick).map((r) => r.orderId)).size;
  const expected = orders((r) => FOLLOWED_STATES.has(r.state));
  const unsent = orders((r) => r.state === 'to send');
  const attention = orders((r) => r.state === 'held' || r.state === 'rejected' || r.state === 'outcome unknown');
  const message =
    `${plural(counts.receiptsMade, 'receipt')} made at ${threePlName}${counts.receiptsAdopted ? `, ${counts.receiptsAdopted} adopted` : ''}, ${plural(counts.removalsCounted, 'removal')} counted; ` +
    `${plural(expected, 'removal')} expected at ${threePlName}${unsent ? `, ${unsent} still to send` : ''}${attention ? `, ${attention} need a person` : ''}.` +
    `${waiting ? ` ${waiting}` : ''}${cut ? ` ${cut}` : ''}${failed.length ? ` Not reachable this run, tried again next run: ${failed.join('; ')}` : ''}`;
  return {
    // Reports still being made are the normal rhythm (the next run reads them), not a partial run. A
    // removal with no receipt, or one nobody knows was made (REMOVAL_RECEIPT_FAILED), is work not done:
    // its boxes may arrive unannounced, as an order the orders sync holds or could not decide is.
    outcome: cut || failed.length || attention ? 'partial' : 'ok',
    counts,
    message,
    keepOpen: (row) =>
      (row.type === 'REMOVAL_UNIDENTIFIED' && unidentified === null) ||
      (row.type === 'REMOVAL_REPORT_INVALID' && !reportsRead) ||
      // No receipt was due, so the location settings were not looked at: what they raised stands.
      (row.type === 'CONFIG_INVALID' && locationAsked === null && row.key.startsWith(exceptionKey('CONFIG_INVALID', 'removals'))),
  };
}

export const removalsJob: Job = {
  name: 'removals',
  label: 'Removals',
  scheduled: true,
  standalone: true,
  exceptionScope: REMOVAL_EXCEPTION_TYPES,
  withoutAccess: { amazon: 'No removal can be read from Amazon.', threePl: 'No expected receipt can be made or followed at the 3PL.' },
  run: (ctx) => runRemovals(ctx),
  resumeNote: () => 'The next run carries on from the Removals tab: no receipt is made twice.',
};
