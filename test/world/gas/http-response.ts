// Fake HTTPResponse (https://developers.google.com/apps-script/reference/url-fetch/http-response):
// status, headers in the server's own case, body as text, signed bytes or a Blob.

import { FakeBlob, decodeText } from './blob';
import { realmObject, signedBytes } from './context';
import type { Realm } from './realm';

export class FakeHttpResponse {
  constructor(
    private readonly realm: Realm,
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: Uint8Array,
    private readonly guard: () => void,
  ) {}

  getResponseCode(): number {
    this.guard();
    return this.status;
  }
  /** "Gets the content of an HTTP response encoded as a string" — UTF-8 unless a charset is given. */
  getContentText(charset?: string): string {
    this.guard();
    return decodeText(this.realm, this.body, charset);
  }
  getContent(): number[] {
    this.guard();
    return signedBytes(this.realm, this.body);
  }
  getBlob(): FakeBlob {
    this.guard();
    const type = this.header('content-type')?.split(';')[0]?.trim() ?? null;
    return new FakeBlob(this.realm, this.body, type, null, this.guard);
  }
  getAs(contentType: string): FakeBlob {
    this.guard();
    return this.getBlob().getAs(contentType);
  }
  /** Single-valued map, header names as the server sent them (gas-fakes notes the same, apps-script.md §1.4). */
  getHeaders(): Record<string, string> {
    this.guard();
    return realmObject(this.realm, Object.entries(this.headers));
  }
  /** "headers that have multiple values returned as arrays"; simulators send one value per header. */
  getAllHeaders(): Record<string, string | string[]> {
    this.guard();
    return realmObject<string | string[]>(this.realm, Object.entries(this.headers));
  }

  private header(name: string): string | undefined {
    const key = Object.keys(this.headers).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : this.headers[key];
  }
}
