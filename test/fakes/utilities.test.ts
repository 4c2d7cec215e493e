// Utilities fake against https://developers.google.com/apps-script/reference/utilities/utilities and
// Blob against https://developers.google.com/apps-script/reference/base/blob.

import { createHash, createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeUtilities } from '../world/gas/utilities';
import { gasMessage, harness } from './gas-harness';

function setup() {
  const h = harness({ start: '2026-03-29T00:30:00Z' });
  return { ...h, u: makeUtilities(h.ctx, { uuidCounter: 0 }) };
}

const signed = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));

describe('Utilities.sleep', () => {
  it('moves the virtual clock, refuses more than 300000 ms, and can end the execution', () => {
    const { u, world } = setup();
    const t0 = world.clock.now();
    u.sleep(1500);
    expect(world.clock.now() - t0).toBe(1500);
    expect(gasMessage(() => u.sleep(300_001))).toMatch(/300000/);
    u.sleep(300_000);
    expect(() => u.sleep(100_000)).toThrow('Exceeded maximum execution time');
  });
});

describe('Utilities.formatDate (Java SimpleDateFormat in a real time zone)', () => {
  it('formats in the given zone across a DST change', () => {
    const { u } = setup();
    const beforeDst = new Date('2026-03-29T00:30:00Z');
    const afterDst = new Date('2026-03-29T01:30:00Z');
    expect(u.formatDate(beforeDst, 'Europe/London', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-29 00:30 GMT');
    expect(u.formatDate(afterDst, 'Europe/London', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-29 02:30 BST');
    expect(u.formatDate(afterDst, 'America/Los_Angeles', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-28T18:30:00-07:00');
    expect(u.formatDate(afterDst, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-03-29T01:30:00Z');
  });

  it('supports names, 12-hour clock, day of year, milliseconds, RFC 822 zones and quoting', () => {
    const { u } = setup();
    const d = new Date('2026-02-03T15:04:05.007Z');
    expect(u.formatDate(d, 'Asia/Tokyo', "EEEE, d MMMM yy h:mm a 'o''clock' Z D SSS")).toBe("Wednesday, 4 February 26 12:04 AM o'clock +0900 35 007");
    expect(u.formatDate(d, 'Europe/Berlin', 'EEE MMM dd X')).toBe('Tue Feb 03 +01');
  });

  it('rejects an unknown pattern letter and a non-Date', () => {
    const { u } = setup();
    expect(gasMessage(() => u.formatDate(new Date(), 'UTC', 'yyyy-qq'))).toBe("Illegal pattern character 'q'");
    expect(gasMessage(() => u.formatDate('2026-01-01' as unknown as Date, 'UTC', 'yyyy'))).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities.formatString', () => {
  it('is sprintf-like, with width and precision', () => {
    const { u } = setup();
    expect(u.formatString('%05d|%.2f|%s', 7, 3.14159, 'x')).toBe('00007|3.14|x');
    expect(u.formatString('%11.6f', Math.PI)).toBe('   3.141593');
    expect(u.formatString('%-4s|%+d|%x|%%', 'ab', 5, 255)).toBe('ab  |+5|ff|%');
  });
});

describe('base64, digests, HMAC', () => {
  it('encodes strings as UTF-8 and bytes as given; decodes to signed bytes', () => {
    const { u } = setup();
    expect(u.base64Encode('héllo')).toBe(Buffer.from('héllo', 'utf8').toString('base64'));
    expect(u.base64Encode([-1, 0, 1])).toBe('/wAB');
    expect(u.base64Decode('/wAB')).toEqual([-1, 0, 1]);
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  it('is strict about padding and alphabet: "Could not decode string."', () => {
    const { u } = setup();
    expect(gasMessage(() => u.base64Decode('abc'))).toBe('Could not decode string.');
    expect(gasMessage(() => u.base64Decode('-_8='))).toBe('Could not decode string.');
  });

  it('computes digests and HMAC-SHA256 as signed bytes', () => {
    const { u } = setup();
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc')).toEqual(signed(createHash('sha256').update('abc').digest()));
    expect(u.computeDigest(u.DigestAlgorithm.MD5, [1, 2, 3])).toEqual(signed(createHash('md5').update(Buffer.from([1, 2, 3])).digest()));
    expect(u.computeHmacSha256Signature('msg', 'key')).toEqual(signed(createHmac('sha256', 'key').update('msg').digest()));
    const keyBytes = [-1, 2, 3];
    expect(u.computeHmacSha256Signature([109], keyBytes)).toEqual(signed(createHmac('sha256', Buffer.from([255, 2, 3])).update(Buffer.from([109])).digest()));
  });
});

describe('blobs and gzip', () => {
  it('newBlob keeps bytes, type and name; getBytes is signed; setters chain', () => {
    const { u } = setup();
    const b = u.newBlob('é', 'text/plain', 'a.txt');
    expect(b.getBytes()).toEqual([-61, -87]);
    expect(b.getDataAsString()).toBe('é');
    expect(b.getDataAsString('ISO-8859-1')).toBe('Ã©');
    expect(b.getContentType()).toBe('text/plain');
    expect(b.getName()).toBe('a.txt');
    const c = b.copyBlob().setName('b.txt').setDataFromString('x');
    expect(b.getName()).toBe('a.txt');
    expect(c.getDataAsString()).toBe('x');
    expect(c.isGoogleType()).toBe(false);
  });

  it('gzip/ungzip round-trip and ungzip reads real gzip data', () => {
    const { u } = setup();
    const z = u.gzip(u.newBlob('report\tdata\n'), 'r.gz');
    expect(z.getContentType()).toBe('application/x-gzip');
    expect(z.getName()).toBe('r.gz');
    expect(u.ungzip(z).getDataAsString()).toBe('report\tdata\n');
    const fromServer = u.newBlob(signed(gzipSync(Buffer.from('sku,qty\nA,1\n'))));
    expect(u.ungzip(fromServer).getDataAsString()).toBe('sku,qty\nA,1\n');
  });
});

describe('parseCsv and getUuid', () => {
  it('parses quoted fields, doubled quotes, embedded newlines and a custom delimiter; everything stays a string', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c","say ""hi"""\n1,"two\nlines",00123\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', '00123'],
    ]);
    expect(u.parseCsv('x\ty\r\n1\t2', '\t')).toEqual([['x', 'y'], ['1', '2']]);
  });

  it('gives distinct version-4 UUIDs', () => {
    const { u } = setup();
    const a = u.getUuid();
    const b = u.getUuid();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
