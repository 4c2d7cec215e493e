// Amazon marketplaces and every way people name one (code, marketplace ID, country, Amazon's own
// name or web domain), so a typed "Germany", "amazon.de" or "gb" means one marketplace code and an
// unknown text is reported, never guessed. Sources: codes and IDs
// https://developer-docs.amazon.com/sp-api/docs/marketplace-ids (shared/reference/sp-api.md §1.4);
// regions https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints (§1.3); Amazon's own names
// ("Amazon.co.uk") as orders carry them in marketplaceName / SalesChannel
// (M:orders-api-model/orders_2026-01-01.json, ordersV0.json); the Sellers API's Marketplace.domainName
// ("www.amazon.com", https://developer-docs.amazon.com/sp-api/docs/sellers-api-v1-reference).

export type Region = 'NA' | 'EU' | 'FE';

export interface Marketplace {
  /** The code the add-on stores and shows ("UK"). */
  code: string;
  id: string;
  region: Region;
  /** The storefront domain without "www." ("amazon.co.uk"). */
  domain: string;
  /** Country names people type, English first. */
  countries: readonly string[];
}

const TABLE: ReadonlyArray<[string, string, Region, string, string[]]> = [
  ['US', 'ATVPDKIKX0DER', 'NA', 'amazon.com', ['United States', 'USA', 'United States of America', 'America']],
  ['CA', 'A2EUQ1WTGCTBG2', 'NA', 'amazon.ca', ['Canada']],
  ['MX', 'A1AM78C64UM0Y8', 'NA', 'amazon.com.mx', ['Mexico', 'México']],
  ['BR', 'A2Q3Y263D00KWC', 'NA', 'amazon.com.br', ['Brazil', 'Brasil']],
  ['IE', 'A28R8C7NBKEWEA', 'EU', 'amazon.ie', ['Ireland', 'Éire']],
  ['ES', 'A1RKKUPIHCS9HS', 'EU', 'amazon.es', ['Spain', 'España']],
  ['UK', 'A1F83G8C2ARO7P', 'EU', 'amazon.co.uk', ['United Kingdom', 'Great Britain', 'Britain', 'England']],
  ['FR', 'A13V1IB3VIYZZH', 'EU', 'amazon.fr', ['France']],
  ['BE', 'AMEN7PMS3EDWL', 'EU', 'amazon.com.be', ['Belgium', 'Belgique', 'België']],
  ['NL', 'A1805IZSGTT6HS', 'EU', 'amazon.nl', ['Netherlands', 'The Netherlands', 'Holland', 'Nederland']],
  ['DE', 'A1PA6795UKMFR9', 'EU', 'amazon.de', ['Germany', 'Deutschland']],
  ['IT', 'APJ6JRA9NG5V4', 'EU', 'amazon.it', ['Italy', 'Italia']],
  ['SE', 'A2NODRKZP88ZB9', 'EU', 'amazon.se', ['Sweden', 'Sverige']],
  ['ZA', 'AE08WJ6YKNBMC', 'EU', 'amazon.co.za', ['South Africa']],
  ['PL', 'A1C3SOZRARQ6R3', 'EU', 'amazon.pl', ['Poland', 'Polska']],
  ['SA', 'A17E79C6D8DWNP', 'EU', 'amazon.sa', ['Saudi Arabia']],
  ['EG', 'ARBP9OOSHTCHU', 'EU', 'amazon.eg', ['Egypt']],
  ['TR', 'A33AVAJ2PDY3EV', 'EU', 'amazon.com.tr', ['Turkey', 'Türkiye']],
  ['AE', 'A2VIGQ35RCS4UG', 'EU', 'amazon.ae', ['United Arab Emirates', 'UAE']],
  ['IN', 'A21TJRUUN4KGV', 'EU', 'amazon.in', ['India']],
  ['SG', 'A19VAU5U5O7RUS', 'FE', 'amazon.sg', ['Singapore']],
  ['AU', 'A39IBJ37TRP1C6', 'FE', 'amazon.com.au', ['Australia']],
  ['JP', 'A1VC38T7YXB528', 'FE', 'amazon.co.jp', ['Japan']],
];

export const MARKETPLACES: ReadonlyArray<Marketplace> = TABLE.map(([code, id, region, domain, countries]) => ({ code, id, region, domain, countries }));

/** ISO 3166 codes that differ from the code Amazon's marketplace table uses (Amazon says "UK"; ISO and older docs say "GB"). */
const ISO_ALIASES: Readonly<Record<string, string>> = { GB: 'UK' };

/** Case, spaces, dots and a leading "www."/"https://" do not change which marketplace is meant. */
function normal(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '')
    .replace(/\s+/g, ' ');
}

const BY_NAME = new Map<string, Marketplace>();
for (const m of MARKETPLACES) {
  for (const name of [m.code, m.id, m.domain, ...m.countries]) BY_NAME.set(normal(name), m);
}
for (const [iso, code] of Object.entries(ISO_ALIASES)) BY_NAME.set(normal(iso), MARKETPLACES.find((m) => m.code === code)!);

/** The marketplace a person means by a code, ID, country or domain; null when it is none the add-on knows. */
export function findMarketplace(typed: string): Marketplace | null {
  const key = normal(typed);
  if (!key) return null;
  return BY_NAME.get(key) ?? null;
}

/** The codes people may type, for messages: "UK, DE, FR, …". */
function marketplaceCodes(): string {
  return MARKETPLACES.map((m) => m.code).join(', ');
}

/** One sentence listing what is accepted, for a Status or exception message. */
export function marketplaceHelp(): string {
  return `use a marketplace code (${marketplaceCodes()}), a country name such as Germany, or the Amazon domain such as amazon.de`;
}
