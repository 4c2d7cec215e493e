// Goods coming into Mintsoft: removals and replenishment as ASNs (PUT /api/ASN with POReference =
// our reference and the tracking numbers in Comments, since an ASN has no tracking field: intercom
// 11587405 "API create ASN"; 3pl-apis.md §3.5), returns as external returns (POST
// /api/Return/CreateExternalReturn; developers.redo.com Mintsoft integration). Both answer
// {Success, Message, ID} in an HTTP 200, so the body decides; neither reference is unique at
// Mintsoft, so the idempotent contract looks up first (GET /api/ASN/List, GET /api/Return/List).

import { isNoAnswer } from '../no-answer';
import { createIdempotently, type CreateAttempt, type Lookup } from '../idempotent';
import { AdapterError, type CreateOutcome, type InboundQuery, type InboundReceipt, type InboundReceiptRequest, type InboundStatus } from '../types';
import type { MintsoftContext } from './context';
import { readJson, toAdapterError } from './http';
import { walkPages } from './orders';
import { asnListSchema, parseOrThrow, resultSchema, returnListSchema } from './schemas';

const LIST_LIMIT = 100;

/** ASN status names [inferred from the ASN operations BookIn, PartBook, MarkPutAwayComplete: DISCOVERY.md]. */
const ASN_STATUS: Record<string, InboundStatus> = {
  AWAITINGDELIVERY: 'expected',
  DELIVERED: 'arrived',
  BOOKINGIN: 'receiving',
  BOOKEDIN: 'completed',
  PUTAWAYCOMPLETE: 'completed',
  CANCELLED: 'cancelled',
};

function asns(ctx: MintsoftContext): InboundReceipt[] {
  const got = walkPages(
    ctx,
    (pageNo) => {
      const res = ctx.api.send({ op: 'listAsns', query: { PageNo: pageNo, Limit: LIST_LIMIT, IncludeASNItems: true }, retry: 'read' });
      if (res.status !== 200) throw toAdapterError(res, 'listAsns');
      return parseOrThrow(asnListSchema, readJson(res, 'listAsns'), 'listAsns');
    },
    LIST_LIMIT,
  );
  if (!got.complete) throw new AdapterError('UPSTREAM', 'Mintsoft ASN list could not be read to the end within this run');
  return got.items.map((a) => {
    const raw = (a.ASNStatus?.Name ?? '').toUpperCase();
    return {
      externalId: String(a.ID),
      objectType: 'asn',
      reference: a.POReference ?? '',
      status: ASN_STATUS[raw] ?? 'expected',
      rawStatus: a.ASNStatus?.Name ?? '',
      trackingNumbers: /Tracking: ([^;]*)/.exec(a.Comments ?? '')?.[1]?.split(',').map((t) => t.trim()).filter(Boolean) ?? [],
      ...(a.WarehouseId ? { warehouseId: String(a.WarehouseId) } : {}),
      lines: (a.Items ?? []).map((i) => ({ sku: i.SKU ?? '', expected: i.QuantityExpected ?? 0, received: i.QuantityReceieved ?? 0 })),
    };
  });
}

function returns(ctx: MintsoftContext): InboundReceipt[] {
  const got = walkPages(
    ctx,
    (pageNo) => {
      const res = ctx.api.send({ op: 'listReturns', query: { PageNo: pageNo, Limit: LIST_LIMIT }, retry: 'read' });
      if (res.status !== 200) throw toAdapterError(res, 'listReturns');
      return parseOrThrow(returnListSchema, readJson(res, 'listReturns'), 'listReturns');
    },
    LIST_LIMIT,
  );
  if (!got.complete) throw new AdapterError('UPSTREAM', 'Mintsoft return list could not be read to the end within this run');
  return got.items.map((r) => ({
    externalId: String(r.ID),
    objectType: 'return',
    reference: r.Reference ?? '',
    status: r.Confirmed ? 'completed' : 'expected',
    rawStatus: r.Confirmed ? 'Confirmed' : 'Awaiting',
    trackingNumbers: [],
    ...(r.WarehouseId ? { warehouseId: String(r.WarehouseId) } : {}),
    lines: (r.ReturnItems ?? []).map((i) => ({ sku: i.SKU ?? '', expected: i.Quantity ?? 0, received: i.QuantityReceived ?? 0 })),
  }));
}

function lookup(ctx: MintsoftContext, kind: InboundReceiptRequest['kind'], ref: string): Lookup {
  try {
    const hit = (kind === 'return' ? returns(ctx) : asns(ctx)).filter((r) => r.reference === ref && r.status !== 'cancelled').sort((a, b) => Number(a.externalId) - Number(b.externalId))[0];
    return hit ? { kind: 'found', id: hit.externalId } : { kind: 'absent' };
  } catch (e) {
    if (isNoAnswer(e) || (e instanceof AdapterError && (e.code === 'UPSTREAM' || e.code === 'RATE_LIMITED'))) return { kind: 'indeterminate', reason: e.message };
    throw e;
  }
}

function attempt(ctx: MintsoftContext, op: 'createAsn' | 'createReturn', body: unknown): CreateAttempt {
  let res;
  try {
    res = ctx.api.send({ op, body, retry: 'once' });
  } catch (e) {
    if (isNoAnswer(e)) return { kind: 'lost', reason: e.message };
    throw e;
  }
  if (res.status >= 500) return { kind: 'lost', reason: `HTTP ${res.status}` };
  if (res.status === 400) return { kind: 'rejected', messages: [toAdapterError(res, op).message] };
  if (res.status !== 200) throw toAdapterError(res, op);
  let r;
  try {
    r = parseOrThrow(resultSchema, readJson(res, op), op);
  } catch (e) {
    return { kind: 'lost', reason: e instanceof Error ? e.message : String(e) };
  }
  if (r.Success === true && r.ID) return { kind: 'created', id: String(r.ID) };
  return { kind: 'rejected', messages: [r.Message || `Mintsoft refused the ${op === 'createAsn' ? 'ASN' : 'return'} without a message`] };
}

export function createInboundReceipt(ctx: MintsoftContext, req: InboundReceiptRequest): CreateOutcome {
  const problems: string[] = [];
  const wh = /^\d+$/.test(req.warehouseId) ? Number(req.warehouseId) : ctx.defaultWarehouseId;
  if (!req.reference.trim()) problems.push('reference is required');
  if (!req.lines.length) problems.push('at least one line is required');
  if (wh === null) problems.push('Mintsoft needs the warehouse the goods go to (a Mintsoft warehouse ID)');
  if (problems.length) return { status: 'rejected', primaryReference: req.reference, messages: problems };
  const comments = [`Tracking: ${req.trackingNumbers.join(', ')}`, req.lpns.length ? `LPNs: ${req.lpns.join(', ')}` : ''].filter(Boolean).join('; ');
  const body =
    req.kind === 'return'
      ? { WarehouseId: wh, Reference: req.reference, ReturnItems: req.lines.map((l) => ({ SKU: l.sku, Quantity: l.quantity })) }
      : {
          WarehouseId: wh,
          POReference: req.reference,
          Supplier: req.kind === 'removal' ? 'Amazon removal' : 'Amazon',
          EstimatedDelivery: req.expectedDate.slice(0, 19),
          Comments: comments,
          GoodsInType: 'Carton',
          Quantity: Math.max(1, req.trackingNumbers.length),
          Items: req.lines.map((l) => ({ SKU: l.sku, Quantity: l.quantity })),
        };
  return createIdempotently({
    reference: req.reference,
    lookup: () => lookup(ctx, req.kind, req.reference),
    create: () => attempt(ctx, req.kind === 'return' ? 'createReturn' : 'createAsn', body),
  });
}

export function findInbound(ctx: MintsoftContext, q: InboundQuery): InboundReceipt[] {
  const all = [...asns(ctx), ...returns(ctx)];
  return all.filter((r) => (q.reference !== undefined && r.reference === q.reference) || (q.trackingNumber !== undefined && r.trackingNumbers.includes(q.trackingNumber)));
}
