// The Dashboard's monthly summary of 3PL charges: per invoice month, per Type and per currency
// (amounts in different currencies are never added together). Worked out by the charges job from
// the whole tab and kept in one small document property the Dashboard reads (sheet/dashboard-tab).

import { TABS, headersOf } from '../tabs';
import { CHARGE_TYPES, type ChargeRow, type ChargeType } from './types';

/** Document property holding the summary the Dashboard shows. */
export const CHARGES_SUMMARY_KEY = 'charges.summary';

/** The cells the summary adds up by. */
const H = headersOf(TABS.charges);
const FIGURES: ReadonlySet<string> = new Set([H.type, H.amount, H.currency]);

/** Months shown: the invoice month of the latest charge and the two before it. */
export const SUMMARY_MONTHS = 3;

export interface ChargeSummaryLine {
  month: string;
  type: ChargeType;
  currency: string;
  /** Net of credits and refunds, to the cent. */
  amount: number;
  count: number;
}

export interface ChargesSummary {
  /** When the charges job last worked it out (ms). */
  at: number;
  lines: ChargeSummaryLine[];
}

/** Monthly totals of the last SUMMARY_MONTHS invoice months, newest month first, types in Type order; rows typed over left out. */
export function summariseCharges(rows: ReadonlyArray<Pick<ChargeRow, 'invoiceDate' | 'type' | 'currency' | 'amount' | 'typed'>>, at: number): ChargesSummary {
  const months = [...new Set(rows.map((r) => r.invoiceDate.slice(0, 7)).filter((m) => /^\d{4}-\d{2}$/.test(m)))].sort().reverse().slice(0, SUMMARY_MONTHS);
  const cents = new Map<string, { cents: number; count: number }>();
  for (const r of rows) {
    // A Type, Amount or Currency typed over is not this row's: counted nowhere rather than somewhere wrong (CELL_INVALID says so).
    // A Reference typed over changes none of the three: the money is still the row's.
    if (r.typed?.some((t) => FIGURES.has(t.column))) continue;
    const month = r.invoiceDate.slice(0, 7);
    if (!months.includes(month)) continue;
    const key = `${month}|${r.type}|${r.currency}`;
    const t = cents.get(key) ?? { cents: 0, count: 0 };
    t.cents += Math.round(r.amount * 100);
    t.count++;
    cents.set(key, t);
  }
  const lines = [...cents.entries()].map(([key, t]) => {
    const [month, type, currency] = key.split('|') as [string, ChargeType, string];
    return { month, type, currency, amount: t.cents / 100, count: t.count };
  });
  const rank = (t: ChargeType) => CHARGE_TYPES.indexOf(t);
  lines.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? 1 : -1) : a.currency !== b.currency ? (a.currency < b.currency ? -1 : 1) : rank(a.type) - rank(b.type)));
  return { at, lines };
}

/** The stored summary, or null when missing or unreadable (it only feeds a display). */
export function parseChargesSummary(text: string | null): ChargesSummary | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<ChargesSummary>;
    if (typeof raw.at !== 'number' || !Array.isArray(raw.lines)) return null;
    const lines = raw.lines.filter((l) => l && typeof l.month === 'string' && typeof l.currency === 'string' && typeof l.amount === 'number' && typeof l.count === 'number' && CHARGE_TYPES.includes(l.type));
    return { at: raw.at, lines };
  } catch {
    return null;
  }
}
