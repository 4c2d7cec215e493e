// Guardrails checked before any stock push (docs/design.md §3 step 3): a tripped limit holds the
// whole push, because a bad 3PL feed would otherwise zero or scramble many listings at once.

import { formatPercent } from '../cells';
import { exceptionKey, type RaisedException } from '../exceptions';
import type { Settings } from '../settings';

type GuardrailLimit = 'share-changing' | 'to-zero' | '3pl-list-short' | 'stock-stale' | 'quantity-too-high';

export interface GuardrailTrip {
  limit: GuardrailLimit;
  /** Plain words: which limit, the value seen and the setting. */
  message: string;
}

interface GuardrailInput {
  /** FBM offers with a proposal (the base of the share). */
  comparedSkus: number;
  changing: number;
  goingToZero: number;
  /** The highest quantity this push would send, and to which offer (null: nothing changes). */
  largestChange?: { sellerSku: string; toQty: number } | null;
  /** Distinct SKUs in the 3PL stock list now, and at the last successful sync (null: none yet). */
  threePlSkuCount: number;
  previousThreePlSkuCount: number | null;
  /** When the 3PL stock was read (ms); null = unknown, which counts as too old. */
  stockSnapshotAt: number | null;
  now: number;
  settings: Pick<Settings, 'guardrailMaxShareChanging' | 'guardrailMaxToZero' | 'guardrailMin3plListShare' | 'stockDataMaxAgeMinutes' | 'guardrailMaxQuantity'>;
}

/** Every limit the planned push would exceed; empty when the push may go ahead. */
export function evaluateGuardrails(input: GuardrailInput): GuardrailTrip[] {
  const s = input.settings;
  const trips: GuardrailTrip[] = [];
  if (input.comparedSkus > 0) {
    const share = input.changing / input.comparedSkus;
    if (share > s.guardrailMaxShareChanging) {
      trips.push({
        limit: 'share-changing',
        message: `${input.changing} of ${input.comparedSkus} SKUs (${formatPercent(share)}) would change quantity, more than "Guardrail max share changing" (${formatPercent(s.guardrailMaxShareChanging)}).`,
      });
    }
  }
  if (input.goingToZero > s.guardrailMaxToZero) {
    trips.push({
      limit: 'to-zero',
      message: `${input.goingToZero} SKUs would go to zero, more than "Guardrail max to zero" (${s.guardrailMaxToZero}).`,
    });
  }
  // A figure no warehouse holds (1,999,999 from a unit-of-measure or parsing slip at the 3PL) would
  // let Amazon sell stock that does not exist: hold it like any other implausible feed.
  const big = input.largestChange;
  if (big && big.toQty > s.guardrailMaxQuantity) {
    trips.push({
      limit: 'quantity-too-high',
      message: `Seller SKU ${big.sellerSku} would be set to ${big.toQty}, more than "Guardrail max quantity" (${s.guardrailMaxQuantity}).`,
    });
  }
  const prev = input.previousThreePlSkuCount;
  if (prev !== null && prev > 0 && input.threePlSkuCount < s.guardrailMin3plListShare * prev) {
    trips.push({
      limit: '3pl-list-short',
      message: `The 3PL stock list has ${input.threePlSkuCount} SKUs, against ${prev} last time: fewer than "Guardrail min 3PL list share" (${formatPercent(s.guardrailMin3plListShare)}) of it.`,
    });
  }
  if (input.stockSnapshotAt === null) {
    trips.push({ limit: 'stock-stale', message: 'The time the 3PL stock was read is unknown, so it cannot be shown to be fresh.' });
  } else {
    const ageMinutes = (input.now - input.stockSnapshotAt) / 60_000;
    if (ageMinutes > s.stockDataMaxAgeMinutes) {
      trips.push({
        limit: 'stock-stale',
        message: `The 3PL stock data is ${Math.floor(ageMinutes)} minutes old, older than "Stock data max age (minutes)" (${s.stockDataMaxAgeMinutes}).`,
      });
    }
  }
  return trips;
}

/** One GUARDRAIL_HALT per marketplace, listing every tripped limit. */
export function guardrailHaltException(trips: ReadonlyArray<GuardrailTrip>, marketplace: string): RaisedException {
  return {
    key: exceptionKey('GUARDRAIL_HALT', marketplace),
    type: 'GUARDRAIL_HALT',
    entity: `Stock push ${marketplace}`,
    message:
      `The stock push to Amazon ${marketplace} was held: ${trips.map((t) => t.message).join(' ')} ` +
      'Nothing was pushed, so Amazon keeps its current quantities. Check the Inventory tab and the 3PL stock; ' +
      'if the change is real, raise the limit in Settings (or approve it) and run "Sync now".',
  };
}
