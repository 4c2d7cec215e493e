// What the client reads from Feeds 2021-06-30 (M:feeds-api-model/feeds_2021-06-30.json) and from a
// JSON_LISTINGS_FEED processing report (M:schemas/feeds/listings-feed-processing-report-schema-v2.json).

import { z } from 'zod';

export const feedSchema = z.object({
  feedId: z.string(),
  feedType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  createdTime: z.string(),
  /** IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL */
  processingStatus: z.string(),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
});

export const getFeedsResponseSchema = z.object({ feeds: z.array(feedSchema), nextToken: z.string().optional() });
export const createFeedResponseSchema = z.object({ feedId: z.string() });
export const createFeedDocumentResponseSchema = z.object({ feedDocumentId: z.string(), url: z.string() });
export const feedDocumentSchema = z.object({
  feedDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().optional(),
});

const count = z.number().int().optional();

export const processingReportSchema = z.object({
  header: z.object({ sellerId: z.string().optional(), version: z.string().optional(), feedId: z.string().optional() }).optional(),
  issues: z
    .array(
      z.object({
        messageId: z.number().int().optional(),
        sku: z.string().optional(),
        code: z.string().optional(),
        severity: z.string(),
        message: z.string(),
        attributeName: z.string().optional(),
      }),
    )
    .optional(),
  summary: z
    .object({ errors: count, warnings: count, messagesProcessed: count, messagesAccepted: count, messagesInvalid: count })
    .optional(),
});

export type Feed = z.infer<typeof feedSchema>;
export type FeedDocument = z.infer<typeof feedDocumentSchema>;
export type ProcessingReport = z.infer<typeof processingReportSchema>;
