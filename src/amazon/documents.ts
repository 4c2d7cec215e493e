// Report and feed documents on Amazon's pre-signed S3 URLs: download (gunzip when the document
// says GZIP, decode by the announced charset) and upload (PUT with the exact content type given to
// createFeedDocument, or S3 refuses the signature — sp-api.md §4.2). No access token goes to S3.

import { SpApiError } from './errors';
import { charsetOf, decodeBytes } from './charset';
import type { ApiContext } from './context';

export function downloadDocument(
  ctx: ApiContext,
  operation: string,
  doc: { url: string; compressionAlgorithm?: string | undefined },
): string {
  const res = ctx.requester.fetchDocument(operation, { url: doc.url, method: 'get' });
  if (res.status < 200 || res.status >= 300) {
    throw new SpApiError(operation, res.status, [{ code: 'DocumentDownloadFailed', message: s3Reason(res.text) }], res.headers['x-amz-request-id']);
  }
  let bytes = res.bytes();
  if (doc.compressionAlgorithm === 'GZIP' || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    // The GZIP flag and the content have been seen to disagree (amzn/selling-partner-api-models#2648): trust the magic bytes too.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = ctx.codec.gunzip(bytes);
  }
  return decodeBytes(bytes, charsetOf(res.headers['content-type']), ctx.codec);
}

export function uploadDocument(ctx: ApiContext, operation: string, url: string, content: string, contentType: string): void {
  const res = ctx.requester.fetchDocument(operation, { url, method: 'put', payload: content, contentType });
  if (res.status < 200 || res.status >= 300) {
    throw new SpApiError(operation, res.status, [{ code: 'DocumentUploadFailed', message: s3Reason(res.text) }], res.headers['x-amz-request-id']);
  }
}

/** S3 answers errors in XML: <Error><Code>..</Code><Message>..</Message></Error>. */
function s3Reason(text: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code ? `${code}${message ? `: ${message}` : ''}` : text.slice(0, 200) || 'no body';
}
