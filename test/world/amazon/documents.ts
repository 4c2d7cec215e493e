// The S3 side of report and feed documents: pre-signed URLs valid 5 minutes ("This URL expires
// after 5 minutes", feeds/reports models), uploads that must carry the content type given to
// createFeedDocument (signed header), and S3's XML error bodies
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).

import { gzipSync } from 'node:zlib';
import type { VirtualClock } from '../clock';
import type { SimRequest, SimResponse } from '../http';

const URL_LIFETIME_S = 300;

interface StoredDoc {
  id: string;
  bytes: Uint8Array | null;
  contentType: string;
  /** Only upload slots accept PUT. */
  upload: boolean;
  compression?: 'GZIP';
}

function s3Error(status: number, code: string, message: string): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export class DocumentStore {
  private docs = new Map<string, StoredDoc>();
  private signatures = new Map<string, string>();
  private n = 0;

  constructor(
    private readonly clock: VirtualClock,
    readonly host: string,
    private readonly regionTag: string,
  ) {}

  newId(kind: 'feed' | 'report'): string {
    const n = ++this.n;
    const uuid = `${n.toString(16).padStart(8, '0')}-5a1e-4c0d-9e55-${(n * 7919).toString(16).padStart(12, '0')}`;
    return kind === 'feed' ? `amzn1.tortuga.4.${this.regionTag}.${uuid}.T${n}SIM` : `amzn1.spdoc.1.4.${this.regionTag}.${uuid}.T${n}SIM.${300 + n}`;
  }

  createUpload(contentType: string): { id: string; url: string } {
    const id = this.newId('feed');
    this.docs.set(id, { id, bytes: null, contentType, upload: true });
    return { id, url: this.presign(id, true) };
  }

  /** A document the simulator produced (reports, processing reports). */
  putGenerated(kind: 'feed' | 'report', content: string | Uint8Array, contentType: string, gzip: boolean): string {
    const id = this.newId(kind);
    const raw = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content;
    const doc: StoredDoc = { id, bytes: gzip ? new Uint8Array(gzipSync(raw)) : raw, contentType, upload: false };
    if (gzip) doc.compression = 'GZIP';
    this.docs.set(id, doc);
    return id;
  }

  get(id: string): StoredDoc | undefined {
    return this.docs.get(id);
  }

  /** The uploaded or generated text, or null before an upload. */
  text(id: string): string | null {
    const d = this.docs.get(id);
    return d?.bytes ? Buffer.from(d.bytes).toString('utf8') : null;
  }

  presign(id: string, forUpload = false): string {
    const sig = `${(++this.n * 2654435761 >>> 0).toString(16)}${this.clock.now().toString(16)}`;
    this.signatures.set(sig, id);
    const q = [
      'X-Amz-Algorithm=AWS4-HMAC-SHA256',
      `X-Amz-Date=${amzDate(this.clock.now())}`,
      `X-Amz-SignedHeaders=${forUpload ? 'content-type%3Bhost' : 'host'}`,
      `X-Amz-Expires=${URL_LIFETIME_S}`,
      'X-Amz-Credential=AKIASIMULATOR%2F20260101%2Feu-west-1%2Fs3%2Faws4_request',
      `X-Amz-Signature=${sig}`,
    ].join('&');
    return `${this.host}/${encodeURIComponent(id)}?${q}`;
  }

  handle(req: SimRequest): SimResponse {
    const url = new URL(req.url);
    const id = decodeURIComponent(url.pathname.slice(1));
    const doc = this.docs.get(id);
    const sig = url.searchParams.get('X-Amz-Signature') ?? '';
    if (!doc || this.signatures.get(sig) !== id) return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    const date = url.searchParams.get('X-Amz-Date') ?? '';
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    const signedAt = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
    if (!(this.clock.now() <= signedAt + Number(url.searchParams.get('X-Amz-Expires')) * 1000)) {
      return s3Error(403, 'AccessDenied', 'Request has expired');
    }
    if (req.method === 'PUT') {
      if (!doc.upload) return s3Error(403, 'AccessDenied', 'Access Denied');
      if ((req.headers['content-type'] ?? '') !== doc.contentType) {
        return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
      }
      doc.bytes = req.bodyBytes;
      return { status: 200, headers: { etag: `"${sig.slice(0, 16)}"` } };
    }
    if (req.method === 'GET') {
      if (!doc.bytes) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      return { status: 200, headers: { 'content-type': doc.contentType, 'x-amz-request-id': sig.slice(0, 16).toUpperCase() }, body: doc.bytes };
    }
    return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
}
