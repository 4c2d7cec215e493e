// Wires the Mintsoft adapter to the Mintsoft simulator through the Node ports, on a virtual clock.

import { deadlineFrom } from '../../../src/ports/clock';
import type { KeyValueStore } from '../../../src/ports/store';
import { createMintsoftAdapter } from '../../../src/threepl/mintsoft/adapter';
import type { MintsoftCredentials } from '../../../src/threepl/mintsoft/http';
import type { OutboundOrderRequest, ThreePlAdapter } from '../../../src/threepl/types';
import { VirtualClock } from '../../world/clock';
import { FaultInjector, type FaultSpec } from '../../world/faults';
import { Network, type SimRequest } from '../../world/http';
import { parseMintsoftSection, type MintsoftSectionInput } from '../../world/mintsoft/scenario';
import { MintsoftSimulator } from '../../world/mintsoft/simulator';
import { memoryLog, memoryStore, nodeHttp, virtualClockPort } from '../../world/node-ports';

export const START = '2026-11-02T08:00:00Z';
export const USER = { username: 'api@brand.example', password: 'correct-horse-battery' };

export const BASE_SEED: MintsoftSectionInput = {
  provider: 'mintsoft',
  users: [USER],
  warehouses: [
    { id: 10, name: 'Manchester' },
    { id: 11, name: 'Tamworth' },
  ],
  products: [
    { sku: 'TEE-M', name: 'Tee M' },
    { sku: 'TEE-L', name: 'Tee L' },
    { sku: 'MUG', name: 'Mug' },
    { sku: 'GIFT-SET', name: 'Gift set', bundle: true },
  ],
  inventory: [
    { sku: 'TEE-M', warehouse: 10, onHand: 25, allocated: 3, bins: 3 },
    { sku: 'TEE-M', warehouse: 11, onHand: 4 },
    { sku: 'TEE-L', warehouse: 10, onHand: 10, quarantine: 2 },
  ],
  behaviour: { despatchAfter: '2h' },
};

export interface Rig {
  clock: VirtualClock;
  faults: FaultInjector;
  sim: MintsoftSimulator;
  store: KeyValueStore & { data: Map<string, string> };
  calls: SimRequest[];
  log: ReturnType<typeof memoryLog>;
  adapter: ThreePlAdapter;
  /** A fresh adapter (a new execution) sharing the store, network and clock. */
  newAdapter(credentials?: MintsoftCredentials): ThreePlAdapter;
  /** Requests whose method and path (case-insensitive, ids as {id}) match. */
  count(method: string, path: string): number;
}

export function rig(opts: { seed?: Partial<MintsoftSectionInput>; faults?: FaultSpec[]; credentials?: MintsoftCredentials; locations?: string[]; budgetMs?: number } = {}): Rig {
  const clock = new VirtualClock(START);
  const network = new Network();
  const faults = new FaultInjector(opts.faults ?? []);
  const sim = new MintsoftSimulator({ clock, faults, seed: parseMintsoftSection({ ...BASE_SEED, ...opts.seed }) });
  sim.register(network);
  const store = memoryStore();
  const calls: SimRequest[] = [];
  const log = memoryLog();
  const newAdapter = (credentials: MintsoftCredentials = opts.credentials ?? USER) =>
    createMintsoftAdapter({
      http: nodeHttp(network, clock, calls),
      clock: virtualClockPort(clock),
      deadline: deadlineFrom(virtualClockPort(clock), opts.budgetMs ?? 30 * 24 * 3600 * 1000),
      log,
      store,
      credentials,
      locations: opts.locations ?? ['10'],
      random: () => 0.5,
    });
  return {
    clock,
    faults,
    sim,
    store,
    calls,
    log,
    adapter: newAdapter(),
    newAdapter,
    count: (method, path) =>
      calls.filter((c) => c.method === method && new URL(c.url).pathname.replace(/\/\d+(?=\/|$)/g, '/{id}').toLowerCase() === path.toLowerCase()).length,
  };
}

export function order(ref: string, lines: Array<{ sku: string; quantity: number }> = [{ sku: 'TEE-M', quantity: 1 }]): OutboundOrderRequest {
  return {
    primaryReference: ref,
    kind: 'mfn',
    shipTo: { name: 'Jo Buyer', line1: '1 High Street', city: 'Leeds', postcode: 'LS1 1AA', countryIso2: 'GB' },
    lines,
    serviceLevel: 'Standard',
    tags: { amazon_order_id: ref },
  };
}
