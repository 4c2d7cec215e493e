// The orders job (docs/design.md §3 "Orders"): Amazon's merchant orders into the ledger, then the
// 3PL's view of them, cancellations, sends, and shipment confirmations back to Amazon, each phase
// exactly once across cuts. The ledger is written before any create and at the end, whatever
// stopped the run; exceptions are worked out from the whole ledger so they clear themselves.

import type { RaisedException } from '../../core/exceptions';
import { ORDER_EXCEPTION_TYPES } from '../../core/exceptions';
import type { ThreePlRef } from '../../core/web-links';
import { validateSkuMap } from '../../core/inventory/sku-map';
import { readCarrierMap } from '../../core/orders/carrier-map';
import { trimLedger } from '../../core/orders/ledger';
import { EDIT_NOTE } from '../../core/orders/ledger-record';
import { editInvalid, ledgerExceptions } from '../../core/orders/rules';
import { exceptionKey } from '../../core/exceptions';
import { RemoteError } from '../../ports/errors';
import { oneLocation, type OneLocation } from '../kit/locations-check';
import { Phases } from '../kit/phases';
import { carrierMapRecords } from '../../sheet/carrier-map-tab';
import { exceptionKeysShown } from '../../sheet/exceptions-tab';
import { providerName } from '../../threepl/names';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import type { LedgerRow } from '../../core/orders/types';
import { cancellationTimes, orderView, refreshLedger } from '../reads/amazon-orders';
import { readSealedLedger, sealLines } from '../reads/ledger-seal';
import { withShipmentPages } from '../reads/threepl-pages';
import { withThreePlRefs } from '../../threepl/page-refs';
import type { LedgerRefresh } from '../reads/amazon-orders';
import { cancelOrders, type CancelCounts } from './cancel';
import { confirmShipments } from './confirm';
import { Ledger } from './ledger';
import { sendOrders } from './send';
import type { SendCounts } from './send';
import { THREEPL_KEYS, restoreLostRow, syncThreePlStatus } from './threepl-status';
import { plural } from '../../core/words';
import { pushAll } from '../../core/lists';

type Phase = 'amazon' | 'threePl' | 'cancel' | 'send' | 'confirm';

const THREEPL_ORPHAN = 'ORDER_ORPHANED:threepl:';
/** Raised once, when its order leaves the seal: open until a person resolves it. */
const LEDGER_LOST = 'ORDER_ORPHANED:ledger:';

/** An order whose row was deleted before it reached the 3PL and that Amazon could not give back. */
function lostOrder(l: LedgerRefresh['lost'][number], threePlName: string): RaisedException {
  return {
    key: `${LEDGER_LOST}${l.orderId}`,
    type: 'ORDER_ORPHANED',
    entity: `Amazon order ${l.orderId}`,
    message:
      `The Orders row of Amazon order ${l.orderId} (${l.lines.replace(/\n/g, '; ')}) was deleted before it reached ${threePlName}, and ${l.why}. ` +
      `It is no longer in the ledger: it will not be sent, and its units may be offered on Amazon again. Check it in Seller Central and send or cancel it by hand.`,
  };
}

/**
 * ORDER_STUCK is chased at the 3PL: its Entity links to the order's shipment there when this run read
 * it (the ledger keeps the 3PL order id only; the Exceptions tab keeps the link once made).
 */
function withShipmentRefs(raised: RaisedException[], seen: ReadonlyMap<string, ThreePlRef>): RaisedException[] {
  return withThreePlRefs(raised, (e) => (e.type === 'ORDER_STUCK' ? seen.get(e.key.split(':')[1] ?? '') : undefined));
}

const LOCATIONS = '3PL locations';

/**
 * The location merchant orders ship from, for a 3PL that needs one named (Mintsoft's WarehouseId):
 * the first "3PL locations" entry matched by ID or exact name as the stock sync matches it, else the
 * 3PL's only active location. Asked for once, and only when an order is to be sent (a 3PL call).
 */
function shipFromLocation(settings: JobContext['settings'], adapter: ReturnType<JobContext['threePl']>, threePlName: string, asked: (l: OneLocation) => void): (() => OneLocation) | undefined {
  if (!adapter.capabilities().shipFromNeeded) return undefined;
  let answer: OneLocation | undefined;
  return () => {
    answer ??= oneLocation({ typed: settings.threePlLocations[0] ?? null, setting: LOCATIONS, emptySetting: LOCATIONS, purpose: 'Amazon orders ship from', warehouses: adapter.listWarehouses(), threePlName });
    asked(answer);
    return answer;
  };
}

/** A ship-from location the orders could not use: one CONFIG_INVALID on the Settings cell, which keeps the run from "ok". */
function shipFromProblem(location: OneLocation | null, threePlName: string): RaisedException[] {
  if (!location || !('problem' in location)) return [];
  return [
    {
      key: exceptionKey('CONFIG_INVALID', 'orders', location.setting),
      type: 'CONFIG_INVALID',
      entity: `Settings: ${location.setting}`,
      message: `${location.problem} Amazon orders wait for it: none is sent to ${threePlName} until it is fixed (their units stay off the Amazon offer meanwhile).`,
      typedInput: true,
    },
  ];
}

/** Rather than sleep through the run for searchOrders' next page, carry on and read it next run. */
const AMAZON_READ_MAX_WAIT_MS = 20_000;

function runOrders(ctx: JobContext): JobOutcome {
  const { settings, now } = ctx;
  const store = ctx.ports.store;
  const amazon = ctx.amazon();
  const adapter = ctx.threePl();
  const threePlName = providerName(settings.threePlProvider);
  const tab = ctx.tabs.orders;
  const phases = new Phases<Phase>('the ledger', () => tab.write(ledger.rows));
  let refresh: LedgerRefresh;
  // Amazon answered searchOrders with a body the add-on cannot read: Amazon is up, only its order list is not.
  let listUnread = '';
  try {
    refresh = refreshLedger(amazon, tab, store, now, settings.marketplaces, AMAZON_READ_MAX_WAIT_MS);
  } catch (e) {
    const unreadable = e instanceof RemoteError && e.system === 'amazon' && e.kind === 'schema';
    if (!(e instanceof RemoteError && (e.retryable || unreadable))) throw e;
    // Amazon cannot be read now: what the ledger holds still goes on at the 3PL (cancellations). A body
    // it broke goes on further: every later step reads each order it acts on from Amazon again
    // (getOrder) before sending or confirming it, so none leans on the page that could not be read.
    if (unreadable) listUnread = ` Amazon's order list could not be read this run (${e.message}): new Amazon orders and changes wait for the next run, which reads on from where this one stopped; orders already on the Orders tab still went on (each read from Amazon again before it was sent, cancelled or confirmed).`;
    // An error Amazon answered with (5xx, 429) is the order list's: the other steps still ask Amazon
    // for each order, and stop at the first that fails too (confirm.ts, send.ts). No answer at all
    // (timeouts, or no token from Login with Amazon) is Amazon as a whole: the steps that need it wait.
    else if (e.system === 'amazon' && e.kind !== 'transport') phases.failed.push(e.message);
    else phases.unreachable('amazon', e.message);
    const sealed = readSealedLedger(store, tab.rows());
    // Deleted rows are read back next run; their sealed lines stay sealed (and counted) meanwhile.
    refresh = { rows: sealed.rows, fresh: new Map(), seenUntil: now, complete: !unreadable, stoppedBy: null, read: 0, added: 0, carried: sealed.missing, shortfall: sealed.shortfall, lost: [], restored: 0, unsealed: 0 };
  }
  const ledger = new Ledger(refresh.rows);
  // Said now: a later step of this run may write over the Note that explains a State edit not used.
  const edits = refresh.rows.filter((r) => r.note.startsWith(EDIT_NOTE)).map(editInvalid);
  const map = validateSkuMap(ctx.tabs.skuMap.records(), { defaultMarketplace: settings.marketplace, marketplaces: settings.marketplaces });
  const carriers = readCarrierMap(carrierMapRecords(ctx.ports.workbook), 2, settings.marketplaces);
  const raised: RaisedException[] = [...carriers.problems];
  if (refresh.complete) phases.done.add('amazon');
  const counts: Record<string, number> = { read: refresh.read, added: refresh.added, ...(refresh.restored ? { readBack: refresh.restored } : {}) };
  phases.cut = refresh.stoppedBy === 'deadline' ? 'Amazon orders were read in part (time limit); the rest comes next run.' : null;
  // Not a cut: the other phases still run. Orders are still unread, though, so the run is partial.
  const readNote = listUnread || (refresh.stoppedBy === 'rate' ? " Amazon orders were read in part (Amazon's rate limit: searchOrders allows one page every 3 minutes); the rest comes next run." : '');
  // Rows whose cells were put back this run (ORDER_EDIT_INVALID) by the 3PL read, the cancel or the confirm step.
  const putBack: LedgerRow[] = [];
  let threePlCursor: string | null = null;
  const shipmentsSeen = new Map<string, ThreePlRef>();
  phases.run('threePl', ['threePl'], () => {
    const status = syncThreePlStatus({ adapter, store, now, threePlName, orphanMinutes: settings.orderOrphanThresholdMinutes, amazon, marketplaces: settings.marketplaces, edits: putBack }, ledger, shipmentsSeen);
    pushAll(raised, status.raised);
    threePlCursor = status.nextCursor;
    if (!status.complete) phases.cut = `${threePlName}'s order list was read in part (time limit); the rest comes next run.`;
  });
  // Cancellations this run's read of Amazon gave, or that an earlier one recorded (kept 48 h); any other is asked of Amazon.
  const recorded = cancellationTimes(store);
  const cancelledOnAmazon = (id: string) => {
    const read = refresh.fresh.get(id);
    return recorded.has(id) || (!!read && orderView(read, settings.marketplace).status === 'CANCELLED');
  };
  // Counted as they happen, so a run cut (or a 3PL that stopped answering) mid-step still says which cancellations wait.
  const cancels: CancelCounts = { cancelled: 0, tooLate: 0 };
  phases.run('cancel', ['threePl'], () => cancelOrders({ adapter, threePlName, shipmentsSeen, amazon, cancelledOnAmazon, edits: putBack }, ledger, cancels));
  Object.assign(counts, cancels);
  // Confirmations first: they are due now (Amazon counts late ones), and sends keep time for the end of the run.
  phases.run('confirm', ['threePl', 'amazon'], () => {
    const since = Number(store.get(THREEPL_KEYS.since));
    const lostRow = Number.isFinite(since) && since > 0 ? (l: Ledger, o: Parameters<typeof restoreLostRow>[2]) => restoreLostRow({ amazon, marketplaces: settings.marketplaces, since, edits: putBack }, l, o) : undefined;
    const confirmed = confirmShipments({ amazon, adapter, map, carriers, marketplace: settings.marketplace, marketplaces: settings.marketplaces, now, threePlName, deadline: ctx.deadline, shipmentsSeen, edits: putBack, ...(lostRow ? { lostRow } : {}) }, ledger);
    pushAll(raised, confirmed.raised);
    Object.assign(counts, confirmed.counts);
  });
  let shipFromAsked: OneLocation | null = null;
  const shipFrom = shipFromLocation(settings, adapter, threePlName, (l) => (shipFromAsked = l));
  const sent: SendCounts = { sent: 0, adopted: 0, held: 0, unknown: 0 };
  phases.run('send', ['threePl', 'amazon'], () =>
    sendOrders({ amazon, adapter, map, fresh: refresh.fresh, tab, edits: putBack, marketplace: settings.marketplace, marketplaces: settings.marketplaces, shipsTo: settings.fbmMarketplaces, threePlName, deadline: ctx.deadline, ...(shipFrom ? { shipFrom } : {}) }, ledger, sent),
  );
  // Counted as they happen, so a cut run still says what it sent.
  Object.assign(counts, sent);
  const rows = trimLedger(ledger.rows, now, settings.orderRetentionDays);
  tab.write(rows);
  // Lost orders are said below (High), then no longer sealed: the exception stays until a person resolves it.
  const unsealed = sealLines(store, rows, refresh.carried.filter(([id]) => !ledger.get(id)), refresh.shortfall);
  pushAll(raised, refresh.lost.map((l) => lostOrder(l, threePlName)));
  pushAll(raised, shipFromProblem(shipFromAsked, threePlName));
  // Only now: a run killed before this write reads the same 3PL changes again next time.
  if (threePlCursor !== null) store.set(THREEPL_KEYS.cursor, threePlCursor);
  const ledgerSays = ledgerExceptions(rows, now, settings, exceptionKeysShown(ctx.ports.workbook, ['ORDER_']));
  const editsSaid = [...edits, ...putBack.map(editInvalid)].filter((e, i, all) => all.findIndex((x) => x.key === e.key) === i && !ledgerSays.some((x) => x.key === e.key));
  const fromLedger = withShipmentRefs([...ledgerSays, ...editsSaid], shipmentsSeen);
  // The rest are looked up at the 3PL once, while it answers this run.
  const threePlIdOf = new Map(rows.map((r) => [r.orderId, r.threePlOrderId]));
  const stuckAt = (e: RaisedException) => (e.type === 'ORDER_STUCK' ? threePlIdOf.get(e.key.split(':')[1] ?? '') : undefined);
  pushAll(raised, phases.done.has('threePl') ? withShipmentPages(fromLedger, { adapter, store, deadline: ctx.deadline }, stuckAt) : fromLedger);
  ctx.raise(raised);
  const open = rows.filter((r) => r.state !== 'confirmed' && r.state !== 'cancelled').length;
  // Every held order (ORDER_HELD), not only those held this run: one refused past its retries waits too.
  const held = rows.filter((r) => r.state === 'held').length;
  // The 3PL could not be reached: the orders it did not get are named, not left inside "open in the ledger".
  const waiting = phases.down.has('threePl') ? rows.filter((r) => r.state === 'ready' || r.state === 'sending' || r.state === 'unknown').length : 0;
  const message =
    `${plural(counts.sent ?? 0, 'order')} sent to ${threePlName}${counts.adopted ? `, ${counts.adopted} adopted` : ''}, ` +
    `${plural(counts.confirmed ?? 0, 'shipment')} confirmed to Amazon, ${plural(counts.cancelled ?? 0, 'cancellation')} carried over; ` +
    `${plural(held, 'order')} held${held ? ' (not sent, so nobody ships them until the cause is fixed: see ORDER_HELD)' : ''}, ${open} open in the ledger.${refresh.restored ? ` ${plural(refresh.restored, 'order')} whose row was deleted read back from Amazon.` : ''}` +
    `${counts.lostRowsBack ? ` ${plural(counts.lostRowsBack, 'shipped order')} whose row was deleted read back from Amazon, so its shipment is confirmed.` : ''}` +
    `${refresh.carried.length ? ` ${plural(refresh.carried.length, 'order')} whose row was deleted not read back yet (tried again next run; the stock sync counts their units meanwhile).` : ''}` +
    `${unsealed ? ` ${plural(unsealed, 'unsent order')} past the Lines seal's room: a change typed in their Lines cells cannot be put back (the stock sync never counts fewer of their units than the add-on wrote).` : ''}${readNote}${phases.cut ? ` ${phases.cut}` : ''}` +
    `${sent.deferred ? ` ${plural(sent.deferred, 'order')} left to send in the next run (this run's time or Amazon's rate for order details ran out, or Amazon failed to give an order's details).` : ''}` +
    `${sent.notSent ? ` ${plural(sent.notSent, 'order')} not sent to ${threePlName} this run: ${threePlName} or Amazon answered with an error (the order's Note says which); tried again next run.` : ''}` +
    `${counts.confirmLeft ? ` ${plural(counts.confirmLeft, 'shipped order')} left to confirm to Amazon in the next run (this run's time or Amazon's rate for order details ran out, or Amazon failed to give an order's details).` : ''}` +
    `${counts.carrierWaiting ? ` ${plural(counts.carrierWaiting, 'shipment')} not confirmed to Amazon: no usable Carrier Map row for ${counts.carrierWaiting === 1 ? 'its' : 'their'} carrier (see CARRIER_UNMAPPED); confirmed once the row is there.` : ''}` +
    `${counts.confirmFailed ? ` ${plural(counts.confirmFailed, 'shipment')} not confirmed to Amazon: Amazon did not take the confirmation or could not be read (the order's Note on the Orders tab says why); tried again next run.` : ''}` +
    `${counts.cancelLeft ? ` ${plural(counts.cancelLeft, 'Amazon cancellation')} not carried over to ${threePlName} yet (the order's Note says why; tried again next run): until it is, ${threePlName} may ship the order.` : ''}` +
    `${sent.unknown ? ` ${plural(sent.unknown, 'order')} may or may not be at ${threePlName} (no usable answer to the create; looked up by reference next run, see ORDER_OUTCOME_UNKNOWN).` : ''}` +
    `${phases.failed.length ? ` Not reachable this run, tried again next run: ${phases.failed.join('; ')}` : ''}` +
    `${waiting ? ` ${plural(waiting, 'order')} from Amazon wait${waiting === 1 ? 's' : ''} to be sent to ${threePlName} (their rows stay on the Orders tab; each is sent once when ${threePlName} answers).` : ''}`;
  return {
    // An order whose create got no usable answer is not done: the run says so rather than "ok". Nor is
    // one held (an unmapped SKU, a refusal): it is not at the 3PL and nobody ships it, so a run that
    // sent nothing because every order is held must not read as a successful sync on the Dashboard; nor
    // one whose shipments wait for a Carrier Map row: Amazon shows those orders unshipped meanwhile.
    outcome: phases.cut || phases.failed.length || readNote || sent.deferred || sent.notSent || sent.unknown || counts.confirmLeft || counts.confirmFailed || counts.carrierWaiting || counts.cancelLeft || held ? 'partial' : 'ok',
    counts,
    message,
    // A phase that did not finish saw only part of its subject: its own problems stay as they were.
    keepOpen: (row) =>
      (!phases.done.has('confirm') && row.type === 'CARRIER_UNMAPPED' && !row.key.startsWith('CARRIER_UNMAPPED:row:')) ||
      // A 3PL order the ledger does not know shows only in the run that sees it change: it stays open
      // until the ledger knows its reference (read from Amazon later) or a person resolves it.
      row.key.startsWith(LEDGER_LOST) ||
      // No order was to be sent, so the ship-from location was not looked at: what it raised stands.
      (row.type === 'CONFIG_INVALID' && shipFromAsked === null && row.key.startsWith(exceptionKey('CONFIG_INVALID', 'orders'))) ||
      (row.key.startsWith(THREEPL_ORPHAN) && (!phases.done.has('threePl') || !ledger.get(row.key.slice(THREEPL_ORPHAN.length)))),
  };
}

export const ordersJob: Job = {
  name: 'orders',
  label: 'Orders sync',
  scheduled: true,
  exceptionScope: ORDER_EXCEPTION_TYPES,
  withoutAccess: { amazon: 'No order is read from Amazon and no shipment is confirmed to it.', threePl: 'No order is sent to the 3PL and no shipment is read back from it.' },
  run: (ctx) => runOrders(ctx),
  resumeNote: () => 'The next run carries on from the Orders ledger: nothing sent or confirmed is repeated.',
  // A backlog (an outage, onboarding) sends over several runs; the stock sync after it keeps its time.
  sharedBudgetMs: 150_000,
};
