// Encodes text as Shift_JIS, the charset Japan's report documents arrive in
// (amzn/selling-partner-api-models#2293), so the client's decoding is exercised. The table is the
// inverse of Node's WHATWG Shift_JIS decoder (https://encoding.spec.whatwg.org/#shift_jis), built
// once; a character Shift_JIS cannot hold becomes "?", as in Amazon's own documents
// (amzn/selling-partner-api-models#1517).

let table: Map<number, number> | null = null;

function doubleByteTable(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('shift_jis');
  const out = new Map<number, number>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      // Several byte pairs decode to one character (NEC and IBM duplicates): the first one wins.
      if (ch.length === 1 && ch !== '\ufffd' && !out.has(ch.charCodeAt(0))) out.set(ch.charCodeAt(0), (lead << 8) | trail);
    }
  }
  table = out;
  return out;
}

export function encodeShiftJis(text: string): Uint8Array {
  const pairs = doubleByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0xff61 && c <= 0xff9f) out.push(c - 0xff61 + 0xa1);
    else {
      const pair = pairs.get(c);
      if (pair === undefined) out.push(0x3f);
      else out.push(pair >> 8, pair & 0xff);
    }
  }
  return new Uint8Array(out);
}
