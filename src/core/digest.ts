// A short digest of a text, for remembering that something is unchanged where the text itself would
// not fit (a document property holds 9 KB).

/**
 * 64 bits from two independent 32-bit multiplicative hashes (FNV-1a and a MurmurHash2-style mix).
 * Not cryptographic: it tells one text from an edited or later one, and nothing here is adversarial.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
