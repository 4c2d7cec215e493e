import { describe, expect, it } from 'vitest';
import { INVENTORY_EXCEPTION_TYPES, exceptionKey, type RaisedException } from '../../src/core/exceptions';
import { pruneResolved, reconcileExceptions } from '../../src/core/exception-rows';
import { TABS } from '../../src/core/tabs';

const T0 = Date.UTC(2026, 10, 2, 8);
const T1 = T0 + 3_600_000;
const scope = INVENTORY_EXCEPTION_TYPES;

const raised = (sku: string, message = `problem with ${sku}`): RaisedException => ({
  key: exceptionKey('MAPPING_INVALID', 'UK', 'FBM', sku),
  type: 'MAPPING_INVALID',
  entity: `UK FBM ${sku}`,
  message,
});

function row(over: Partial<Record<string, unknown>>): Record<string, unknown> {
  return {
    Key: 'MAPPING_INVALID:UK:FBM:A',
    Type: 'MAPPING_INVALID',
    Severity: 'Medium',
    Entity: 'UK FBM A',
    Message: 'old',
    'First Seen': new Date(T0),
    'Last Seen': new Date(T0),
    'Times Seen': 1,
    Status: 'Open',
    Owner: '',
    ...over,
  };
}

describe('reconcileExceptions', () => {
  it('adds a new problem as an Open row with every column', () => {
    const r = reconcileExceptions([], [raised('A')], { now: T0, scope });
    expect(r.rows).toEqual([
      {
        Key: 'MAPPING_INVALID:UK:FBM:A',
        Type: 'MAPPING_INVALID',
        Severity: 'Medium',
        Entity: 'UK FBM A',
        Message: 'problem with A',
        'First Seen': new Date(T0),
        'Last Seen': new Date(T0),
        'Times Seen': 1,
        Status: 'Open',
        Owner: '',
        Action: 'Fix the SKU Map cell the message names; the row syncs again on the next run.',
      },
    ]);
    expect(Object.keys(r.rows[0]!)).toEqual(TABS.exceptions.columns.map((c) => c.header));
    expect(r.opened).toEqual(['MAPPING_INVALID:UK:FBM:A']);
  });

  it('updates the row of a problem raised again instead of adding one', () => {
    const r = reconcileExceptions([row({ 'Times Seen': 3 })], [raised('A', 'fresh words')], { now: T1, scope });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ 'Times Seen': 4, 'Last Seen': new Date(T1), 'First Seen': new Date(T0), Message: 'fresh words', Status: 'Open' });
    expect(r.opened).toEqual([]);
  });

  it('resolves an in-scope problem that is no longer raised, and leaves other jobs’ problems alone', () => {
    const orders = row({ Key: 'ORDER_HELD:202-1', Type: 'ORDER_HELD' });
    const r = reconcileExceptions([row({}), orders], [], { now: T1, scope });
    expect(r.rows.map((x) => x['Status'])).toEqual(['Resolved', 'Open']);
    expect(r.rows[0]!['Last Seen']).toEqual(new Date(T0));
    expect(r.resolved).toEqual(['MAPPING_INVALID:UK:FBM:A']);
  });

  it('reopens a resolved problem that comes back, counting it', () => {
    const r = reconcileExceptions([row({ Status: 'Resolved', 'Times Seen': 2, Owner: 'Sam' })], [raised('A')], { now: T1, scope });
    expect(r.rows[0]).toMatchObject({ Status: 'Open', 'Times Seen': 3, Owner: 'Sam', 'Last Seen': new Date(T1) });
    expect(r.reopened).toEqual(['MAPPING_INVALID:UK:FBM:A']);
  });

  it('keeps Acknowledged and Owner while the problem persists, then resolves it', () => {
    const ack = row({ Status: 'Acknowledged', Owner: 'Priya' });
    const persisting = reconcileExceptions([ack], [raised('A')], { now: T1, scope });
    expect(persisting.rows[0]).toMatchObject({ Status: 'Acknowledged', Owner: 'Priya', 'Times Seen': 2 });
    const typed = reconcileExceptions([row({ Status: 'ack' })], [raised('A')], { now: T1, scope });
    expect(typed.rows[0]!['Status']).toBe('Acknowledged');
    const cleared = reconcileExceptions(persisting.rows, [], { now: T1, scope });
    expect(cleared.rows[0]).toMatchObject({ Status: 'Resolved', Owner: 'Priya' });
  });

  it('keeps rows people added, extra columns and the order; appends new rows at the end', () => {
    const note = { Key: '', Message: 'call the 3PL about damaged stock', Notes: 'mine' };
    const existing = [row({ Key: 'MAPPING_INVALID:UK:FBM:B', Notes: 'check with Joe' }), note, row({})];
    const r = reconcileExceptions(existing, [raised('C'), raised('A')], { now: T1, scope });
    expect(r.rows.map((x) => x['Key'])).toEqual(['MAPPING_INVALID:UK:FBM:B', '', 'MAPPING_INVALID:UK:FBM:A', 'MAPPING_INVALID:UK:FBM:C']);
    expect(r.rows[0]).toMatchObject({ Notes: 'check with Joe', Status: 'Resolved' });
    expect(r.rows[1]).toEqual(note);
  });

  it('counts a key raised twice in one run once, and leaves a duplicate row copy untouched', () => {
    const copy = row({ Message: 'copy' });
    const r = reconcileExceptions([row({}), copy], [raised('A', 'first'), raised('A', 'second')], { now: T1, scope });
    expect(r.rows.map((x) => [x['Times Seen'], x['Message']])).toEqual([
      [2, 'first'],
      [1, 'copy'],
    ]);
  });

  it('accepts a predicate scope and falls back to the key when Type is empty', () => {
    const unmappedAmazon = row({ Key: 'UNMAPPED_SKU:UK:amazon:X', Type: '' });
    const unmapped3pl = row({ Key: 'UNMAPPED_SKU:3PL:Y', Type: 'UNMAPPED_SKU' });
    const r = reconcileExceptions([unmappedAmazon, unmapped3pl], [], { now: T1, scope: ({ key }) => key.startsWith('UNMAPPED_SKU:UK:') });
    expect(r.rows.map((x) => x['Status'])).toEqual(['Resolved', 'Open']);
    const byType = reconcileExceptions([unmappedAmazon], [], { now: T1, scope: ['UNMAPPED_SKU'] });
    expect(byType.rows[0]!['Status']).toBe('Resolved');
  });

  it('keeps an Ignored problem closed while its facts stay (figures may move), and reopens it when they change', () => {
    const ignored = row({ Status: 'Ignored', Message: 'ShipBob holds 5 units of SB-BOX' });
    const same = reconcileExceptions([ignored], [raised('A', 'ShipBob holds 12 units of SB-BOX')], { now: T1, scope });
    expect(same.rows[0]).toMatchObject({ Status: 'Ignored', 'Times Seen': 2, Message: 'ShipBob holds 12 units of SB-BOX' });
    expect(same.reopened).toEqual([]);
    // Not resolved while ignored, even when the run no longer sees it.
    expect(reconcileExceptions([ignored], [], { now: T1, scope }).rows[0]!['Status']).toBe('Ignored');
    const changed = reconcileExceptions([ignored], [raised('A', 'SB-BOX is mapped twice')], { now: T1, scope });
    expect(changed.rows[0]!['Status']).toBe('Open');
    expect(changed.reopened).toEqual(['MAPPING_INVALID:UK:FBM:A']);
    expect(reconcileExceptions([row({ Status: 'ignore' })], [raised('A', 'old')], { now: T1, scope }).rows[0]!['Status']).toBe('Ignored');
  });

  it('repairs an unreadable count or first-seen cell', () => {
    const r = reconcileExceptions([row({ 'Times Seen': 'lots', 'First Seen': '' })], [raised('A')], { now: T1, scope });
    expect(r.rows[0]).toMatchObject({ 'Times Seen': 2, 'First Seen': new Date(T1) });
  });
});

describe('severity', () => {
  it('follows the table, including the FBA_SHIPMENT_* family', () => {
    const types = ['GUARDRAIL_HALT', 'MAPPING_INVALID', 'REMOVAL_OVERDUE', 'FBA_SHIPMENT_DISCREPANCY'] as const;
    const r = reconcileExceptions([], types.map((type) => ({ key: `${type}:X`, type, entity: 'X', message: 'm' })), { now: T0, scope });
    expect(r.rows.map((x) => x['Severity'])).toEqual(['High', 'Medium', 'Low', 'Medium']);
  });
});

describe('pruneResolved', () => {
  const now = Date.parse('2026-11-30T00:00:00Z');
  const day = 86_400_000;
  it('drops only Resolved rows last seen before the retention', () => {
    const rows = [
      { Key: 'A', Status: 'Resolved', 'Last Seen': new Date(now - 40 * day) },
      { Key: 'B', Status: 'Resolved', 'Last Seen': new Date(now - 5 * day) },
      { Key: 'C', Status: 'Open', 'Last Seen': new Date(now - 400 * day) },
      { Key: 'D', Status: 'Acknowledged', 'Last Seen': new Date(now - 400 * day) },
      { Key: 'E', Status: 'Resolved', 'Last Seen': 'sometime' },
    ];
    expect(pruneResolved(rows, { now, retentionDays: 30 }).map((r) => r.Key)).toEqual(['B', 'C', 'D', 'E']);
  });
});
