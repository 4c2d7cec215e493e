// Settings "Marketplaces" and "FBM marketplaces": a typed list of Amazon marketplaces ("UK, DE,
// France, amazon.it") read into codes, primary first. One Seller Central account sells in every
// marketplace of one region with one refresh token and one regional host (sp-api.md §1.3;
// https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints), so a list mixing regions cannot
// be served and is refused, as is any entry the add-on does not know: neither is guessed.

import { findMarketplace, marketplaceHelp, MARKETPLACES } from './marketplaces';

export interface MarketplaceListRead {
  /** Codes as the add-on stores them ("UK"), in the order typed, each once. */
  codes: string[];
  /** Entries that name no marketplace the add-on knows, as typed. */
  unknown: string[];
  /** Entries of another region than the first, as typed with their code ("amazon.com (US)"). */
  otherRegion: string[];
}

/** Commas, semicolons and line breaks separate entries; spaces do not ("United Kingdom" is one). */
export function splitList(typed: string): string[] {
  return typed
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readMarketplaceList(typed: string): MarketplaceListRead {
  const codes: string[] = [];
  const unknown: string[] = [];
  const otherRegion: string[] = [];
  let region: string | null = null;
  for (const entry of splitList(typed)) {
    const m = findMarketplace(entry);
    if (!m) {
      unknown.push(entry);
      continue;
    }
    region ??= m.region;
    if (m.region !== region) {
      otherRegion.push(entry.toUpperCase() === m.code ? m.code : `${entry} (${m.code})`);
      continue;
    }
    if (!codes.includes(m.code)) codes.push(m.code);
  }
  return { codes, unknown, otherRegion };
}

/** "IE, ES, UK, …": the codes of the first marketplace's region, for messages. */
function regionCodes(first: string | undefined): string {
  const region = first ? findMarketplace(first)?.region : undefined;
  return region ? `${region}: ${MARKETPLACES.filter((m) => m.region === region).map((m) => m.code).join(', ')}` : 'one region';
}

/** What is wrong with a Marketplaces list, in plain words; null when every entry can be used. */
export function marketplaceListProblem(key: string, typed: string, read: MarketplaceListRead): string | null {
  const parts: string[] = [];
  if (read.unknown.length) parts.push(`${read.unknown.map((u) => `"${u}"`).join(', ')} ${read.unknown.length === 1 ? 'is' : 'are'} not an Amazon marketplace the add-on knows (${marketplaceHelp()})`);
  if (read.otherRegion.length) {
    parts.push(
      `${read.otherRegion.join(', ')} ${read.otherRegion.length === 1 ? 'is' : 'are'} in another Amazon region than ${read.codes[0] ?? 'the first'}: one spreadsheet serves the marketplaces of one region (one Seller Central account, one token), here ${regionCodes(read.codes[0])}; use a second spreadsheet for the other region`,
    );
  }
  if (!parts.length) return null;
  return `Settings "${key}" holds "${typed}": ${parts.join('; ')}.`;
}

/** Amazon's marketplace IDs of codes the add-on stores ("UK" → A1F83G8C2ARO7P), in order; unknown codes are left out. */
export function marketplaceIdsOf(codes: readonly string[]): string[] {
  return codes.map((c) => findMarketplace(c)?.id).filter((id): id is string => !!id);
}
