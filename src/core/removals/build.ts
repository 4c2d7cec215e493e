// Merges what Amazon's reports say into the Removals rows: one row per removal order and SKU, its
// LPNs from the customer-returns report, and where it stands on Amazon's side. What the 3PL said
// (receipt, counts, state) is kept; a removal the reports no longer mention keeps its row as it was.

import { CLOSED_STATES, type RemovalReports, type RemovalRow, type RemovalState, type ReturnLpn } from './types';

export interface MergeOptions {
  /** Whether a removal of this id and `order-type` comes back to the 3PL (Settings "Removals to 3PL"). */
  toThreePl(orderId: string, orderType: string): boolean;
}

export interface Merged {
  rows: RemovalRow[];
  /** The removal order ids the reports mention. */
  seen: Set<string>;
  /** Each removal order's latest shipment date, for REMOVAL_OVERDUE. */
  shippedAt: Map<string, number>;
}

interface Group {
  orderId: string;
  sku: string;
  type: string;
  status: string;
  fnsku: string;
  requestDate: number;
  dispositions: string[];
  requested: number;
  cancelled: number;
  disposed: number;
  shipped: number;
  shipmentUnits: number;
  inProcess: number;
  carriers: string[];
  tracking: string[];
}

const rowKey = (orderId: string, sku: string) => `${orderId}\u0000${sku}`;

function addOnce(list: string[], v: string): void {
  if (v && !list.includes(v)) list.push(v);
}

/** The states in which the 3PL side has been reached, which a new report must not undo. */
const THREEPL_STATES: ReadonlySet<RemovalState> = new Set(['expected', 'overdue', 'arrived', 'receiving', 'received', 'short', 'over', 'outcome unknown']);

/**
 * Amazon's side of a removal order (all its SKUs at once: the 3PL receipt is one per order, so it
 * waits until Amazon has shipped everything it is going to ship).
 */
function amazonState(g: Group, orderInProcess: number, toThreePl: boolean): RemovalState {
  if (g.requested > 0 && g.cancelled >= g.requested) return 'cancelled';
  const returned = /^return$/i.test(g.type);
  if (/^disposal$/i.test(g.type)) return 'disposed';
  if (!returned || !toThreePl) return 'not for 3PL';
  if (g.shipped === 0) {
    if (g.inProcess > 0 || orderInProcess > 0) return 'pending';
    return g.disposed > 0 ? 'disposed' : /^cancel/i.test(g.status) ? 'cancelled' : 'pending';
  }
  return orderInProcess > 0 ? 'shipping' : 'to send';
}

/** An LPN goes with a removal of the same SKU requested after the return, and of a matching kind of disposition. */
function lpnFits(r: ReturnLpn, g: Group): boolean {
  if (r.sku !== g.sku && !(r.fnsku && r.fnsku === g.fnsku)) return false;
  if (r.returnDate > g.requestDate) return false;
  const sellable = /^sellable$/i.test(r.disposition);
  return g.dispositions.some((d) => (/^sellable$/i.test(d) ? sellable : !sellable));
}

export function mergeReports(prev: readonly RemovalRow[], reports: RemovalReports, opts: MergeOptions): Merged {
  const groups = new Map<string, Group>();
  const group = (orderId: string, sku: string, init: () => Omit<Group, 'orderId' | 'sku'>): Group => {
    const k = rowKey(orderId, sku);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { orderId, sku, ...init() }));
    return g;
  };
  const blank = (type: string, requestDate: number) => ({
    type, status: '', fnsku: '', requestDate, dispositions: [], requested: 0, cancelled: 0, disposed: 0, shipped: 0, shipmentUnits: 0, inProcess: 0, carriers: [], tracking: [],
  });
  for (const o of reports.orders) {
    const g = group(o.orderId, o.sku, () => blank(o.orderType, o.requestDate));
    g.type = o.orderType || g.type;
    g.status = o.orderStatus || g.status;
    g.fnsku ||= o.fnsku;
    g.requestDate = Math.min(g.requestDate, o.requestDate);
    addOnce(g.dispositions, o.disposition);
    g.requested += o.requested;
    g.cancelled += o.cancelled;
    g.disposed += o.disposed;
    g.shipped += o.shipped;
    g.inProcess += o.inProcess;
  }
  const shippedAt = new Map<string, number>();
  for (const s of reports.shipments) {
    // A shipment whose order line is outside the report's window still shows what is on its way.
    const g = group(s.orderId, s.sku, () => blank(s.orderType || 'Return', s.shipmentDate));
    g.fnsku ||= s.fnsku;
    addOnce(g.dispositions, s.disposition);
    addOnce(g.carriers, s.carrier);
    addOnce(g.tracking, s.trackingNumber);
    g.shipmentUnits += s.quantity;
    shippedAt.set(s.orderId, Math.max(shippedAt.get(s.orderId) ?? 0, s.shipmentDate));
  }
  const orderInProcess = new Map<string, number>();
  for (const g of groups.values()) {
    // Either report may lag the other by a few hours: units shipped but not yet listed with their
    // box count as still on their way, so the receipt waits for every tracking number.
    const unlisted = Math.max(0, g.shipped - g.shipmentUnits);
    g.shipped = Math.max(g.shipped, g.shipmentUnits);
    if (g.requested === 0) g.requested = g.shipped;
    orderInProcess.set(g.orderId, (orderInProcess.get(g.orderId) ?? 0) + g.inProcess + unlisted);
  }

  const byKey = new Map(prev.map((r) => [rowKey(r.orderId, r.sku), r] as const));
  const taken = new Set(prev.flatMap((r) => r.lpns));
  const returns = [...reports.returns].sort((a, b) => a.returnDate - b.returnDate);
  const ordered = [...groups.values()].sort((a, b) => a.requestDate - b.requestDate || a.orderId.localeCompare(b.orderId) || a.sku.localeCompare(b.sku));
  const out = new Map<string, RemovalRow>(byKey);
  for (const g of ordered) {
    const before = byKey.get(rowKey(g.orderId, g.sku));
    const lpns = [...(before?.lpns ?? [])];
    const units = g.shipped + g.inProcess;
    for (const r of returns) {
      if (lpns.length >= units) break;
      if (!taken.has(r.lpn) && lpnFits(r, g)) {
        lpns.push(r.lpn);
        taken.add(r.lpn);
      }
    }
    const fromAmazon = amazonState(g, orderInProcess.get(g.orderId) ?? 0, opts.toThreePl(g.orderId, g.type));
    // Once the 3PL holds a receipt, its state is the 3PL's to tell.
    const keep = before && THREEPL_STATES.has(before.state) && !CLOSED_STATES.has(fromAmazon);
    const state: RemovalState = keep ? before.state : fromAmazon;
    const threePlBound = state === 'to send' || keep;
    out.set(rowKey(g.orderId, g.sku), {
      orderId: g.orderId,
      type: g.type,
      sku: g.sku,
      fnsku: g.fnsku || before?.fnsku || '',
      disposition: g.dispositions.join(', '),
      requested: g.requested,
      shipped: g.shipped,
      disposed: g.disposed,
      carrier: g.carriers.join(', ') || before?.carrier || '',
      tracking: g.tracking.length ? g.tracking : (before?.tracking ?? []),
      lpns,
      receipt: keep ? before.receipt : '',
      expected: threePlBound ? g.shipped : null,
      received: keep ? before.received : null,
      state,
    });
  }
  return { rows: [...out.values()], shippedAt, seen: new Set([...groups.values()].map((g) => g.orderId)) };
}

/** Closed without anything left to settle: such a row may leave the tab once Amazon's reports drop it. */
const SETTLED: ReadonlySet<RemovalState> = new Set(['received', 'disposed', 'cancelled', 'not for 3PL']);

/**
 * The tab's retention rule (a spreadsheet holds at most 10 million cells): a removal that is settled
 * and that Amazon's reports (60 days back) no longer mention leaves the tab. Open removals, and short
 * or over counts someone still has to settle, stay however old. Nothing leaves after a report that
 * had a line the add-on could not read, since that line may have been the removal's.
 */
export function retainRows(rows: readonly RemovalRow[], seen: ReadonlySet<string>, reportProblems: number): RemovalRow[] {
  if (reportProblems > 0) return [...rows];
  const settled = new Map<string, boolean>();
  for (const r of rows) settled.set(r.orderId, (settled.get(r.orderId) ?? true) && SETTLED.has(r.state));
  return rows.filter((r) => seen.has(r.orderId) || !settled.get(r.orderId));
}
