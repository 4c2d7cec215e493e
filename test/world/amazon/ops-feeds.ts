// Feeds API 2021-06-30 (M:feeds-api-model/feeds_2021-06-30.json): createFeedDocument,
// createFeed (plus the JSON_LISTINGS_FEED limit of 5 per 5 minutes), getFeed, getFeeds,
// getFeedDocument, cancelFeed. Processing happens on the virtual clock (see feed-processor.ts).

import { parseDuration } from '../clock';
import type { OpHandler, SimCtx } from './context';
import { sellerMarketplaceIds } from './marketplace-params';
import { err, fail, intParam, invalidInput, iso, isoParam, list, ok } from './sim-http';
import type { SimFeed } from './state';

const RETENTION_MS = 90 * 86_400_000;

function feedJson(f: SimFeed): Record<string, unknown> {
  const out: Record<string, unknown> = {
    feedId: f.feedId,
    feedType: f.feedType,
    marketplaceIds: f.marketplaceIds,
    createdTime: iso(f.created),
    processingStatus: f.status,
  };
  if (f.status !== 'IN_QUEUE' && f.status !== 'CANCELLED') out.processingStartTime = iso(f.startAt);
  if (f.status === 'DONE' || f.status === 'FATAL') out.processingEndTime = iso(f.doneAt);
  if (f.resultFeedDocumentId) out.resultFeedDocumentId = f.resultFeedDocumentId;
  return out;
}

function findFeed(ctx: SimCtx, feedId: string): SimFeed {
  const f = ctx.state.feeds.find((x) => x.feedId === feedId);
  if (!f) fail(err(404, 'NotFound', `Feed ${feedId} not found.`));
  return f;
}

export const createFeedDocument: OpHandler = (ctx, call) => {
  const body = call.json() as { contentType?: unknown };
  if (typeof body?.contentType !== 'string' || !body.contentType) fail(invalidInput('contentType is required.'));
  const { id, url } = ctx.docs.createUpload(body.contentType);
  return ok({ feedDocumentId: id, url }, 201);
};

export const createFeed: OpHandler = (ctx, call) => {
  const body = call.json() as { feedType?: unknown; marketplaceIds?: unknown; inputFeedDocumentId?: unknown };
  if (typeof body?.feedType !== 'string') fail(invalidInput('feedType is required.'));
  if (!Array.isArray(body.marketplaceIds)) fail(invalidInput('marketplaceIds is required.'));
  const marketplaceIds = sellerMarketplaceIds(ctx, body.marketplaceIds.map(String));
  // A JSON_LISTINGS_FEED's messages are applied to "marketplaces that you want the feed to be applied
  // to" (feeds_2021-06-30.json CreateFeedSpecification.marketplaceIds), but Amazon does not document
  // what a listings feed does with several (its messages carry no marketplace; listings are per
  // marketplace, amzn/selling-partner-api-docs#3167): the simulator refuses more than one rather than guess.
  if (body.feedType === 'JSON_LISTINGS_FEED' && marketplaceIds.length > 1) {
    fail(invalidInput('A JSON_LISTINGS_FEED is applied to one marketplace; send one feed per marketplace.'));
  }
  if (typeof body.inputFeedDocumentId !== 'string' || !ctx.docs.get(body.inputFeedDocumentId)) fail(invalidInput('inputFeedDocumentId is not a valid feed document.'));
  if (body.feedType === 'JSON_LISTINGS_FEED' && !ctx.takeBucket('createFeed.JSON_LISTINGS_FEED', 5 / 300, 5)) {
    fail(err(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'));
  }
  const now = ctx.clock.now();
  const total = parseDuration(ctx.behaviour.feedProcessing);
  const feed: SimFeed = {
    feedId: String(50_000_000_000 + ctx.state.nextId()),
    feedType: body.feedType,
    marketplaceIds,
    inputFeedDocumentId: body.inputFeedDocumentId,
    created: now,
    startAt: now + Math.round(total / 3),
    doneAt: now + total,
    status: 'IN_QUEUE',
  };
  ctx.state.feeds.push(feed);
  return ok({ feedId: feed.feedId }, 202);
};

export const getFeed: OpHandler = (ctx, call) => ok(feedJson(findFeed(ctx, call.params.feedId!)));

export const cancelFeed: OpHandler = (ctx, call) => {
  const f = findFeed(ctx, call.params.feedId!);
  // Only IN_QUEUE feeds can be cancelled (feeds model, cancelFeed).
  if (f.status !== 'IN_QUEUE') fail(invalidInput(`Feed ${f.feedId} is ${f.status} and cannot be cancelled.`));
  f.status = 'CANCELLED';
  return { status: 200, headers: {} };
};

export const getFeeds: OpHandler = (ctx, call) => {
  const q = call.query;
  const token = q.get('nextToken');
  let ids: string[];
  let offset: number;
  let pageSize: number;
  if (token) {
    if ([...q.keys()].some((k) => k !== 'nextToken')) fail(invalidInput('nextToken must be sent on its own.'));
    ({ ids, offset, pageSize } = ctx.pages.redeem<{ ids: string[]; offset: number; pageSize: number }>('getFeeds', token));
  } else {
    const types = list(q, 'feedTypes');
    if (types.length === 0) fail(invalidInput('Either feedTypes or nextToken is required.'));
    const statuses = list(q, 'processingStatuses');
    if (statuses.some((x) => !['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FATAL'].includes(x))) fail(invalidInput('Invalid processingStatuses.'));
    const since = isoParam(q, 'createdSince') ?? ctx.clock.now() - RETENTION_MS;
    const until = isoParam(q, 'createdUntil') ?? ctx.clock.now();
    pageSize = intParam(q, 'pageSize', 10, 1, 100);
    ids = ctx.state.feeds
      .filter((f) => types.includes(f.feedType) && (!statuses.length || statuses.includes(f.status)))
      .filter((f) => f.created >= Math.max(since, ctx.clock.now() - RETENTION_MS) && f.created <= until)
      .sort((a, b) => b.created - a.created)
      .map((f) => f.feedId);
    offset = 0;
  }
  const page = ids.slice(offset, offset + pageSize).map((id) => feedJson(findFeed(ctx, id)));
  const out: Record<string, unknown> = { feeds: page };
  if (offset + pageSize < ids.length) out.nextToken = ctx.pages.issue('getFeeds', { ids, offset: offset + pageSize, pageSize }, 86_400_000);
  return ok(out);
};

export const getFeedDocument: OpHandler = (ctx, call) => {
  const id = call.params.feedDocumentId!;
  const doc = ctx.docs.get(id);
  if (!doc) fail(err(404, 'NotFound', `Feed document ${id} not found.`));
  const out: Record<string, unknown> = { feedDocumentId: id, url: ctx.docs.presign(id) };
  if (doc.compression) out.compressionAlgorithm = doc.compression;
  return ok(out);
};
