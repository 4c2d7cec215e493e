// Addresses of the pages people open to look at an offer or an order in Seller Central or ShipBob,
// built from plain data (a marketplace code, a SKU, an order id). Neither vendor documents these web
// addresses as an API, so each is the form Seller Central and ShipBob links take in the wild, said
// beside it; a page that cannot be addressed directly is linked through its list or search.

import { findMarketplace } from './marketplaces';

/**
 * Seller Central's host for a marketplace: "sellercentral." + the storefront domain
 * (sellercentral.amazon.co.uk, sellercentral.amazon.de, sellercentral.amazon.com, as Amazon's own
 * help pages are addressed, e.g. https://sellercentral.amazon.co.uk/gp/help/external/help.html?itemID=201815510).
 */
function sellerCentral(marketplace: string): string | null {
  const m = findMarketplace(marketplace);
  return m ? `https://sellercentral.${m.domain}` : null;
}

/**
 * Manage All Inventory searched for one Seller SKU: /myinventory/inventory?searchField=all&searchTerm=…
 * (the form inventory tools link to, e.g. https://sellercentral.amazon.com/myinventory/inventory?searchField=all&searchTerm=SKU).
 * A search, not the listing itself: Seller Central has no address by SKU alone.
 */
export function sellerCentralSkuUrl(marketplace: string, sellerSku: string): string | null {
  const host = sellerCentral(marketplace);
  return host && sellerSku ? `${host}/myinventory/inventory?searchField=all&searchTerm=${encodeURIComponent(sellerSku)}` : null;
}

/** Amazon order ids: 3-7-7 digits (M:orders-api-model/ordersV0.json example AmazonOrderId "902-1845936-5435065"). */
const AMAZON_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

/** An order's page in Seller Central: /orders-v3/order/<order id> (the address Manage Orders opens). */
export function sellerCentralOrderUrl(marketplace: string, orderId: string): string | null {
  const host = sellerCentral(marketplace);
  return host && AMAZON_ORDER_ID.test(orderId) ? `${host}/orders-v3/order/${orderId}` : null;
}

/**
 * ShipBob's web app (https://web.shipbob.com/app/merchant/#/…, the address ShipBob's own e-mails use,
 * e.g. …/#/inventory/receiving/<id>/summary). A product page needs ShipBob's inventory id, which a
 * SKU alone does not give, so a 3PL SKU links to the Inventory list, where people search for it.
 */
export function shipBobInventoryUrl(): string {
  return 'https://web.shipbob.com/app/merchant/#/inventory';
}
