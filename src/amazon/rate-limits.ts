// The documented default usage plan (rate in requests per second, burst = bucket size) of every
// operation the client calls, from the "Usage Plan" table in each operation of Amazon's models
// (shared/reference/sp-api/models; reference sp-api.md §10.1). A test checks this table against the models.

export interface RateLimit {
  rate: number;
  burst: number;
}

export const RATE_LIMITS: Record<string, RateLimit> = {
  // Orders v2026-01-01 (M:orders-api-model/orders_2026-01-01.json) and v0 confirmShipment
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  // Sellers v1 (not among shared/reference's models: https://developer-docs.amazon.com/sp-api/docs/sellers-api-v1-reference)
  getMarketplaceParticipations: { rate: 0.016, burst: 15 },
  // FBA Inventory (M:fba-inventory-api-model/fbaInventory.json)
  getInventorySummaries: { rate: 2, burst: 2 },
  // Listings Items 2021-08-01
  getListingsItem: { rate: 5, burst: 10 },
  patchListingsItem: { rate: 5, burst: 5 },
  searchListingsItems: { rate: 5, burst: 5 },
  // Feeds 2021-06-30
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  cancelFeed: { rate: 2, burst: 15 },
  getFeeds: { rate: 0.0222, burst: 10 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  // Reports 2021-06-30
  getReports: { rate: 0.0222, burst: 10 },
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  // Fulfillment Inbound 2024-03-20
  listInboundPlans: { rate: 2, burst: 6 },
  getInboundPlan: { rate: 2, burst: 6 },
  getShipment: { rate: 2, burst: 6 },
  listShipmentItems: { rate: 2, burst: 30 },
  // Fulfillment Inbound v0
  getShipments: { rate: 2, burst: 30 },
  getShipmentItemsByShipmentId: { rate: 2, burst: 30 },
  getShipmentItems: { rate: 2, burst: 30 },
};

/**
 * Feed-type limit on top of createFeed's own: JSON_LISTINGS_FEED allows 5 submissions per 5 minutes
 * per region (https://developer-docs.amazon.com/sp-api/changelog/update-feed-size-and-rate-limit-changes-for-the-json_listings_feed).
 */
export const JSON_LISTINGS_FEED_LIMIT: RateLimit = { rate: 5 / 300, burst: 5 };

/** The static sandbox serves every operation at 5 rps, burst 15 (sp-api.md §10). */
export const SANDBOX_LIMIT: RateLimit = { rate: 5, burst: 15 };
