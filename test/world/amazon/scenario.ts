// The scenario file's "amazon" section (docs/scenarios.md §amazon): zod schema with
// defaults, so the simulator gets a complete seed and a bad file fails with the field's path.
// Fields beyond the contract's minimum (docs/scenarios.md) are optional extensions, documented in docs/amazon-simulator.md.

import { z } from 'zod';
import { MARKETPLACES, type Marketplace } from '../../../src/amazon/hosts';
import { findMarketplace } from '../../../src/core/marketplaces';
import { durationField as duration, isoField as iso } from '../scenario/fields';

const qty = z.number().int().min(0);

const channelSchema = z.enum(['FBM', 'FBA']);

export const listingSchema = z
  .object({
    sku: z.string().min(1),
    /**
     * Extension: the marketplace the listing is in (code or ID, one of the seller's marketplaces);
     * absent: the main `marketplace`. Listings are per marketplace ("Most listings data for a SKU
     * applies only to the marketplace it was submitted for (seller + sku + marketplace keyed)",
     * Amazon, amzn/selling-partner-api-docs#3167), so one SKU may have one entry per marketplace.
     * Its FBM quantity is not: see state.ts fbmPool.
     */
    marketplace: z.string().optional(),
    /** The listing's one channel. Optional when `channels` is given. */
    channel: channelSchema.optional(),
    /**
     * Extension: every channel of the listing, e.g. ["FBM", "FBA"] for one SKU with a DEFAULT and an
     * AMAZON_* fulfillment_availability entry (Amazon's "Multiple Fulfillment Channels with Default
     * MFN and FBA", https://developer-docs.amazon.com/sp-api/docs/manage-advanced-multiple-offer-multiple-fulfillment-use-cases).
     */
    channels: z.array(channelSchema).min(1).optional(),
    asin: z.string().min(1),
    fnsku: z.string().optional(),
    /**
     * Extension: the industry identifier the listing was matched by, which the merchant listings
     * report gives as product-id with product-id-type 2 ISBN, 3 UPC, 4 EAN (Seller Central help
     * G202154120, Inventory Loader fields); without it the report gives the ASIN (type 1).
     */
    productId: z.object({ type: z.enum(['ISBN', 'UPC', 'EAN']), value: z.string().min(1) }).optional(),
    /** FBM quantity (DEFAULT channel). FBA listings take their quantity from fbaInventory. */
    quantity: qty.optional(),
    productType: z.string().min(1).default('PRODUCT'),
    title: z.string().optional(),
    price: z.number().nonnegative().optional(),
    /** Listing status shown in summaries / the merchant listings report. */
    status: z.enum(['Active', 'Inactive', 'Incomplete']).default('Active'),
    created: iso.optional(),
  })
  .superRefine((l, ctx) => {
    if (!l.channel && !l.channels) ctx.addIssue({ code: 'custom', path: ['channel'], message: 'needs "channel" (FBM or FBA) or "channels"' });
    // Readers that only know "channel" must still read something true of the listing.
    if (l.channel && l.channels && !l.channels.includes(l.channel)) ctx.addIssue({ code: 'custom', path: ['channel'], message: `"${l.channel}" is not one of "channels"` });
  });

/** The listing's channels: `channels` when given, else the one `channel`. */
export function seedChannels(l: Pick<SeedListing, 'channel' | 'channels'>): { fbm: boolean; fba: boolean } {
  const list = l.channels ?? (l.channel ? [l.channel] : []);
  return { fbm: list.includes('FBM'), fba: list.includes('FBA') };
}

export const fbaInventorySchema = z.object({
  sku: z.string().min(1),
  /**
   * Extension: the marketplace whose FBA stock this is (code or ID, one of the seller's marketplaces);
   * absent: the main `marketplace`. With `panEu` every Pan-EU marketplace shares one pool (state.ts).
   */
  marketplace: z.string().optional(),
  fulfillable: qty.default(0),
  inboundWorking: qty.default(0),
  inboundShipped: qty.default(0),
  inboundReceiving: qty.default(0),
  /** Total reserved; split with the optional breakdown below (rest counts as pending customer orders). */
  reserved: qty.default(0),
  pendingTransshipment: qty.optional(),
  fcProcessing: qty.optional(),
  unfulfillable: qty.default(0),
  researching: qty.default(0),
  condition: z.string().default('NewItem'),
  productName: z.string().optional(),
  lastUpdated: iso.optional(),
});

export const ORDER_STATUSES = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'] as const;

/**
 * Why an order is cancelled (world action cancelOrder's `reason`): Seller Central's reason codes
 * (help 200198080, "Cancel an order", https://sellercentral.amazon.de/gp/help/external/help.html?itemID=200198080),
 * spelled as single words. Only NoInventory changes what happens to stock (state.ts cancelOrder).
 */
export const cancelReasonSchema = z.enum(['BuyerCanceled', 'NoInventory', 'GeneralAdjustment', 'PricingError', 'ShippingAddressUndeliverable', 'CustomerExchange']).default('BuyerCanceled');
export type CancelReason = z.infer<typeof cancelReasonSchema>;

/**
 * Extension: the delivery address, in the shape of Orders v2026-01-01 CustomerAddress
 * (M:orders-api-model/orders_2026-01-01.json). Absent: state.ts generates a fake UK one from the order id.
 */
export const recipientSchema = z.object({
  name: z.string().min(1),
  companyName: z.string().min(1).optional(),
  addressLine1: z.string().min(1),
  addressLine2: z.string().min(1).optional(),
  addressLine3: z.string().min(1).optional(),
  city: z.string().min(1),
  stateOrRegion: z.string().min(1).optional(),
  postalCode: z.string().min(1),
  /** ISO 3166-1 alpha-2 (CustomerAddress.countryCode). */
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as GB'),
  phone: z.string().min(1).optional(),
});

/** Extension: Orders v2026-01-01 Buyer. Absent fields are generated (state.ts). */
export const buyerSchema = z.object({
  buyerName: z.string().min(1).optional(),
  buyerEmail: z.string().min(1).optional(),
});

export const orderSchema = z.object({
  orderId: z.string().regex(/^\d{3}-\d{7}-\d{7}$/, 'must look like 202-1234567-1234567'),
  /**
   * Extension: the marketplace the order was placed in (code or ID; one of the seller's
   * `marketplaces`), given back as salesChannel.marketplaceId (orders_2026-01-01.json SalesChannel).
   * Absent: the seller's `marketplace`.
   */
  marketplace: z.string().optional(),
  created: iso.optional(),
  lastUpdated: iso.optional(),
  status: z.enum(ORDER_STATUSES).default('UNSHIPPED'),
  fulfilledBy: z.enum(['MERCHANT', 'AMAZON']).default('MERCHANT'),
  earliestShipDate: iso.optional(),
  latestShipDate: iso.optional(),
  /** Extension: fulfillment.deliverByWindow; latestDeliveryDate also ends the buyer phone of a shipped order. */
  earliestDeliveryDate: iso.optional(),
  latestDeliveryDate: iso.optional(),
  serviceLevel: z.string().default('Standard'),
  recipient: recipientSchema.optional(),
  buyer: buyerSchema.optional(),
  items: z
    .array(
      z.object({
        sku: z.string().min(1),
        quantity: z.number().int().min(1),
        orderItemId: z.string().regex(/^\d+$/, 'must be numeric').optional(),
        asin: z.string().optional(),
        title: z.string().optional(),
        /** Unit price in the marketplace currency; absent: the listing's price, if any. */
        price: z.number().nonnegative().optional(),
      }),
    )
    .min(1),
});

export const settlementSchema = z
  .object({
    reportId: z.string().min(1),
    created: iso,
    /** Path read through the simulator's readFile (relative to the scenario file). */
    file: z.string().min(1).optional(),
    /** Inline content instead of a file. */
    content: z.string().optional(),
    reportType: z.string().default('GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2'),
    dataStartTime: iso.optional(),
    dataEndTime: iso.optional(),
    /** Serve the document gzipped (compressionAlgorithm GZIP). */
    gzip: z.boolean().default(false),
    charset: z.enum(['UTF-8', 'Cp1252']).default('UTF-8'),
    /**
     * Extension: how Amazon's processing of the report ended (Reports 2021-06-30 processingStatus).
     * FATAL and CANCELLED reports are listed without a document.
     */
    processingStatus: z.enum(['DONE', 'FATAL', 'CANCELLED']).default('DONE'),
    /**
     * Extension: the marketplace the settlement is for (code or ID; one of the seller's
     * `marketplaces`), listed as the report's marketplaceIds (reports_2021-06-30.json Report.marketplaceIds).
     * Settlements come in the currency of the marketplace the transactions took place in: EU
     * marketplaces' in EUR, the UK's in GBP (https://help.ecominate.com/en/articles/3740765-reconciling-foreign-currencies-inside-xero).
     * Absent: `marketplace`.
     */
    marketplace: z.string().optional(),
  })
  .refine((s) => s.file !== undefined || s.content !== undefined || s.processingStatus !== 'DONE', { message: 'needs "file" or "content"' });

export const inboundShipmentSchema = z.object({
  /** The FBA shipment id on labels (v0 ShipmentId, 2024 shipmentConfirmationId). */
  shipmentId: z.string().min(1),
  inboundPlanId: z.string().optional(),
  /** 2024-03-20 API shipment id ("sh..."); generated when absent. */
  apiShipmentId: z.string().optional(),
  name: z.string().optional(),
  status: z.enum(['WORKING', 'READY_TO_SHIP', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'CHECKED_IN', 'RECEIVING', 'CLOSED', 'CANCELLED', 'DELETED', 'ERROR']).default('WORKING'),
  destination: z.string().default('BHX4'),
  /**
   * Extension: the FC's address as v2024-03-20 getShipment gives it (destination.address,
   * fulfillmentInbound_2024-03-20.json ShipmentDestination); a generic one for the code when absent.
   */
  destinationAddress: z
    .object({ name: z.string().min(1), addressLine1: z.string().min(1), addressLine2: z.string().optional(), city: z.string().min(1), postalCode: z.string().min(1), countryCode: z.string().length(2), stateOrProvinceCode: z.string().optional() })
    .optional(),
  /**
   * Extension: "v0" for a shipment made in Seller Central's old workflow: only Fulfillment Inbound v0
   * shows it (no v2024-03-20 inbound plan). Default "2024": both versions show it.
   */
  workflow: z.enum(['2024', 'v0']).default('2024'),
  created: iso.optional(),
  lastUpdated: iso.optional(),
  items: z.array(
    z.object({
      sku: z.string().min(1),
      fnsku: z.string().optional(),
      asin: z.string().optional(),
      quantityShipped: qty,
      quantityReceived: qty.default(0),
      quantityInCase: qty.default(0),
    }),
  ),
});

export const removalOrderSchema = z.object({
  orderId: z.string().min(1),
  requestDate: iso,
  orderType: z.string().default('Return'),
  status: z.string().default('Pending'),
  lastUpdated: iso.optional(),
  lines: z.array(
    z.object({
      sku: z.string().min(1),
      fnsku: z.string().optional(),
      disposition: z.string().default('Sellable'),
      requested: qty,
      cancelled: qty.default(0),
      disposed: qty.default(0),
      shipped: qty.default(0),
      inProcess: qty.default(0),
    }),
  ),
  shipments: z
    .array(
      z.object({
        shipmentDate: iso,
        sku: z.string().min(1),
        fnsku: z.string().optional(),
        disposition: z.string().default('Sellable'),
        quantity: qty,
        carrier: z.string(),
        trackingNumber: z.string(),
      }),
    )
    .default([]),
});

export const customerReturnSchema = z.object({
  returnDate: iso,
  orderId: z.string().min(1),
  sku: z.string().min(1),
  asin: z.string().optional(),
  fnsku: z.string().optional(),
  productName: z.string().optional(),
  quantity: qty.default(1),
  fulfillmentCenterId: z.string().default('BHX4'),
  detailedDisposition: z.string().default('SELLABLE'),
  reason: z.string().default('NOT_AS_DESCRIBED'),
  status: z.string().default('Unit returned to inventory'),
  licensePlateNumber: z.string().optional(),
  customerComments: z.string().optional(),
});

export const behaviourSchema = z.object({
  /** Virtual time from createFeed to DONE (a third of it IN_QUEUE). */
  feedProcessing: duration.default('2m'),
  /** Virtual time from createReport to DONE. */
  reportProcessing: duration.default('1m'),
  /** Delay before an ACCEPTED patchListingsItem shows in reads; absent: DEFAULT_PATCH_APPLY_DELAY (listing-writes.ts). */
  patchApplyDelay: duration.optional(),
  /** Virtual time one SP-API call takes. */
  latency: duration.default('300ms'),
  /** Virtual time a timed-out call costs the caller (UrlFetchApp gives up after about a minute). */
  timeoutAfter: duration.default('60s'),
  /** Serve generated reports (merchant listings, FBA, removals, returns) gzipped. */
  gzipReports: z.boolean().default(true),
  /** Override a documented usage plan, e.g. { "searchOrders": { "rate": 1, "burst": 5 } }. */
  rateLimits: z.record(z.string(), z.object({ rate: z.number().positive(), burst: z.number().int().positive() })).default({}),
  /**
   * searchListingsItems pages cut from the catalogue as it is when each page is read (listings
   * created, deleted or updated meanwhile shift later pages: repeats and gaps) instead of from a
   * snapshot taken at the first page.
   */
  liveSearchPages: z.boolean().optional(),
  /** Merchant listings reports come in `reportLanguage` whatever preferredReportDocumentLocale asks (a cached copy). */
  ignoreReportLocale: z.boolean().optional(),
});

/** Locales the simulator has merchant listings report headers for (report-locales.ts). */
export const REPORT_LANGUAGES = ['en_US', 'en_GB', 'de_DE', 'fr_FR', 'it_IT', 'es_ES', 'ja_JP'] as const;

const marketplaceCodes = new Set(MARKETPLACES.flatMap((m) => [m.code, m.id]).concat(['GB']));

const sectionObject = z
  .object({
    marketplace: z.string().default('UK').refine((m) => marketplaceCodes.has(m), { message: 'unknown marketplace code (use UK, DE, US...)' }),
    /**
     * Extension: every marketplace the seller participates in with this one account and token, the
     * main `marketplace` included or not (it is added first); absent: `marketplace` alone. They must
     * share its region: one Seller Central account per region, served by that region's host
     * (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints). getMarketplaceParticipations
     * lists them; searchOrders and confirmShipment refuse any other.
     */
    marketplaces: z.array(z.string().refine((m) => marketplaceCodes.has(m), { message: 'unknown marketplace code (use UK, DE, US...)' })).optional(),
    sellerId: z.string().min(1).default('A2SELLER'),
    /**
     * Extension: the seller is enrolled in Pan-European FBA: the FBA stock of a SKU in the Pan-EU
     * marketplaces (PAN_EU_CODES) is one pool, and getInventorySummaries gives that pool in each of
     * them ("returns the same values for each EU marketplace - a sum of inventory quantities from all
     * the EU marketplaces (except the UK...)", amzn/selling-partner-api-models#452, #360).
     */
    panEu: z.boolean().optional(),
    listings: z.array(listingSchema).default([]),
    fbaInventory: z.array(fbaInventorySchema).default([]),
    orders: z.array(orderSchema).default([]),
    /** Carrier codes Amazon knows for confirmShipment (Seller Central's list). */
    carrierCodes: z.array(z.string().min(1)).default(['Royal Mail', 'Parcelforce', 'DPD', 'Evri', 'Yodel', 'DHL', 'UPS', 'FedEx', 'Amazon Shipping', 'Other']),
    settlements: z.array(settlementSchema).default([]),
    inboundShipments: z.array(inboundShipmentSchema).default([]),
    removalOrders: z.array(removalOrderSchema).default([]),
    customerReturns: z.array(customerReturnSchema).default([]),
    /** Seller Central's "Language for feed processing report": report headers follow it unless a locale is requested. */
    reportLanguage: z.enum(REPORT_LANGUAGES).optional(),
    /**
     * Merchant listings column names in the seller's language when the simulator has no translation
     * for it (English name → name), e.g. { "seller-sku": "…" }; used whenever reportLanguage is.
     */
    reportColumnNames: z.record(z.string(), z.string()).optional(),
    behaviour: behaviourSchema.default(() => behaviourSchema.parse({})),
  });

export const amazonSectionSchema = sectionObject
  .superRefine((s, ctx) => {
    checkListingMarketplaces(s, ctx);
    const ids = new Set<string>();
    s.orders.forEach((o, i) => {
      if (ids.has(o.orderId)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'orderId'], message: `duplicate order "${o.orderId}"` });
      ids.add(o.orderId);
    });
    const main = findMarketplace(s.marketplace);
    (s.marketplaces ?? []).forEach((m, i) => {
      if (main && findMarketplace(m)?.region !== main.region) ctx.addIssue({ code: 'custom', path: ['marketplaces', i], message: `"${m}" is not in ${s.marketplace}'s region (${main.region})` });
    });
    const participating = new Set(sellerMarketplaces(s).map((m) => m.id));
    s.orders.forEach((o, i) => {
      const m = o.marketplace === undefined ? main : findMarketplace(o.marketplace);
      if (!m || !participating.has(m.id)) ctx.addIssue({ code: 'custom', path: ['orders', i, 'marketplace'], message: `"${o.marketplace}" is not one of the seller's marketplaces (amazon.marketplaces)` });
    });
  });

export type AmazonSection = z.infer<typeof amazonSectionSchema>;
export type AmazonSectionInput = z.input<typeof amazonSectionSchema>;
export type SeedListing = z.infer<typeof listingSchema>;
export type SeedFbaInventory = z.infer<typeof fbaInventorySchema>;
export type SeedOrder = z.infer<typeof orderSchema>;
export type SeedRecipient = z.infer<typeof recipientSchema>;
export type SeedSettlement = z.infer<typeof settlementSchema>;
export type SeedInboundShipment = z.infer<typeof inboundShipmentSchema>;
export type Behaviour = z.infer<typeof behaviourSchema>;

/**
 * Marketplaces of Pan-European FBA: Germany, France, Italy, Spain, the Netherlands, Sweden, Poland
 * and Belgium ("Pan-European FBA", https://sell.amazon.de/en/versand-durch-amazon/europa). The UK
 * left it in 2021 and is outside the pool (amzn/selling-partner-api-models#452: "except the UK").
 * Amazon's pages found do not name Ireland as a Pan-EU marketplace, so IE is left out.
 */
export const PAN_EU_CODES: ReadonlySet<string> = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE']);

/**
 * The marketplace a seed entry or world action names (code, ID, country or domain, as orders[]
 * do), or the main one when it names none; null when it is not one of the seller's marketplaces.
 */
export function seedMarketplace(s: Pick<AmazonSection, 'marketplace' | 'marketplaces'>, typed: string | undefined): Marketplace | null {
  const m = findMarketplace(typed ?? s.marketplace);
  return m && sellerMarketplaces(s).includes(m) ? m : null;
}

/** Listings and FBA stock per marketplace: each names one of the seller's marketplaces, once per SKU. */
function checkListingMarketplaces(s: z.infer<typeof sectionObject>, ctx: z.RefinementCtx): void {
  const notSellers = (typed: string | undefined): string => `"${typed}" is not one of the seller's marketplaces (amazon.marketplaces)`;
  const listed = new Map<string, SeedListing>();
  // One FBM quantity per seller SKU in a region (state.ts fbmPool): two different seeds would be a world Amazon cannot show.
  const fbmQuantity = new Map<string, { quantity: number; code: string }>();
  s.listings.forEach((l, i) => {
    const m = seedMarketplace(s, l.marketplace);
    if (!m) return ctx.addIssue({ code: 'custom', path: ['listings', i, 'marketplace'], message: notSellers(l.marketplace) });
    const key = `${m.id}|${l.sku}`;
    if (listed.has(key)) ctx.addIssue({ code: 'custom', path: ['listings', i, 'sku'], message: `duplicate SKU "${l.sku}" in ${m.code}` });
    listed.set(key, l);
    if (!seedChannels(l).fbm || l.quantity === undefined) return;
    const other = fbmQuantity.get(l.sku);
    if (other && other.quantity !== l.quantity) {
      ctx.addIssue({
        code: 'custom',
        path: ['listings', i, 'quantity'],
        message: `"${l.sku}" is FBM in ${other.code} with quantity ${other.quantity}: Amazon keeps one FBM quantity per seller SKU for all the marketplaces it is listed in (amzn/selling-partner-api-models#4356), so give the same quantity or leave it out`,
      });
    }
    if (!other) fbmQuantity.set(l.sku, { quantity: l.quantity, code: m.code });
  });
  const stocked = new Map<string, string>();
  s.fbaInventory.forEach((f, i) => {
    const m = seedMarketplace(s, f.marketplace);
    if (!m) return ctx.addIssue({ code: 'custom', path: ['fbaInventory', i, 'marketplace'], message: notSellers(f.marketplace) });
    const l = listed.get(`${m.id}|${f.sku}`);
    if (!l || !seedChannels(l).fba) ctx.addIssue({ code: 'custom', path: ['fbaInventory', i, 'sku'], message: `"${f.sku}" is not an FBA listing in ${m.code} in amazon.listings` });
    // With Pan-EU the Pan-EU marketplaces hold one pool: it is given once, in any of them.
    const pool = s.panEu && PAN_EU_CODES.has(m.code) ? 'PAN_EU' : m.code;
    const before = stocked.get(`${pool}|${f.sku}`);
    if (before) {
      const why = pool === 'PAN_EU' ? `Pan-EU pools it with ${before}: give it once` : 'given twice';
      ctx.addIssue({ code: 'custom', path: ['fbaInventory', i, 'sku'], message: `FBA stock of "${f.sku}" in ${m.code}: ${why}` });
    }
    stocked.set(`${pool}|${f.sku}`, m.code);
  });
}

/** The marketplaces the seller participates in: `marketplace` first, then `marketplaces` (each once). */
export function sellerMarketplaces(s: Pick<AmazonSection, 'marketplace' | 'marketplaces'>): Marketplace[] {
  const out: Marketplace[] = [];
  for (const typed of [s.marketplace, ...(s.marketplaces ?? [])]) {
    const m = findMarketplace(typed);
    if (m && !out.includes(m)) out.push(m);
  }
  return out;
}

/** Parses a scenario's amazon section; errors name the field ("amazon.listings.0.sku: ..."). */
export function parseAmazonSection(input: unknown): AmazonSection {
  const r = amazonSectionSchema.safeParse(input ?? {});
  if (!r.success) {
    throw new Error(r.error.issues.map((i) => `amazon.${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return r.data;
}
