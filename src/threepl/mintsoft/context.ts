// What every Mintsoft operation needs: the HTTP client, the clock, the deadline, the log, the store
// (for the tracking ledger), and the order status names read once per execution.

import type { ClockPort, Deadline } from '../../ports/clock';
import type { LogPort } from '../../ports/log';
import type { KeyValueStore } from '../../ports/store';
import type { MintsoftHttp } from './http';
import { readJson, toAdapterError } from './http';
import { parseOrThrow, statusesSchema } from './schemas';

export interface MintsoftContext {
  api: MintsoftHttp;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  store: KeyValueStore;
  /** OrderStatusId → Name (GET /api/Order/Statuses), read on first use. */
  statusName(id: number | null | undefined): string;
  /** Warehouse for orders and receipts when the request names none ("3PL locations"), or null. */
  defaultWarehouseId: number | null;
}

export function withStatuses(base: Omit<MintsoftContext, 'statusName'>): MintsoftContext {
  let names: Map<number, string> | null = null;
  return {
    ...base,
    statusName(id) {
      if (id === null || id === undefined) return '';
      names ??= readStatuses(base.api);
      return names.get(id) ?? String(id);
    },
  };
}

/** GET /api/Order/Statuses → {ID, Name, ExternalName}: orders carry only OrderStatusId (3pl-apis.md §3.3). */
function readStatuses(api: MintsoftHttp): Map<number, string> {
  const res = api.send({ op: 'statuses', retry: 'read' });
  if (res.status !== 200) throw toAdapterError(res, 'statuses');
  return new Map(parseOrThrow(statusesSchema, readJson(res, 'statuses'), 'statuses').map((s) => [s.ID, s.Name ?? String(s.ID)]));
}
