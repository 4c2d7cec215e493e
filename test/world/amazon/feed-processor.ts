// Processes a JSON_LISTINGS_FEED when its time comes: validates the document against Amazon's
// listings feed schema (M:schemas/feeds/listings-feed-schema-v2.json, loaded at runtime with ajv),
// evaluates each message, applies accepted quantities and writes the processing report
// (M:schemas/feeds/listings-feed-processing-report-schema-v2.json). Document-level problems make
// the feed FATAL; a bad message only fails that message.

import Ajv, { type ValidateFunction } from 'ajv';
import type { SimCtx } from './context';
import { availabilityFromPatches, evaluateMessage, type ListingIssue } from './listing-writes';
import { readModelFile } from './models';
import type { SimFeed } from './state';

let validate: ValidateFunction | undefined;

export function listingsFeedValidator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    validate = ajv.compile(readModelFile('schemas/feeds/listings-feed-schema-v2.json') as object);
  }
  return validate;
}

interface ReportIssue {
  messageId?: number;
  sku?: string;
  code: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
  attributeName?: string;
}

export function processFeed(ctx: SimCtx, feed: SimFeed): void {
  const at = feed.doneAt;
  const issues: ReportIssue[] = [];
  const finish = (status: 'DONE' | 'FATAL', summary: NonNullable<SimFeed['summary']>): void => {
    const report = { header: { sellerId: ctx.sellerId, version: '2.0', feedId: feed.feedId }, issues, summary };
    feed.status = status;
    feed.summary = summary;
    feed.resultFeedDocumentId = ctx.docs.putGenerated('feed', JSON.stringify(report), 'application/json', false);
  };
  const fatal = (code: string, message: string): void => {
    issues.push({ code, severity: 'ERROR', message });
    finish('FATAL', { errors: issues.length, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 });
  };

  if (feed.feedType !== 'JSON_LISTINGS_FEED') {
    // Legacy flat-file/XML listings feeds end FATAL since 2025-07-31 (sp-api.md §0.3); others are not simulated.
    return fatal('FEED_TYPE_NOT_SUPPORTED', `Feed type ${feed.feedType} is not supported.`);
  }
  const text = ctx.docs.text(feed.inputFeedDocumentId);
  if (text === null) return fatal('DOCUMENT_MISSING', 'The feed document was never uploaded.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fatal('INVALID_JSON', 'The feed document is not valid JSON.');
  }
  const check = listingsFeedValidator();
  const badMessages = new Map<number, string[]>();
  if (!check(doc)) {
    for (const e of check.errors ?? []) {
      const m = /^\/messages\/(\d+)/.exec(e.instancePath);
      if (!m) return fatal('SCHEMA_VALIDATION', `Feed document ${e.instancePath || '/'} ${e.message ?? 'is invalid'}.`);
      const list = badMessages.get(Number(m[1])) ?? [];
      list.push(`${e.instancePath} ${e.message ?? 'is invalid'}`);
      badMessages.set(Number(m[1]), list);
    }
  }
  const body = doc as { header: { sellerId: string }; messages: Array<Record<string, unknown>> };
  if (body.header.sellerId !== ctx.sellerId) return fatal('SELLER_MISMATCH', `header.sellerId '${body.header.sellerId}' is not this selling partner.`);

  let accepted = 0;
  let invalid = 0;
  body.messages.forEach((msg, index) => {
    const messageId = typeof msg.messageId === 'number' ? msg.messageId : index + 1;
    const sku = typeof msg.sku === 'string' ? msg.sku : '';
    const schemaErrors = badMessages.get(index);
    if (schemaErrors) {
      invalid++;
      schemaErrors.slice(0, 3).forEach((m) => issues.push({ messageId, ...(sku ? { sku } : {}), code: 'SCHEMA_VALIDATION', severity: 'ERROR', message: m }));
      return;
    }
    const op = msg.operationType as string;
    const attrs = (msg.attributes ?? {}) as Record<string, unknown>;
    const availability = op === 'PATCH' ? availabilityFromPatches(msg.patches) : Array.isArray(attrs.fulfillment_availability) ? attrs.fulfillment_availability : [];
    const outcome = evaluateMessage(
      ctx,
      // The feed's one marketplace (createFeed refuses several for this feed type).
      { sku, productType: typeof msg.productType === 'string' ? msg.productType : undefined, availability, deleteListing: op === 'DELETE', marketplaceId: feed.marketplaceIds[0] },
      'JSON_LISTINGS_FEED',
      feed.feedId,
    );
    outcome.apply(at);
    ctx.state.writes.push(...outcome.writes);
    outcome.issues.forEach((i: ListingIssue) => {
      const r: ReportIssue = { messageId, sku, code: i.code, severity: i.severity, message: i.message };
      if (i.attributeNames?.[0]) r.attributeName = i.attributeNames[0];
      issues.push(r);
    });
    if (outcome.accepted) accepted++;
    else invalid++;
  });
  const errors = issues.filter((i) => i.severity === 'ERROR').length;
  finish('DONE', {
    errors,
    warnings: issues.length - errors,
    messagesProcessed: body.messages.length,
    messagesAccepted: accepted,
    messagesInvalid: invalid,
  });
}
