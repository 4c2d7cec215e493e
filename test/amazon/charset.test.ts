// Document charsets the client decodes (src/amazon/charset.ts): Windows-1252 as EU report documents
// announce it ("text/plain; charset=Cp1252", jrl84/amazon-sp-api#144), Shift_JIS as Japan's come
// (amzn/selling-partner-api-models#2293) checked against Node's WHATWG decoder byte pair by byte pair,
// no charset at all (amzn/selling-partner-api-models#3025), and charsets the add-on cannot read.

import { describe, expect, it } from 'vitest';
import { charsetOf, decodeBytes, UnsupportedCharsetError } from '../../src/amazon/charset';
import { SHIFT_JIS_ROWS } from '../../src/amazon/shift-jis-table';
import { encodeCp1252 } from '../world/amazon/cp1252';
import { encodeShiftJis } from '../world/amazon/shift-jis';
import { nodeCodec } from '../world/node-ports';
import { tableRows } from './shift-jis-table.gen';

const bytes = (u: Uint8Array) => [...u];

describe('charsetOf', () => {
  it('reads the charset parameter, quoted or not, and answers "" when there is none', () => {
    expect(charsetOf('text/plain; charset=Cp1252')).toBe('cp1252');
    expect(charsetOf('text/plain;charset="Shift_JIS"')).toBe('shift_jis');
    expect(charsetOf('application/json')).toBe('');
    expect(charsetOf(undefined)).toBe('');
  });
});

describe('decodeBytes', () => {
  const text = 'Tee – “Café” größe M €5';

  it('UTF-16 with its byte-order mark when no charset is named (Excel\'s "Unicode Text"), and under its names without one', () => {
    const le = Buffer.from(`${text} 😀`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeBytes([0xff, 0xfe, ...le], '', nodeCodec)).toBe(`${text} 😀`);
    expect(decodeBytes([0xfe, 0xff, ...be], '', nodeCodec)).toBe(`${text} 😀`);
    expect(decodeBytes([...le], 'UTF-16LE', nodeCodec)).toBe(`${text} 😀`);
    expect(decodeBytes([...be], 'utf-16be', nodeCodec)).toBe(`${text} 😀`);
  });

  it('Windows-1252 under the names Java and IANA use', () => {
    for (const cs of ['Cp1252', 'windows-1252', 'x-cp1252']) expect(decodeBytes(bytes(encodeCp1252(text)), cs, nodeCodec)).toBe(text);
  });

  it('UTF-8 under "utf8" (North America’s label) and "UTF-8", without a byte-order mark', () => {
    const utf8 = [...Buffer.from(`\uFEFF${text}`, 'utf8')];
    expect(decodeBytes(utf8, 'utf8', nodeCodec)).toBe(text);
    expect(decodeBytes(utf8, 'UTF-8', nodeCodec)).toBe(text);
  });

  it('no charset named: UTF-8, or Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeBytes([...Buffer.from(text, 'utf8')], '', nodeCodec)).toBe(text);
    expect(decodeBytes(bytes(encodeCp1252(text)), '', nodeCodec)).toBe(text);
  });

  it('Shift_JIS under every alias Amazon or Java may announce', () => {
    const jp = '出品者SKU\t数量\tフルフィルメント・チャンネル\tｶﾀｶﾅ\n';
    for (const cs of ['Shift_JIS', 'SJIS', 'windows-31j', 'MS932', 'cp932', 'x-sjis']) expect(decodeBytes(bytes(encodeShiftJis(jp)), cs, nodeCodec)).toBe(jp);
  });

  it('an unknown charset is an error naming it, never a guess', () => {
    expect(() => decodeBytes([0x41], 'EUC-KR', nodeCodec)).toThrow(UnsupportedCharsetError);
    expect(() => decodeBytes([0x41], 'EUC-KR', nodeCodec)).toThrow(/"EUC-KR"/);
  });
});

describe('Shift_JIS table', () => {
  it('matches Node’s WHATWG Shift_JIS decoder for every lead and trail byte (regenerate with shift-jis-table.gen.ts)', () => {
    expect(SHIFT_JIS_ROWS).toEqual(tableRows());
  });

  it('decodes stray and truncated bytes as Node does, without swallowing the tab or line end after them', () => {
    const decoder = new TextDecoder('shift_jis');
    const samples = [[0x81], [0x81, 0x09, 0x41], [0x80, 0x0a], [0xa0, 0x41], [0xfd, 0xfe, 0xff], [0x85, 0x40, 0x0a], [0x82, 0xa0, 0x09], [0xf0, 0x40]];
    for (const s of samples) expect(decodeBytes(s, 'Shift_JIS', nodeCodec), s.map((b) => b.toString(16)).join(' ')).toBe(decoder.decode(new Uint8Array(s)));
  });
});
