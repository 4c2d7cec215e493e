// Key-value, cache and lock ports over PropertiesService, CacheService and LockService, all scoped
// to the document: in a published add-on the script-wide stores and lock are shared by every
// customer (../shared/reference/apps-script.md §2.4, §2.6).

import type { CachePort, KeyValueStore, LockPort } from '../../ports/store';

export function documentStore(): KeyValueStore {
  const props = PropertiesService.getDocumentProperties();
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => void props.setProperty(key, value),
    delete: (key) => void props.deleteProperty(key),
    all: () => props.getProperties(),
  };
}

export function documentCache(): CachePort {
  const cache = CacheService.getDocumentCache();
  if (!cache) throw new Error('No document cache: the add-on must run inside a spreadsheet.');
  return {
    get: (key) => cache.get(key),
    put: (key, value, ttl) => cache.put(key, value, Math.max(1, Math.min(21600, Math.floor(ttl)))),
    remove: (key) => cache.remove(key),
  };
}

export function documentLock(): LockPort {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: the add-on must run inside a spreadsheet.');
  return {
    tryLock: (ms) => lock.tryLock(ms),
    release: () => {
      // Pending sheet writes land before another execution may read them (Lock.releaseLock docs).
      SpreadsheetApp.flush();
      lock.releaseLock();
    },
  };
}
