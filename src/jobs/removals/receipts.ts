// The 3PL side of removals: one expected receipt per removal order shipped to the 3PL (reference =
// removal order id, one box per tracking number, LPNs alongside), made through the adapter's
// idempotent create, so a lost answer, a 5xx, a 429 or a cut never makes a second one; then each
// receipt followed until the 3PL has counted it.

import { applyReceipt, type ReceiptView } from '../../core/removals/rules';
import { FOLLOWED_STATES, type RemovalRow } from '../../core/removals/types';
import { RemoteError } from '../../ports/errors';
import { AdapterError, type InboundReceipt, type ThreePlAdapter } from '../../threepl/types';
import type { RemovalsState } from './state';

/** Rows whose removal has no receipt yet but should have one. */
const TO_SEND = new Set(['to send', 'held', 'rejected', 'outcome unknown']);

export interface ReceiptDeps {
  adapter: ThreePlAdapter;
  threePlName: string;
  now: number;
  state: RemovalsState;
  /** The row's 3PL SKU from the SKU Map, or why there is none. */
  threePlSku(r: RemovalRow): { sku: string } | { problem: string };
  /** The 3PL location that receives removals, or why it is not known. */
  location(): { id: string } | { problem: string };
  /**
   * Receipts this run made or read as receiving orders (ShipBob WROs), for the exceptions' link to
   * their page: a receipt adopted from another kind (a ShipBob return) has no page address known.
   */
  receivingSeen?: Set<string>;
  /**
   * Removals whose 3PL Receipt the 3PL holds for another removal (the Removal Order ID or the 3PL
   * Receipt cell typed over): [the removal's first row, the receipt's own reference].
   */
  mismatched?: Array<[RemovalRow, string]>;
  /** Removals whose 3PL Receipt named no receipt the 3PL holds for them (typed over): [the first row, the receipt typed]; the 3PL's own was put back. */
  receiptsPutBack?: Array<[RemovalRow, string]>;
}

export interface ReceiptCounts {
  receiptsMade: number;
  receiptsAdopted: number;
  removalsHeld: number;
  receiptsFailed: number;
  removalsCounted: number;
}

function byOrder(rows: readonly RemovalRow[], pick: (r: RemovalRow) => boolean): Map<string, RemovalRow[]> {
  const out = new Map<string, RemovalRow[]>();
  for (const r of rows) if (pick(r)) out.set(r.orderId, [...(out.get(r.orderId) ?? []), r]);
  return out;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Makes the missing receipts. A 3PL that cannot be reached (the lookup before the create could not
 * decide, so nothing was sent) stops the step and is thrown for the job to report; a DeadlineExceeded
 * passes through, the rows keep their state, and the next run's lookup adopts anything made.
 */
export function sendReceipts(deps: ReceiptDeps, rows: RemovalRow[], counts: ReceiptCounts): void {
  for (const [orderId, group] of byOrder(rows, (r) => TO_SEND.has(r.state) && !r.receipt)) {
    // Units typed over: a receipt made from them would expect the wrong units (CELL_INVALID says so).
    if (group.some((r) => r.unitsEdit)) continue;
    const hold = (note: string, state: RemovalRow['state'] = 'held') => {
      for (const r of group) r.state = state;
      deps.state.notes.set(orderId, note);
    };
    const skus = group.map((r) => ({ r, m: deps.threePlSku(r) }));
    const unmapped = skus.filter((x) => 'problem' in x.m);
    if (unmapped.length) {
      hold(unmapped.map((x) => ('problem' in x.m ? x.m.problem : '')).join(' '));
      counts.removalsHeld++;
      continue;
    }
    const loc = deps.location();
    if ('problem' in loc) {
      hold(loc.problem);
      counts.removalsHeld++;
      continue;
    }
    const lines = new Map<string, number>();
    for (const { r, m } of skus) if ('sku' in m && r.shipped > 0) lines.set(m.sku, (lines.get(m.sku) ?? 0) + r.shipped);
    const tracking = [...new Set(group.flatMap((r) => r.tracking))];
    // ShipBob wants an arrival date in the future; carriers take a few days from Amazon's FC.
    const shipped = deps.state.shippedAt.get(orderId) ?? deps.now;
    const expectedDate = day(Math.max(deps.now + 86_400_000, shipped + 3 * 86_400_000));
    let outcome;
    try {
      outcome = deps.adapter.createInboundReceipt({
        reference: orderId,
        trackingNumbers: tracking,
        lpns: [...new Set(group.flatMap((r) => r.lpns))],
        expectedDate,
        warehouseId: loc.id,
        lines: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
        kind: 'removal',
      });
    } catch (e) {
      // The 3PL refused this one removal (a product it does not know, a field it will not take):
      // the others still go. Credentials, outages and cuts are the job's to handle.
      if (!(e instanceof RemoteError) || e.retryable || (e.kind !== 'validation' && e.kind !== 'not-found')) throw e;
      hold(e.message, 'rejected');
      counts.receiptsFailed++;
      continue;
    }
    if ((outcome.status === 'created' || outcome.status === 'already_exists') && outcome.externalId) {
      // kind 'removal': ShipBob makes (or finds) a warehouse receiving order for it.
      deps.receivingSeen?.add(outcome.externalId);
      for (const r of group) {
        r.receipt = outcome.externalId;
        r.state = 'expected';
        r.expected = r.shipped;
      }
      deps.state.notes.delete(orderId);
      // Just made or found: nothing to read back before the boxes can arrive.
      deps.state.checkedAt.set(orderId, deps.now);
      if (outcome.status === 'created') counts.receiptsMade++;
      else counts.receiptsAdopted++;
    } else {
      hold(outcome.messages.join(' ') || `${deps.threePlName} gave no reason.`, outcome.status === 'rejected' ? 'rejected' : 'outcome unknown');
      counts.receiptsFailed++;
      // The 3PL gave no usable answer to the create nor to the lookups after it: it is failing, and each
      // receipt after this one would wait through the same. They stay to send; this one is looked up next run.
      if (outcome.unanswered) throw new AdapterError('UPSTREAM', `${deps.threePlName} gave no usable answer to creating the receipt for removal ${orderId}, so the other removals were not tried: ${outcome.messages[0] ?? ''}`.trim());
    }
  }
}

function view(r: InboundReceipt): ReceiptView {
  const received = new Map<string, number>();
  for (const l of r.lines) received.set(l.sku, (received.get(l.sku) ?? 0) + l.received);
  return { id: r.externalId, status: r.status, received };
}

/**
 * A receipt read this recently is not read again: boxes take days to travel and the warehouse hours
 * to count them, so reading every receipt every run would spend the 3PL's rate limit on nothing.
 */
export const RECHECK_MS = 3 * 3600_000;

/**
 * Reads open receipts by their reference and applies the counts, least recently read first, so a run
 * cut short leaves the rest first in line for the next one. A removal that is overdue is also looked
 * for by its tracking numbers: the warehouse may have taken the boxes in on a receipt of its own.
 */
export function followReceipts(deps: ReceiptDeps, rows: RemovalRow[], counts: ReceiptCounts): void {
  const mapped = (r: RemovalRow): string => {
    const m = deps.threePlSku(r);
    return 'sku' in m ? m.sku : r.sku;
  };
  const checked = (id: string) => deps.state.checkedAt.get(id) ?? 0;
  const due = [...byOrder(rows, (r) => !!r.receipt && FOLLOWED_STATES.has(r.state))]
    // Units typed over would judge the count wrong (short for received): read once Amazon's are back.
    .filter(([id, group]) => deps.now - checked(id) >= RECHECK_MS && !group.some((r) => r.unitsEdit))
    .sort(([a], [b]) => checked(a) - checked(b));
  // One batched read where the 3PL has one; a receipt it does not return is looked up by reference.
  const batch = new Map((deps.adapter.readReceipts?.(due.map(([, g]) => g[0]!.receipt)) ?? []).map((x) => [x.externalId, x] as const));
  for (const [orderId, group] of due) {
    let hit = batch.get(group[0]!.receipt);
    // The receipt the 3PL Receipt cell names is another removal's: one of the two cells was typed
    // over, and its counts would be taken as this removal's (and the real one's row left expecting).
    // Never applied; the job names both cells until they agree.
    if (hit && hit.reference && hit.reference !== orderId) {
      deps.mismatched?.push([group[0]!, hit.reference]);
      deps.state.checkedAt.set(orderId, deps.now);
      continue;
    }
    if (!hit) {
      const receipts = deps.adapter.findInbound({ reference: orderId }).filter((x) => x.status !== 'cancelled' || x.externalId === group[0]!.receipt);
      hit = receipts.find((x) => x.externalId === group[0]!.receipt) ?? receipts[0];
      // The 3PL holds no receipt of that id for this removal, and one of its own: the cell was typed
      // over. The 3PL's receipt is put back (applyReceipt) and the cell named, never silently.
      if (hit && !receipts.some((x) => x.externalId === group[0]!.receipt)) deps.receiptsPutBack?.push([{ ...group[0]! }, group[0]!.receipt]);
    }
    if ((!hit || hit.status === 'expected') && group.some((r) => r.state === 'overdue')) {
      // The warehouse may have logged the boxes under their tracking number, or a unit under its
      // Amazon LPN as a return's reference (3pl-apis.md §2.5: "carry it in reference_id").
      const found = (q: { trackingNumber?: string; reference?: string }) => deps.adapter.findInbound(q).find((x) => x.status !== 'expected' && x.status !== 'cancelled');
      for (const tn of new Set(group.flatMap((r) => r.tracking))) if (!hit || hit.status === 'expected') hit = found({ trackingNumber: tn }) ?? hit;
      for (const lpn of new Set(group.flatMap((r) => r.lpns))) if (!hit || hit.status === 'expected') hit = found({ reference: lpn }) ?? hit;
    }
    deps.state.checkedAt.set(orderId, deps.now);
    if (!hit) continue;
    if (hit.objectType === 'wro') deps.receivingSeen?.add(hit.externalId);
    const was = group.map((r) => r.state);
    applyReceipt(group, view(hit), mapped);
    if (group.some((r, i) => r.state !== was[i] && (r.state === 'received' || r.state === 'short' || r.state === 'over'))) counts.removalsCounted++;
  }
}

/** A 3PL failure the job reports and carries on from next run (a RemoteError worth retrying). */
export function retryable(e: unknown): e is RemoteError {
  return e instanceof RemoteError && e.retryable;
}
