// Where SP-API lives: the marketplace (table in core/marketplaces), the regional hosts (production and
// static sandbox) and the Login with Amazon token endpoint. Sources: https://developer-docs.amazon.com/sp-api/docs/marketplace-ids ,
// https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints (reference: shared/reference/sp-api.md §1.3-1.4).

import { MARKETPLACES, findMarketplace, marketplaceHelp, type Marketplace, type Region } from '../core/marketplaces';

export { MARKETPLACES, type Marketplace, type Region };

/**
 * The marketplace for a code, ID, country or Amazon domain as people type it ("UK", "gb",
 * "Germany", "Amazon.co.uk", "A1PA6795UKMFR9"); throws with the accepted forms when there is none.
 */
export function resolveMarketplace(typed: string): Marketplace {
  const found = findMarketplace(typed);
  if (!found) throw new Error(`Unknown Amazon marketplace "${typed}": ${marketplaceHelp()}.`);
  return found;
}

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export function spApiHost(region: Region, sandbox = false): string {
  const r = region.toLowerCase();
  return sandbox ? `https://sandbox.sellingpartnerapi-${r}.amazon.com` : `https://sellingpartnerapi-${r}.amazon.com`;
}

/**
 * Pre-signed S3 hosts Amazon hands out for report and feed documents, per region, as seen in Amazon's
 * docs and in real responses quoted in public issues (amzn/selling-partner-api-models#1593, #3005;
 * feeds use-case guide example uses tortuga-prod-na.s3.amazonaws.com). The client never sends the
 * access token to these hosts.
 */
export const DOCUMENT_HOSTS: Record<Region, string> = {
  NA: 'https://tortuga-prod-na.s3-external-1.amazonaws.com',
  EU: 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com',
  FE: 'https://tortuga-prod-fe.s3-us-west-2.amazonaws.com',
};
