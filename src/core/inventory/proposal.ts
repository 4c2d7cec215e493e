// The FBM quantity formula (docs/design.md §3 step 2) and the plain-words Reason that shows how the
// number was reached, so people can check it against the 3PL without reading code.

import { formatPercent } from '../cells';

interface ProposalInput {
  /** 3PL pickable units summed over the chosen locations. */
  fulfillable: number;
  /** Units in Amazon orders not yet at the 3PL. */
  unsentOrders: number;
  /** Units of the same stock that offers the sync does not set (unticked, invalid rows) still show on Amazon. */
  shownElsewhere?: number;
  /** Their Seller SKUs, for the Reason. */
  shownElsewhereBy?: ReadonlyArray<string>;
  /** null = 100%. */
  offerShare: number | null;
  safetyBuffer: number;
  /** The buffer came from Settings because the SKU Map cell is empty. */
  bufferIsDefault?: boolean;
  /** null = no cap. */
  maxQty: number | null;
}

interface Proposal {
  quantity: number;
  reason: string;
}

/** Shares like 0.29 are not exact in binary: 100 × 0.29 = 28.999…, which must still floor to 29. */
const EPSILON = 1e-9;

/** clamp(floor((fulfillable − unsent − shown elsewhere) × offer) − buffer, 0, maxQty) with its explanation. */
export function proposeFbmQuantity(input: ProposalInput): Proposal {
  const { fulfillable, unsentOrders, safetyBuffer, maxQty } = input;
  const share = input.offerShare ?? 1;
  const elsewhere = input.shownElsewhere ?? 0;
  const available = fulfillable - unsentOrders - elsewhere;
  const offered = share === 1 ? available : Math.floor(available * share + EPSILON);
  const raw = offered - safetyBuffer;
  let quantity = Math.max(0, raw);
  const capped = maxQty !== null && quantity > maxQty;
  if (capped) quantity = maxQty;

  const parts = [`3PL has ${fulfillable} pickable`, `${unsentOrders} in unsent orders`];
  if (elsewhere > 0) parts.push(`${elsewhere} shown by ${(input.shownElsewhereBy ?? []).join(', ') || 'other offers'}, which the sync does not set`);
  if (share !== 1) parts.push(`${formatPercent(share)} offered (${Math.max(0, offered)})`);
  parts.push(`buffer ${safetyBuffer}${input.bufferIsDefault ? ' (default)' : ''}`);
  let reason = parts.join(', ');
  if (raw < 0 || (raw === 0 && quantity === 0)) {
    reason += ' → 0';
    if (available < 0) reason += elsewhere > 0 ? ' (unsent orders and the offers the sync does not set take all of it)' : ' (more units are in unsent orders than are pickable)';
    else if (raw < 0) reason += ' (nothing left after the buffer)';
  } else if (capped) {
    reason += ` → ${raw}, capped at Max Qty ${maxQty} → ${quantity}`;
  } else {
    reason += ` → ${quantity}`;
  }
  return { quantity, reason };
}
