// Validates and applies one listings quantity write (a patchListingsItem call or one
// JSON_LISTINGS_FEED message) the way Amazon treats fulfillment_availability: DEFAULT is the
// seller's FBM quantity; AMAZON_* channels belong to FBA and are not the seller's to set
// (docs/design.md §1: never push to FBA). A DEFAULT quantity sent to an offer Amazon fulfils (FBA
// only) is accepted and converts it to merchant-fulfilled, stranding its FBA stock (see
// convertsFbaOffer). Issue codes here are the simulator's own, not Amazon's.

import { parseDuration } from '../clock';
import type { SimCtx } from './context';
import type { SimListing, WriteRecord } from './state';

/**
 * How long an ACCEPTED patchListingsItem takes to show in reads when the scenario does not say.
 * ACCEPTED only means "accepted for processing" (listingsItems_2021-08-01.json,
 * ListingsItemSubmissionResponse.status); "Accepted does not mean the process is complete. Multiple
 * downstream processes …" (https://developer-docs.amazon.com/sp-api/docs/manage-listings-issues);
 * sellers see a patched value after a few minutes (amzn/selling-partner-api-docs#2167: "It takes few
 * minutes to reflect").
 */
export const DEFAULT_PATCH_APPLY_DELAY = '5m';

/** The scenario's behaviour.patchApplyDelay, or the default above. */
export function patchApplyDelayMs(behaviour: SimCtx['behaviour']): number {
  return parseDuration(behaviour.patchApplyDelay ?? DEFAULT_PATCH_APPLY_DELAY);
}

export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames?: string[];
  categories: string[];
}

export interface MessageInput {
  sku: string;
  productType: string | undefined;
  /** fulfillment_availability values the message sets (empty when it touches other attributes only). */
  availability: unknown[];
  /** DELETE operation (feeds only). */
  deleteListing?: boolean;
  /** The marketplace the write is for (the call's marketplaceIds, the feed's marketplace); absent: the main one. */
  marketplaceId?: string;
}

export interface MessageOutcome {
  issues: ListingIssue[];
  accepted: boolean;
  /** Applies the accepted quantities (at the given virtual time). */
  apply: (at: number) => void;
  writes: WriteRecord[];
}

const MAX_QUANTITY = 2147483647;

/**
 * Amazon accepts a seller quantity for an Amazon-fulfilled offer and switches the offer to
 * merchant-fulfilled: buyers can order units the seller may not hold, and the units in Amazon's
 * fulfilment centres can no longer be sold (stranded). Amazon's changelog "Clarification on how to
 * use the Inventory feed type Quantity attribute"
 * (https://developer-docs.amazon.com/sp-api/changelog/clarification-on-how-to-use-the-inventory-feed-type-quantity-attribute)
 * says so for the Inventory feed's Quantity; the simulator applies it to its successor, the DEFAULT
 * fulfillment_availability quantity of patchListingsItem and JSON_LISTINGS_FEED. A listing with
 * both a DEFAULT and an AMAZON_* entry keeps its FBA entry: DEFAULT then addresses its own entry.
 */
function convertsFbaOffer(listing: SimListing | undefined): boolean {
  return listing !== undefined && listing.fba && !listing.fbm;
}

const CONVERTED = 'Amazon accepted a DEFAULT quantity for an Amazon-fulfilled (FBA) offer and converted it to merchant-fulfilled; its FBA stock is stranded.';

export function evaluateMessage(ctx: SimCtx, input: MessageInput, operation: WriteRecord['operation'], feedId?: string): MessageOutcome {
  const issues: ListingIssue[] = [];
  const marketplaceId = input.marketplaceId ?? ctx.marketplace.id;
  // The listing in that marketplace only: a SKU listed elsewhere is not found here.
  const listing = ctx.state.listingsIn(marketplaceId).get(input.sku);
  const issue = (code: string, message: string, attr = 'fulfillment_availability'): void => {
    issues.push({ code, message, severity: 'ERROR', attributeNames: [attr], categories: ['INVALID_ATTRIBUTE'] });
  };
  if (!listing) {
    issues.push({ code: 'LISTING_NOT_FOUND', message: `SKU '${input.sku}' does not exist in this marketplace; it cannot be patched.`, severity: 'ERROR', categories: ['MISSING_ATTRIBUTE'] });
  } else if (input.productType && input.productType !== 'PRODUCT' && input.productType !== listing.productType) {
    issue('PRODUCT_TYPE_MISMATCH', `Product type '${input.productType}' does not match the listing's product type '${listing.productType}'.`, 'product_type');
  }
  const entries: Array<{ code: string; quantity: number; bad: string | null }> = [];
  for (const raw of input.availability) {
    const e = (raw ?? {}) as Record<string, unknown>;
    const code = typeof e.fulfillment_channel_code === 'string' ? e.fulfillment_channel_code : '';
    const q = e.quantity;
    const quantity = typeof q === 'number' ? q : Number.NaN;
    let bad: string | null = null;
    if (!code) bad = 'fulfillment_channel_code is required to select the offer to update.';
    else if (code !== 'DEFAULT') bad = `fulfillment_channel_code '${code}' is fulfilled by Amazon; its quantity cannot be set by the seller.`;
    else if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) bad = `quantity must be a whole number from 0 to ${MAX_QUANTITY}; got ${JSON.stringify(q)}.`;
    if (bad) issue(code && code !== 'DEFAULT' ? 'FBA_CHANNEL_NOT_WRITABLE' : bad.startsWith('quantity') ? 'INVALID_QUANTITY' : 'INVALID_FULFILLMENT_AVAILABILITY', bad);
    entries.push({ code: code || '(missing)', quantity, bad });
  }
  const accepted = !issues.some((i) => i.severity === 'ERROR');
  const faultOp = operation === 'JSON_LISTINGS_FEED' ? 'createFeed' : 'patchListingsItem';
  const writes: WriteRecord[] = entries.map((e) => {
    const w: WriteRecord = {
      at: '',
      operation,
      sku: input.sku,
      fulfillmentChannelCode: e.code,
      quantity: e.quantity,
      outcome: 'rejected',
    };
    if (feedId) w.feedId = feedId;
    Object.assign(w, ctx.state.marketplaceField(marketplaceId));
    if (!accepted) {
      w.reason = e.bad ?? issues[0]?.message ?? 'message rejected';
      return w;
    }
    // not_applied: Amazon accepts the write and it never shows up (docs/design.md §3 step 5).
    w.outcome = ctx.faults.check('amazon', faultOp, (k) => k === 'not_applied') ? 'not_applied' : 'applied';
    if (w.outcome === 'applied' && e.code === 'DEFAULT' && convertsFbaOffer(listing)) w.reason = CONVERTED;
    return w;
  });
  return {
    issues,
    accepted,
    writes,
    apply: (at) => {
      for (const w of writes) if (!w.at) w.at = new Date(at).toISOString();
      if (!accepted || !listing) return;
      if (input.deleteListing) {
        ctx.state.listingsIn(marketplaceId).delete(input.sku);
        return;
      }
      writes.forEach((w) => {
        if (w.outcome !== 'applied') return;
        if (convertsFbaOffer(listing)) {
          listing.fba = false;
          listing.fbm = true;
        }
        listing.quantity = w.quantity;
        listing.lastUpdated = at;
      });
    },
  };
}

/** The fulfillment_availability values a set of JSON patches writes. */
export function availabilityFromPatches(patches: unknown): unknown[] {
  if (!Array.isArray(patches)) return [];
  const out: unknown[] = [];
  for (const p of patches as Array<Record<string, unknown>>) {
    if (p?.path === '/attributes/fulfillment_availability' && p.op !== 'delete' && Array.isArray(p.value)) out.push(...p.value);
  }
  return out;
}
