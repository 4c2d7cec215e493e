// Words people type into the Exceptions Status ("In progress", "Fixed", "snoozed") are not one of
// Open / Acknowledged / Ignored / Resolved: they stay in the cell, the row counts as Open, and the
// Action column says so and names the allowed values. The four (any case) are written out in full.

import { describe, expect, it } from 'vitest';
import { exceptionKey, type RaisedException } from '../../src/core/exceptions';
import { pruneResolved, readStatus, reconcileExceptions } from '../../src/core/exception-rows';
import { exceptionFigures } from '../../src/core/dashboard';
import { InventoryRun } from '../inventory/builder';

const T0 = Date.UTC(2026, 10, 2, 8);
const T1 = T0 + 3_600_000;
const KEY = exceptionKey('MAPPING_INVALID', 'UK', 'FBM', 'A');
const scope = ['MAPPING_INVALID'];
const hit: RaisedException = { key: KEY, type: 'MAPPING_INVALID', entity: 'UK FBM A', message: 'Safety Buffer holds "x"' };
const row = (status: unknown, action = 'Fix the SKU Map cell the message names; the row syncs again on the next run.') => ({
  Key: KEY, Type: 'MAPPING_INVALID', Severity: 'Medium', Entity: 'UK FBM A', Message: 'Safety Buffer holds "x"',
  'First Seen': new Date(T0), 'Last Seen': new Date(T0), 'Times Seen': 1, Status: status, Owner: 'Sam', Action: action,
});

describe('readStatus', () => {
  it('reads the four statuses in any case, empty as Open; other words count as Open and are flagged', () => {
    expect(readStatus('resolved')).toEqual({ status: 'Resolved', known: true });
    expect(readStatus('IGNORED')).toEqual({ status: 'Ignored', known: true });
    expect(readStatus('')).toEqual({ status: 'Open', known: true });
    for (const typed of ['In progress', 'Fixed', 'snoozed', 'done']) expect(readStatus(typed)).toEqual({ status: 'Open', known: false });
  });
});

describe('reconcileExceptions with a Status people typed', () => {
  it('keeps the words while the problem persists, counts the row Open and says so in Action', () => {
    for (const typed of ['In progress', 'Fixed', 'snoozed']) {
      const r = reconcileExceptions([row(typed)], [hit], { now: T1, scope });
      expect(r.rows[0]).toMatchObject({ Status: typed, Owner: 'Sam', 'Times Seen': 2 });
      expect(r.rows[0]!['Action']).toBe(`Status "${typed}" is not one the add-on reads (Open, Acknowledged, Ignored or Resolved), so this row counts as Open. Fix the SKU Map cell the message names; the row syncs again on the next run.`);
      expect(r.reopened).toEqual([]);
      expect(r.opened).toEqual([]);
    }
  });

  it('the note follows the words: replaced when they change, gone once a status is chosen, on rows of other jobs too', () => {
    const first = reconcileExceptions([row('In progress')], [], { now: T1, scope: [] }).rows[0]!;
    expect(first['Action']).toMatch(/^Status "In progress" is not one/);
    const second = reconcileExceptions([{ ...first, Status: 'snoozed' }], [], { now: T1, scope: [] }).rows[0]!;
    expect(second['Action']).toBe('Status "snoozed" is not one the add-on reads (Open, Acknowledged, Ignored or Resolved), so this row counts as Open. Fix the SKU Map cell the message names; the row syncs again on the next run.');
    const chosen = reconcileExceptions([{ ...second, Status: 'acknowledged' }], [], { now: T1, scope: [] }).rows[0]!;
    expect(chosen['Action']).toBe('Fix the SKU Map cell the message names; the row syncs again on the next run.');
  });

  it('a problem that clears is Resolved, the words it replaces kept in Action', () => {
    const r = reconcileExceptions([row('Fixed')], [], { now: T1, scope });
    expect(r.rows[0]).toMatchObject({ Status: 'Resolved', Action: 'Resolved: the problem cleared (Status was "Fixed").' });
    expect(pruneResolved([row('snoozed')], { now: T1 + 400 * 86_400_000, retentionDays: 30 })).toHaveLength(1);
  });

  it('the Dashboard counts such a row as open', () => {
    expect(exceptionFigures([row('In progress'), row('resolved'), row('Ignored')]).open).toBe(1);
  });
});

describe('Exceptions Status typed by people, end to end', () => {
  it('a later run keeps "In progress" and says how it is read', () => {
    const r = new InventoryRun({ offers: [{ sku: 'TEE-M', onHand: 5 }], extraMapRows: [['BAD-1', 'UK', 'FBM', 'SB-BAD-1', '', '', 'lots', '', '', '', '', '']] });
    r.sync();
    const key = 'MAPPING_INVALID:UK:FBM:BAD-1';
    r.edit('Exceptions', { Key: key }, { Status: 'In progress', Owner: 'Sam' });
    r.advance('1h');
    r.sync();
    const got = r.exceptions('MAPPING_INVALID').find((x) => x.Key === key)!;
    expect(got).toMatchObject({ Status: 'In progress', Owner: 'Sam', 'Times Seen': '2' });
    expect(got.Action).toMatch(/^Status "In progress" is not one the add-on reads \(Open, Acknowledged, Ignored or Resolved\), so this row counts as Open\./);
  });
});

describe('an Ignored Settings row when the cell its message names changes', () => {
  it('stays Ignored: the cell sentence (added, or naming another cell after a move) is no new fact', () => {
    const key = exceptionKey('CONFIG_INVALID', 'setting', 'Notes');
    const bare = 'Settings row "Notes" is not a setting the add-on knows, so its value "call Ann" is not used.';
    const ignored = { Key: key, Type: 'CONFIG_INVALID', Severity: 'High', Entity: 'Settings: Notes', Message: bare, 'First Seen': new Date(T0), 'Last Seen': new Date(T0), 'Times Seen': 1, Status: 'Ignored', Owner: 'Sam', Action: '' };
    for (const where of [' Its value is in cell B9 of the "Settings" tab.', ' Its value is in cell C12 of the "settings" tab.', ' Its values are in cells B4, B9 and D20 of the "Settings" tab.']) {
      const r = reconcileExceptions([ignored], [{ key, type: 'CONFIG_INVALID', entity: 'Settings: Notes', message: bare + where }], { now: T1, scope: ['CONFIG_INVALID'] });
      expect(r.rows[0]!['Status']).toBe('Ignored');
      expect(r.reopened).toEqual([]);
    }
    // A changed fact still reopens it.
    const changed = reconcileExceptions([ignored], [{ key, type: 'CONFIG_INVALID', entity: 'Settings: Notes', message: bare.replace('call Ann', 'call Bob') }], { now: T1, scope: ['CONFIG_INVALID'] });
    expect(changed.rows[0]!['Status']).toBe('Open');
  });
});
