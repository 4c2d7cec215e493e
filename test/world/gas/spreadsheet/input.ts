// What a string becomes when written to a cell: setValues parses strings "the same way as entering text
// into a cell via the Google Sheets UI" (Sheets API USER_ENTERED,
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption; apps-script.md §2.1), so
// '00123' becomes 123, '1,000' 1000, '50%' 0.5, '£2.99' 2.99, '2026-11-02' a date, 'TRUE' a boolean; a
// leading "'" forces text and '=' starts a formula. Sheets also sets a matching number format on an
// unformatted cell (50% shows as "50%"). ISO strings with 'T' (2026-11-02T08:00:00Z) are not recognised
// and stay text. Cells formatted '@' skip all of this.

import type { LocaleInfo } from './locale';
import { isValidYmd, wallToSerial } from './tz';

export type Typed =
  | { kind: 'text'; v: string }
  | { kind: 'number'; v: number; fmt?: string }
  | { kind: 'bool'; v: boolean }
  | { kind: 'date'; v: number; fmt: string }
  | { kind: 'formula'; f: string };

interface Patterns { plain: RegExp; grouped: RegExp; percent: RegExp; currency: RegExp; exp: RegExp }
const patternCache = new Map<string, Patterns>();

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patterns(loc: LocaleInfo): Patterns {
  const key = loc.decimal + loc.group;
  let p = patternCache.get(key);
  if (!p) {
    const d = esc(loc.decimal);
    const g = esc(loc.group);
    const plain = `(?:\\d+(?:${d}\\d*)?|${d}\\d+)`;
    const grouped = `\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?`;
    p = {
      plain: new RegExp(`^[+-]?${plain}$`),
      grouped: new RegExp(`^[+-]?${grouped}$`),
      percent: new RegExp(`^([+-]?(?:${grouped}|${plain}))\\s?%$`),
      currency: new RegExp(`^([+-]?)([£$€])\\s?(${grouped}|${plain})$|^([+-]?)(${grouped}|${plain})\\s?(€)$`),
      exp: new RegExp(`^[+-]?\\d+(?:${d}\\d+)?[eE][+-]?\\d+$`),
    };
    patternCache.set(key, p);
  }
  return p;
}

function toNumber(text: string, loc: LocaleInfo): number {
  return Number(text.split(loc.group).join('').replace(loc.decimal, '.'));
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LOCAL = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function dateOf(y: number, mo: number, d: number, h?: string, mi?: string, s?: string): number | null {
  if (!isValidYmd(y, mo, d)) return null;
  const hh = h === undefined ? 0 : Number(h);
  const mm = mi === undefined ? 0 : Number(mi);
  const ss = s === undefined ? 0 : Number(s);
  if (hh > 23 || mm > 59 || ss > 59) return null;
  return wallToSerial(y, mo, d, hh, mm, ss);
}

function parseDate(t: string, loc: LocaleInfo): Typed | null {
  let m = ISO.exec(t);
  if (m) {
    const v = dateOf(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
    if (v === null) return null;
    return { kind: 'date', v, fmt: m[4] === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
  }
  m = LOCAL.exec(t);
  if (m && loc.dateOrder !== 'YMD') {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [d, mo] = loc.dateOrder === 'DMY' ? [a, b] : [b, a];
    const v = dateOf(Number(m[3]), mo, d, m[4], m[5], m[6]);
    if (v === null) return null;
    return { kind: 'date', v, fmt: m[4] === undefined ? loc.dateFormat : loc.dateTimeFormat };
  }
  m = TIME.exec(t);
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    const s = m[3] === undefined ? 0 : Number(m[3]);
    if (h > 23 || mi > 59 || s > 59) return null;
    return { kind: 'date', v: (h * 3600 + mi * 60 + s) / 86400, fmt: m[3] === undefined ? 'h:mm' : 'h:mm:ss' };
  }
  return null;
}

/** A quick test so ordinary words skip the regexes (10k-row writes stay fast). */
function mayBeSpecial(c: number): boolean {
  // digits + - . , ( £ $ € ' = t T f F and whitespace
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44 || c === 163 || c === 36 || c === 8364 ||
    c === 39 || c === 61 || c === 116 || c === 84 || c === 102 || c === 70 || c === 32 || c === 9 || c === 10 || c === 160;
}

export function parseTyped(text: string, loc: LocaleInfo): Typed {
  if (text === '' || !mayBeSpecial(text.charCodeAt(0))) return { kind: 'text', v: text };
  const first = text[0];
  if (first === "'") return { kind: 'text', v: text.slice(1) };
  if (first === '=' && text.length > 1) return { kind: 'formula', f: text };
  const t = text.trim();
  if (t === '') return { kind: 'text', v: text };
  const low = t.toLowerCase();
  if (low === 'true' || low === 'false') return { kind: 'bool', v: low === 'true' };
  const p = patterns(loc);
  if (p.plain.test(t)) return { kind: 'number', v: toNumber(t, loc) };
  if (p.grouped.test(t)) return { kind: 'number', v: toNumber(t, loc), fmt: t.includes(loc.decimal) ? '#,##0.00' : '#,##0' };
  let m = p.percent.exec(t);
  if (m) return { kind: 'number', v: toNumber(m[1] as string, loc) / 100, fmt: (m[1] as string).includes(loc.decimal) ? '0.00%' : '0%' };
  m = p.currency.exec(t);
  if (m) {
    const sign = m[1] ?? m[4] ?? '';
    const sym = m[2] ?? m[6] ?? '';
    const n = toNumber((m[3] ?? m[5]) as string, loc);
    return { kind: 'number', v: sign === '-' ? -n : n, fmt: m[2] ? `"${sym}"#,##0.00` : `#,##0.00 "${sym}"` };
  }
  if (p.exp.test(t)) return { kind: 'number', v: toNumber(t, loc), fmt: '0.00E+00' };
  return parseDate(t, loc) ?? { kind: 'text', v: text };
}
