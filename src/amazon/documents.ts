// Report and feed documents on Amazon's pre-signed S3 URLs: download (gunzip when the document
// says GZIP, decode by the announced charset) and upload (PUT with the exact content type given to
// createFeedDocument, or S3 refuses the signature — sp-api.md §4.2). No access token goes to S3.

import { SpApiError, SpApiSchemaError } from './errors';
import { charsetOf, decodeBytes } from './charset';
import type { ApiContext } from './context';
import type { RemoteErrorKind } from '../ports/errors';

/**
 * S3's refusal of a pre-signed URL (expired, signature, no such key) is about that document, never
 * the seller's credentials: none go to S3. So a 403 there is not 'auth' (which asks people to
 * re-authorise the app) but the document not being there for this URL.
 */
function documentKind(status: number): RemoteErrorKind {
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'upstream';
  return 'not-found';
}

export function downloadDocument(
  ctx: ApiContext,
  operation: string,
  doc: { url: string; compressionAlgorithm?: string | undefined },
): string {
  const res = ctx.requester.fetchDocument(operation, { url: doc.url, method: 'get' });
  if (res.status < 200 || res.status >= 300) {
    throw new SpApiError(operation, res.status, [{ code: 'DocumentDownloadFailed', message: s3Reason(res.text) }], res.headers['x-amz-request-id'], documentKind(res.status));
  }
  let bytes = res.bytes();
  // The GZIP flag and the content have been seen to disagree (amzn/selling-partner-api-models#2648): the magic bytes decide.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = ctx.codec.gunzip(bytes);
    } catch (e) {
      // A document cut short in transit: a body that failed, like a garbled JSON answer, not a fault of the caller.
      throw new SpApiSchemaError(operation, `the gzip document could not be unpacked (${e instanceof Error ? e.message : String(e)}); it was cut short or damaged`, res.headers['x-amz-request-id']);
    }
  }
  return decodeBytes(bytes, charsetOf(res.headers['content-type']), ctx.codec);
}

export function uploadDocument(ctx: ApiContext, operation: string, url: string, content: string, contentType: string): void {
  const res = ctx.requester.fetchDocument(operation, { url, method: 'put', payload: content, contentType });
  if (res.status < 200 || res.status >= 300) {
    throw new SpApiError(operation, res.status, [{ code: 'DocumentUploadFailed', message: s3Reason(res.text) }], res.headers['x-amz-request-id'], documentKind(res.status));
  }
}

/** S3 answers errors in XML: <Error><Code>..</Code><Message>..</Message></Error>. */
function s3Reason(text: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code ? `${code}${message ? `: ${message}` : ''}` : text.slice(0, 200) || 'no body';
}
