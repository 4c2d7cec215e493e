// The orders flow's exceptions, worked out from the whole ledger every run so each one resolves
// itself when its condition clears (docs/design.md §5): ORDER_HELD, ORDER_OUTCOME_UNKNOWN,
// ORDER_ORPHANED (not at the 3PL in time; a 3PL order Amazon's ledger does not know) and
// ORDER_STUCK (not shipped by the latest ship date minus the margin; shipped but not confirmed in
// time; cancelled on Amazon after the 3PL shipped) and ORDER_EDIT_INVALID (a State or Lines cell
// people changed that was not used: the row's Note says what was put back).

import { utcMinute } from '../cells';
import { namedWhileCounted } from '../exception-cap';
import type { RaisedException } from '../exceptions';
import { exceptionKey } from '../exceptions';
import { EDIT_NOTE } from './ledger-record';
import type { LedgerRow } from './types';
import { REFUSED_NOTE, SHIPPABLE_AMAZON_STATUSES } from './types';
import { editedCellSuffix } from '../typed-cells';

export interface OrderRuleSettings {
  orderOrphanThresholdMinutes: number;
  shipByMarginHours: number;
  confirmTimeoutMinutes: number;
}

const MIN = 60_000;

function entity(r: LedgerRow): string {
  return `${r.marketplace} order ${r.orderId}`;
}

/** The Action for a hold the add-on lifts by itself once its cause is fixed: where that cause is fixed. */
function heldAction(note: string): { action?: string } {
  if (/SKU Map/i.test(note)) return {};
  if (/Settings|FBM marketplaces/i.test(note)) return { action: 'Fix the Settings value the message names; the next orders run sends the order.' };
  if (/role/i.test(note)) return { action: 'Give the app the role the message names in Seller Central (then authorise it again); the next orders run sends the order.' };
  return { action: 'Fix the cause the message names; the next orders run sends the order.' };
}

/** `shown`: the ORDER_* keys the Exceptions tab shows now (any Status but Resolved), so a backlog keeps its named rows. */
export function ledgerExceptions(rows: ReadonlyArray<LedgerRow>, now: number, s: OrderRuleSettings, shown: ReadonlySet<string> = new Set()): RaisedException[] {
  const out: RaisedException[] = [];
  // Every per-order problem one cause can give a whole backlog (an outage, an unmapped SKU, a
  // missing Carrier Map row) is kept per kind, so that each kind names at most MAX_ORDER_ROWS orders.
  const kinds = new Map<Backlog, Array<RaisedException & { at: number }>>();
  const add = (kind: Backlog, at: number | null, e: RaisedException) => {
    const list = kinds.get(kind);
    const item = { ...e, at: at ?? Number.MAX_SAFE_INTEGER };
    if (list) list.push(item);
    else kinds.set(kind, [item]);
  };
  for (const r of rows) {
    const id = r.orderId;
    if (r.state === 'held') {
      const refused = r.note.startsWith(REFUSED_NOTE);
      add('held', r.purchaseDate, {
        key: exceptionKey('ORDER_HELD', id),
        type: 'ORDER_HELD',
        entity: entity(r),
        message: `Amazon order ${id} is held and was not sent to the 3PL: ${r.note || 'a line cannot be sent.'} Its units stay off the Amazon offer (the stock sync counts them as unsent).${refused ? '' : ' Fix the cause and the next orders run sends it.'}`,
        ...(refused ? { action: 'Correct what the 3PL refused (quoted in the message; an address only the buyer can correct, through Amazon), then type "ready" in the order\'s State cell on the Orders tab; or cancel the order on Amazon.' } : heldAction(r.note)),
      });
    }
    if (r.state === 'unknown') {
      add('unknown', r.purchaseDate, {
        key: exceptionKey('ORDER_OUTCOME_UNKNOWN', id),
        type: 'ORDER_OUTCOME_UNKNOWN',
        entity: entity(r),
        message: `Amazon order ${id} may or may not be at the 3PL: ${r.note || 'its create got no answer.'} Each run looks it up by its reference first and adopts it when the 3PL shows it; it is created again only when the lookup answers that it is not there. If this stays, search the 3PL for reference ${id}.`,
      });
    }
    const notAtThreePl = r.state === 'ready' || r.state === 'sending';
    if (notAtThreePl && SHIPPABLE_AMAZON_STATUSES.has(r.amazonStatus) && r.purchaseDate !== null && now - r.purchaseDate > s.orderOrphanThresholdMinutes * MIN) {
      add('orphaned', r.purchaseDate, {
        key: exceptionKey('ORDER_ORPHANED', id),
        type: 'ORDER_ORPHANED',
        entity: entity(r),
        message: `Amazon order ${id} (placed ${utcMinute(r.purchaseDate)} UTC) is still not at the 3PL after ${s.orderOrphanThresholdMinutes} minutes${r.note ? `: ${r.note}` : ''}. Nobody will ship it until it is; check the Sync Log for orders runs that failed or left orders for the next run.`,
      });
    }
    // Whatever the State cell says, an order Amazon still shows unshipped that the 3PL is not known to have shipped is late.
    const unshipped = r.state !== 'pending' && r.state !== 'cancel-too-late' && !(r.state === 'shipped' && (r.shippedAt !== null || r.tracking.length > 0));
    if (unshipped && SHIPPABLE_AMAZON_STATUSES.has(r.amazonStatus) && r.latestShipDate !== null && now > r.latestShipDate - s.shipByMarginHours * 60 * MIN) {
      const late = now > r.latestShipDate;
      add('ship', r.latestShipDate, {
        key: exceptionKey('ORDER_STUCK', id, 'ship'),
        type: 'ORDER_STUCK',
        entity: entity(r),
        message: `Amazon order ${id} ${late ? 'is past' : 'is close to'} its latest ship date (${utcMinute(r.latestShipDate)} UTC) and has not shipped (state: ${r.state}${r.threePlStatus ? `, 3PL status ${r.threePlStatus}` : ''}). A late shipment hurts the account's late-shipment rate: chase the 3PL or cancel the order on Amazon.`,
      });
    }
    if (r.state === 'shipped' && r.shippedAt !== null && now - r.shippedAt > s.confirmTimeoutMinutes * MIN) {
      add('confirm', r.shippedAt, {
        key: exceptionKey('ORDER_STUCK', id, 'confirm'),
        type: 'ORDER_STUCK',
        entity: entity(r),
        message: `The 3PL shipped Amazon order ${id} at ${utcMinute(r.shippedAt)} UTC, but it is not confirmed to Amazon after ${s.confirmTimeoutMinutes} minutes${r.note ? ` (${r.note})` : ''}. Until it is, Amazon shows the order unshipped to the buyer and counts it late.`,
      });
    }
    if (r.note.startsWith(EDIT_NOTE)) out.push(editInvalid(r));
    // Never counted into one row: each is goods to get back, handled and set to Ignored one by one.
    if (r.state === 'cancel-too-late') {
      out.push({
        key: exceptionKey('ORDER_STUCK', id, 'cancelled-after-shipping'),
        type: 'ORDER_STUCK',
        entity: entity(r),
        message: `Amazon order ${id} was cancelled on Amazon, but the 3PL had already shipped it (3PL order ${r.threePlOrderId || '?'}). The goods are on their way to a buyer who will not pay: contact the buyer or the carrier to get them back. Set this row to Ignored once handled.`,
        action: 'Get the goods back through the buyer or the carrier (the order is already cancelled on Amazon); then set Status to Ignored.',
      });
    }
  }
  return [...out, ...[...kinds].flatMap(([kind, found]) => atMostNamed(kind, found, shown))];
}

/** The cells an edit note can name, and each one's key suffix (one exception per cell of a row). */
const EDITED_CELLS: ReadonlyArray<readonly [string, string]> = [
  ['Lines', 'lines'],
  ['Confirmed At', 'confirmedat'],
  ['3PL Order ID', 'threeplid'],
  ['Tracking', 'tracking'],
  ['Shipped At', 'shippedat'],
  ['Amazon Status', 'status'],
  ['Marketplace', 'marketplace'],
  ['Amazon Order ID', 'id'],
  ['Latest Ship Date', 'shipdate'],
  ['Purchase Date', 'purchasedate'],
  ['Attempts', 'attempts'],
];

/** A State, Lines, Confirmed At, 3PL Order ID, Tracking, Shipped At, Amazon Status, Marketplace or Amazon Order ID cell people changed that the add-on did not use; the Note (EDIT_NOTE) names the cell and what was put back. */
export function editInvalid(r: LedgerRow): RaisedException {
  const said = r.note.slice(EDIT_NOTE.length).trim();
  return { key: exceptionKey('ORDER_EDIT_INVALID', r.orderId, editedCellSuffix(r.note, EDITED_CELLS)), type: 'ORDER_EDIT_INVALID', entity: entity(r), message: `${said.charAt(0).toUpperCase()}${said.slice(1)}`, typedInput: true };
}

/** At most this many rows of one kind name an order: a backlog (onboarding, an outage, one unmapped SKU or carrier) is one problem, not thousands of rows and e-mails. */
export const MAX_ORDER_ROWS = 50;
/** The same limit, under the name ORDER_ORPHANED's rows were first capped by. */
export const MAX_ORPHAN_ROWS = MAX_ORDER_ROWS;

/** The per-order exceptions a backlog can multiply, each capped on its own. */
type Backlog = 'held' | 'unknown' | 'orphaned' | 'ship' | 'confirm';

/** The row standing for the orders past the cap: its key, and what it says of them (`list`: some of their ids). */
const MORE: Record<Backlog, { key: string; type: RaisedException['type']; says: (n: number, list: string) => string; action?: string }> = {
  orphaned: {
    key: exceptionKey('ORDER_ORPHANED', '+more'),
    type: 'ORDER_ORPHANED',
    says: (n, list) => `${n} more Amazon orders are not at the 3PL in time either (${list}); the Orders tab's State and Note say why for each. Nobody ships them until they are; check the Sync Log for orders runs that failed or left orders for the next run.`,
  },
  held: {
    key: exceptionKey('ORDER_HELD', '+more'),
    type: 'ORDER_HELD',
    says: (n, list) => `${n} more Amazon orders are held and were not sent to the 3PL either (${list}); the Orders tab's Note says why for each (rows with State "held"). Their units stay off the Amazon offers. Fix the causes and the next orders run sends them.`,
    action: 'Filter the Orders tab on State "held" and fix the cause each Note names; the next orders run sends them.',
  },
  unknown: {
    key: exceptionKey('ORDER_OUTCOME_UNKNOWN', '+more'),
    type: 'ORDER_OUTCOME_UNKNOWN',
    says: (n, list) => `${n} more Amazon orders may or may not be at the 3PL either (${list}). Each run looks them up by reference first and adopts those the 3PL shows; if this stays, search the 3PL for those references.`,
  },
  ship: {
    key: exceptionKey('ORDER_STUCK', '+more', 'ship'),
    type: 'ORDER_STUCK',
    says: (n, list) => `${n} more Amazon orders are close to or past their latest ship date and have not shipped either (${list}); the Orders tab's State and Latest Ship Date say where each is. Chase the 3PL or cancel them on Amazon.`,
  },
  confirm: {
    key: exceptionKey('ORDER_STUCK', '+more', 'confirm'),
    type: 'ORDER_STUCK',
    says: (n, list) => `${n} more orders the 3PL shipped are not confirmed to Amazon in time either (${list}); the Orders tab's Note says why for each (often a carrier missing from the Carrier Map: see CARRIER_UNMAPPED). Until they are, Amazon shows them unshipped to the buyers and counts them late.`,
    action: 'Read the Orders tab\'s Note of these orders (and the CARRIER_UNMAPPED rows, if any): fix the cause and the next orders run confirms them.',
  },
};

/**
 * The oldest (or most urgent) orders of a kind by name, the rest in one row that counts them. While
 * that count row is shown (the backlog goes on), only orders already named keep their rows: naming
 * the next oldest as each one clears would open a row, and an e-mail, for nearly every order of the
 * backlog, since the oldest are sent first.
 */
function atMostNamed(kind: Backlog, found: ReadonlyArray<RaisedException & { at: number }>, shown: ReadonlySet<string>): RaisedException[] {
  const sorted = [...found].sort((a, b) => a.at - b.at).map(({ at: _at, ...e }) => e);
  if (sorted.length <= MAX_ORDER_ROWS) return sorted;
  const more = MORE[kind];
  const { named, rest } = namedWhileCounted(sorted, shown, more.key, MAX_ORDER_ROWS - 1);
  const ids = rest.slice(0, 10).map((e) => e.key.split(':')[1]).join(', ') + (rest.length > 10 ? ', …' : '');
  return [...named, { key: more.key, type: more.type, entity: `${rest.length} more orders`, message: more.says(rest.length, ids), ...(more.action ? { action: more.action } : {}) }];
}

/** ORDER_ORPHANED for a 3PL order whose reference looks like an Amazon order id the ledger does not know. */
export function unknownAtThreePl(reference: string, threePlOrderId: string, threePlName: string): RaisedException {
  return {
    key: exceptionKey('ORDER_ORPHANED', 'threepl', reference),
    type: 'ORDER_ORPHANED',
    entity: `${threePlName} order ${threePlOrderId}`,
    message: `${threePlName} order ${threePlOrderId} carries reference ${reference}, which looks like an Amazon order id, but the Orders ledger does not know it: it may be a duplicate, an order from another tool, or one for another marketplace. Check it at ${threePlName} before it ships twice.`,
  };
}
