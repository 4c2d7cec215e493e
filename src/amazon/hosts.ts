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
 * Where Amazon's pre-signed report and feed document URLs point. Amazon documents them only as "a
 * presigned URL" (reports_2021-06-30.json ReportDocument.url, feeds_2021-06-30.json
 * FeedDocument.url and CreateFeedDocumentResponse.url) and gives no host list; asked whether the
 * host can change, Amazon did not promise it (amzn/selling-partner-api-models#1593). So the manifest
 * allows every S3 host under one wildcard (Apps Script allows "a single leading wildcard" for
 * subdomains, https://developers.google.com/apps-script/manifest/allowlist-url). No credential is
 * ever sent to these hosts: the client never adds the access token to a document request.
 */
export const DOCUMENT_HOST_ALLOWLIST = 'https://*.amazonaws.com/';

/**
 * Hosts seen in Amazon's examples and in real responses quoted in public issues
 * (amzn/selling-partner-api-models#1593, #1293; feeds use-case guide: tortuga-prod-na.s3.amazonaws.com):
 * what the local world's document store serves, each one inside DOCUMENT_HOST_ALLOWLIST.
 */
export const DOCUMENT_HOSTS: Record<Region, string> = {
  NA: 'https://tortuga-prod-na.s3-external-1.amazonaws.com',
  EU: 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com',
  FE: 'https://tortuga-prod-fe.s3-us-west-2.amazonaws.com',
};
