// CacheService fake against https://developers.google.com/apps-script/reference/cache/cache.

import { describe, expect, it } from 'vitest';
import { CacheModel, makeCacheService, type CacheScope } from '../world/gas/cache';
import { gasMessage, harness, later } from './gas-harness';

function setup() {
  const h = harness();
  const caches: Record<CacheScope, CacheModel> = {
    document: new CacheModel(h.world.clock), script: new CacheModel(h.world.clock), user: new CacheModel(h.world.clock),
  };
  return { ...h, caches, svc: makeCacheService(h.ctx, caches) };
}

describe('CacheService', () => {
  it('returns null when missing and keeps one cache per scope', () => {
    const { svc } = setup();
    svc.getScriptCache().put('k', 'v');
    expect(svc.getScriptCache().get('k')).toBe('v');
    expect(svc.getUserCache().get('k')).toBeNull();
  });

  it('expires after the default 600 s on the virtual clock, or after the given TTL', () => {
    const { svc, world } = setup();
    const c = svc.getDocumentCache();
    c.put('default', 'a');
    c.put('short', 'b', 5);
    later(world, 5_000);
    expect(c.get('short')).toBeNull();
    expect(c.get('default')).toBe('a');
    later(world, 595_000);
    expect(c.get('default')).toBeNull();
  });

  it('caps the TTL at 21,600 s', () => {
    const { svc, caches } = setup();
    svc.getScriptCache().put('k', 'v', 100_000);
    const e = caches.script.entries.get('k')!;
    expect(e.expires - Date.parse('2026-03-02T09:00:00Z')).toBe(21_600_000);
  });

  it('rejects keys over 250 characters and values over 100 KB', () => {
    const c = setup().svc.getScriptCache();
    expect(gasMessage(() => c.put('k'.repeat(251), 'v'))).toBe('Argument too large: key');
    c.put('k'.repeat(250), 'v');
    expect(gasMessage(() => c.put('big', 'v'.repeat(100 * 1024 + 1)))).toBe('Argument too large: value');
    c.put('fits', 'v'.repeat(100 * 1024));
  });

  it('putAll/getAll/removeAll: getAll leaves out missing keys', () => {
    const c = setup().svc.getUserCache();
    c.putAll({ a: '1', b: '2' });
    expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    c.removeAll(['a']);
    c.remove('b');
    expect(c.getAll(['a', 'b'])).toEqual({});
  });

  it('beyond 1,000 items keeps the 900 farthest from expiry', () => {
    const { svc, caches } = setup();
    const c = svc.getScriptCache();
    for (let i = 0; i < 1001; i++) c.put(`k${i}`, 'v', 100 + i);
    expect(caches.script.entries.size).toBe(900);
    expect(c.get('k1000')).toBe('v');
    expect(c.get('k100')).toBeNull();
    expect(c.get('k101')).toBe('v');
  });

  it('test hooks evict early, as "cached data may be removed before this time"', () => {
    const { svc, caches } = setup();
    const c = svc.getScriptCache();
    for (let i = 0; i < 20; i++) c.put(`k${i}`, 'v');
    const dropped = caches.script.evictRandom(0.5, 7);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThan(20);
    for (const k of dropped) expect(c.get(k)).toBeNull();
    caches.script.evictAll();
    expect(c.get('k0')).toBeNull();
  });

  it('counts cache calls in the execution', () => {
    const { svc, world } = setup();
    const c = svc.getScriptCache();
    c.put('a', '1');
    c.get('a');
    c.getAll(['a']);
    expect(world.current!.counts.cacheCalls).toBe(3);
  });
});
