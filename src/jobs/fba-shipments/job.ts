// The FBA replenishment job `fbaShipments` (docs/design.md §3 "FBA replenishment"): Amazon's FBA
// shipments into the FBA Shipments tab, the 3PL's view of the orders it holds, cancellations of
// unticked (or Amazon-cancelled) shipments, creates for ticked ones, then Amazon's received counts.
// The tab is written before any create and at the end, whatever stopped the run; exceptions are
// worked out from the whole tab so they clear themselves.

import { fbaCommittedUnits, fbaShipFromLocation } from '../../core/fba-shipments/committed';
import { afterArrival, mergeAmazon } from '../../core/fba-shipments/merge';
import { FBA_EDIT_NOTE } from '../../core/fba-shipments/record';
import { FBA_EXCEPTION_TYPES, fbaEditInvalid, fbaExceptions } from '../../core/fba-shipments/rules';
import type { FbaRow } from '../../core/fba-shipments/types';
import { exceptionKey, type RaisedException } from '../../core/exceptions';
import { validateSkuMap } from '../../core/inventory/sku-map';
import type { ThreePlRef } from '../../core/web-links';
import { Phases } from '../kit/phases';
import { fbaShipmentsTab, type FbaShipmentsTab } from '../../sheet/fba-shipments-tab';
import { providerName } from '../../threepl/names';
import type { Job, JobContext, JobOutcome } from '../kit/job';
import type { AmazonRead } from './amazon-read';
import { readAmazonShipments, readReceived } from './amazon-read';
import { cancelFbaOrders } from './cancel';
import { restoreSealedItems, sealedShipments, sealItems } from './items-seal';
import { putBackFromSeal, sealRows } from './rows-seal';
import { FbaRows } from './rows';
import type { SendTally, ShipFrom } from './send';
import { sendFbaOrders } from './send';
import { syncThreePlStatus } from './threepl-status';
import { withShipmentPages } from '../reads/threepl-pages';
import { withThreePlRefs } from '../../threepl/page-refs';
import { firstFew, plural } from '../../core/words';

type Phase = 'amazon' | 'threePl' | 'cancel' | 'send' | 'received';

/** An FBA problem about an order the 3PL holds links to its shipment there when this run read it (keys are TYPE:<FBA shipment id>). */
function withShipmentRefs(raised: RaisedException[], seen: ReadonlyMap<string, ThreePlRef>): RaisedException[] {
  return withThreePlRefs(raised, (e) => seen.get(e.key.slice(e.type.length + 1)));
}

const LOCATION_KEY = exceptionKey('CONFIG_INVALID', 'fbaShipments');

/**
 * A ship-from setting the sends could not use is a set-up problem people typed (or left out): one
 * CONFIG_INVALID on the Settings cell, which keeps the run from "ok" (kit/settings-check.ts).
 */
function locationProblem(location: ShipFrom | undefined): RaisedException[] {
  if (!location || !('problem' in location)) return [];
  return [{ key: exceptionKey('CONFIG_INVALID', 'fbaShipments', location.setting), type: 'CONFIG_INVALID', entity: `Settings: ${location.setting}`, message: `${location.problem} Ticked FBA shipments wait for it: nothing is sent to the 3PL until it is fixed.`, typedInput: true }];
}

/** Keys of the rows raised for an emptied FBA Shipment ID ("row N" stands for the ID). */
const EMPTIED_KEY = `${exceptionKey('FBA_SHIPMENT_INVALID')}:row `;

/** The sheet rows still without an FBA Shipment ID once the seal put back the IDs it could (`restored`, in the tab's order). */
function emptiedRows(tab: FbaShipmentsTab, restored: ReadonlyArray<FbaRow>): number[] {
  const at = tab.withoutId();
  return tab
    .rows()
    .flatMap((r, i) => (r.shipmentId === '' ? [i] : []))
    .flatMap((i, k) => (restored[i]!.shipmentId === '' && at[k] !== undefined ? [at[k]!] : []));
}

function stopForEmptiedIds(ctx: JobContext, sheetRows: readonly number[]): JobOutcome {
  ctx.raise(
    sheetRows.map((n) => ({
      key: exceptionKey('FBA_SHIPMENT_INVALID', `row ${n}`, 'id'),
      type: 'FBA_SHIPMENT_INVALID' as const,
      entity: `FBA Shipments row ${n}, FBA Shipment ID`,
      message:
        `FBA Shipments, column FBA Shipment ID, row ${n}: the cell is empty, so the add-on cannot tell which FBA shipment the row is (its Items match no one shipment it still follows). ` +
        'Nothing is sent, cancelled or followed for any FBA shipment and the tab is not written until it is back: a write would delete the row, with its tick, 3PL order and tracking.',
      action: "Put the row's FBA Shipment ID back (Edit → Undo, or File → Version history shows it).",
      typedInput: true,
    })),
  );
  return {
    outcome: 'partial',
    counts: { fbaShipments: 0 },
    message: `${sheetRows.length} row(s) of the FBA Shipments tab have no FBA Shipment ID (row ${firstFew(sheetRows)}): nothing was done and the tab was left as it is (see Exceptions).`,
    // Nothing was looked at: only the rows for emptied IDs are worked out again.
    keepOpen: (row) => !row.key.startsWith(EMPTIED_KEY),
  };
}

function runFbaShipments(ctx: JobContext): JobOutcome {
  const { settings, now } = ctx;
  const store = ctx.ports.store;
  const amazon = ctx.amazon();
  const adapter = ctx.threePl();
  const threePlName = providerName(settings.threePlProvider);
  // The run never changes `Send from 3PL`, and keyed tabs write only the columns that changed
  // (sheet/table.ts): a tick set while the run works is never written over.
  const tab = fbaShipmentsTab(ctx.ports.workbook);
  const restored = restoreSealedItems(store, tab.rows());
  // A row whose FBA Shipment ID was emptied and whose items did not tell the seal which shipment it
  // was: a write would delete it (its tick, 3PL order and tracking with it) and Amazon's incremental
  // read would not bring it back, so the shipment would be neither followed nor held back. Nothing is
  // done or written until the ID is back.
  const emptied = emptiedRows(tab, restored);
  if (emptied.length) return stopForEmptiedIds(ctx, emptied);
  // Cells only the add-on writes typed over, and a row deleted while it carried a tick or a 3PL order,
  // are put back (rows-seal.ts), the Note saying so.
  const rows = new FbaRows(putBackFromSeal(store, restored, sealedShipments(store)));
  // Said now: a later step of this run may write over the Note that explains a State edit not used.
  const editsRead = rows.rows.filter((r) => r.note.startsWith(FBA_EDIT_NOTE));
  const map = validateSkuMap(ctx.tabs.skuMap.records(), { defaultMarketplace: settings.marketplace });
  // Sealed with every write, so a cut run never leaves Items the add-on wrote looking typed.
  const written = (list: ReadonlyArray<FbaRow>) => {
    tab.write(list);
    sealItems(store, list);
    sealRows(store, list);
  };
  const write = () => written(rows.rows);
  const phases = new Phases<Phase>('the FBA Shipments tab', write);
  const read: AmazonRead = { views: [], located: new Map() };
  try {
    phases.run('amazon', ['amazon'], () => readAmazonShipments(amazon, store, now, rows.rows, read));
  } finally {
    // What was read before a cut or an outage is kept.
    rows.replace(mergeAmazon(rows.rows, read.views));
  }
  const counts: Record<string, number> = { fbaShipments: rows.rows.length, fbaRead: read.views.length };
  const shipmentsSeen = new Map<string, ThreePlRef>();
  const idsPutBack = new Map<string, string>();
  phases.run('threePl', ['threePl'], () => void (counts.fbaLooked = syncThreePlStatus({ adapter, threePlName, shipmentsSeen, idsPutBack }, rows)));
  const cancels = { cancelled: 0 };
  phases.run('cancel', ['threePl'], () => void cancelFbaOrders({ adapter, threePlName, shipmentsSeen, idsPutBack }, rows, cancels));
  counts.fbaCancelled = cancels.cancelled;
  const sent: SendTally = { sent: 0, adopted: 0, held: 0, unknown: 0, deferred: 0 };
  const itemsRead = new Map(read.views.filter((v) => v.items?.length).map((v) => [v.shipmentId, v.items!] as const));
  const itemsPutBack: FbaRow[] = [];
  phases.run('send', ['threePl', 'amazon'], () =>
    sendFbaOrders({ amazon, adapter, map, marketplace: settings.marketplace, threePlName, location: fbaShipFromLocation(settings), locationSetting: settings.fbaShipFromLocation.trim() ? 'FBA ship-from location' : '3PL locations', located: read.located, itemsRead, edits: itemsPutBack, tab: { ...tab, write: written }, deadline: ctx.deadline }, rows, sent),
  );
  Object.assign(counts, { fbaSent: sent.sent, fbaAdopted: sent.adopted, fbaHeld: sent.held, fbaUnknown: sent.unknown, fbaDeferred: sent.deferred });
  const deferredNote = sent.deferred
    ? ` ${plural(sent.deferred, 'ticked shipment')} left for the next run (${sent.amazonFailed ? `Amazon failed to give a shipment's items even after retries: ${sent.amazonFailed}` : `time limit or ${threePlName} not answering`}).`
    : '';
  phases.run('received', ['amazon'], () => rows.replace(mergeAmazon(rows.rows, readReceived(amazon, rows.rows))));
  rows.replace(rows.rows.map((r) => afterArrival(r)));
  write();
  const fromTab = fbaExceptions(rows.rows, now, settings, threePlName);
  // A typed 3PL Order ID put right is said even when a later step (the send) wrote over its Note.
  const idsSaid = [...idsPutBack].flatMap(([id, note]) => rows.get(id) ? [{ ...rows.get(id)!, note }] : []);
  const edits = [...editsRead, ...itemsPutBack, ...idsSaid].map(fbaEditInvalid).filter((e, i, all) => all.findIndex((x) => x.key === e.key) === i && !fromTab.some((x) => x.key === e.key));
  const raised = [...withShipmentRefs([...fromTab, ...edits], shipmentsSeen), ...locationProblem(sent.location)];
  // An order read on no run since it shipped is looked up once, while the 3PL answers this run.
  const orderOf = (e: RaisedException) => rows.get(e.key.slice(e.type.length + 1))?.threePlOrderId || undefined;
  ctx.raise(phases.done.has('threePl') ? withShipmentPages(raised, { adapter, store, deadline: ctx.deadline }, orderOf) : raised);
  // A ticked row the send step never reached (the 3PL not answering, a cut) is still `open`: it waits too.
  const waiting = rows.rows.filter((r) => r.send && (r.state === 'open' || r.state === 'ready' || r.state === 'held')).length;
  const attention = rows.rows.filter((r) => r.send && (r.state === 'held' || r.state === 'unknown')).length;
  // Words typed instead of a tick are acted on by nobody: the run says so and is not "ok".
  const unreadable = rows.rows.filter((r) => r.sendTyped !== undefined).length;
  counts.fbaCommittedUnits = [...fbaCommittedUnits(rows.rows, settings.marketplace, map).values()].reduce((a, b) => a + b, 0);
  const message =
    `${plural(rows.rows.length, 'FBA shipment')} in the tab; ${plural(sent.sent, 'order')} created at ${threePlName}${sent.adopted ? `, ${sent.adopted} adopted` : ''}` +
    `${counts.fbaCancelled ? `, ${plural(counts.fbaCancelled, 'order')} cancelled` : ''}; ${plural(waiting, 'ticked shipment')} not sent yet.` +
    `${unreadable ? ` ${plural(unreadable, 'shipment')} with words instead of a tick in Send from 3PL, neither sent nor cancelled (see Exceptions).` : ''}` +
    `${attention ? ` ${plural(attention, 'ticked shipment')} held or with an outcome at ${threePlName} nobody knows yet (see Exceptions).` : ''}` +
    `${deferredNote}${phases.cut ? ` ${phases.cut}` : ''}${phases.failed.length ? ` Not reachable this run, tried again next run: ${phases.failed.join('; ')}` : ''}`;
  return {
    // A ticked shipment held back or whose create nobody can decide is work not done, as in the orders and removals runs.
    outcome: phases.cut || phases.failed.length || sent.deferred || unreadable || attention ? 'partial' : 'ok',
    counts,
    message,
    // A receipt comparison not made this run leaves its discrepancy as it was; so does a 3PL look not made.
    keepOpen: (row) =>
      (!phases.done.has('received') && row.type === 'FBA_SHIPMENT_DISCREPANCY') ||
      (!phases.done.has('threePl') && (row.type === 'FBA_SHIPMENT_STUCK' || row.type === 'FBA_SHIPMENT_CANCELLED')) ||
      (!phases.done.has('send') && (row.type === 'FBA_SHIPMENT_HELD' || row.type === 'FBA_SHIPMENT_OUTCOME_UNKNOWN')) ||
      // No ticked shipment needed a location this run, so the settings were not looked at: what they raised stands.
      (sent.location === undefined && row.key.startsWith(LOCATION_KEY)),
  };
}

export const fbaShipmentsJob: Job = {
  // The name scenarios and "Sync now" use (docs/scenarios.md "Entry points": "fbaShipments").
  name: 'fbaShipments',
  label: 'FBA shipments',
  scheduled: true,
  exceptionScope: FBA_EXCEPTION_TYPES,
  withoutAccess: { amazon: 'No FBA shipment can be read from Amazon.', threePl: 'No FBA shipment can be sent from the 3PL or followed there.' },
  run: (ctx) => runFbaShipments(ctx),
  resumeNote: () => 'The next run carries on from the FBA Shipments tab: nothing created at the 3PL is created again.',
  // Many open plans are read over several runs (amazon-read.ts); the stock sync after it keeps its time.
  sharedBudgetMs: 75_000,
};
