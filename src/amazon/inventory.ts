// FBA inventory: getInventorySummaries with details=true, at most 50 SKUs a call; a nextToken
// expires 30 s after it is issued, so pages are fetched back to back (sp-api.md §3.1).

import type { ApiContext } from './context';
import { getInventorySummariesResponseSchema, type InventorySummary } from './schemas/inventory';

export const MAX_SKUS_PER_CALL = 50;

export interface InventoryPage {
  summaries: InventorySummary[];
  nextToken: string | undefined;
}

export function getInventorySummaries(
  ctx: ApiContext,
  q: { sellerSkus?: string[]; startDateTime?: string; nextToken?: string; details?: boolean } = {},
): InventoryPage {
  if (q.sellerSkus && q.sellerSkus.length > MAX_SKUS_PER_CALL) throw new Error(`getInventorySummaries takes at most ${MAX_SKUS_PER_CALL} SKUs`);
  const data = ctx.requester.call({
    operation: 'getInventorySummaries',
    method: 'get',
    path: '/fba/inventory/v1/summaries',
    query: {
      details: q.details ?? true,
      granularityType: 'Marketplace',
      granularityId: ctx.marketplaceId,
      marketplaceIds: [ctx.marketplaceId],
      startDateTime: q.startDateTime,
      sellerSkus: q.sellerSkus,
      nextToken: q.nextToken,
    },
    schema: getInventorySummariesResponseSchema,
  }).data;
  return { summaries: data.payload?.inventorySummaries ?? [], nextToken: data.pagination?.nextToken || undefined };
}

/** Every summary for these SKUs (or all SKUs when none are given), following each nextToken at once. */
export function getInventoryForSkus(ctx: ApiContext, skus?: string[]): InventorySummary[] {
  const batches: Array<string[] | undefined> = [];
  if (!skus) batches.push(undefined);
  else for (let i = 0; i < skus.length; i += MAX_SKUS_PER_CALL) batches.push(skus.slice(i, i + MAX_SKUS_PER_CALL));
  const out: InventorySummary[] = [];
  for (const batch of batches) {
    let token: string | undefined;
    do {
      const q: { sellerSkus?: string[]; nextToken?: string } = {};
      if (batch) q.sellerSkus = batch;
      if (token) q.nextToken = token;
      const page = getInventorySummaries(ctx, q);
      out.push(...page.summaries);
      token = page.nextToken;
    } while (token);
  }
  return out;
}
