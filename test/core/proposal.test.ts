import { describe, expect, it } from 'vitest';
import { proposeFbmQuantity } from '../../src/core/inventory/proposal';

const base = { fulfillable: 12, unsentOrders: 2, offerShare: null, safetyBuffer: 3, maxQty: null };

describe('proposeFbmQuantity', () => {
  it('subtracts unsent orders and the buffer, and says so', () => {
    expect(proposeFbmQuantity(base)).toEqual({ quantity: 7, reason: '3PL has 12 pickable, 2 in unsent orders, buffer 3 → 7' });
  });

  it('applies the offer share before the buffer, rounding down', () => {
    const p = proposeFbmQuantity({ ...base, offerShare: 0.5, safetyBuffer: 1 });
    expect(p.quantity).toBe(4); // floor(10 × 0.5) − 1
    expect(p.reason).toBe('3PL has 12 pickable, 2 in unsent orders, 50% offered (5), buffer 1 → 4');
    expect(proposeFbmQuantity({ ...base, fulfillable: 13, unsentOrders: 0, offerShare: 0.5, safetyBuffer: 0 }).quantity).toBe(6);
  });

  it('is not fooled by binary fractions (100 × 0.29 = 29)', () => {
    expect(proposeFbmQuantity({ fulfillable: 100, unsentOrders: 0, offerShare: 0.29, safetyBuffer: 0, maxQty: null }).quantity).toBe(29);
    expect(proposeFbmQuantity({ fulfillable: 100, unsentOrders: 0, offerShare: 0.57, safetyBuffer: 0, maxQty: null }).quantity).toBe(57);
  });

  it('offers nothing at Offer % 0', () => {
    const p = proposeFbmQuantity({ ...base, offerShare: 0, safetyBuffer: 0 });
    expect(p.quantity).toBe(0);
    expect(p.reason).toContain('0% offered (0)');
    expect(p.reason).toMatch(/→ 0$/);
  });

  it('never goes below zero when unsent orders exceed pickable stock', () => {
    const p = proposeFbmQuantity({ ...base, fulfillable: 1, unsentOrders: 3, safetyBuffer: 2 });
    expect(p.quantity).toBe(0);
    expect(p.reason).toBe('3PL has 1 pickable, 3 in unsent orders, buffer 2 → 0 (more units are in unsent orders than are pickable)');
  });

  it('never goes below zero when the buffer exceeds the stock', () => {
    const p = proposeFbmQuantity({ ...base, fulfillable: 3, unsentOrders: 0, safetyBuffer: 5 });
    expect(p).toEqual({ quantity: 0, reason: '3PL has 3 pickable, 0 in unsent orders, buffer 5 → 0 (nothing left after the buffer)' });
  });

  it('caps at Max Qty and mentions the cap only when it applies', () => {
    const capped = proposeFbmQuantity({ ...base, fulfillable: 50, unsentOrders: 0, safetyBuffer: 2, maxQty: 10 });
    expect(capped).toEqual({ quantity: 10, reason: '3PL has 50 pickable, 0 in unsent orders, buffer 2 → 48, capped at Max Qty 10 → 10' });
    const under = proposeFbmQuantity({ ...base, maxQty: 10 });
    expect(under.quantity).toBe(7);
    expect(under.reason).not.toContain('Max Qty');
    expect(proposeFbmQuantity({ ...base, maxQty: 0 }).quantity).toBe(0);
  });

  it('marks a buffer taken from Settings', () => {
    expect(proposeFbmQuantity({ ...base, bufferIsDefault: true }).reason).toContain('buffer 3 (default)');
  });
});
