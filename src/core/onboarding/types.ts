// Data shapes of the SKU Map builder (issue 18): Amazon offers and 3PL products as the pairing
// rules see them, and the rows it proposes.

import type { Channel } from '../inventory/types';

/** A product identifier from the listings report: product-id with its product-id-type. */
export interface ProductId {
  /** Seller Central's Inventory Loader codes (help G202154120): 1 ASIN, 2 ISBN, 3 UPC, 4 EAN. */
  type: 'ASIN' | 'ISBN' | 'UPC' | 'EAN';
  value: string;
}

/** One Amazon offer: a Seller SKU with one channel in one marketplace. */
export interface AmazonOffer {
  sellerSku: string;
  marketplace: string;
  channel: Channel;
  asin: string;
  fnsku: string;
  title: string;
  productIds: ProductId[];
}

/** One 3PL product (a variant at ShipBob) as the pairing sees it. */
export interface CatalogueProduct {
  sku: string;
  name: string;
  /** UPC, EAN, GTIN and barcode values the 3PL holds for it, as it gave them. */
  barcodes: string[];
  /** Inactive (not to be sold) or digital (nothing to pick): listed in Notes, never paired. */
  unusable?: string;
}

/** How a proposed row was paired, strongest evidence first. */
export type MatchKind = 'SKU' | 'SKU (normalised)' | 'Barcode' | 'Title' | 'Ambiguous' | 'None';

export interface Candidate {
  sku: string;
  name: string;
  /** 0..1: how sure the pairing is. */
  score: number;
  why: MatchKind;
}

export interface Pairing {
  match: MatchKind;
  /** 0..1; 0 when nothing is proposed. */
  confidence: number;
  /** The 3PL SKU proposed ('' when none is credible or two fit equally). */
  threePlSku: string;
  /** Ticked only for an exact, unique SKU match. */
  active: boolean;
  /** The best candidates, for Notes (the proposed one first). */
  candidates: Candidate[];
}

export interface ProposedRow {
  offer: AmazonOffer;
  pairing: Pairing;
  notes: string;
}
