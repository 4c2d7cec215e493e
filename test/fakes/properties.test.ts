// PropertiesService fake against https://developers.google.com/apps-script/reference/properties/properties
// and the limits on https://developers.google.com/apps-script/guides/services/quotas.

import { describe, expect, it } from 'vitest';
import { PROPERTY_QUOTA_MESSAGE, PropertyStore, makePropertiesService, type PropertyScope } from '../world/gas/properties';
import { gasMessage, harness, type HarnessOptions } from './gas-harness';

function setup(opts: HarnessOptions = {}) {
  const h = harness(opts);
  const stores: Record<PropertyScope, PropertyStore> = { document: new PropertyStore(), script: new PropertyStore(), user: new PropertyStore() };
  return { ...h, stores, svc: makePropertiesService(h.ctx, stores) };
}

describe('PropertiesService', () => {
  it('keeps document, script and user properties in separate stores', () => {
    const { svc, stores } = setup();
    svc.getDocumentProperties().setProperty('k', 'doc');
    svc.getScriptProperties().setProperty('k', 'script');
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
    expect(stores.document.data.get('k')).toBe('doc');
    expect(stores.script.data.get('k')).toBe('script');
  });

  it('returns null for a missing key and stores every value as a string', () => {
    const p = setup().svc.getUserProperties();
    expect(p.getProperty('missing')).toBeNull();
    p.setProperty('n', 42 as unknown as string);
    p.setProperty('empty', '');
    expect(p.getProperty('n')).toBe('42');
    expect(p.getProperty('empty')).toBe('');
  });

  it('getProperties returns a copy, not a live view; setters chain', () => {
    const p = setup().svc.getDocumentProperties();
    p.setProperty('a', '1').setProperty('b', '2');
    const copy = p.getProperties();
    copy['a'] = 'changed';
    expect(p.getProperty('a')).toBe('1');
    expect(p.getKeys().sort()).toEqual(['a', 'b']);
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const p = setup().svc.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' });
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'c']);
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    p.deleteProperty('d');
    p.setProperty('x', '1').deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  it('refuses a value over 9 KB and a store over 500 KB, leaving the store unchanged', () => {
    const { svc, stores } = setup();
    const p = svc.getUserProperties();
    expect(gasMessage(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)))).toBe(PROPERTY_QUOTA_MESSAGE);
    p.setProperty('fits', 'x'.repeat(9 * 1024));
    for (let i = 0; i < 54; i++) p.setProperty(`k${i}`, 'y'.repeat(9 * 1024));
    expect(PropertyStore.sizeOf(stores.user.data)).toBeLessThanOrEqual(500 * 1024);
    const before = stores.user.data.size;
    expect(gasMessage(() => p.setProperty('one-more', 'z'.repeat(9 * 1024)))).toBe(PROPERTY_QUOTA_MESSAGE);
    expect(stores.user.data.size).toBe(before);
  });

  it('counts reads and writes in the execution', () => {
    const { svc, world } = setup();
    const p = svc.getDocumentProperties();
    p.setProperty('a', '1');
    p.getProperty('a');
    p.getProperties();
    expect(world.current!.counts.propertyWrites).toBe(1);
    expect(world.current!.counts.propertyReads).toBe(2);
  });

  it('is off-limits in AuthMode.NONE (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle)', () => {
    const { svc } = setup({ authMode: 'NONE', kind: 'simple-trigger' });
    expect(gasMessage(() => svc.getDocumentProperties())).toBe('You do not have permission to call PropertiesService.getDocumentProperties.');
    expect(setup({ authMode: 'LIMITED', kind: 'simple-trigger' }).svc.getDocumentProperties().getProperty('x')).toBeNull();
  });

  it('outlives the execution: a later execution reads what an earlier one wrote', () => {
    const { svc, world } = setup();
    svc.getDocumentProperties().setProperty('cursor', '2026-03-01');
    world.end('ok');
    world.begin('next', 'time-trigger');
    expect(svc.getDocumentProperties().getProperty('cursor')).toBe('2026-03-01');
  });
});
