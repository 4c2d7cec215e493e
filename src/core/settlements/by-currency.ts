// The Dashboard's settlement figures: per currency, never across currencies (issue 17). A seller of
// the UK and the EU stores is paid per marketplace in its own currency (GBP, EUR, SEK, PLN), and a sum
// of pounds and euros is no amount at all. Kept in document properties by the settlements job each
// time it writes the Settlements tab, so the Dashboard never reads that tab.

import { cellTime } from '../cells';

export const SETTLEMENTS_SUMMARY_KEY = 'dashboard.settlements';

export interface CurrencyTotal {
  currency: string;
  settlements: number;
  /** Sum of Reported Total (what Amazon paid out), in hundredths of the currency unit. */
  paidCents: number;
  /** Latest deposit date (ms); null when no row has one. */
  lastDeposit: number | null;
}

export interface SettlementsSummary {
  /** When the Settlements tab was last written (ms). */
  at: number;
  /** One line per currency, in alphabetical order. */
  lines: CurrencyTotal[];
}

/** A row with no currency is shown as "(no currency)": it is never added to another currency's sum. */
export function settlementsByCurrency(rows: ReadonlyArray<{ currency: string; reportedTotalCents: number; depositDate: number | null }>, at: number): SettlementsSummary {
  const by = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    const currency = r.currency.trim().toUpperCase() || '(no currency)';
    const t = by.get(currency) ?? { currency, settlements: 0, paidCents: 0, lastDeposit: null };
    t.settlements++;
    t.paidCents += r.reportedTotalCents;
    if (r.depositDate !== null && (t.lastDeposit === null || r.depositDate > t.lastDeposit)) t.lastDeposit = r.depositDate;
    by.set(currency, t);
  }
  return { at, lines: [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)) };
}

/** The stored summary, or null when there is none or it cannot be read (the Dashboard then leaves the section out). */
export function parseSettlementsSummary(text: string | null): SettlementsSummary | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as SettlementsSummary;
    if (typeof v?.at !== 'number' || !Array.isArray(v.lines)) return null;
    const lines = v.lines.filter((l) => typeof l?.currency === 'string' && Number.isFinite(l.settlements) && Number.isFinite(l.paidCents));
    return { at: v.at, lines: lines.map((l) => ({ ...l, lastDeposit: cellTime(l.lastDeposit) })) };
  } catch {
    return null;
  }
}

/** "EUR 1,234.56": the amount with its own currency, never converted. */
export function currencyAmount(currency: string, cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${sign}${units}.${String(abs % 100).padStart(2, '0')}`;
}
