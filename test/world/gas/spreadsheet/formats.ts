// Display of cell values through Sheets number formats, as getDisplayValues() shows them
// (https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues(); pattern syntax:
// https://developers.google.com/sheets/api/guides/formats). Supports the sections used in practice:
// 0 # , . % E+ quoted literals and \-escapes; date tokens y m d h s am/pm; '@'; and the automatic
// ("General") display for unformatted cells.

import type { LocaleInfo } from './locale';
import { serialParts } from './tz';

/** What getNumberFormat() returns for a cell nobody formatted (gas-fakes issue #27 records Apps Script returning it). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export type CellValue = string | number | boolean | undefined;

function isAutomatic(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === '' || fmt === DEFAULT_NUMBER_FORMAT || fmt.toLowerCase() === 'general' || fmt === '@';
}

/** Removes quoted literals and escaped characters so only pattern characters remain. */
function patternChars(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

const dateFormatCache = new Map<string, boolean>();
/** True when the format shows a date or time: such cells hold serial numbers that getValues() returns as Dates. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (fmt === undefined || isAutomatic(fmt)) return false;
  let hit = dateFormatCache.get(fmt);
  if (hit === undefined) {
    hit = /[ydhs]|am\/pm/i.test(patternChars(fmt)) || /^[^0#]*m/i.test(patternChars(fmt));
    dateFormatCache.set(fmt, hit);
  }
  return hit;
}

function withSeparators(digits: string, frac: string, loc: LocaleInfo, group: boolean): string {
  let int = digits;
  if (group && int.length > 3) int = int.replace(/\B(?=(\d{3})+$)/g, loc.group);
  return frac ? `${int}${loc.decimal}${frac}` : int;
}

/** Rounds |x| to `dp` decimals half away from zero on its 15-significant-digit decimal form (as Sheets shows 2.675 → 2.68). */
export function roundDecimal(x: number, dp: number): { int: string; frac: string } {
  const a = Math.abs(x);
  let s = a < 1e15 ? a.toPrecision(15) : a.toFixed(0);
  if (s.includes('e')) s = a.toFixed(Math.min(dp + 1, 100));
  const [i = '0', f = ''] = s.split('.');
  const digits = (i + f.padEnd(dp + 1, '0')).slice(0, i.length + dp);
  const next = f.padEnd(dp + 1, '0')[dp] ?? '0';
  let out = digits;
  if (next >= '5') {
    const arr = digits.split('');
    let k = arr.length - 1;
    for (; k >= 0; k--) {
      if (arr[k] === '9') arr[k] = '0';
      else { arr[k] = String(Number(arr[k]) + 1); break; }
    }
    out = (k < 0 ? '1' : '') + arr.join('');
  }
  const intLen = out.length - dp;
  return { int: out.slice(0, intLen).replace(/^0+(?=\d)/, '') || '0', frac: out.slice(intLen) };
}

/** Sheets' automatic display: integers as typed, other numbers to 10 significant digits, huge/tiny ones in E notation. */
export function formatGeneral(x: number, loc: LocaleInfo): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e15) return String(x);
  if (a >= 1e15 || a < 1e-9) {
    const [m = '', e = '0'] = x.toExponential(9).split('e');
    const mant = m.replace(/\.?0+$/, '').replace('.', loc.decimal);
    const exp = Number(e);
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  let s = x.toPrecision(10);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.replace('.', loc.decimal);
}

interface NumSection { prefix: string; suffix: string; minInt: number; minDec: number; maxDec: number; group: boolean; percent: boolean; exp: number }

function parseSection(sec: string): NumSection {
  const out: NumSection = { prefix: '', suffix: '', minInt: 0, minDec: 0, maxDec: 0, group: false, percent: false, exp: -1 };
  let core = '';
  let afterCore = false;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i] as string;
    let lit: string | null = null;
    if (ch === '"') { const j = sec.indexOf('"', i + 1); lit = sec.slice(i + 1, j < 0 ? sec.length : j); i = j < 0 ? sec.length : j; }
    else if (ch === '\\') { lit = sec[i + 1] ?? ''; i++; }
    else if (ch === '[') { const j = sec.indexOf(']', i); const inner = sec.slice(i + 1, j < 0 ? sec.length : j); i = j < 0 ? sec.length : j; lit = inner.startsWith('$') ? inner.slice(1).replace(/-.*$/, '') : ''; }
    else if (!afterCore && /[0#?,.]/.test(ch)) { core += ch; continue; }
    else if (ch === 'E' || ch === 'e') { const m = /^[Ee][+-]([0#]+)/.exec(sec.slice(i)); if (m) { out.exp = (m[1] as string).length; i += m[0].length - 1; afterCore = true; continue; } lit = ch; }
    else if (ch === '%') { out.percent = true; lit = '%'; }
    else if (ch === '_' || ch === '*') { i++; lit = ch === '_' ? ' ' : ''; }
    else lit = ch;
    if (core) { afterCore = true; out.suffix += lit; } else out.prefix += lit;
  }
  const [int = '', dec = ''] = core.split('.');
  out.group = int.includes(',');
  out.minInt = (int.match(/0/g) ?? []).length;
  out.minDec = (dec.match(/0/g) ?? []).length;
  out.maxDec = (dec.match(/[0#?]/g) ?? []).length;
  return out;
}

const sectionCache = new Map<string, NumSection[]>();

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) { cur += ch + (fmt[i + 1] ?? ''); i++; continue; }
    if (ch === ';' && !quoted) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function formatWithSection(x: number, s: NumSection, loc: LocaleInfo, sign: string): string {
  const v = Math.abs(x) * (s.percent ? 100 : 1);
  if (s.exp >= 0) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(v));
    const m = roundDecimal(v / 10 ** e, s.maxDec);
    const frac = m.frac.replace(/0+$/, '').padEnd(s.minDec, '0');
    return `${sign}${s.prefix}${withSeparators(m.int, frac, loc, false)}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(s.exp, '0')}${s.suffix}`;
  }
  const r = roundDecimal(v, s.maxDec);
  let frac = r.frac;
  while (frac.length > s.minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
  let int = r.int === '0' && s.minInt === 0 ? '' : r.int;
  int = int.padStart(s.minInt, '0');
  // A value that rounds to zero loses its minus sign ("-0.001" with '0.00' shows "0.00").
  if (!/[1-9]/.test(int + frac)) sign = '';
  const body = int === '' && frac === '' ? '0' : withSeparators(int, frac, loc, s.group);
  return `${sign}${s.prefix}${body}${s.suffix}`;
}

export function formatNumberPattern(x: number, fmt: string, loc: LocaleInfo): string {
  let secs = sectionCache.get(fmt);
  if (!secs) { secs = splitSections(fmt).map(parseSection); sectionCache.set(fmt, secs); }
  const pos = secs[0] as NumSection;
  if (x < 0 && secs[1]) return formatWithSection(x, secs[1], loc, '');
  if (x === 0 && secs[2]) return formatWithSection(x, secs[2], loc, '');
  return formatWithSection(x, pos, loc, x < 0 ? '-' : '');
}

type DateToken = { lit: string } | { t: string };
const dateTokenCache = new Map<string, DateToken[]>();

function dateTokens(fmt: string): DateToken[] {
  const hit = dateTokenCache.get(fmt);
  if (hit) return hit;
  const toks: DateToken[] = [];
  const re = /"([^"]*)"|\\(.)|(am\/pm|a\/p)|(y+|m+|d+|h+|s+)|(\.0+)|([\s\S])/gi;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    if (m[1] !== undefined) toks.push({ lit: m[1] });
    else if (m[2] !== undefined) toks.push({ lit: m[2] });
    else if (m[3]) toks.push({ t: m[3].toLowerCase() });
    else if (m[4]) toks.push({ t: m[4].toLowerCase() });
    else if (m[5]) toks.push({ t: m[5] });
    else toks.push({ lit: m[6] ?? '' });
  }
  // 'm'/'mm' right after an hour or right before seconds means minutes.
  const parts = toks.map((x, i) => ({ x, i })).filter((p) => 't' in p.x);
  parts.forEach((p, k) => {
    const t = (p.x as { t: string }).t;
    if (t !== 'm' && t !== 'mm') return;
    const prev = parts[k - 1]?.x as { t: string } | undefined;
    const next = parts[k + 1]?.x as { t: string } | undefined;
    if ((prev && prev.t.startsWith('h')) || (next && next.t.startsWith('s'))) toks[p.i] = { t: t === 'm' ? 'M' : 'MM' };
  });
  dateTokenCache.set(fmt, toks);
  return toks;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatDatePattern(serial: number, fmt: string): string {
  const w = serialParts(serial);
  const toks = dateTokens(fmt);
  const twelve = toks.some((x) => 't' in x && (x.t === 'am/pm' || x.t === 'a/p'));
  const hour = twelve ? ((w.h + 11) % 12) + 1 : w.h;
  let out = '';
  for (const tok of toks) {
    if ('lit' in tok) { out += tok.lit; continue; }
    const t = tok.t;
    if (t.startsWith('y')) out += t.length <= 2 ? p2(w.y % 100) : String(w.y);
    else if (t === 'm') out += String(w.mo);
    else if (t === 'mm') out += p2(w.mo);
    else if (t === 'mmm') out += MONTHS[w.mo - 1]?.slice(0, 3) ?? '';
    else if (t.startsWith('mmm')) out += MONTHS[w.mo - 1] ?? '';
    else if (t === 'M') out += String(w.mi);
    else if (t === 'MM') out += p2(w.mi);
    else if (t === 'd') out += String(w.d);
    else if (t === 'dd') out += p2(w.d);
    else if (t === 'ddd') out += DAYS[w.dow]?.slice(0, 3) ?? '';
    else if (t.startsWith('d')) out += DAYS[w.dow] ?? '';
    else if (t === 'h') out += String(hour);
    else if (t.startsWith('h')) out += p2(hour);
    else if (t === 's') out += String(w.s);
    else if (t.startsWith('s')) out += p2(w.s);
    else if (t.startsWith('.')) out += '.' + String(w.ms).padStart(3, '0').slice(0, t.length - 1);
    else if (t === 'am/pm') out += w.h < 12 ? 'AM' : 'PM';
    else if (t === 'a/p') out += w.h < 12 ? 'A' : 'P';
  }
  return out;
}

/** The text a person sees in a cell holding `v` with number format `fmt`. */
export function displayOf(v: CellValue, fmt: string | undefined, loc: LocaleInfo): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (!Number.isFinite(v)) return '#NUM!';
  if (isAutomatic(fmt)) return formatGeneral(v, loc);
  if (isDateFormat(fmt)) return formatDatePattern(v, fmt as string);
  return formatNumberPattern(v, fmt as string, loc);
}
