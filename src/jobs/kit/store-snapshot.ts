// Document properties read once per job run: Apps Script charges every getProperty as a call to
// a remote service (tens of milliseconds each, docs/cost-model.md), and a run asks for the same
// keys again and again. Taken only after the run holds the document lock, so no other run's writes
// can land between the snapshot and its use; writes still go through at once.

import type { KeyValueStore } from '../../ports/store';

export function snapshotStore(store: KeyValueStore): KeyValueStore {
  let all: Record<string, string> | null = null;
  const load = (): Record<string, string> => (all ??= { ...store.all() });
  return {
    get: (key) => load()[key] ?? null,
    set(key, value) {
      store.set(key, value);
      load()[key] = value;
    },
    delete(key) {
      store.delete(key);
      delete load()[key];
    },
    all: () => ({ ...load() }),
  };
}
