// Where SP-API lives: the marketplace table, the regional hosts (production and static sandbox) and
// the Login with Amazon token endpoint. Sources: https://developer-docs.amazon.com/sp-api/docs/marketplace-ids ,
// https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints (reference: shared/reference/sp-api.md §1.3-1.4).

export type Region = 'NA' | 'EU' | 'FE';

export interface Marketplace {
  code: string;
  id: string;
  region: Region;
}

const TABLE: Array<[string, string, Region]> = [
  ['US', 'ATVPDKIKX0DER', 'NA'], ['CA', 'A2EUQ1WTGCTBG2', 'NA'], ['MX', 'A1AM78C64UM0Y8', 'NA'],
  ['BR', 'A2Q3Y263D00KWC', 'NA'],
  ['IE', 'A28R8C7NBKEWEA', 'EU'], ['ES', 'A1RKKUPIHCS9HS', 'EU'], ['UK', 'A1F83G8C2ARO7P', 'EU'],
  ['FR', 'A13V1IB3VIYZZH', 'EU'], ['BE', 'AMEN7PMS3EDWL', 'EU'], ['NL', 'A1805IZSGTT6HS', 'EU'],
  ['DE', 'A1PA6795UKMFR9', 'EU'], ['IT', 'APJ6JRA9NG5V4', 'EU'], ['SE', 'A2NODRKZP88ZB9', 'EU'],
  ['ZA', 'AE08WJ6YKNBMC', 'EU'], ['PL', 'A1C3SOZRARQ6R3', 'EU'], ['SA', 'A17E79C6D8DWNP', 'EU'],
  ['EG', 'ARBP9OOSHTCHU', 'EU'], ['TR', 'A33AVAJ2PDY3EV', 'EU'], ['AE', 'A2VIGQ35RCS4UG', 'EU'],
  ['IN', 'A21TJRUUN4KGV', 'EU'],
  ['SG', 'A19VAU5U5O7RUS', 'FE'], ['AU', 'A39IBJ37TRP1C6', 'FE'], ['JP', 'A1VC38T7YXB528', 'FE'],
];

export const MARKETPLACES: ReadonlyArray<Marketplace> = TABLE.map(([code, id, region]) => ({ code, id, region }));

/** Accepts a country code ("UK"; older docs say "GB") or a marketplace ID. */
export function resolveMarketplace(codeOrId: string): Marketplace {
  const key = codeOrId.trim().toUpperCase() === 'GB' ? 'UK' : codeOrId.trim();
  const found = MARKETPLACES.find((m) => m.code === key.toUpperCase() || m.id === key);
  if (!found) throw new Error(`Unknown Amazon marketplace "${codeOrId}" (use a code such as UK, DE, US)`);
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
