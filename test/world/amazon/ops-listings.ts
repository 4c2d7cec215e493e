// Listings Items API 2021-08-01 (M:listings-items-api-model/listingsItems_2021-08-01.json):
// getListingsItem, patchListingsItem (quantity writes through listing-writes.ts) and
// searchListingsItems (pageSize ≤ 20, default 10; sortBy lastUpdatedDate DESC by default).

import { parseDuration } from '../clock';
import type { OpHandler, SimCtx } from './context';
import { availabilityFromPatches, evaluateMessage } from './listing-writes';
import { checkMarketplaces, err, fail, intParam, invalidInput, iso, KNOWN_MARKETPLACES, list, ok } from './sim-http';
import type { SimListing } from './state';

function checkSellerAndMarketplace(ctx: SimCtx, sellerId: string, query: URLSearchParams): void {
  if (sellerId !== ctx.sellerId) fail(err(403, 'Unauthorized', 'Access to requested resource is denied.', 'The sellerId does not match the authorised selling partner.'));
  checkMarketplaces(list(query, 'marketplaceIds'), ctx.marketplace.id, KNOWN_MARKETPLACES);
}

export function itemJson(ctx: SimCtx, l: SimListing, included: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { sku: l.sku };
  const mp = ctx.marketplace.id;
  const channelCode = l.channel === 'FBM' ? 'DEFAULT' : ctx.fbaChannelCode;
  if (included.includes('summaries')) {
    const s: Record<string, unknown> = {
      marketplaceId: mp,
      asin: l.asin,
      productType: l.productType,
      conditionType: 'new_new',
      status: l.status === 'Active' ? ['BUYABLE', 'DISCOVERABLE'] : [],
      itemName: l.title,
      createdDate: iso(l.created),
      lastUpdatedDate: iso(l.lastUpdated),
    };
    if (l.fnsku) s.fnSku = l.fnsku;
    out.summaries = [s];
  }
  if (included.includes('attributes')) {
    out.attributes = { fulfillment_availability: [{ fulfillment_channel_code: channelCode, quantity: ctx.state.quantityOf(l), marketplace_id: mp }] };
  }
  if (included.includes('issues')) out.issues = [];
  if (included.includes('offers')) {
    out.offers = l.price === undefined ? [] : [{ marketplaceId: mp, offerType: 'B2C', price: { currencyCode: ctx.currency, amount: l.price.toFixed(2) } }];
  }
  if (included.includes('fulfillmentAvailability')) {
    out.fulfillmentAvailability = [{ fulfillmentChannelCode: channelCode, quantity: ctx.state.quantityOf(l) }];
  }
  if (included.includes('productTypes')) out.productTypes = [{ marketplaceId: mp, productType: l.productType }];
  return out;
}

export const getListingsItem: OpHandler = (ctx, call) => {
  checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  const l = ctx.state.listings.get(call.params.sku!);
  if (!l) fail(err(404, 'NOT_FOUND', `SKU '${call.params.sku}' not found in marketplace ${ctx.marketplace.id}`));
  const included = list(call.query, 'includedData');
  return ok(itemJson(ctx, l, included.length ? included : ['summaries']));
};

export const patchListingsItem: OpHandler = (ctx, call) => {
  checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  const sku = call.params.sku!;
  const body = call.json() as { productType?: unknown; patches?: unknown };
  if (typeof body?.productType !== 'string' || !Array.isArray(body.patches) || body.patches.length === 0) {
    fail(invalidInput('The request body must contain productType and at least one patch.'));
  }
  for (const p of body.patches as Array<Record<string, unknown>>) {
    if (!['add', 'replace', 'merge', 'delete'].includes(String(p?.op)) || typeof p?.path !== 'string') fail(invalidInput('Each patch needs op (add, replace, merge, delete) and path.'));
  }
  const preview = call.query.get('mode') === 'VALIDATION_PREVIEW';
  const submissionId = `sim-${ctx.state.nextId().toString(16).padStart(8, '0')}-5a1e-4c0d-9e55-000000000000`;
  if (preview) {
    const probe = evaluateMessage({ ...ctx, faults: { check: () => null } as unknown as SimCtx['faults'] }, { sku, productType: body.productType, availability: availabilityFromPatches(body.patches) }, 'patchListingsItem');
    return ok({ sku, status: probe.accepted ? 'VALID' : 'INVALID', submissionId, issues: probe.issues });
  }
  const outcome = evaluateMessage(ctx, { sku, productType: body.productType, availability: availabilityFromPatches(body.patches) }, 'patchListingsItem');
  const delay = parseDuration(ctx.behaviour.patchApplyDelay);
  const at = ctx.clock.now() + delay;
  outcome.writes.forEach((w) => (w.at = iso(ctx.clock.now())));
  ctx.state.writes.push(...outcome.writes);
  if (outcome.accepted) {
    if (delay === 0) outcome.apply(ctx.clock.now());
    else ctx.state.pendingPatches.push({ at, apply: () => outcome.apply(at) });
  }
  return ok({ sku, status: outcome.accepted ? 'ACCEPTED' : 'INVALID', submissionId, issues: outcome.issues });
};

export const searchListingsItems: OpHandler = (ctx, call) => {
  checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  const q = call.query;
  const pageSize = intParam(q, 'pageSize', 10, 1, 20);
  const included = list(q, 'includedData');
  const token = q.get('pageToken');
  let ids: string[];
  let offset = 0;
  if (token) {
    ({ ids, offset } = ctx.pages.redeem<{ ids: string[]; offset: number }>('searchListingsItems', token));
  } else {
    const identifiers = list(q, 'identifiers');
    const type = q.get('identifiersType');
    if (identifiers.length && !type) fail(invalidInput('identifiersType is required when identifiers is provided.'));
    if (identifiers.length > 20) fail(invalidInput('At most 20 identifiers are allowed.'));
    const sortBy = q.get('sortBy') ?? 'lastUpdatedDate';
    const desc = (q.get('sortOrder') ?? 'DESC') === 'DESC';
    const key = (l: SimListing): string | number => (sortBy === 'sku' ? l.sku : sortBy === 'createdDate' ? l.created : l.lastUpdated);
    ids = [...ctx.state.listings.values()]
      .filter((l) => !identifiers.length || (type === 'SKU' ? identifiers.includes(l.sku) : type === 'ASIN' ? identifiers.includes(l.asin) : false))
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const c = ka < kb ? -1 : ka > kb ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
        return desc ? -c : c;
      })
      .map((l) => l.sku);
  }
  const page = ids
    .slice(offset, offset + pageSize)
    .map((sku) => ctx.state.listings.get(sku))
    .filter((l): l is SimListing => l !== undefined)
    .map((l) => itemJson(ctx, l, included.length ? included : ['summaries']));
  const out: Record<string, unknown> = { numberOfResults: ids.length, items: page };
  const pagination: Record<string, string> = {};
  if (offset + pageSize < ids.length) pagination.nextToken = ctx.pages.issue('searchListingsItems', { ids, offset: offset + pageSize }, 86_400_000);
  if (offset > 0) pagination.previousToken = ctx.pages.issue('searchListingsItems', { ids, offset: Math.max(0, offset - pageSize) }, 86_400_000);
  if (Object.keys(pagination).length) out.pagination = pagination;
  return ok(out);
};
