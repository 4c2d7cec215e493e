// Fake Utilities (https://developers.google.com/apps-script/reference/utilities/utilities): codecs,
// digests, gzip, CSV, formatting and sleep. sleep moves the virtual clock and can end the execution.

import { createHash, createHmac } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FakeBlob, toBytes } from './blob';
import { fail, isDateLike, realmArray, signedBytes, type Ctx } from './context';
import { formatJavaDate } from './dateformat';
import { sprintf } from './sprintf';

export const DigestAlgorithm = Object.freeze({
  MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512',
} as const);
export const MacAlgorithm = Object.freeze({
  HMAC_MD5: 'HMAC_MD5', HMAC_SHA_1: 'HMAC_SHA_1', HMAC_SHA_256: 'HMAC_SHA_256', HMAC_SHA_384: 'HMAC_SHA_384', HMAC_SHA_512: 'HMAC_SHA_512',
} as const);
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);

const NODE_HASH: Record<string, string> = {
  MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512',
  HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512',
};

/** "The maximum allowed value is 300000 (or 5 minutes)" (Utilities.sleep). */
export const MAX_SLEEP_MS = 300_000;

export interface UtilitiesState {
  uuidCounter: number;
}

/** RFC 4180 fields; every value stays a string (apps-script.md §2.3). */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Apps Script's decoder is strict: exact alphabet and padding, else "Could not decode string." (observed). */
function decodeBase64(ctx: Ctx, text: string, webSafe: boolean): Uint8Array {
  const s = String(text);
  const alphabet = webSafe ? /^[A-Za-z0-9\-_]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (s.length % 4 !== 0 || !alphabet.test(s)) fail(ctx, 'Could not decode string.');
  return new Uint8Array(Buffer.from(s, webSafe ? 'base64url' : 'base64'));
}

function digestInput(ctx: Ctx, value: unknown, charset?: string): Uint8Array {
  return toBytes(ctx.realm, value, typeof value === 'string' ? charsetName(charset) : undefined);
}

function charsetName(charset?: string): string | undefined {
  return charset === 'UTF_8' ? 'UTF-8' : charset === 'US_ASCII' ? 'US-ASCII' : charset;
}

export function makeUtilities(ctx: Ctx, state: UtilitiesState) {
  const { world, realm } = ctx;
  const g = () => { world.guard(); };
  const hmac = (alg: string, value: unknown, key: unknown, charset?: string): number[] => {
    const nodeAlg = NODE_HASH[alg];
    if (!nodeAlg) fail(ctx, `Unsupported MAC algorithm: ${alg}`);
    const mac = createHmac(nodeAlg, digestInput(ctx, key, charset)).update(digestInput(ctx, value, charset)).digest();
    return signedBytes(realm, new Uint8Array(mac));
  };
  // gzip(blob: BlobSource) / ungzip(blob: BlobSource): a string or Byte[] is not a BlobSource and
  // is not converted (https://developers.google.com/apps-script/reference/utilities/utilities#gzip(BlobSource)).
  const blobSource = (blob: unknown, method: string): Uint8Array => {
    if (!blob || typeof (blob as FakeBlob).getBlob !== 'function') {
      fail(ctx, `The parameters (${typeof blob === 'string' ? 'String' : Array.isArray(blob) ? 'number[]' : String(typeof blob)}) don't match the method signature for Utilities.${method}.`);
    }
    return toBytes(realm, blob);
  };
  return {
    DigestAlgorithm, MacAlgorithm, Charset,

    sleep(ms: number): void {
      world.guard();
      // Google documents the limit but not the message: this text is the fake's own.
      if (!(Number(ms) >= 0) || Number(ms) > MAX_SLEEP_MS) fail(ctx, `Invalid argument: milliseconds (${ms}); the maximum is ${MAX_SLEEP_MS}`);
      world.clock.advance(Number(ms));
      world.guard();
    },

    formatDate(date: Date, timeZone: string, format: string): string {
      world.guard();
      if (!isDateLike(date)) {
        fail(ctx, `The parameters (${typeof date === 'string' ? 'String' : typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
      }
      try {
        return formatJavaDate(date.getTime(), String(timeZone), String(format));
      } catch (e) {
        return fail(ctx, (e as Error).message);
      }
    },

    formatString(template: string, ...args: unknown[]): string {
      world.guard();
      return sprintf(template, args);
    },

    base64Encode(data: string | number[], charset?: string): string {
      world.guard();
      return Buffer.from(toBytes(realm, data, charsetName(charset))).toString('base64');
    },
    base64EncodeWebSafe(data: string | number[], charset?: string): string {
      world.guard();
      // Java's URL-safe encoder keeps the '=' padding, unlike Node's base64url.
      return Buffer.from(toBytes(realm, data, charsetName(charset))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      world.guard();
      return signedBytes(realm, decodeBase64(ctx, encoded, false));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      world.guard();
      return signedBytes(realm, decodeBase64(ctx, encoded, true));
    },

    newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
      world.guard();
      return new FakeBlob(realm, toBytes(realm, data), contentType ?? null, name ?? null, g);
    },

    gzip(blob: FakeBlob, name?: string): FakeBlob {
      world.guard();
      return new FakeBlob(realm, new Uint8Array(gzipSync(blobSource(blob, 'gzip'))), 'application/x-gzip', name ?? null, g);
    },
    ungzip(blob: FakeBlob): FakeBlob {
      world.guard();
      const bytes = blobSource(blob, 'ungzip');
      try {
        return new FakeBlob(realm, new Uint8Array(gunzipSync(bytes)), null, null, g);
      } catch {
        return fail(ctx, 'Could not decompress gzip.'); // unconfirmed text
      }
    },

    computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
      world.guard();
      const nodeAlg = NODE_HASH[algorithm];
      if (!nodeAlg || algorithm.startsWith('HMAC')) fail(ctx, `Unsupported digest algorithm: ${algorithm}`);
      return signedBytes(realm, new Uint8Array(createHash(nodeAlg).update(digestInput(ctx, value, charset)).digest()));
    },
    computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
      world.guard();
      return hmac('HMAC_SHA_256', value, key, charset);
    },
    computeHmacSignature(algorithm: string, value: string | number[], key: string | number[], charset?: string): number[] {
      world.guard();
      return hmac(algorithm, value, key, charset);
    },

    parseCsv(csv: string, delimiter?: string): string[][] {
      world.guard();
      return realmArray(realm, parseCsvText(String(csv), delimiter ?? ',').map((r) => realmArray(realm, r)));
    },

    /** Version-4-shaped and unique; derived from a counter so scenario runs replay identically. */
    getUuid(): string {
      world.guard();
      const h = createHash('sha256').update(`uuid:${state.uuidCounter++}`).digest('hex');
      const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

export type FakeUtilities = ReturnType<typeof makeUtilities>;
