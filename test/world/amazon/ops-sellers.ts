// Sellers API v1 getMarketplaceParticipations, declared by hand: its model is not among
// shared/reference/sp-api/models. Path, empty parameter list and usage plan (0.016 requests/s,
// burst 15) from https://developer-docs.amazon.com/sp-api/docs/sellers-api-v1-reference; the answer
// lists each marketplace the seller's one regional account sells in (MarketplaceParticipation:
// marketplace {id, name, countryCode, defaultCurrencyCode, defaultLanguageCode, domainName},
// participation {isParticipating, hasSuspendedListings}, storeName), as "Get the market
// participation of a seller" (https://developer-docs.amazon.com/sp-api/docs/get-seller-market-participation) shows.

import type { ModelOperation } from './models';
import { CURRENCY, type OpHandler } from './context';
import { ok } from './sim-http';

/** Amazon's country code of each marketplace where it differs from the add-on's code (UK is GB). */
const COUNTRY: Record<string, string> = { UK: 'GB' };
/** Marketplace.defaultLanguageCode of the marketplaces the scenarios use; others get en_GB. */
const LANGUAGE: Record<string, string> = { UK: 'en_GB', DE: 'de_DE', FR: 'fr_FR', IT: 'it_IT', ES: 'es_ES', NL: 'nl_NL', SE: 'sv_SE', PL: 'pl_PL', BE: 'fr_BE', IE: 'en_IE', US: 'en_US', CA: 'en_CA', MX: 'es_MX', JP: 'ja_JP' };

/** An operation declared here rather than read from a model: routed and paced the same way. */
export type HandDeclaredOperation = Omit<ModelOperation, 'model'> & { model: 'sellers' };

const SELLERS_OPERATIONS: HandDeclaredOperation[] = [
  {
    model: 'sellers',
    operationId: 'getMarketplaceParticipations',
    method: 'GET',
    pathTemplate: '/sellers/v1/marketplaceParticipations',
    regex: /^\/sellers\/v1\/marketplaceParticipations$/,
    paramNames: [],
    rate: 0.016,
    burst: 15,
    spec: { operationId: 'getMarketplaceParticipations', parameters: [] },
  },
];

export function findSellersOperation(method: string, pathname: string): { op: HandDeclaredOperation; params: Record<string, string> } | undefined {
  const op = SELLERS_OPERATIONS.find((o) => o.method === method && o.regex.test(pathname));
  return op ? { op, params: {} } : undefined;
}

export const getMarketplaceParticipations: OpHandler = (ctx) =>
  ok({
    payload: ctx.participations.map((m) => ({
      marketplace: {
        id: m.id,
        name: m.domain.charAt(0).toUpperCase() + m.domain.slice(1),
        countryCode: COUNTRY[m.code] ?? m.code,
        defaultCurrencyCode: CURRENCY[m.code] ?? 'USD',
        defaultLanguageCode: LANGUAGE[m.code] ?? 'en_GB',
        domainName: `www.${m.domain}`,
      },
      participation: { isParticipating: true, hasSuspendedListings: false },
      storeName: `${ctx.sellerId} store`,
    })),
  });
