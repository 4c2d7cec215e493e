// The Exceptions tab's 3PL links (issue 14): the ShipBob page of the shipment or receiving order a
// problem is about, built from the id the raising job knew, remembered between runs in one document
// property, and nothing for a 3PL whose page addresses no public source shows (Mintsoft).

import { describe, expect, it } from 'vitest';
import { entityLink, exceptionKey } from '../../src/core/exceptions';
import type { RaisedException } from '../../src/core/exceptions';
import { shipBobReceivingUrl, shipBobShipmentUrl, threePlPageUrl } from '../../src/core/web-links';
import { TABS } from '../../src/core/tabs';
import { exceptionsTab } from '../../src/sheet/exceptions-tab';
import { memoryWorkbook } from '../security/memory-workbook';
import { memorySheetStyle, memoryStore } from '../world/node-ports';

const ENTITY = TABS.exceptions.columns.findIndex((c) => c.header === 'Entity') + 1;
const ORDER = '202-1234567-1234567';

describe('ShipBob page addresses', () => {
  it('opens a shipment at #/orders/<shipment id> and a WRO at #/inventory/receiving/<id>/summary', () => {
    // Shipment: the web app resolves #/orders/<id> as a shipment id (ShipBob's Pandium integrations:
    // https://web.shipbob.com/App/Merchant/#/Orders/<shipment.id>/). WRO: ShipBob's "Your WRO … is now
    // complete" e-mail, quoted in brianzinn/shipbob-node-sdk README (…/#/inventory/receiving/756713/summary).
    expect(shipBobShipmentUrl('7001')).toBe('https://web.shipbob.com/app/merchant/#/orders/7001');
    expect(shipBobReceivingUrl('756713')).toBe('https://web.shipbob.com/app/merchant/#/inventory/receiving/756713/summary');
    expect(threePlPageUrl({ provider: 'shipbob', kind: 'shipment', id: '7001' })).toBe(shipBobShipmentUrl('7001'));
    expect(threePlPageUrl({ provider: 'ShipBob', kind: 'receiving', id: '12' })).toBe(shipBobReceivingUrl('12'));
  });

  it('gives no address for an id that is not ShipBob-shaped, nor for Mintsoft (no public source shows its page addresses)', () => {
    expect(shipBobShipmentUrl('SB-1')).toBeNull();
    expect(shipBobReceivingUrl('')).toBeNull();
    expect(threePlPageUrl({ provider: 'mintsoft', kind: 'shipment', id: '7001' })).toBeNull();
  });

  it("prefers the 3PL page to the key's page, and falls back to the key's page without one", () => {
    const key = exceptionKey('ORDER_STUCK', ORDER, 'ship');
    expect(entityLink(key, 'UK', { provider: 'shipbob', kind: 'shipment', id: '7001' })).toBe('https://web.shipbob.com/app/merchant/#/orders/7001');
    expect(entityLink(key, 'UK', { provider: 'mintsoft', kind: 'shipment', id: '7001' })).toBe(`https://sellercentral.amazon.co.uk/orders-v3/order/${ORDER}`);
    expect(entityLink(key, 'UK')).toBe(`https://sellercentral.amazon.co.uk/orders-v3/order/${ORDER}`);
  });
});

function stuck(ref?: RaisedException['threePlRef']): RaisedException {
  return { key: exceptionKey('ORDER_STUCK', ORDER, 'ship'), type: 'ORDER_STUCK', entity: `UK order ${ORDER}`, message: 'Not shipped.', ...(ref ? { threePlRef: ref } : {}) };
}
const AUTH: RaisedException = { key: 'AUTH_FAILED:amazon', type: 'AUTH_FAILED', entity: 'Amazon connection', message: 'Refused.' };

describe('Exceptions tab: a 3PL link outlives the run that knew the id', () => {
  it('keeps the ShipBob link through runs of other jobs and runs that see the problem again without the id', () => {
    const wb = memoryWorkbook();
    const style = memorySheetStyle();
    const store = memoryStore();
    const at = (n: number) => Date.UTC(2026, 10, 2, n);
    const link = () => style.tabs.get('Exceptions')!.links.find((l) => l.column === ENTITY && l.text === `UK order ${ORDER}`)?.url;
    exceptionsTab(wb, style, store).reconcile({ raised: [stuck({ provider: 'shipbob', kind: 'shipment', id: '7001' })], now: at(1), scope: ['ORDER_STUCK'], marketplace: 'UK' });
    expect(link()).toBe('https://web.shipbob.com/app/merchant/#/orders/7001');
    // Another job's run: the tab is rewritten whole (rich text dropped), the row is not raised.
    exceptionsTab(wb, style, store).reconcile({ raised: [AUTH], now: at(2), scope: ['AUTH_FAILED'], marketplace: 'UK' });
    expect(link()).toBe('https://web.shipbob.com/app/merchant/#/orders/7001');
    // The orders job sees the problem again, this time without having read the shipment.
    exceptionsTab(wb, style, store).reconcile({ raised: [stuck()], now: at(3), scope: ['ORDER_STUCK'], marketplace: 'UK' });
    expect(link()).toBe('https://web.shipbob.com/app/merchant/#/orders/7001');
    // Without the property the same run falls back to the Amazon order page: the property is what kept it.
    store.data.clear();
    exceptionsTab(wb, style, store).reconcile({ raised: [stuck()], now: at(4), scope: ['ORDER_STUCK'], marketplace: 'UK' });
    expect(link()).toBe(`https://sellercentral.amazon.co.uk/orders-v3/order/${ORDER}`);
  });

  it('forgets the id once the row has left the tab, and writes the property only when it changes', () => {
    const wb = memoryWorkbook();
    const store = memoryStore();
    const sets: string[] = [];
    const counted = { ...store, set: (k: string, v: string) => (sets.push(k), store.set(k, v)) };
    const tab = () => exceptionsTab(wb, memorySheetStyle(), counted);
    tab().reconcile({ raised: [AUTH], now: 1, scope: [], marketplace: 'UK' });
    // A Mintsoft id opens no page: nothing to keep either.
    tab().reconcile({ raised: [AUTH, stuck({ provider: 'mintsoft', kind: 'shipment', id: '7001' })], now: 1, scope: [], marketplace: 'UK' });
    expect(sets).toEqual([]);
    tab().reconcile({ raised: [stuck({ provider: 'shipbob', kind: 'shipment', id: '7001' })], now: 2, scope: [], marketplace: 'UK' });
    tab().reconcile({ raised: [stuck({ provider: 'shipbob', kind: 'shipment', id: '7001' })], now: 3, scope: [], marketplace: 'UK' });
    expect(sets).toHaveLength(1);
    expect(JSON.parse(store.data.get('exceptions.threePlRefs')!)).toEqual({ [stuck().key]: ['shipbob', 'shipment', '7001'] });
    // Resolved and then pruned by retention: the row is gone, so is its id.
    tab().reconcile({ raised: [], now: 4, scope: ['ORDER_STUCK'], marketplace: 'UK' });
    tab().reconcile({ raised: [], now: 4 + 40 * 86_400_000, scope: [], retentionDays: 30, marketplace: 'UK' });
    expect(store.data.has('exceptions.threePlRefs')).toBe(false);
  });

  it('stays under the property size limit, and still links every row this run knows an id for', () => {
    const wb = memoryWorkbook();
    const store = memoryStore();
    // Two types of 100 rows each: past 100 of one type the rest would share one row (core/exception-cap.ts).
    const raised = Array.from({ length: 200 }, (_, i): RaisedException => ({
      key: exceptionKey(i % 2 ? 'CHARGE_DUPLICATE' : 'CHARGE_UNMATCHED', `T${String(i).padStart(40, '0')}`),
      type: i % 2 ? 'CHARGE_DUPLICATE' : 'CHARGE_UNMATCHED',
      entity: `3PL charge ${i}`,
      message: 'Unmatched.',
      threePlRef: { provider: 'shipbob', kind: 'shipment', id: String(1_000_000 + i) },
    }));
    const style = memorySheetStyle();
    exceptionsTab(wb, style, store).reconcile({ raised, now: 1, scope: [], marketplace: 'UK' });
    const kept = JSON.parse(store.data.get('exceptions.threePlRefs')!) as Record<string, unknown>;
    expect(store.data.get('exceptions.threePlRefs')!.length).toBeLessThanOrEqual(8_000);
    expect(Object.keys(kept).length).toBeGreaterThan(50);
    // This run's rows are all linked, whether or not the property could keep them.
    expect(style.tabs.get('Exceptions')!.links.filter((l) => l.url?.startsWith('https://web.shipbob.com/'))).toHaveLength(200);
  });
});
