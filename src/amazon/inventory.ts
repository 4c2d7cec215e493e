// FBA inventory: getInventorySummaries with details=true, at most 50 SKUs a call; a nextToken
// expires 30 s after it is issued, so pages are fetched back to back (sp-api.md §3.1).

import type { ApiContext } from './context';
import { paginate, type PagedOp } from './paginate';
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

/** getInventorySummaries' query without the token, which paginate supplies. */
export interface InventorySummariesParams {
  sellerSkus?: string[];
  startDateTime?: string;
  details?: boolean;
}

/**
 * getInventorySummaries as a paged operation: the token goes back with the same filters. It expires
 * 30 s after it is issued, so an onPage handed these pages must not do slow work between them.
 */
export function getInventorySummariesPages(ctx: ApiContext): PagedOp<InventorySummariesParams, InventoryPage> {
  return {
    fetch: (params, token) => getInventorySummaries(ctx, token ? { ...params, nextToken: token } : params),
    next: (page) => page.nextToken,
  };
}

/** Every summary for these SKUs (or all SKUs when none are given), following each nextToken at once. */
export function getInventoryForSkus(ctx: ApiContext, skus?: string[]): InventorySummary[] {
  const batches: Array<string[] | undefined> = [];
  if (!skus) batches.push(undefined);
  else for (let i = 0; i < skus.length; i += MAX_SKUS_PER_CALL) batches.push(skus.slice(i, i + MAX_SKUS_PER_CALL));
  const pages = getInventorySummariesPages(ctx);
  const out: InventorySummary[] = [];
  for (const batch of batches) {
    paginate(pages, batch ? { sellerSkus: batch } : {}, (page) => {
      out.push(...page.summaries);
    });
  }
  return out;
}
