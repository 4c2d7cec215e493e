// Which of the seller's marketplaces a call is for: the marketplaceIds of a query or body, checked
// against the marketplaces the seller participates in (scenario `marketplace` + `marketplaces`).

import type { SimCtx } from './context';
import { fail, invalidInput, KNOWN_MARKETPLACES } from './sim-http';

/** At least one ID, every one a marketplace Amazon has. */
function known(ids: string[]): void {
  if (ids.length === 0) fail(invalidInput('Missing required parameter: marketplaceIds'));
  const bad = ids.find((m) => !KNOWN_MARKETPLACES.has(m));
  if (bad) fail(invalidInput(`Invalid marketplaceId: ${bad}`));
}

/**
 * Every ID must be a known marketplace and one the seller sells in (feeds). The refusal is the one the
 * simulator gave before it served several marketplaces, when it held the main marketplace's data only.
 */
export function sellerMarketplaceIds(ctx: SimCtx, ids: string[]): string[] {
  known(ids);
  if (ids.some((id) => !ctx.participations.some((m) => m.id === id))) {
    fail(invalidInput('Invalid marketplaceIds.', 'The seller is not registered in the requested marketplaces.'));
  }
  return ids;
}

/**
 * createReport's and the listings reads' rule: known IDs, at least one of them the seller's; the
 * others are let through, as before the simulator served several marketplaces (the model's own
 * example asks a US seller's report for DE and US, reports_2021-06-30.json createReport
 * x-amzn-api-sandbox). Returns the seller's ones, in order.
 */
export function someSellerMarketplaceIds(ctx: SimCtx, ids: string[]): string[] {
  known(ids);
  const own = ids.filter((id) => ctx.participations.some((m) => m.id === id));
  if (own.length === 0) fail(invalidInput('Invalid marketplaceIds.', 'The seller is not registered in the requested marketplaces.'));
  return own;
}
