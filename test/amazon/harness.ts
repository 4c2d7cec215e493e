// Test wiring: a virtual clock, a network with the Amazon simulator on it, and an SP-API client
// built on the Node ports (test/world/node-ports.ts) — the same client the add-on runs.

import { VirtualClock } from '../world/clock';
import { FaultInjector, seededRandom, type FaultSpec } from '../world/faults';
import { Network, type SimRequest } from '../world/http';
import { memoryCache, memoryLog, memoryStore, nodeCodec, nodeHttp, virtualClockPort } from '../world/node-ports';
import { AmazonSimulator } from '../world/amazon/simulator';
import { parseAmazonSection, type AmazonSectionInput } from '../world/amazon/scenario';
import { createSpApiClient, type SpApiClient } from '../../src/amazon/client';
import { deadlineFrom, type Deadline } from '../../src/ports/clock';
import type { CachePort, KeyValueStore } from '../../src/ports/store';

export const CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.sim0123456789',
  clientSecret: 'amzn1.oa2-cs.v1.SECRETsecretSECRET0123456789',
  refreshToken: 'Atzr|IwEBIREFRESHrefreshREFRESH0123456789',
};

export interface Harness {
  clock: VirtualClock;
  network: Network;
  faults: FaultInjector;
  sim: AmazonSimulator;
  calls: SimRequest[];
  store: KeyValueStore & { data: Map<string, string> };
  cache: CachePort;
  log: ReturnType<typeof memoryLog>;
  client: (opts?: { budgetMs?: number; deadline?: Deadline; sandbox?: boolean }) => SpApiClient;
  /** SP-API calls the simulator answered, by operation. */
  served: (operation?: string) => Array<{ operation: string; status: number | 'timeout' }>;
}

export function makeHarness(
  seed: AmazonSectionInput = {},
  faults: FaultSpec[] = [],
  start = '2026-11-02T08:00:00Z',
): Harness {
  const clock = new VirtualClock(start);
  const network = new Network();
  const injector = new FaultInjector(faults);
  const section = parseAmazonSection(seed);
  const sim = new AmazonSimulator({ clock, faults: injector, seed: section });
  sim.register(network);
  const calls: SimRequest[] = [];
  const store = memoryStore();
  const cache = memoryCache(clock);
  const log = memoryLog();
  const http = nodeHttp(network, clock, calls);
  const rng = seededRandom(42);
  return {
    clock,
    network,
    faults: injector,
    sim,
    calls,
    store,
    cache,
    log,
    served: (op) => sim.calls.filter((c) => !op || c.operation === op),
    client: (opts = {}) =>
      createSpApiClient({
        http,
        cache,
        store,
        clock: virtualClockPort(clock),
        deadline: opts.deadline ?? deadlineFrom(virtualClockPort(clock), opts.budgetMs ?? 60 * 60 * 1000),
        log,
        codec: nodeCodec,
        credentials: CREDENTIALS,
        marketplace: section.marketplace,
        sellerId: section.sellerId,
        sandbox: opts.sandbox ?? false,
        random: rng,
      }),
  };
}

export const ukSeed: AmazonSectionInput = {
  marketplace: 'UK',
  sellerId: 'A2SELLER',
  listings: [
    { sku: 'TEE-M', channel: 'FBM', asin: 'B0TEE00001', quantity: 5 },
    { sku: 'TEE-L', channel: 'FBM', asin: 'B0TEE00002', quantity: 0, productType: 'SHIRT' },
    { sku: 'TEE-M-FBA', channel: 'FBA', asin: 'B0TEE00001', fnsku: 'X00TEEM001' },
  ],
  fbaInventory: [
    { sku: 'TEE-M-FBA', fulfillable: 40, inboundWorking: 2, inboundShipped: 12, inboundReceiving: 1, reserved: 3, unfulfillable: 1, researching: 0 },
  ],
  orders: [
    {
      orderId: '202-1234567-1234567',
      created: '2026-11-01T10:00:00Z',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      latestShipDate: '2026-11-03T23:59:59Z',
      items: [{ sku: 'TEE-M', quantity: 2, orderItemId: '11111111111111' }],
    },
  ],
};
