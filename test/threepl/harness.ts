// Wires the ShipBob adapter to the ShipBob simulator through the Node ports, on a virtual clock.

import { deadlineFrom } from '../../src/ports/clock';
import type { KeyValueStore } from '../../src/ports/store';
import { createShipBobAdapter } from '../../src/threepl/shipbob/adapter';
import type { OutboundOrderRequest, ThreePlAdapter } from '../../src/threepl/types';
import { VirtualClock } from '../world/clock';
import { FaultInjector, type FaultSpec } from '../world/faults';
import { Network, type SimRequest, type SimHandler } from '../world/http';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../world/node-ports';
import { parseThreePlSection, type ThreePlSectionInput } from '../world/shipbob/scenario';
import { ShipBobSimulator } from '../world/shipbob/simulator';

export const START = '2026-11-02T08:00:00Z';

export const BASE_SEED = {
  provider: 'shipbob',
  locations: [
    { id: 10, name: 'Manchester' },
    { id: 11, name: 'Tamworth' },
  ],
  products: [
    { sku: 'TEE-M', name: 'Tee M' },
    { sku: 'TEE-L', name: 'Tee L' },
    { sku: 'MUG', name: 'Mug' },
  ],
  inventory: [
    { sku: 'TEE-M', location: 10, onHand: 25, committed: 3, awaiting: 0 },
    { sku: 'TEE-M', location: 11, onHand: 4, committed: 0, awaiting: 6 },
    { sku: 'TEE-L', location: 10, onHand: 10, committed: 0, awaiting: 0 },
  ],
  behaviour: { shipAfter: '2h', carrier: 'Royal Mail', service: 'Tracked 48' },
};

export interface Rig {
  clock: VirtualClock;
  network: Network;
  faults: FaultInjector;
  sim: ShipBobSimulator;
  store: KeyValueStore & { data: Map<string, string> };
  calls: SimRequest[];
  log: ReturnType<typeof memoryLog>;
  adapter: ThreePlAdapter;
  /** A fresh adapter (a new execution) sharing the store, network and clock. */
  newAdapter(opts?: { budgetMs?: number; channelId?: string }): ThreePlAdapter;
  /** Requests to one ShipBob path (method + path after the version). */
  count(method: string, path: string): number;
}

export function rig(opts: { seed?: Partial<ThreePlSectionInput> & Record<string, unknown>; faults?: FaultSpec[]; budgetMs?: number; apiVersion?: string } = {}): Rig {
  const apiVersion = opts.apiVersion ?? '2026-01';
  const clock = new VirtualClock(START);
  const network = new Network();
  const faults = new FaultInjector(opts.faults ?? []);
  const sim = new ShipBobSimulator({ clock, faults, seed: parseThreePlSection({ ...BASE_SEED, ...opts.seed }) });
  sim.register(network);
  const store = memoryStore();
  const calls: SimRequest[] = [];
  const log = memoryLog();
  const newAdapter = (o: { budgetMs?: number; channelId?: string } = {}) =>
    createShipBobAdapter({
      http: nodeHttp(network, clock, calls),
      clock: virtualClockPort(clock),
      // Tests move the virtual clock by hours and days; one execution's budget must not be what stops them.
      deadline: deadlineFrom(virtualClockPort(clock), o.budgetMs ?? opts.budgetMs ?? 30 * 24 * 3600 * 1000),
      log,
      store,
      token: 'pat-test-token-0123456789',
      apiVersion,
      channelId: o.channelId,
      random: () => 0.5,
    });
  return {
    clock,
    network,
    faults,
    sim,
    store,
    calls,
    log,
    adapter: newAdapter(),
    newAdapter,
    count(method, path) {
      return calls.filter((c) => c.method === method && new URL(c.url).pathname === `/${apiVersion}${path}`).length;
    },
  };
}

/** Puts a wrapper in front of the simulator's origin (to race another writer, for example). */
export function intercept(r: Rig, wrap: (req: SimRequest, next: SimHandler) => ReturnType<SimHandler>): void {
  const inner = r.network.handlerFor('https://api.shipbob.com/')!;
  r.network.register('https://api.shipbob.com', (req) => wrap(req, inner));
}

export function mfnOrder(ref: string, lines = [{ sku: 'TEE-M', quantity: 2 }]): OutboundOrderRequest {
  return {
    primaryReference: ref,
    kind: 'mfn',
    shipTo: { name: 'Ann Buyer', line1: '1 High St', city: 'Leeds', postcode: 'LS1 1AA', countryIso2: 'GB' },
    lines,
    serviceLevel: 'Standard',
    tags: { marketplace: 'UK' },
  };
}
