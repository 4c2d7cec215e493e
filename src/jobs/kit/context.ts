// Builds the one context a job run gets: ports, deadline, parsed Settings, the tabs it works on,
// clients created on first use, and the list of problems raised. The runner reads back which
// clients were used, so a run resolves only the credential problems of systems it reached.

import type { RaisedException } from '../../core/exceptions';
import type { Ports } from '../../ports';
import type { Deadline } from '../../ports/clock';
import type { Settings } from '../../core/settings';
import { inventoryTab } from '../../sheet/inventory-tab';
import { ordersTab } from '../../sheet/orders-tab';
import { sealedOrdersTab } from '../reads/status-seal';
import { skuMapTab } from '../../sheet/sku-map-tab';
import { stagingTab } from '../../sheet/staging-tab';
import { amazonClient, threePlAdapter } from './connections';
import type { JobContext, JobRequest } from './job';
import { createRedactor } from './redaction';
import type { Redactor } from './redaction';
import { pushAll } from '../../core/lists';

export interface RunContext extends JobContext {
  /** Problems raised so far, in order. */
  readonly raised: RaisedException[];
  /** Which systems a client was created for (and so answered or failed this run). */
  readonly reached: { amazon: boolean; threePl: boolean };
  /** The run's secrets registry: the runner wraps the ports with it, so what clients send or obtain is redacted too. */
  readonly redactor: Redactor;
}

function once<T>(make: () => T, onMade: () => void): () => T {
  let made: { value: T } | null = null;
  return () => {
    if (!made) {
      made = { value: make() };
      onMade();
    }
    return made.value;
  };
}

export function createContext(
  ports: Ports,
  deadline: Deadline,
  settings: Settings,
  request: JobRequest,
  redactor: Redactor = createRedactor([]),
): RunContext {
  const raised: RaisedException[] = [];
  const reached = { amazon: false, threePl: false };
  return {
    ports,
    deadline,
    now: ports.clock.now(),
    settings,
    request,
    tabs: { skuMap: skuMapTab(ports.workbook), inventory: inventoryTab(ports.workbook, ports.sheetStyle), orders: sealedOrdersTab(ordersTab(ports.workbook), ports.store), staging: stagingTab(ports.workbook) },
    amazon: once(() => amazonClient(ports, deadline, settings), () => (reached.amazon = true)),
    threePl: once(() => threePlAdapter(ports, deadline, settings), () => (reached.threePl = true)),
    raise: (...problems) => {
      for (const p of problems) {
        if (Array.isArray(p)) pushAll(raised, p as readonly RaisedException[]);
        else raised.push(p as RaisedException);
      }
    },
    raised,
    reached,
    redactor,
  };
}
