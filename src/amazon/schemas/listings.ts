// What the client reads from Listings Items 2021-08-01 (M:listings-items-api-model/
// listingsItems_2021-08-01.json: Item, ItemSummaryByMarketplace, FulfillmentAvailability,
// ItemSearchResults, ListingsItemSubmissionResponse, Issue).

import { z } from 'zod';

const listingIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.string(),
  attributeNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});

export const listingsItemSchema = z.object({
  sku: z.string(),
  summaries: z
    .array(
      z.object({
        marketplaceId: z.string(),
        asin: z.string().optional(),
        productType: z.string(),
        conditionType: z.string().optional(),
        status: z.array(z.string()),
        fnSku: z.string().optional(),
        itemName: z.string().optional(),
        createdDate: z.string(),
        lastUpdatedDate: z.string(),
      }),
    )
    .optional(),
  /** DEFAULT = merchant-fulfilled; AMAZON_NA / AMAZON_EU / ... = FBA. */
  fulfillmentAvailability: z
    .array(z.object({ fulfillmentChannelCode: z.string(), quantity: z.number().int().optional() }))
    .optional(),
  issues: z.array(listingIssueSchema).optional(),
});

export const searchListingsItemsResponseSchema = z.object({
  numberOfResults: z.number().int(),
  pagination: z.object({ nextToken: z.string().optional(), previousToken: z.string().optional() }).optional(),
  items: z.array(listingsItemSchema),
});

export const listingsSubmissionSchema = z.object({
  sku: z.string(),
  /** ACCEPTED (queued), INVALID, VALID (validation preview) */
  status: z.string(),
  submissionId: z.string(),
  issues: z.array(listingIssueSchema).optional(),
});

export type ListingsItem = z.infer<typeof listingsItemSchema>;
export type ListingIssue = z.infer<typeof listingIssueSchema>;
export type SearchListingsItemsResponse = z.infer<typeof searchListingsItemsResponseSchema>;
export type ListingsSubmission = z.infer<typeof listingsSubmissionSchema>;
