// The stock sync's safety invariants (issue 5), checked against the simulators' own state after
// every scenario step, independently of the product's code: what Amazon received (every quantity
// write), what ShipBob holds, the orders Amazon has that ShipBob does not, and the sheet people see.
// The bound for a write is computed from the world as it was when the quantity was sent: for a
// patch, the step that sent it; for a feed message, the step that created the feed.

import { applyStep, type ScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';

/** Distinctive secret values, so a leak into any cell or log line can be found by search. */
export const SECRETS = {
  amazon: { clientId: 'amzn1.application-oa2-client.TESTID77', clientSecret: 'amzn1.oa2-cs.v1.SECRET-9f8e7d6c5b4a', refreshToken: 'Atzr|IwEBREFRESH-TOKEN-3c2b1a0f' },
  threePl: { token: 'PAT-SHIPBOB-SECRET-5e4d3c2b1a' },
} as const;

const PENDING_KEY = 'inventory.pendingPush';
// PENDING orders (payment not yet authorised) become UNSHIPPED: their units are owed too.
const UNSENT_STATUSES = new Set(['PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED']);
const INVENTORY_ENTRIES = new Set(['syncNow', 'syncStockNow', 'approveStockPush', 'undoLastStockPush', 'onScheduledRun', 'syncAllNow']);

/** What the world allowed when a step began. */
interface StepView {
  index: number;
  label: string;
  /** Seller SKU → max(0, 3PL fulfillable − unsent units − buffer); null: no write may address it. */
  bound: Map<string, number | null>;
  /** Seller SKU → exact expected proposal (with Offer % and Max Qty), for convergence checks. */
  expected: Map<string, number>;
  /**
   * Seller SKUs no merchant quantity may address: Amazon lists them as FBA only (a DEFAULT quantity
   * would convert the offer), or the SKU Map maps them as FBA while Amazon does not list both channels.
   */
  fbaSkus: Set<string>;
  mode: string;
  /** Writes are allowed in approve mode: an approval, or the continuation of an approved push. */
  approved: boolean;
  /** Undo restores earlier quantities on purpose: exempt from the bound and mode rules. */
  undo: boolean;
  held: boolean;
}

interface Write {
  at: string;
  operation: string;
  sku: string;
  fulfillmentChannelCode: string;
  quantity: number;
  outcome: string;
  feedId?: string;
  reason?: string;
}

export interface SkuMapLine {
  sellerSku: string;
  channel: string;
  threePlSku: string;
  buffer: number | null;
  share: number | null;
  maxQty: number | null;
  valid: boolean;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;
const count = (v: unknown): number | null | 'bad' => (isBlank(v) ? null : typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 'bad');
const share = (v: unknown): number | null | 'bad' => (isBlank(v) ? null : typeof v === 'number' && v >= 0 && v <= 1 ? v : 'bad');

/** The SKU Map's raw rows read independently of the product: a row is usable only if plainly so. */
export function readSkuMap(run: ScenarioRun): SkuMapLine[] {
  const ex = run.gas.spreadsheet.exportSheet('SKU Map');
  if (!ex) return [];
  const header = (ex.values[0] ?? []).map((h) => String(h));
  const col = (r: unknown[], h: string) => r[header.indexOf(h)];
  const lines: SkuMapLine[] = [];
  for (const r of ex.values.slice(1)) {
    const sellerSku = String(col(r, 'Seller SKU') ?? '').trim();
    if (!sellerSku) continue;
    const active = col(r, 'Active');
    if (active === false) continue;
    const channel = String(col(r, 'Channel') ?? '').trim().toUpperCase();
    const b = count(col(r, 'Safety Buffer'));
    const s = share(col(r, 'Offer %'));
    const m = count(col(r, 'Max Qty'));
    const threePlSku = String(col(r, '3PL SKU') ?? '').trim();
    const mkt = String(col(r, 'Marketplace') ?? '').trim().toUpperCase();
    const valid = (mkt === '' || mkt === 'UK') && (active === true || isBlank(active)) && b !== 'bad' && s !== 'bad' && m !== 'bad' && (channel === 'FBA' || (channel === 'FBM' && threePlSku !== ''));
    lines.push({ sellerSku, channel, threePlSku, buffer: b === 'bad' ? null : b, share: s === 'bad' ? null : s, maxQty: m === 'bad' ? null : m, valid });
  }
  return lines;
}

function settingsOf(run: ScenarioRun): Map<string, unknown> {
  const ex = run.gas.spreadsheet.exportSheet('Settings');
  const out = new Map<string, unknown>();
  if (!ex) return out;
  const header = (ex.values[0] ?? []).map((h) => String(h));
  const k = header.indexOf('Key');
  const v = header.indexOf('Value');
  for (const r of ex.values.slice(1)) out.set(String(r[k] ?? '').trim(), r[v]);
  return out;
}

/** Units Amazon has in unshipped merchant orders that ShipBob has no (live) order for, per Seller SKU. */
export function unsentUnits(run: ScenarioRun): Map<string, number> {
  const atThreePl = new Set(run.threePl.snapshot().orders.filter((o) => !/cancel/i.test(o.status)).map((o) => o.reference));
  const out = new Map<string, number>();
  for (const raw of run.amazon.snapshot().orders) {
    const o = raw as { orderId: string; status: string; fulfilledBy: string; items: Array<{ sku: string; quantity: number; shipped: number }> };
    if (o.fulfilledBy !== 'MERCHANT' || !UNSENT_STATUSES.has(o.status) || atThreePl.has(o.orderId)) continue;
    for (const it of o.items) out.set(it.sku, (out.get(it.sku) ?? 0) + Math.max(0, it.quantity - it.shipped));
  }
  return out;
}

/** The world as the sync should see it now: bounds and exact proposals per Seller SKU. */
export function worldView(run: ScenarioRun): Pick<StepView, 'bound' | 'expected' | 'fbaSkus' | 'mode'> & { approveCell: boolean } {
  const settings = settingsOf(run);
  const defaultBuffer = typeof settings.get('Default safety buffer') === 'number' ? (settings.get('Default safety buffer') as number) : 2;
  const mode = String(settings.get('Push mode') ?? 'dry-run') || 'dry-run';
  const approveCell = /^(yes|y|true|x|approve|approved|1)$/i.test(String(settings.get('Approve stock push') ?? ''));
  const amazon = run.amazon.snapshot();
  // world.json lists a multi-channel listing once per channel.
  const channels = new Map<string, { fbm: boolean; fba: boolean }>();
  for (const l of amazon.listings) {
    const c = channels.get(l.sku) ?? { fbm: false, fba: false };
    if (l.channel === 'FBM') c.fbm = true;
    else c.fba = true;
    channels.set(l.sku, c);
  }
  const fulfillable = new Map<string, number>();
  for (const raw of run.threePl.snapshot().inventory) {
    const c = raw as { sku: string; fulfillable: number };
    fulfillable.set(c.sku, (fulfillable.get(c.sku) ?? 0) + Math.max(0, c.fulfillable));
  }
  const known = new Set(run.threePl.state.products.keys());
  const unsentBySeller = unsentUnits(run);
  const map = readSkuMap(run);

  const fbaSkus = new Set<string>();
  for (const [sku, c] of channels) if (c.fba && !c.fbm) fbaSkus.add(sku);
  // An FBM and an FBA row for a SKU Amazon lists with both channels: the FBM row is usable.
  for (const m of map) if (m.channel === 'FBA' && !(channels.get(m.sellerSku)?.fbm && channels.get(m.sellerSku)?.fba)) fbaSkus.add(m.sellerSku);

  // Unsent units come off the 3PL product's pickable stock, whichever Seller SKU was ordered.
  const unsentBy3pl = new Map<string, number>();
  for (const m of map) if (m.channel === 'FBM' && m.valid) unsentBy3pl.set(m.threePlSku, (unsentBy3pl.get(m.threePlSku) ?? 0) + (unsentBySeller.get(m.sellerSku) ?? 0));

  const bound = new Map<string, number | null>();
  const expected = new Map<string, number>();
  const fbmRows = new Map<string, SkuMapLine[]>();
  for (const m of map) if (m.channel !== 'FBA') fbmRows.set(m.sellerSku, [...(fbmRows.get(m.sellerSku) ?? []), m]);
  for (const [sku, rows] of fbmRows) {
    const row = rows[0]!;
    const usable = rows.length === 1 && row.valid && row.channel === 'FBM' && !fbaSkus.has(sku) && channels.get(sku)?.fbm === true && known.has(row.threePlSku);
    if (!usable) {
      bound.set(sku, null);
      continue;
    }
    const f = fulfillable.get(row.threePlSku) ?? 0;
    const u = unsentBy3pl.get(row.threePlSku) ?? 0;
    const b = row.buffer ?? defaultBuffer;
    bound.set(sku, Math.max(0, f - u - b));
    const s = row.share ?? 1;
    const offered = s === 1 ? f - u : Math.floor((f - u) * s + 1e-9);
    let q = Math.max(0, offered - b);
    if (row.maxQty !== null) q = Math.min(q, row.maxQty);
    expected.set(sku, q);
  }
  return { bound, expected, fbaSkus, mode, approveCell };
}

/** Every text a person or a log could see: cells of every tab, Logger/console lines, the world log. */
export function visibleText(run: ScenarioRun): string {
  return [JSON.stringify(run.gas.spreadsheet.toDisplayJson()), ...run.gas.logs, ...run.world.logLines].join('\n');
}

export class InvariantTracker {
  readonly violations: string[] = [];
  readonly views: StepView[] = [];
  private checked = 0;
  private readonly feedView = new Map<string, StepView>();
  /** Last accepted-and-applied quantity per SKU since the last outside change: a second identical write is a duplicate. */
  private readonly lastApplied = new Map<string, number>();
  private pendingApproved = false;
  /**
   * The patch a killed execution sent last: its answer never reached the add-on, and Amazon shows an
   * ACCEPTED patch only minutes later (DEFAULT_PATCH_APPLY_DELAY), so the next run may send it once more.
   */
  private lostAnswer: { sku: string; quantity: number } | null = null;

  constructor(readonly run: ScenarioRun) {}

  private fail(view: StepView | undefined, text: string): void {
    this.violations.push(`${view ? `step ${view.index + 1} (${view.label}): ` : ''}${text}`);
  }

  step(step: Step, index: number, opts: { undo?: boolean } = {}): void {
    const run = this.run;
    const isRun = 'run' in step;
    const entry = isRun ? step.run : '';
    const pendingBefore = run.gas.properties.document.data.get(PENDING_KEY) !== undefined;
    const w = worldView(run);
    const approvalStep = entry === 'approveStockPush' || w.approveCell;
    const view: StepView = {
      index,
      label: isRun ? `${entry}(${(step.args ?? []).map((a) => JSON.stringify(a)).join(',')})` : Object.keys(step)[0] ?? '?',
      bound: w.bound,
      expected: w.expected,
      fbaSkus: w.fbaSkus,
      mode: w.mode,
      approved: approvalStep || (pendingBefore && this.pendingApproved),
      undo: Boolean(opts.undo),
      held: false,
    };
    // Audit rows (job "audit", src/jobs/kit/audit.ts) record who acted; they are not runs.
    const runRows = () => (run.gas.spreadsheet.exportSheet('Sync Log')?.values ?? []).filter((r) => r[1] !== 'audit');
    const logBefore = runRows().length;
    const exceptionsBefore = this.exceptionRows();

    applyStep(run, step, index);
    this.views.push(view);

    const snap = run.amazon.snapshot();
    for (const f of snap.feeds as Array<{ feedId: string }>) if (!this.feedView.has(f.feedId)) this.feedView.set(f.feedId, view);

    if (isRun && INVENTORY_ENTRIES.has(entry)) {
      const result = run.results[run.results.length - 1]!;
      const logAfter = runRows().length;
      const last = runRows()[logAfter - 1] ?? [];
      view.held = logAfter > logBefore && String(last[4]) === 'held';
      // One Sync Log row per run; an execution Apps Script killed writes nothing more.
      if (result.record.outcome !== 'timeout' && entry !== 'syncAllNow' && entry !== 'onScheduledRun' && logAfter !== logBefore + 1) {
        this.fail(view, `expected one new Sync Log row, got ${logAfter - logBefore}`);
      }
      if (result.record.outcome === 'error') this.fail(view, `the execution threw: ${result.error}`);
      const pendingAfter = run.gas.properties.document.data.get(PENDING_KEY) !== undefined;
      this.pendingApproved = pendingAfter && (view.approved || view.mode === 'auto');
    }
    if ('world' in step && step.world.system === 'amazon') this.lastApplied.clear();
    if (view.undo) this.lastApplied.clear();

    const checkedBefore = this.checked;
    this.checkWrites(snap.writes as Write[], view);
    if (isRun && run.results[run.results.length - 1]?.record.outcome === 'timeout') {
      const last = (snap.writes as Write[]).slice(checkedBefore).pop();
      this.lostAnswer = last?.operation === 'patchListingsItem' ? { sku: last.sku, quantity: last.quantity } : null;
    }
    // People may edit exceptions as they like; runs must not lose what they typed.
    if (isRun) this.checkExceptions(exceptionsBefore, view);
    this.checkSecrets(view);
  }

  private checkWrites(all: Write[], current: StepView): void {
    for (let i = this.checked; i < all.length; i++) {
      const w = all[i]!;
      const before = i > this.checked ? all[i - 1] : undefined;
      const view = (w.feedId ? this.feedView.get(w.feedId) : undefined) ?? current;
      const what = `${w.operation} ${w.sku}=${w.quantity} (${w.fulfillmentChannelCode}, ${w.outcome})`;
      if (w.fulfillmentChannelCode !== 'DEFAULT') this.fail(view, `write to a non-DEFAULT channel: ${what}`);
      if (view.fbaSkus.has(w.sku)) this.fail(view, `write to an FBA offer: ${what}`);
      if (!view.undo) {
        const bound = view.bound.get(w.sku);
        if (bound === undefined || bound === null) this.fail(view, `write for a SKU with no usable FBM mapping: ${what}`);
        else if (w.quantity > bound) this.fail(view, `quantity above 3PL fulfillable − unsent − buffer (${bound}): ${what}`);
        if (view.mode === 'dry-run') this.fail(view, `write in dry-run mode: ${what}`);
        if (view.mode === 'approve' && !view.approved) this.fail(view, `write in approve mode without an approval: ${what}`);
      }
      // A person may release the held plan they saw ("Approve stock push"); nothing else goes out in a held run.
      if (view.held && !view.approved) this.fail(view, `write in a run a guardrail held: ${what}`);
      const prev = this.lastApplied.get(w.sku);
      // Sending a quantity again right after its answer was lost is the one allowed repeat: a quantity write is idempotent.
      const lost = this.lostAnswer;
      const resend =
        (before?.operation === 'patchListingsItem' && w.operation === 'patchListingsItem' && before.sku === w.sku && before.quantity === w.quantity) ||
        (lost !== null && lost.sku === w.sku && lost.quantity === w.quantity);
      if (lost !== null && lost.sku === w.sku) this.lostAnswer = null;
      if (prev === w.quantity && w.outcome !== 'rejected' && !resend) this.fail(view, `the same quantity pushed twice: ${what}`);
      if (w.outcome === 'applied') this.lastApplied.set(w.sku, w.quantity);
      else this.lastApplied.delete(w.sku);
    }
    this.checked = all.length;
  }

  private exceptionRows(): string[][] {
    return (this.run.gas.spreadsheet.exportSheet('Exceptions')?.values ?? []).slice(1).map((r) => r.map((c) => String(c)));
  }

  /** One row per key; counts never go down; people's Acknowledged and Owner are kept. */
  private checkExceptions(before: string[][], view: StepView): void {
    const ex = this.run.gas.spreadsheet.exportSheet('Exceptions');
    if (!ex) return;
    const header = (ex.values[0] ?? []).map((h) => String(h));
    const k = header.indexOf('Key');
    const rows = this.exceptionRows();
    const keys = rows.map((r) => r[k] ?? '').filter(Boolean);
    const dup = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (dup.length) this.fail(view, `duplicate exception keys: ${[...new Set(dup)].join(', ')}`);
    const c = header.indexOf('Times Seen');
    const s = header.indexOf('Status');
    const o = header.indexOf('Owner');
    const now = new Map(rows.map((r) => [r[k] ?? '', r] as const));
    for (const old of before) {
      const key = old[k] ?? '';
      if (!key) continue;
      const row = now.get(key);
      if (!row) {
        this.fail(view, `exception row ${key} disappeared`);
        continue;
      }
      if (Number(row[c]) < Number(old[c])) this.fail(view, `exception ${key} count went down`);
      if (old[o] && row[o] !== old[o]) this.fail(view, `exception ${key} lost its Owner`);
      if (old[s] === 'Acknowledged' && row[s] === 'Open') this.fail(view, `exception ${key} lost its Acknowledged status`);
    }
  }

  private checkSecrets(view: StepView): void {
    const text = visibleText(this.run);
    const values = [SECRETS.amazon.clientSecret, SECRETS.amazon.refreshToken, SECRETS.threePl.token, SECRETS.amazon.clientId];
    for (const v of values) if (text.includes(v)) this.fail(view, `a secret appears in a cell or log: ${v.slice(0, 8)}…`);
  }

  /** Throws with every invariant broken so far. */
  assertClean(): void {
    if (this.violations.length) throw new Error(`Invariants broken:\n  ${[...new Set(this.violations)].join('\n  ')}`);
  }

  /** After faults have passed and the world is still: Amazon shows exactly the proposal for every usable offer. */
  convergenceProblems(): string[] {
    const w = worldView(this.run);
    const listings = new Map(this.run.amazon.snapshot().listings.filter((l) => l.channel === 'FBM').map((l) => [l.sku, l.quantity] as const));
    const out: string[] = [];
    for (const [sku, q] of w.expected) if (listings.get(sku) !== q) out.push(`${sku}: Amazon shows ${listings.get(sku)}, expected ${q}`);
    return out;
  }
}
