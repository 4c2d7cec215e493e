// Listings Items API 2021-08-01 (M:listings-items-api-model/listingsItems_2021-08-01.json):
// getListingsItem, patchListingsItem (quantity writes through listing-writes.ts) and
// searchListingsItems (pageSize ≤ 20, default 10; sortBy lastUpdatedDate DESC by default; at most
// 1,000 items can be paged through; pages from a snapshot, or live with behaviour.liveSearchPages).
// Each call acts on one marketplace's listings (checkSellerAndMarketplace).

import { CURRENCY, type OpHandler, type SimCtx } from './context';
import { availabilityFromPatches, evaluateMessage, patchApplyDelayMs } from './listing-writes';
import { someSellerMarketplaceIds } from './marketplace-params';
import { err, fail, intParam, invalidInput, iso, list, ok } from './sim-http';
import type { SimListing } from './state';

/**
 * A seller ID that is not the token's gets Amazon's generic 403: code "Unauthorized", message
 * "Access to requested resource is denied.", details "" and x-amzn-ErrorType AccessDeniedException,
 * the same body as a missing role, so the client cannot tell the two apart from it
 * (shared/reference/sp-api.md §10; bodies quoted in amzn/selling-partner-api-models#826, #1836).
 *
 * Returns the marketplace the call acts on. Listings are per marketplace ("seller + sku +
 * marketplace keyed", Amazon in amzn/selling-partner-api-docs#3167). marketplaceIds is "A
 * comma-delimited list of Amazon store identifiers for the request" (listingsItems_2021-08-01.json,
 * no maxItems on get/patch/search), yet Amazon answers getListingsItem for the first one only
 * (amzn/selling-partner-api-docs#2362: two IDs, one summary, the first listed); search is treated
 * the same (undocumented). IDs the seller does not sell in are let through beside one it does, as
 * before (the model's searchListingsItems example asks a US seller's listings for US and CA), and
 * refused alone. patchListingsItem takes exactly one (patchMarketplace).
 */
function checkSellerAndMarketplace(ctx: SimCtx, sellerId: string, query: URLSearchParams): string {
  if (sellerId !== ctx.sellerId) {
    const denied = err(403, 'Unauthorized', 'Access to requested resource is denied.');
    fail({ ...denied, headers: { ...denied.headers, 'x-amzn-ErrorType': 'AccessDeniedException' } });
  }
  return someSellerMarketplaceIds(ctx, list(query, 'marketplaceIds'))[0]!;
}

/**
 * "Currently, we don't support updating multiple marketplaces in a single API request [...] separate
 * API calls are needed for each marketplace update" (Amazon, amzn/selling-partner-api-models#4356).
 * How Amazon fails such a call is not documented: the simulator refuses it with 400 InvalidInput, so
 * a client that relies on it learns at once.
 */
function patchMarketplace(query: URLSearchParams): void {
  if (list(query, 'marketplaceIds').length > 1) fail(invalidInput('Only one marketplaceId is supported per request.', 'Send one patchListingsItem per marketplace.'));
}

export function itemJson(ctx: SimCtx, l: SimListing, included: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { sku: l.sku };
  const mp = l.marketplaceId;
  const currency = CURRENCY[ctx.participations.find((m) => m.id === mp)?.code ?? ''] ?? ctx.currency;
  // One entry per channel: a multi-channel listing has both DEFAULT and AMAZON_* (state.ts SimListing).
  const channels = ctx.state.channelEntries(l).map((c) => ({ code: c.channel === 'FBM' ? 'DEFAULT' : ctx.fbaChannelCode, quantity: c.quantity }));
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
    out.attributes = { fulfillment_availability: channels.map((c) => ({ fulfillment_channel_code: c.code, quantity: c.quantity, marketplace_id: mp })) };
  }
  if (included.includes('issues')) out.issues = [];
  if (included.includes('offers')) {
    out.offers = l.price === undefined ? [] : [{ marketplaceId: mp, offerType: 'B2C', price: { currencyCode: currency, amount: l.price.toFixed(2) } }];
  }
  if (included.includes('fulfillmentAvailability')) {
    out.fulfillmentAvailability = channels.map((c) => ({ fulfillmentChannelCode: c.code, quantity: c.quantity }));
  }
  if (included.includes('productTypes')) out.productTypes = [{ marketplaceId: mp, productType: l.productType }];
  return out;
}

export const getListingsItem: OpHandler = (ctx, call) => {
  const mp = checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  // Only that marketplace's listing: a SKU listed elsewhere is not found here.
  const l = ctx.state.listingsIn(mp).get(call.params.sku!);
  if (!l) fail(err(404, 'NOT_FOUND', `SKU '${call.params.sku}' not found in marketplace ${mp}`));
  const included = list(call.query, 'includedData');
  return ok(itemJson(ctx, l, included.length ? included : ['summaries']));
};

export const patchListingsItem: OpHandler = (ctx, call) => {
  const marketplaceId = checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  patchMarketplace(call.query);
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
    const probe = evaluateMessage({ ...ctx, faults: { check: () => null } as unknown as SimCtx['faults'] }, { sku, productType: body.productType, availability: availabilityFromPatches(body.patches), marketplaceId }, 'patchListingsItem');
    return ok({ sku, status: probe.accepted ? 'VALID' : 'INVALID', submissionId, issues: probe.issues });
  }
  const outcome = evaluateMessage(ctx, { sku, productType: body.productType, availability: availabilityFromPatches(body.patches), marketplaceId }, 'patchListingsItem');
  const delay = patchApplyDelayMs(ctx.behaviour);
  const at = ctx.clock.now() + delay;
  outcome.writes.forEach((w) => (w.at = iso(ctx.clock.now())));
  ctx.state.writes.push(...outcome.writes);
  if (outcome.accepted) {
    if (delay === 0) outcome.apply(ctx.clock.now());
    else ctx.state.pendingPatches.push({ at, apply: () => outcome.apply(at) });
  }
  return ok({ sku, status: outcome.accepted ? 'ACCEPTED' : 'INVALID', submissionId, issues: outcome.issues });
};

/**
 * "The maximum number of items (SKUs) that can be returned and paged through is 1000", while
 * numberOfResults is "the total number of selling partner listings items found for the search
 * criteria" (listingsItems_2021-08-01.json, ItemSearchResults.numberOfResults): past the 1,000th
 * item there is no nextToken ("When you receive the last page, there is no nextToken key",
 * Pagination), and numberOfResults still counts every match.
 */
export const SEARCH_PAGING_CAP = 1000;

/** What a search matches and in which order; a page token carries it to later pages. */
interface SearchQuery {
  marketplaceId: string;
  identifiers: string[];
  identifiersType: string | null;
  sortBy: string;
  desc: boolean;
}

interface SearchToken {
  query: SearchQuery;
  offset: number;
  /** The matches frozen at the first page; absent with behaviour.liveSearchPages. */
  ids?: string[];
}

function matchingSkus(ctx: SimCtx, q: SearchQuery): string[] {
  const key = (l: SimListing): string | number => (q.sortBy === 'sku' ? l.sku : q.sortBy === 'createdDate' ? l.created : l.lastUpdated);
  return [...ctx.state.listingsIn(q.marketplaceId).values()]
    .filter((l) => !q.identifiers.length || (q.identifiersType === 'SKU' ? q.identifiers.includes(l.sku) : q.identifiersType === 'ASIN' ? q.identifiers.includes(l.asin) : false))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
      return q.desc ? -c : c;
    })
    .map((l) => l.sku);
}

export const searchListingsItems: OpHandler = (ctx, call) => {
  const marketplaceId = checkSellerAndMarketplace(ctx, call.params.sellerId!, call.query);
  const q = call.query;
  const pageSize = intParam(q, 'pageSize', 10, 1, 20);
  const included = list(q, 'includedData');
  const token = q.get('pageToken');
  let t: SearchToken;
  if (token) {
    t = ctx.pages.redeem<SearchToken>('searchListingsItems', token);
  } else {
    const identifiers = list(q, 'identifiers');
    const identifiersType = q.get('identifiersType');
    if (identifiers.length && !identifiersType) fail(invalidInput('identifiersType is required when identifiers is provided.'));
    if (identifiers.length > 20) fail(invalidInput('At most 20 identifiers are allowed.'));
    t = { query: { marketplaceId, identifiers, identifiersType, sortBy: q.get('sortBy') ?? 'lastUpdatedDate', desc: (q.get('sortOrder') ?? 'DESC') === 'DESC' }, offset: 0 };
    if (!ctx.behaviour.liveSearchPages) t.ids = matchingSkus(ctx, t.query);
  }
  // Live pages are cut from the catalogue as it is now: a listing created, deleted or re-sorted
  // (lastUpdatedDate changes with every write) since the last page shifts this one.
  const ids = t.ids ?? matchingSkus(ctx, t.query);
  const { offset } = t;
  const end = Math.min(offset + pageSize, SEARCH_PAGING_CAP);
  const page = ids
    .slice(offset, end)
    .map((sku) => ctx.state.listingsIn(t.query.marketplaceId).get(sku))
    .filter((l): l is SimListing => l !== undefined)
    .map((l) => itemJson(ctx, l, included.length ? included : ['summaries']));
  const out: Record<string, unknown> = { numberOfResults: ids.length, items: page };
  const pagination: Record<string, string> = {};
  const next = (at: number): string => ctx.pages.issue('searchListingsItems', { ...t, offset: at }, 86_400_000);
  if (end < Math.min(ids.length, SEARCH_PAGING_CAP)) pagination.nextToken = next(end);
  if (offset > 0) pagination.previousToken = next(Math.max(0, offset - pageSize));
  if (Object.keys(pagination).length) out.pagination = pagination;
  return ok(out);
};
