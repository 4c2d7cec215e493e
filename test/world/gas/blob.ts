// Fake Blob (https://developers.google.com/apps-script/reference/base/blob): bytes plus a content
// type and a name. Bytes go out signed like Java's; strings are UTF-8 unless a charset is given.

import { bytesFrom, signedBytes } from './context';
import { gasError, type Realm } from './realm';

const NODE_CHARSETS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8', utf8: 'utf8', utf_8: 'utf8',
  'us-ascii': 'ascii', ascii: 'ascii', us_ascii: 'ascii',
  'iso-8859-1': 'latin1', latin1: 'latin1',
  'utf-16le': 'utf16le',
};

/** Encodes text in a Java charset name (Utilities.Charset values UTF_8 / US_ASCII included). */
export function encodeText(realm: Realm, text: string, charset = 'UTF-8'): Uint8Array {
  const enc = NODE_CHARSETS[charset.toLowerCase()];
  if (!enc) throw gasError(realm, `Unsupported charset: ${charset}`);
  return new Uint8Array(Buffer.from(text, enc));
}

export function decodeText(realm: Realm, bytes: Uint8Array, charset = 'UTF-8'): string {
  const enc = NODE_CHARSETS[charset.toLowerCase()];
  if (enc) return Buffer.from(bytes).toString(enc);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw gasError(realm, `Unsupported charset: ${charset}`);
  }
}

/** Anything Apps Script accepts where it wants bytes: a string (UTF-8), Byte[], or a BlobSource. */
export function toBytes(realm: Realm, data: unknown, charset?: string): Uint8Array {
  if (typeof data === 'string') return encodeText(realm, data, charset);
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (data instanceof FakeBlob) return data.raw();
  if (data && typeof (data as FakeBlob).getBlob === 'function') return (data as FakeBlob).getBlob().raw();
  if (Array.isArray(data)) return bytesFrom(data as number[]);
  throw gasError(realm, `Invalid argument: ${String(data)}`);
}

export class FakeBlob {
  private bytes: Uint8Array;
  constructor(
    private readonly realm: Realm,
    bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
    /** world.guard for blobs handed to product code; a no-op for blobs the fakes use internally. */
    private readonly guard: () => void = () => {},
  ) {
    this.bytes = new Uint8Array(bytes);
  }

  /** The unsigned bytes, for the other fakes (not part of Google's API). */
  raw(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  getBlob(): FakeBlob {
    this.guard();
    return this;
  }
  getBytes(): number[] {
    this.guard();
    return signedBytes(this.realm, this.bytes);
  }
  setBytes(data: number[]): FakeBlob {
    this.guard();
    this.bytes = bytesFrom(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    this.guard();
    return decodeText(this.realm, this.bytes, charset);
  }
  setDataFromString(text: string, charset?: string): FakeBlob {
    this.guard();
    this.bytes = encodeText(this.realm, String(text), charset);
    return this;
  }
  getContentType(): string | null {
    this.guard();
    return this.contentType;
  }
  setContentType(type: string | null): FakeBlob {
    this.guard();
    this.contentType = type;
    return this;
  }
  getName(): string | null {
    this.guard();
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.guard();
    this.name = name;
    return this;
  }
  copyBlob(): FakeBlob {
    this.guard();
    return new FakeBlob(this.realm, this.bytes, this.contentType, this.name, this.guard);
  }
  isGoogleType(): boolean {
    this.guard();
    return false;
  }
  /**
   * Conversion exists only to PDF and images on the platform; the fake converts nothing, so a
   * different type fails the way an unsupported conversion does (text observed in the wild).
   */
  getAs(contentType: string): FakeBlob {
    this.guard();
    if (contentType === this.contentType) return this.copyBlob();
    throw gasError(this.realm, `Converting from ${this.contentType ?? 'application/octet-stream'} to ${contentType} is not supported.`);
  }
}
