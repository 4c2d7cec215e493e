// Sellers API v1 getMarketplaceParticipations: the marketplaces the seller can sell in with this
// authorisation (https://developer-docs.amazon.com/sp-api/docs/sellers-api-v1-reference,
// "Get the market participation of a seller"). GET /sellers/v1/marketplaceParticipations, no
// parameters, usage plan 0.016 requests/s, burst 15. Only the fields the add-on shows are read.

import { z } from 'zod';
import type { ApiContext } from './context';

const participationSchema = z.object({
  marketplace: z.object({ id: z.string(), countryCode: z.string().optional(), defaultCurrencyCode: z.string().optional(), domainName: z.string().optional() }),
  participation: z.object({ isParticipating: z.boolean(), hasSuspendedListings: z.boolean().optional() }),
  storeName: z.string().optional(),
});

export const getMarketplaceParticipationsResponseSchema = z.object({ payload: z.array(participationSchema).optional() });

export interface MarketplaceParticipation {
  marketplaceId: string;
  isParticipating: boolean;
  hasSuspendedListings: boolean;
}

export function getMarketplaceParticipations(ctx: ApiContext): MarketplaceParticipation[] {
  const r = ctx.requester.call({
    operation: 'getMarketplaceParticipations',
    method: 'get',
    path: '/sellers/v1/marketplaceParticipations',
    schema: getMarketplaceParticipationsResponseSchema,
  }).data;
  return (r.payload ?? []).map((p) => ({ marketplaceId: p.marketplace.id, isParticipating: p.participation.isParticipating, hasSuspendedListings: p.participation.hasSuspendedListings ?? false }));
}
