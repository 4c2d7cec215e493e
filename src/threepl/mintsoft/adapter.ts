// The Mintsoft implementation of ThreePlAdapter (3pl-apis.md §3). Runs inside Apps Script: only the
// ports. The password, a static key and the 24-hour key never appear in a log line or an error.

import type { ClockPort, Deadline } from '../../ports/clock';
import type { HttpPort } from '../../ports/http';
import type { LogPort } from '../../ports/log';
import type { KeyValueStore } from '../../ports/store';
import { AdapterError, type Capabilities, type ThreePlAdapter, type Warehouse } from '../types';
import { withStatuses, type MintsoftContext } from './context';
import { MintsoftHttp, readJson, toAdapterError, type MintsoftCredentials } from './http';
import { createInboundReceipt, findInbound } from './inbound';
import { cancelOrder, createOutboundOrder, findOrderByReference, getOrder, listOrdersChangedSince, ORDER_PAGE_LIMIT } from './orders';
import { parseOrThrow, warehousesSchema } from './schemas';
import { getStock, stockPages } from './stock';
import { listUnsyncedShipments, markShipmentsSynced } from './tracking';

interface MintsoftAdapterDeps {
  http: HttpPort;
  clock: ClockPort;
  deadline: Deadline;
  log: LogPort;
  /** Keeps the 24-hour key and the tracking ledger across executions. */
  store: KeyValueStore;
  credentials: MintsoftCredentials;
  /** Settings "3PL locations": the first ID is the warehouse orders ship from when a request names none. */
  locations: readonly string[];
  random?: () => number;
}

function listWarehouses(ctx: MintsoftContext): Warehouse[] {
  const res = ctx.api.send({ op: 'warehouses', retry: 'read' });
  if (res.status !== 200) throw toAdapterError(res, 'warehouses');
  return parseOrThrow(warehousesSchema, readJson(res, 'warehouses'), 'warehouses').map((w) => ({ id: String(w.ID), name: w.Name ?? String(w.ID), active: w.Active !== false }));
}

export function createMintsoftAdapter(deps: MintsoftAdapterDeps): ThreePlAdapter {
  const api = new MintsoftHttp({ http: deps.http, clock: deps.clock, deadline: deps.deadline, log: deps.log, store: deps.store, credentials: deps.credentials, random: deps.random ?? Math.random });
  const first = deps.locations.find((l) => /^\d+$/.test(l.trim()));
  const ctx = withStatuses({ api, clock: deps.clock, deadline: deps.deadline, log: deps.log, store: deps.store, defaultWarehouseId: first ? Number(first) : null });
  return {
    provider: 'mintsoft',
    capabilities(): Capabilities {
      return {
        // help-mintsoft 11686761: a uniqueness check on OrderNumber and ExternalOrderReference per client.
        uniqueReferenceEnforced: true,
        fbaOrderType: false,
        // Callbacks exist (ConnectAction) but carry no signature, and Apps Script cannot read headers: polling only.
        webhooks: false,
        returnsByTracking: false,
        // No invoice or charges API was found (3pl-apis.md §3.6): finance imports Mintsoft's invoices.
        billingApi: false,
        nativeTrackingSyncFlag: false,
        sandbox: false,
        maxPageSize: ORDER_PAGE_LIMIT,
        // PUT /api/Order needs WarehouseId (DISCOVERY.md NewOrder; help-mintsoft 11686761).
        shipFromNeeded: true,
      };
    },
    testConnection() {
      const warehouses = listWarehouses(ctx);
      if (warehouses.length === 0) throw new AdapterError('FORBIDDEN', 'Mintsoft accepted the login but shows this user no warehouse');
      return { provider: 'mintsoft', accountKey: warehouses[0]!.id, accountName: 'Mintsoft', warehouses };
    },
    listWarehouses: () => listWarehouses(ctx),
    createOutboundOrder: (req) => createOutboundOrder(ctx, req),
    findOrderByReference: (ref) => findOrderByReference(ctx, ref),
    getOrder: (id) => getOrder(ctx, id),
    listOrdersChangedSince: (cursor) => listOrdersChangedSince(ctx, cursor),
    listUnsyncedShipments: () => listUnsyncedShipments(ctx),
    markShipmentsSynced: (ids) => markShipmentsSynced(ctx, ids),
    cancelOrder: (id, reason) => cancelOrder(ctx, id, reason),
    getStock: (q) => getStock(ctx, q),
    stockPages: (q) => stockPages(ctx, q),
    createInboundReceipt: (req) => createInboundReceipt(ctx, req),
    findInbound: (q) => findInbound(ctx, q),
    listCharges() {
      throw new AdapterError('PRECONDITION', 'Mintsoft has no charges API: import its invoices instead (capabilities().billingApi is false)');
    },
    listInvoices() {
      throw new AdapterError('PRECONDITION', 'Mintsoft has no invoices API: import its invoices instead (capabilities().billingApi is false)');
    },
  };
}
