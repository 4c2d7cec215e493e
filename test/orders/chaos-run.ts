// Drives one chaos seed through the built bundle (docs/chaos.md): the plan's world events and orders
// runs over a faulty period, then a recovery period without faults until the world settles. Besides
// the scenario faults it models, per execution, what a scenario file cannot say: a hard kill at a
// fetch (Apps Script stops the script; no finally block can write after it), a second execution
// started while the first holds the document lock, a slow period that makes a run meet its time
// budget, world events that land in the middle of a run, and a ShipBob search lag that turns a
// lost create into a 422 duplicate. Each of these is logged to the world log with a ⚡.

import { applyStep, createScenarioRun, type ScenarioRun } from '../world/scenario/runner';
import type { Step } from '../world/scenario/schema';
import type { SimHandler, SimRequest, SimResponse } from '../world/http';
import { chaosThreePl, type ChaosThreePl } from './chaos-threepl';
import { amazonOrder, makePlan, Rng, scenarioOf, type ChaosOrder, type ChaosPlan, type ChaosProvider } from './chaos-world';

const MIN = 60_000;
const START_MS = Date.parse('2026-11-02T08:00:00Z');
const MAX_RECOVERY_RUNS = 6;

/** What the driver saw happen to one order, independently of the add-on. */
export interface OrderHistory {
  order: ChaosOrder;
  arrived: boolean;
  /** Amazon showed it UNSHIPPED at some point: the 3PL must get it unless it is cancelled first. */
  everShippable: boolean;
  cancelledAt: number | null;
  /** The 3PL held an order with this reference when Amazon cancelled it. */
  atThreePlWhenCancelled: boolean;
}

export interface ChaosStats {
  runs: number;
  partial: number;
  failed: number;
  killed: number;
  overlaps: number;
  slowRuns: number;
  midRunEvents: number;
  staleLookups: number;
  duplicate422: number;
  faultsFired: number;
  recoveryRuns: number;
  settled: boolean;
}

export interface ChaosOutcome {
  plan: ChaosPlan;
  run: ScenarioRun;
  /** The 3PL's orders and shipments as the checks read them (ShipBob or Mintsoft). */
  threePl: ChaosThreePl;
  history: Map<string, OrderHistory>;
  stats: ChaosStats;
  /** syncNow executions whose orders job ran undisturbed to the end: each carries over every cancellation seen before it. */
  cleanRuns: Array<{ start: number; end: number }>;
  /** Broken rules seen while driving (an overlapping execution that did work). */
  overlapProblems: string[];
}

type WorldEvent = { at: number; kind: 'arrive' | 'pay' | 'cancel' | 'partialShip' | 'hold' | 'release'; order: ChaosOrder };
type RunEvent = { at: number; kind: 'run'; job: 'orders' | 'all' };
type Event = WorldEvent | RunEvent;

interface ExecutionPlan {
  fetches: number;
  /** A fault fired or chaos struck during it. */
  disturbed: boolean;
  kill: { at: number; performed: boolean } | null;
  overlap: number | null;
  slowMs: number;
  midAt: number | null;
}

export interface ChaosOptions {
  /** Skip the recovery period (used to show the invariants can fail). */
  recovery?: boolean;
  distDir?: string;
}

export class ChaosDriver {
  readonly run: ScenarioRun;
  readonly threePl: ChaosThreePl;
  readonly history = new Map<string, OrderHistory>();
  readonly stats: ChaosStats = {
    runs: 0, partial: 0, failed: 0, killed: 0, overlaps: 0, slowRuns: 0, midRunEvents: 0, staleLookups: 0, duplicate422: 0, faultsFired: 0, recoveryRuns: 0, settled: false,
  };
  readonly overlapProblems: string[] = [];
  private readonly rng: Rng;
  private chaosOn = false;
  private nested = false;
  private stepIndex = 0;
  private readonly executions = new Map<number, ExecutionPlan>();
  private pendingMid: WorldEvent[] = [];
  private queue: Event[] = [];
  /** Executions of syncNow whose orders job ran with no fault and no chaos, to its end. */
  readonly cleanRuns: Array<{ start: number; end: number }> = [];

  constructor(readonly plan: ChaosPlan, opts: ChaosOptions = {}) {
    this.run = createScenarioRun(scenarioOf(plan), opts.distDir ? { distDir: opts.distDir } : {});
    this.threePl = chaosThreePl(this.run);
    this.rng = new Rng(plan.seed ^ 0x3c6ef372);
    for (const o of plan.orders) this.history.set(o.orderId, { order: o, arrived: false, everShippable: false, cancelledAt: null, atThreePlWhenCancelled: false });
    const network = this.run.world.network;
    const lookup = network.handlerFor.bind(network);
    // Every simulator call passes through here, so the driver can act in the middle of an execution.
    network.handlerFor = (url: string) => {
      const h = lookup(url);
      return h ? (req: SimRequest) => this.intercept(req, h) : undefined;
    };
  }

  private now(): number {
    return this.run.world.clock.now();
  }

  private step(step: Step): void {
    applyStep(this.run, step, this.stepIndex++);
  }

  private note(text: string): void {
    this.run.world.log(`⚡ ${text}`);
  }

  /** The faulty period: every event of the plan in time order, with faults and execution chaos on. */
  faultyPeriod(): void {
    const { plan } = this;
    this.step({ run: 'setupSheets' });
    if (plan.scheduled) this.step({ run: 'enableScheduledSync' });
    for (const f of plan.faults) this.run.faults.add(f);
    this.chaosOn = true;
    const events: Event[] = [];
    for (const o of plan.orders) {
      events.push({ at: o.arriveAt, kind: 'arrive', order: o });
      if (o.payAt !== undefined) events.push({ at: o.payAt, kind: 'pay', order: o });
      if (o.cancelAt !== undefined) events.push({ at: o.cancelAt, kind: 'cancel', order: o });
      if (o.partialShipAt !== undefined) events.push({ at: o.partialShipAt, kind: 'partialShip', order: o });
      if (o.holdAt !== undefined) events.push({ at: o.holdAt, kind: 'hold', order: o });
      if (o.releaseAt !== undefined) events.push({ at: o.releaseAt, kind: 'release', order: o });
    }
    for (const r of plan.runs) events.push({ at: r.at, kind: 'run', job: r.job });
    this.queue = events;
    for (let ev = this.nextEvent(); ev; ev = this.nextEvent()) {
      this.passTime(START_MS + ev.at - this.now());
      if (ev.kind === 'run') this.syncNow(ev.job);
      else if (ev.kind !== 'arrive' && ev.order.midRun) this.pendingMid.push(ev);
      else this.apply(ev);
    }
    this.passTime(START_MS + plan.horizon - this.now());
    this.flushMid();
    this.stats.faultsFired = this.run.faults.fired.length;
  }

  /** Faults over; holds released; orders runs with time passing until nothing is left to do. */
  recoveryPeriod(): void {
    this.chaosOn = false;
    this.run.faults.clear();
    for (const o of this.threePl.orders()) {
      if (o.shipments.some((s) => s.onHold)) this.step({ world: { system: 'threePl', action: 'release', reference: o.reference } });
    }
    for (let i = 0; i < MAX_RECOVERY_RUNS; i++) {
      this.step({ advance: `${Math.max(this.plan.shipAfterMs, 60 * MIN) + 10 * MIN}ms` });
      this.syncNow('orders');
      this.stats.recoveryRuns++;
      if (i >= 1 && this.settled()) {
        this.stats.settled = true;
        break;
      }
    }
  }

  /** The earliest event still to come within the faulty period (world events before runs at the same time). */
  private nextEvent(): Event | undefined {
    const rank = { arrive: 0, pay: 1, hold: 2, release: 3, partialShip: 4, cancel: 5, run: 6 };
    this.queue = this.queue.filter((e) => e.at <= this.plan.horizon).sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind]);
    return this.queue.shift();
  }

  private passTime(ms: number): void {
    if (ms <= 0) return;
    const before = this.run.results.length;
    this.step(this.plan.scheduled ? { trigger: 'time', for: `${ms}ms` } : { advance: `${ms}ms` });
    this.count(before);
    this.flushMid();
  }

  private syncNow(job: 'orders' | 'all'): void {
    const before = this.run.results.length;
    this.step({ run: 'syncNow', args: [job], as: 'sidebar' });
    this.count(before);
    const r = this.run.results[before];
    const first = Array.isArray(r?.value) ? (r.value as Array<{ outcome?: string }>)[0] : undefined;
    if (r && r.record.outcome === 'ok' && first?.outcome === 'ok' && !this.executions.get(r.record.id)?.disturbed) {
      this.cleanRuns.push({ start: Date.parse(r.record.start), end: Date.parse(r.record.end) });
    }
    this.flushMid();
  }

  private count(from: number): void {
    for (const r of this.run.results.slice(from)) {
      this.stats.runs++;
      if (r.record.outcome === 'timeout') this.stats.killed++;
      const summaries = Array.isArray(r.value) ? (r.value as Array<{ outcome?: string }>) : [];
      for (const s of summaries) {
        if (s.outcome === 'partial') this.stats.partial++;
        if (s.outcome === 'failed') this.stats.failed++;
      }
    }
  }

  /** Events held for the middle of an execution that never reached them land now. */
  private flushMid(): void {
    const due = this.pendingMid;
    this.pendingMid = [];
    for (const ev of due) this.apply(ev);
  }

  private amazonStatus(id: string): string | undefined {
    return this.run.amazon.state.orders.get(id)?.status;
  }

  /** One world event, when the world still allows it (a buyer cannot cancel a shipped order). */
  private apply(ev: WorldEvent): void {
    const id = ev.order.orderId;
    const h = this.history.get(id)!;
    // The warehouse moves on lazily (shipAfter): let it catch up before its state is read.
    const moving = ev.kind === 'partialShip' || ev.kind === 'hold' || ev.kind === 'release';
    const sb = (moving ? this.threePl.orders() : this.threePl.peek()).find((o) => o.reference === id);
    const open = sb ? sb.shipments.filter((s) => s.open) : [];
    switch (ev.kind) {
      case 'arrive':
        this.step({ world: { system: 'amazon', action: 'newOrder', order: amazonOrder(ev.order, this.now()) } });
        h.arrived = true;
        if (ev.order.initialStatus === 'UNSHIPPED' && ev.order.fulfilledBy === 'MERCHANT') h.everShippable = true;
        return;
      case 'pay':
        if (this.amazonStatus(id) !== 'PENDING') return;
        this.step({ world: { system: 'amazon', action: 'setOrderStatus', orderId: id, status: 'UNSHIPPED' } });
        h.everShippable = true;
        return;
      case 'cancel': {
        const st = this.amazonStatus(id);
        if (st !== 'PENDING' && st !== 'UNSHIPPED') return;
        h.atThreePlWhenCancelled = sb !== undefined;
        h.cancelledAt = this.now();
        this.step({ world: { system: 'amazon', action: 'cancelOrder', orderId: id } });
        return;
      }
      case 'partialShip': {
        const st = this.amazonStatus(id);
        if (st === 'CANCELLED' || st === 'SHIPPED' || sb?.cancelled) return;
        // Not at ShipBob yet: the warehouse splits it once it has it.
        if (!sb) {
          if (ev.at < this.plan.horizon) this.queue.push({ ...ev, at: this.now() - START_MS + 30 * MIN });
          return;
        }
        const s = open.find((x) => x.units >= 2);
        if (!s || open.length !== 1) return;
        this.step({ world: { system: 'threePl', action: 'ship', reference: id, partial: true } });
        // The buyer cancels before Amazon hears of the first parcel: the rest must not ship.
        if (ev.order.cancelAt === undefined && this.rng.chance(0.5)) this.queue.push({ at: this.now() - START_MS + this.rng.int(1, 30) * MIN, kind: 'cancel', order: ev.order });
        return;
      }
      case 'hold':
        if (open.some((s) => (this.threePl.name === 'ShipBob' ? s.status === 'Processing' : !s.onHold))) this.step({ world: { system: 'threePl', action: 'hold', reference: id } });
        return;
      case 'release':
        if (open.some((s) => s.onHold)) this.step({ world: { system: 'threePl', action: 'release', reference: id } });
    }
  }

  private decide(): ExecutionPlan {
    const c = this.plan.chaos;
    const r = this.rng;
    const p: ExecutionPlan = { fetches: 0, disturbed: false, kill: null, overlap: null, slowMs: 0, midAt: null };
    if (!this.chaosOn) return p;
    if (r.chance(c.kill)) p.kill = { at: r.int(1, 30), performed: r.chance(0.5) };
    if (r.chance(c.overlap)) p.overlap = r.int(1, 20);
    if (r.chance(c.slow)) p.slowMs = r.pick([5, 10, 20, 40]) * 1000;
    if (this.pendingMid.length) p.midAt = r.int(1, 12);
    if (p.slowMs) this.stats.slowRuns++;
    p.disturbed = !!(p.kill || p.overlap || p.slowMs || p.midAt);
    return p;
  }

  private intercept(req: SimRequest, handler: SimHandler): SimResponse {
    const world = this.run.world;
    const ex = world.current;
    if (!ex || this.nested) return handler(req);
    let p = this.executions.get(ex.id);
    if (!p) {
      p = this.decide();
      this.executions.set(ex.id, p);
      if (p.slowMs) this.note(`execution ${ex.id}: every call ${p.slowMs / 1000} s slower`);
    }
    p.fetches++;
    if (p.midAt === p.fetches && this.pendingMid.length) {
      this.note(`execution ${ex.id}: world events in the middle of the run (fetch ${p.fetches})`);
      this.stats.midRunEvents += this.pendingMid.length;
      this.flushMid();
    }
    if (p.overlap === p.fetches) this.overlap(ex.id);
    if (p.kill && p.kill.at === p.fetches) {
      this.note(`execution ${ex.id}: killed at fetch ${p.fetches} (${p.kill.performed ? 'after the call was performed' : 'before the call left'})`);
      // The fake UrlFetchApp checks the budget right after the call: the script stops there.
      ex.killed = true;
      if (!p.kill.performed) return { timeout: true, latencyMs: 0 };
    }
    const fired = this.run.faults.fired.length;
    let res = handler(req);
    if (this.run.faults.fired.length !== fired) p.disturbed = true;
    if (this.chaosOn) res = this.lagged(req, res);
    this.watch(req, res);
    return p.slowMs ? { ...res, latencyMs: (res.latencyMs ?? 0) + p.slowMs } : res;
  }

  /**
   * [Modelled; neither 3PL documents such a lag] a search by reference that does not yet see orders
   * created in the last `indexLagMs`, so a create retried after a lost answer meets the duplicate
   * refusal: ShipBob's 422 "Cannot insert order with existing ReferenceId" (developer.shipbob.com/errors),
   * Mintsoft's HTTP 200 with Success:false (help-mintsoft 11686761 uniqueness check).
   */
  private lagged(req: SimRequest, res: SimResponse): SimResponse {
    const lag = this.plan.indexLagMs;
    if (!lag || 'timeout' in res || res.status !== 200 || req.method !== 'GET' || typeof res.body !== 'string') return res;
    const url = new URL(req.url);
    const mintsoft = this.threePl.name === 'Mintsoft';
    if (mintsoft ? !/\/api\/order\/search$/i.test(url.pathname) : !/\/order$/.test(url.pathname) || !url.searchParams.get('ReferenceIds')) return res;
    const young = new Set(this.threePl.peek().filter((o) => this.now() - o.createdAt < lag).map((o) => o.id));
    let list: Array<{ id?: number; ID?: number }>;
    try {
      list = JSON.parse(res.body) as Array<{ id?: number; ID?: number }>;
    } catch {
      return res;
    }
    const seen = list.filter((o) => !young.has((mintsoft ? o.ID : o.id)!));
    if (seen.length === list.length) return res;
    this.stats.staleLookups++;
    const cur = this.run.world.current;
    if (cur) this.executions.get(cur.id)!.disturbed = true;
    this.note(`stale lookup ${url.searchParams.get(mintsoft ? 'OrderNumber' : 'ReferenceIds')}: ${list.length - seen.length} young order(s) not shown`);
    return { ...res, body: JSON.stringify(seen) };
  }

  private watch(req: SimRequest, res: SimResponse): void {
    if (this.threePl.name === 'Mintsoft') {
      // Mintsoft refuses a repeated OrderNumber in an HTTP 200 with Success:false.
      if (!('timeout' in res) && req.method === 'PUT' && typeof res.body === 'string' && res.body.includes('"Success":false') && res.body.includes('already exists')) this.stats.duplicate422++;
      return;
    }
    if ('timeout' in res || req.method !== 'POST' || res.status !== 422 || !/\/order$/.test(new URL(req.url).pathname)) return;
    if (typeof res.body === 'string' && res.body.includes('existing ReferenceId')) this.stats.duplicate422++;
  }

  /**
   * A second "Sync now" while this execution holds the document lock (executions do not interleave
   * in the world, so this one is set aside meanwhile). It must be skipped, call nothing, change nothing.
   */
  private overlap(outerId: number): void {
    const { world, runtime, gas, amazon } = this.run;
    const job = this.rng.pick(['orders', 'all'] as const);
    const ordersBefore = JSON.stringify(gas.spreadsheet.exportSheet('Orders')?.values ?? []);
    const counts = () => `${this.threePl.count()}/${amazon.state.confirmations.length}`;
    const countsBefore = counts();
    this.note(`execution ${outerId}: a second syncNow("${job}") starts while it runs`);
    this.stats.overlaps++;
    const outer = world.suspend();
    this.nested = true;
    let res;
    try {
      res = runtime.run('syncNow', [job], { kind: 'sidebar' });
    } finally {
      this.nested = false;
      world.resume(outer);
    }
    const summaries = Array.isArray(res.value) ? (res.value as Array<{ outcome?: string; job?: string }>) : [];
    const where = `seed ${this.plan.seed}, execution ${res.record.id} during ${outerId}`;
    if (res.record.outcome !== 'ok' || summaries.length === 0 || summaries.some((s) => s.outcome !== 'skipped')) {
      this.overlapProblems.push(`${where}: the overlapping run was not skipped (${res.record.outcome}; ${summaries.map((s) => `${s.job}: ${s.outcome}`).join(', ')})`);
    }
    if (Object.keys(res.record.fetches).length) this.overlapProblems.push(`${where}: the overlapping run called ${JSON.stringify(res.record.fetches)}`);
    if (JSON.stringify(gas.spreadsheet.exportSheet('Orders')?.values ?? []) !== ordersBefore) this.overlapProblems.push(`${where}: the overlapping run changed the Orders tab`);
    if (counts() !== countsBefore) this.overlapProblems.push(`${where}: the overlapping run created 3PL orders or confirmations`);
  }

  /** Nothing left to do: every live order shipped and confirmed, every ledger row final. */
  settled(): boolean {
    const amazon = this.run.amazon.state.orders;
    for (const o of this.threePl.peek()) {
      const st = amazon.get(o.reference)?.status;
      if (st === 'CANCELLED') {
        if (o.shipments.some((s) => s.open)) return false;
        continue;
      }
      if (o.shipments.some((s) => s.open || (s.trackingNumber && !s.uploaded))) return false;
    }
    for (const [id, h] of this.history) {
      const st = amazon.get(id)?.status;
      if (h.order.fulfilledBy === 'MERCHANT' && (st === 'UNSHIPPED' || st === 'PARTIALLY_SHIPPED')) return false;
    }
    return true;
  }
}

export function runChaos(seed: number, opts: ChaosOptions & { provider?: ChaosProvider } = {}): ChaosOutcome {
  const driver = new ChaosDriver(makePlan(seed, opts.provider), opts);
  driver.faultyPeriod();
  if (opts.recovery !== false) driver.recoveryPeriod();
  return { plan: driver.plan, run: driver.run, threePl: driver.threePl, history: driver.history, stats: driver.stats, cleanRuns: driver.cleanRuns, overlapProblems: driver.overlapProblems };
}
