// Amazon takes 5 JSON_LISTINGS_FEEDs per 5 minutes per region (sp-api.md): the push counts its
// submissions and holds a sixth until the oldest of the last five is 5 minutes old.

import { describe, expect, it } from 'vitest';
import { nextFeedSlot, noteFeedSent } from '../../src/jobs/inventory/push';
import { memoryStore } from '../world/node-ports';

const T = Date.parse('2026-11-02T08:00:00Z');
const MIN = 60_000;

describe('feed pacing', () => {
  it('lets five feeds go at once, holds the sixth for five minutes after the first', () => {
    const store = memoryStore();
    for (let i = 0; i < 5; i++) {
      expect(nextFeedSlot(store, T + i * 1000)).toBe(T + i * 1000);
      noteFeedSent(store, T + i * 1000);
    }
    expect(nextFeedSlot(store, T + 5000)).toBe(T + 5 * MIN);
    expect(nextFeedSlot(store, T + 5 * MIN + 1)).toBe(T + 5 * MIN + 1);
  });

  it('forgets submissions older than the window (the property stays small)', () => {
    const store = memoryStore();
    for (let i = 0; i < 5; i++) noteFeedSent(store, T);
    noteFeedSent(store, T + 6 * MIN);
    expect(JSON.parse(store.get('inventory.feedTimes')!)).toEqual([T + 6 * MIN]);
  });
});
