// A settlement Amazon paid out for a marketplace Settings "Marketplaces" does not list (FR payouts
// in a "UK, DE" sheet): it is the seller account's money, so it is imported like any other, and
// said, so finance knows which payout that is and what to add to Settings.

import { exceptionKey } from '../exceptions';
import type { RaisedException } from '../exceptions';
import { findMarketplace } from '../marketplaces';

export const UNLISTED_PREFIX = `${exceptionKey('SETTLEMENT_MISMATCH', 'marketplace')}:`;

/**
 * The codes of the report's marketplaces (getReports' Report.marketplaceIds) when none is served;
 * [] when one is, or when the report names none the add-on knows (nothing is then guessed).
 */
export function unlistedMarketplaces(reportMarketplaceIds: readonly string[] | undefined, served: readonly string[]): string[] {
  const codes = (reportMarketplaceIds ?? []).map((id) => findMarketplace(id)?.code);
  if (!codes.length || !served.length || codes.some((c) => !c)) return [];
  const known = codes as string[];
  return known.some((c) => served.includes(c)) ? [] : [...new Set(known)];
}

/**
 * The same for a file imported by hand, from its lines' marketplace-name values ("Amazon.fr"): only
 * names of marketplaces the add-on knows count ("Non-Amazon" and blanks say nothing).
 */
export function unlistedNamed(names: readonly string[] | undefined, served: readonly string[]): string[] {
  const codes = [...new Set((names ?? []).map((n) => findMarketplace(n)?.code).filter((c): c is string => !!c))];
  return codes.length && served.length && !codes.some((c) => served.includes(c)) ? codes : [];
}

const shown = (code: string) => {
  const m = findMarketplace(code);
  return m ? `${m.domain.replace(/^amazon/, 'Amazon')} (${code})` : code;
};

/** SETTLEMENT_MISMATCH:marketplace:<settlement id>, for a settlement imported from an unlisted marketplace. */
/** `from`: where it came from, for the message ("report 123", "the file \"fr.txt\""). */
export function unlistedMarketplace(settlementId: string, from: string, codes: readonly string[], currency: string, served: readonly string[]): RaisedException {
  const where = codes.map(shown).join(', ');
  const now = served.join(', ');
  return {
    key: exceptionKey('SETTLEMENT_MISMATCH', 'marketplace', settlementId),
    type: 'SETTLEMENT_MISMATCH',
    entity: `Settlement ${settlementId}`,
    message:
      `Settlement ${settlementId} (${from}) was paid out for ${where} in ${currency || 'an unnamed currency'}, a marketplace Settings "Marketplaces" does not list. ` +
      `It is this seller account's money, so it was imported: its row is in Settlements (Currency ${currency || 'empty'}, never added to another currency's figures) and its lines in Settlement Lines. ` +
      `If you sell there, add ${codes.join(', ')} to Settings "Marketplaces" (now ${now}); the next settlements run then resolves this row, and nothing is imported twice.`,
    action: `Add ${codes.join(', ')} to Settings "Marketplaces", or set this row to Resolved if that marketplace is left out on purpose.`,
  };
}
