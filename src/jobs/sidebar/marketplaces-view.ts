// What the sidebar says about the Amazon marketplaces (issue 17): the ones Settings lists, which is
// the main one, which the 3PL ships orders of, and, after "Test connection", which Amazon confirmed
// the seller sells in (Sellers API getMarketplaceParticipations).

import type { MarketplaceParticipation } from '../../amazon/sellers';
import { findMarketplace } from '../../core/marketplaces';
import type { Settings } from '../../core/settings';

/** One line for the Amazon card: "Marketplaces: UK (main), DE, FR. The 3PL ships orders of UK, DE." */
export function marketplacesLine(settings: Pick<Settings, 'marketplaces' | 'fbmMarketplaces'>): string {
  const list = settings.marketplaces;
  if (list.length === 0) return 'Marketplaces: none usable; see the Settings "Marketplaces" (Exceptions says why).';
  const shown = list.map((m, i) => (i === 0 && list.length > 1 ? `${m} (main)` : m)).join(', ');
  const ships = settings.fbmMarketplaces;
  const fbm = ships.length === list.length ? '' : ` The 3PL ships orders of ${ships.join(', ') || 'none of them'}.`;
  return `Marketplace${list.length > 1 ? 's' : ''}: ${shown}.${fbm}`;
}

/** The listed marketplaces Amazon does not show the seller selling in (not participating, or not listed at all). */
export function notParticipating(codes: readonly string[], participations: readonly MarketplaceParticipation[]): string[] {
  const active = new Set(participations.filter((p) => p.isParticipating).map((p) => p.marketplaceId));
  return codes.filter((c) => !active.has(findMarketplace(c)?.id ?? c));
}
