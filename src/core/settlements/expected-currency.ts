// The currency Amazon pays each marketplace's settlements in (its storefront's currency: Amazon
// settles per marketplace and currency, sp-api.md §6), so a settlement in a currency none of the
// spreadsheet's marketplaces pays in (a USD report in a UK-only sheet: another account's file, or a
// marketplace missing from Settings) is said, not filed quietly as a currency of its own.

import { exceptionKey } from '../exceptions';
import type { RaisedException } from '../exceptions';

const CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD', CA: 'CAD', MX: 'MXN', BR: 'BRL',
  IE: 'EUR', ES: 'EUR', FR: 'EUR', BE: 'EUR', NL: 'EUR', DE: 'EUR', IT: 'EUR',
  UK: 'GBP', SE: 'SEK', ZA: 'ZAR', PL: 'PLN', SA: 'SAR', EG: 'EGP', TR: 'TRY', AE: 'AED', IN: 'INR',
  SG: 'SGD', AU: 'AUD', JP: 'JPY',
};

/** The currencies the marketplaces (codes) pay in; empty when any is unknown (nothing is then said). */
export function expectedCurrencies(marketplaces: readonly string[]): string[] {
  const out = marketplaces.map((m) => CURRENCY[m.toUpperCase()]);
  return out.length && out.every((c): c is string => !!c) ? [...new Set(out)] : [];
}

/** SETTLEMENT_MISMATCH:currency:<id> when the settlement's currency is none the marketplaces pay in. */
export function unexpectedCurrency(settlementId: string, currency: string, marketplaces: readonly string[]): RaisedException | null {
  const expected = expectedCurrencies(marketplaces);
  if (!expected.length || expected.includes(currency)) return null;
  return {
    key: exceptionKey('SETTLEMENT_MISMATCH', 'currency', settlementId),
    type: 'SETTLEMENT_MISMATCH',
    entity: `Settlement ${settlementId}`,
    message:
      `Settlement ${settlementId} is in ${currency}, but the marketplaces this spreadsheet serves (${marketplaces.join(', ')}) are paid in ${expected.join(', ')}. ` +
      `It was imported and is kept apart in its own currency (never added to ${expected.join(' or ')} figures). If it is another seller account's settlement, delete its Settlements row and its lines; ` +
      'if it is a marketplace you sell in, add that marketplace to Settings "Marketplaces".',
    action: 'Check whose settlement this is: delete it if it is another account\'s, or add its marketplace to Settings.',
  };
}
