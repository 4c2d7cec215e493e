// Decodes document bytes by the charset S3 announces. Report documents are not always UTF-8: EU
// reports have been served as "text/plain; charset=Cp1252" (amzn/selling-partner-api-docs#1287).

import type { CodecPort } from '../ports/codec';

/** Windows-1252 code points for bytes 0x80..0x9F (the rest equals ISO-8859-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function charsetOf(contentType: string | undefined): string {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return (m?.[1] ?? 'utf-8').toLowerCase();
}

export function decodeBytes(bytes: number[], charset: string, codec: CodecPort): string {
  const cs = charset.toLowerCase();
  if (cs === 'cp1252' || cs === 'windows-1252' || cs === 'iso-8859-1' || cs === 'latin1') {
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f && cs !== 'iso-8859-1' ? CP1252_HIGH[b - 0x80]! : b);
    return out;
  }
  const text = codec.utf8Decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
