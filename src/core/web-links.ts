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
 * e.g. …/#/inventory/receiving/<id>/summary). No public source (ShipBob's help and developer pages,
 * integrations' code) shows the address of one product's page, so a 3PL SKU links to the Inventory
 * list, where people search for it, rather than to a guessed address.
 */
export function shipBobInventoryUrl(): string {
  return 'https://web.shipbob.com/app/merchant/#/inventory';
}

/**
 * What an exception is about at the 3PL, when the job that raised it knows the 3PL's own id: a
 * shipment (ShipBob: shipments[].id, Orders.ShipmentViewModel.id in openapi-2026-01.json) or a
 * receiving order (ShipBob WRO id). Kept as plain data so the Exceptions tab can remember it
 * between runs (sheet/exceptions-tab.ts) and build the address when it writes the link.
 */
export interface ThreePlRef {
  /** Settings "3PL provider": shipbob, mintsoft. */
  provider: string;
  kind: 'shipment' | 'receiving';
  id: string;
}

const SHIPBOB_APP = 'https://web.shipbob.com/app/merchant/#';
const NUMERIC_ID = /^\d+$/;

/**
 * A ShipBob shipment's page: #/orders/<shipment id>. The web app resolves the id in this address as
 * a SHIPMENT id, not the API's order id: ShipBob's Pandium integrations (Gorgias sidebar) give each
 * shipment the url https://web.shipbob.com/App/Merchant/#/Orders/<shipment.id>/, and public dashboard
 * code notes "ShipBob's /orders/{id} deep link resolves the id as a SHIPMENT id". So an order whose
 * shipment id is not known gets no ShipBob page (its Amazon page stays).
 */
export function shipBobShipmentUrl(shipmentId: string): string | null {
  return NUMERIC_ID.test(shipmentId) ? `${SHIPBOB_APP}/orders/${shipmentId}` : null;
}

/**
 * A ShipBob receiving order (WRO): #/inventory/receiving/<WRO id>/summary, the address ShipBob's
 * "Your WRO … is now complete" e-mails link to (quoted in brianzinn/shipbob-node-sdk README:
 * https://web.shipbob.com/app/Merchant/#/inventory/receiving/756713/summary).
 */
export function shipBobReceivingUrl(wroId: string): string | null {
  return NUMERIC_ID.test(wroId) ? `${SHIPBOB_APP}/inventory/receiving/${wroId}/summary` : null;
}

/**
 * The 3PL page of `ref`, or null when there is none to give. ShipBob only: no public source shows
 * the address of a Mintsoft order or ASN page (its help centre describes the screens, never their
 * URLs), so Mintsoft problems get no 3PL link rather than an invented one. ShipBob's product page
 * is not addressed either (no public source gives its form): product problems keep the Inventory
 * list link above.
 */
export function threePlPageUrl(ref: ThreePlRef): string | null {
  if (ref.provider.trim().toLowerCase() !== 'shipbob') return null;
  return ref.kind === 'shipment' ? shipBobShipmentUrl(ref.id) : shipBobReceivingUrl(ref.id);
}
