// Decodes document bytes by the charset S3 announces. Report documents are not always UTF-8: EU
// merchant listings reports are served as "text/plain; charset=Cp1252" (amzn/selling-partner-api-docs#1287,
// jrl84/amazon-sp-api#144), North America's as "charset=utf8", Japan's in Shift_JIS
// (amzn/selling-partner-api-models#2293), and some documents name no charset at all
// (amzn/selling-partner-api-models#3025).

import type { CodecPort } from '../ports/codec';
import { SHIFT_JIS_ROWS } from './shift-jis-table';

/** Windows-1252 code points for bytes 0x80..0x9F (the rest equals ISO-8859-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The names Java, IANA and Amazon's documents use for each charset the add-on reads. */
const ALIASES: Record<string, 'utf-8' | 'utf-16' | 'cp1252' | 'latin1' | 'shift_jis'> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'us-ascii': 'utf-8', ascii: 'utf-8',
  'utf-16': 'utf-16', utf16: 'utf-16', 'utf-16le': 'utf-16', 'utf-16be': 'utf-16', unicode: 'utf-16',
  cp1252: 'cp1252', 'windows-1252': 'cp1252', 'x-cp1252': 'cp1252',
  'iso-8859-1': 'latin1', latin1: 'latin1', 'iso8859_1': 'latin1',
  shift_jis: 'shift_jis', 'shift-jis': 'shift_jis', sjis: 'shift_jis', 'x-sjis': 'shift_jis', ms_kanji: 'shift_jis', csshiftjis: 'shift_jis',
  'windows-31j': 'shift_jis', cp932: 'shift_jis', ms932: 'shift_jis',
};

/** The charset a Content-Type names, lower-cased; '' when it names none. */
export function charsetOf(contentType: string | undefined): string {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return (m?.[1] ?? '').toLowerCase();
}

export class UnsupportedCharsetError extends Error {
  constructor(readonly charset: string) {
    super(`Amazon sent a document in the character set "${charset}", which the add-on cannot read.`);
    this.name = 'UnsupportedCharsetError';
  }
}

/**
 * The text of a document. An unnamed charset is UTF-16 when the bytes start with its byte-order
 * mark (a file saved as Excel's "Unicode Text", then uploaded), else UTF-8 unless the bytes are not
 * valid UTF-8, which in practice means Windows-1252 (the EU documents that name no charset). A UTF-8
 * byte-order mark is dropped. A charset the add-on does not know is an error, never a guess.
 */
export function decodeBytes(bytes: number[], charset: string, codec: CodecPort): string {
  const cs = charset.toLowerCase();
  const kind = cs === '' ? null : ALIASES[cs];
  if (kind === undefined) throw new UnsupportedCharsetError(charset);
  const order = utf16Order(bytes);
  if (kind === 'utf-16' || (kind === null && order)) return decodeUtf16(bytes, order ?? (cs === 'utf-16le' ? 'le' : 'be'));
  if (kind === 'cp1252' || kind === 'latin1') return singleByte(bytes, kind);
  if (kind === 'shift_jis') return decodeShiftJis(bytes);
  const text = codec.utf8Decode(bytes);
  if (kind === null && text.indexOf('\ufffd') >= 0 && !validUtf8(bytes)) return singleByte(bytes, 'cp1252');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The byte order a UTF-16 byte-order mark announces; null without one. */
function utf16Order(bytes: number[]): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return null;
}

/** UTF-16 code units to text (surrogate pairs stay pairs, as JavaScript strings hold them); the mark is dropped. */
function decodeUtf16(bytes: number[], order: 'le' | 'be'): string {
  const start = utf16Order(bytes) ? 2 : 0;
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = start; i + 1 < bytes.length; i += 2) {
    units.push(order === 'le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    // In slices: fromCharCode takes a bounded number of arguments.
    if (units.length === 8192) parts.push(String.fromCharCode(...units.splice(0)));
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

function singleByte(bytes: number[], kind: 'cp1252' | 'latin1'): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f && kind === 'cp1252' ? CP1252_HIGH[b - 0x80]! : b);
  return out;
}

/** Structural UTF-8 check (lead bytes and continuation bytes), enough to tell it from Windows-1252. */
function validUtf8(bytes: number[]): boolean {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return false;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

/** Row of a lead byte in SHIFT_JIS_ROWS (0x81–0x9F, then 0xE0–0xFC), or -1. */
function leadRow(b: number): number {
  if (b >= 0x81 && b <= 0x9f) return b - 0x81;
  if (b >= 0xe0 && b <= 0xfc) return b - 0xe0 + 31;
  return -1;
}

/** Column of a trail byte (0x40–0x7E, then 0x80–0xFC), or -1. */
function trailColumn(b: number): number {
  if (b >= 0x40 && b <= 0x7e) return b - 0x40;
  if (b >= 0x80 && b <= 0xfc) return b - 0x41;
  return -1;
}

/**
 * Shift_JIS as the WHATWG Encoding Standard decodes it (https://encoding.spec.whatwg.org/#shift_jis):
 * ASCII, half-width katakana at 0xA1–0xDF, and two-byte characters from the table; 0x80 is no
 * character, as in Node's (ICU) decoder. A byte pair with no character becomes U+FFFD; tabs and line
 * ends are single bytes, so rows and cells stay intact.
 */
function decodeShiftJis(bytes: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out.push(String.fromCharCode(b));
    else if (b >= 0xa1 && b <= 0xdf) out.push(String.fromCharCode(0xff61 + b - 0xa1));
    else {
      const row = leadRow(b);
      const trail = i + 1 < bytes.length ? bytes[i + 1]! : -1;
      const col = row < 0 || trail < 0 ? -1 : trailColumn(trail);
      const ch = col < 0 ? '\ufffd' : SHIFT_JIS_ROWS[row]!.charAt(col);
      out.push(ch);
      // A byte that cannot be a second byte (a tab, a line end) is not swallowed by a stray first
      // byte: it is read again, so cells and rows still split where they should.
      if (col >= 0) i++;
    }
  }
  return out.join('');
}
