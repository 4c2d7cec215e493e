// FBA Inventory getInventorySummaries (M:fba-inventory-api-model/fbaInventory.json): granularity
// Marketplace, exactly one marketplace, up to 50 sellerSkus, startDateTime no older than 18 months
// (and then sellerSkus is ignored), 50 summaries a page, nextToken valid 30 seconds. Stock is per
// marketplace; with Pan-EU (scenario `panEu`) each Pan-EU marketplace gives the one pooled figure
// (state.ts inventoryIn; amzn/selling-partner-api-models#452).

import type { OpHandler, SimCtx } from './context';
import { fail, invalidInput, iso, isoParam, list, ok, requireParam } from './sim-http';

const PAGE = 50;
const TOKEN_TTL = 30_000;
const EIGHTEEN_MONTHS = 548 * 86_400_000;

function summaryJson(ctx: SimCtx, marketplaceId: string, sku: string, details: boolean): Record<string, unknown> {
  const l = ctx.state.listingsIn(marketplaceId).get(sku);
  const inv = ctx.state.inventoryIn(marketplaceId).get(sku);
  const f = inv ?? { fulfillable: 0, inboundWorking: 0, inboundShipped: 0, inboundReceiving: 0, reserved: 0, pendingTransshipment: 0, fcProcessing: 0, unfulfillable: 0, researching: 0, condition: 'NewItem', productName: undefined, lastUpdated: l?.created ?? ctx.clock.now() };
  // afn-total = warehouse (fulfillable + unsellable + reserved) + inbound (sp-api.md §3.2).
  const total = f.fulfillable + f.unfulfillable + f.reserved + f.inboundWorking + f.inboundShipped + f.inboundReceiving;
  const out: Record<string, unknown> = {
    asin: l?.asin ?? '',
    fnSku: l?.fnsku ?? '',
    sellerSku: sku,
    condition: f.condition,
    lastUpdatedTime: iso(f.lastUpdated),
    productName: f.productName ?? l?.title ?? sku,
    totalQuantity: total,
    stores: [],
  };
  if (details) {
    out.inventoryDetails = {
      fulfillableQuantity: f.fulfillable,
      inboundWorkingQuantity: f.inboundWorking,
      inboundShippedQuantity: f.inboundShipped,
      inboundReceivingQuantity: f.inboundReceiving,
      reservedQuantity: {
        totalReservedQuantity: f.reserved,
        pendingCustomerOrderQuantity: f.reserved - f.pendingTransshipment - f.fcProcessing,
        pendingTransshipmentQuantity: f.pendingTransshipment,
        fcProcessingQuantity: f.fcProcessing,
      },
      researchingQuantity: {
        totalResearchingQuantity: f.researching,
        researchingQuantityBreakdown: [{ name: 'researchingQuantityInShortTerm', quantity: f.researching }],
      },
      unfulfillableQuantity: {
        totalUnfulfillableQuantity: f.unfulfillable,
        customerDamagedQuantity: 0,
        warehouseDamagedQuantity: f.unfulfillable,
        distributorDamagedQuantity: 0,
        carrierDamagedQuantity: 0,
        defectiveQuantity: 0,
        expiredQuantity: 0,
      },
    };
  }
  return out;
}

interface InvToken {
  marketplaceId: string;
  skus: string[];
  offset: number;
  details: boolean;
  startDateTime: string | null;
}

export const getInventorySummaries: OpHandler = (ctx, call) => {
  const q = call.query;
  if (requireParam(q, 'granularityType') !== 'Marketplace') fail(invalidInput('granularityType must be Marketplace.'));
  // granularityId is "The granularity ID for the inventory aggregation level", marketplaceIds "The
  // marketplace ID for the marketplace for which to return inventory summaries" (fbaInventory.json):
  // any one of the seller's marketplaces, the same in both.
  const granularityId = requireParam(q, 'granularityId');
  if (!ctx.participations.some((m) => m.id === granularityId)) fail(invalidInput('Invalid granularityId.'));
  const mps = list(q, 'marketplaceIds');
  if (mps.length !== 1) fail(invalidInput('Exactly one marketplaceId is required.'));
  if (mps[0] !== granularityId) fail(invalidInput('Invalid marketplaceIds.'));
  const details = q.get('details') === 'true';
  const token = q.get('nextToken');
  let t: InvToken;
  if (token) {
    t = ctx.pages.redeem<InvToken>('getInventorySummaries', token);
    if (t.marketplaceId !== granularityId) fail(invalidInput('Invalid nextToken.', 'The token was issued for another marketplace.'));
    // "use both startDateTime and nextToken to get the next page" (model description).
    if (t.startDateTime !== null && q.get('startDateTime') !== t.startDateTime) fail(invalidInput('startDateTime must be repeated with nextToken.'));
    t = { ...t, details };
  } else {
    const start = isoParam(q, 'startDateTime');
    if (start !== undefined && start < ctx.clock.now() - EIGHTEEN_MONTHS) fail(invalidInput('startDateTime must be no earlier than 18 months ago.'));
    const fbaSkus = ctx.state.fbaSkus(granularityId).sort();
    const wanted = list(q, 'sellerSkus');
    if (wanted.length > 50) fail(invalidInput('At most 50 sellerSkus are allowed.'));
    const one = q.get('sellerSku');
    let skus: string[];
    if (start !== undefined) {
      // Inbound changes are not detected by startDateTime (sp-api.md §3.1): only lastUpdated counts here.
      skus = fbaSkus.filter((s) => (ctx.state.inventoryIn(granularityId).get(s)?.lastUpdated ?? 0) >= start);
    } else if (wanted.length) skus = fbaSkus.filter((s) => wanted.includes(s));
    else if (one) skus = fbaSkus.filter((s) => s === one);
    else skus = fbaSkus;
    t = { marketplaceId: granularityId, skus, offset: 0, details, startDateTime: q.get('startDateTime') };
  }
  const page = t.skus.slice(t.offset, t.offset + PAGE).map((s) => summaryJson(ctx, granularityId, s, t.details));
  const out: Record<string, unknown> = {
    payload: { granularity: { granularityType: 'Marketplace', granularityId }, inventorySummaries: page },
  };
  if (t.offset + PAGE < t.skus.length) out.pagination = { nextToken: ctx.pages.issue('getInventorySummaries', { ...t, offset: t.offset + PAGE }, TOKEN_TTL) };
  return ok(out);
};
