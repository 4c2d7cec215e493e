import { describe, expect, it } from 'vitest';
import { evaluateGuardrails, guardrailHaltException } from '../../src/core/inventory/guardrails';
import { parseSettings } from '../../src/core/settings';

type GuardrailInput = Parameters<typeof evaluateGuardrails>[0];

const NOW = Date.UTC(2026, 10, 2, 8);

const settings = { ...parseSettings([]).settings, guardrailMaxShareChanging: 0.5, guardrailMaxToZero: 2, guardrailMin3plListShare: 0.8, stockDataMaxAgeMinutes: 90 };

function input(over: Partial<GuardrailInput> = {}): GuardrailInput {
  return { comparedSkus: 10, changing: 2, goingToZero: 0, threePlSkuCount: 100, previousThreePlSkuCount: 100, stockSnapshotAt: NOW - 60_000, now: NOW, settings, ...over };
}

describe('evaluateGuardrails', () => {
  it('passes a normal push', () => {
    expect(evaluateGuardrails(input())).toEqual([]);
  });

  it('trips when more than the max share of SKUs change (exactly at the limit is allowed)', () => {
    expect(evaluateGuardrails(input({ changing: 5 }))).toEqual([]);
    const trips = evaluateGuardrails(input({ changing: 6 }));
    expect(trips.map((t) => t.limit)).toEqual(['share-changing']);
    expect(trips[0]!.message).toBe('6 of 10 SKUs (60%) would change quantity, more than "Guardrail max share changing" (50%).');
  });

  it('holds a quantity no warehouse holds (1,999,999) and lets the limit itself through', () => {
    expect(evaluateGuardrails(input({ largestChange: { sellerSku: 'TEE-M', toQty: 10_000 } }))).toEqual([]);
    const trips = evaluateGuardrails(input({ largestChange: { sellerSku: 'TEE-M', toQty: 1_999_999 } }));
    expect(trips.map((t) => t.limit)).toEqual(['quantity-too-high']);
    expect(trips[0]!.message).toBe('Seller SKU TEE-M would be set to 1999999, more than "Guardrail max quantity" (10000).');
  });

  it('ignores the share when nothing is compared', () => {
    expect(evaluateGuardrails(input({ comparedSkus: 0, changing: 0 }))).toEqual([]);
  });

  it('trips when more than the max SKUs go to zero', () => {
    expect(evaluateGuardrails(input({ goingToZero: 2 }))).toEqual([]);
    const trips = evaluateGuardrails(input({ goingToZero: 3 }));
    expect(trips.map((t) => t.limit)).toEqual(['to-zero']);
    expect(trips[0]!.message).toContain('3 SKUs would go to zero');
  });

  it('trips when the 3PL list is much shorter than last time', () => {
    expect(evaluateGuardrails(input({ threePlSkuCount: 80 }))).toEqual([]);
    const trips = evaluateGuardrails(input({ threePlSkuCount: 79 }));
    expect(trips.map((t) => t.limit)).toEqual(['3pl-list-short']);
    expect(trips[0]!.message).toContain('79 SKUs, against 100 last time');
    expect(evaluateGuardrails(input({ threePlSkuCount: 1, previousThreePlSkuCount: null }))).toEqual([]);
  });

  it('trips on stale or undated stock data', () => {
    expect(evaluateGuardrails(input({ stockSnapshotAt: NOW - 90 * 60_000 }))).toEqual([]);
    const trips = evaluateGuardrails(input({ stockSnapshotAt: NOW - 91 * 60_000 }));
    expect(trips.map((t) => t.limit)).toEqual(['stock-stale']);
    expect(trips[0]!.message).toContain('91 minutes old');
    expect(evaluateGuardrails(input({ stockSnapshotAt: null })).map((t) => t.limit)).toEqual(['stock-stale']);
  });

  it('reports every tripped limit in one GUARDRAIL_HALT', () => {
    const trips = evaluateGuardrails(input({ changing: 9, goingToZero: 9, threePlSkuCount: 10 }));
    expect(trips.map((t) => t.limit)).toEqual(['share-changing', 'to-zero', '3pl-list-short']);
    const ex = guardrailHaltException(trips, 'UK');
    expect(ex).toMatchObject({ key: 'GUARDRAIL_HALT:UK', type: 'GUARDRAIL_HALT' });
    for (const t of trips) expect(ex.message).toContain(t.message);
    expect(ex.message).toContain('Nothing was pushed');
  });
});
