// A job run reads document properties once (after taking the lock) and writes through at once.

import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../src/jobs/kit/store-snapshot';
import { memoryStore } from '../world/node-ports';

function counted() {
  const inner = memoryStore({ a: '1', b: '2' });
  const calls = { get: 0, all: 0, set: 0, delete: 0 };
  return {
    calls,
    inner,
    store: {
      get: (k: string) => (calls.get++, inner.get(k)),
      all: () => (calls.all++, inner.all()),
      set: (k: string, v: string) => (calls.set++, inner.set(k, v)),
      delete: (k: string) => (calls.delete++, inner.delete(k)),
    },
  };
}

describe('snapshotStore', () => {
  it('reads every property in one call, however many gets follow', () => {
    const c = counted();
    const s = snapshotStore(c.store);
    expect(c.calls.all).toBe(0);
    for (let i = 0; i < 50; i++) expect(s.get('a')).toBe('1');
    expect(s.get('missing')).toBeNull();
    expect(c.calls).toMatchObject({ all: 1, get: 0 });
  });

  it('writes and deletes go through at once and are seen by later reads', () => {
    const c = counted();
    const s = snapshotStore(c.store);
    s.set('a', '9');
    s.delete('b');
    expect(c.inner.data.get('a')).toBe('9');
    expect(c.inner.data.has('b')).toBe(false);
    expect(s.get('a')).toBe('9');
    expect(s.get('b')).toBeNull();
    expect(s.all()).toEqual({ a: '9' });
  });
});
