// The shared schedule's rules (src/core/schedule.ts): one recorded trigger per spreadsheet, any
// editor may turn it off, a trigger that is not the recorded one stops and removes itself.

import { describe, expect, it } from 'vitest';
import {
  decideEnable, decideScheduledRun, disableNote, ownerLabel, parseScheduleRecord, scheduleView, serializeScheduleRecord,
  type ScheduleRecord,
} from '../../src/core/schedule';

const on = (uid: string, owner: string): ScheduleRecord => ({ state: 'on', uid, owner, since: 1 });
const off: ScheduleRecord = { state: 'off', by: 'tak-b', at: 2 };
const none = () => [] as string[];

describe('schedule record', () => {
  it('round-trips and reads a missing record as "never recorded"', () => {
    expect(parseScheduleRecord(serializeScheduleRecord(on('t1', 'tak-a')))).toEqual(on('t1', 'tak-a'));
    expect(parseScheduleRecord(serializeScheduleRecord(off))).toEqual(off);
    expect(parseScheduleRecord(null)).toBeNull();
  });

  it('reads an unreadable record as off, so no trigger runs on it', () => {
    for (const raw of ['{not json', '{"state":"on"}', '"on"']) expect(parseScheduleRecord(raw)?.state).toBe('off');
  });
});

describe('a firing of the schedule handler', () => {
  it('runs only the recorded trigger', () => {
    expect(decideScheduledRun(on('t1', 'tak-a'), 't1', none)).toEqual({ action: 'run' });
  });

  it('removes its own trigger when another one is recorded or the schedule was turned off', () => {
    expect(decideScheduledRun(on('t2', 'tak-b'), 't1', () => ['t1']).action).toBe('remove-stale');
    expect(decideScheduledRun(off, 't1', () => ['t1']).action).toBe('remove-stale');
  });

  it('does nothing with a trigger it cannot delete, or without a trigger event', () => {
    expect(decideScheduledRun(off, 't1', none).action).toBe('ignore');
    expect(decideScheduledRun(on('t1', 'tak-a'), undefined, () => ['t1']).action).toBe('ignore');
  });

  it('adopts an older install\'s own trigger when nothing was ever recorded, never after "off"', () => {
    expect(decideScheduledRun(null, 't1', () => ['t1'])).toEqual({ action: 'adopt' });
    expect(decideScheduledRun(off, 't1', () => ['t1']).action).not.toBe('adopt');
  });
});

describe('turning the schedule on and off', () => {
  it('refuses a second schedule while another editor\'s is recorded, and names the owner', () => {
    const d = decideEnable(on('t1', 'tak-a'), 'tak-b');
    expect(d.action).toBe('refuse');
    expect(d.action === 'refuse' && d.message).toContain('set up by another editor (user key tak-a)');
  });

  it('lets the owner re-install, and anyone install once it is off', () => {
    expect(decideEnable(on('t1', 'tak-a'), 'tak-a')).toEqual({ action: 'install', replacesOwn: true });
    expect(decideEnable(off, 'tak-b')).toEqual({ action: 'install', replacesOwn: false });
    expect(decideEnable(null, 'tak-b')).toEqual({ action: 'install', replacesOwn: false });
  });

  it('says the other editor\'s trigger stops when someone else turns it off', () => {
    expect(disableNote(on('t1', 'tak-a'), 'tak-b', 0)).toMatch(/set up by another editor \(user key tak-a\).*removes itself/);
    expect(disableNote(on('t1', 'tak-a'), 'tak-a', 1)).toBe('Scheduled sync is off.');
    expect(disableNote(off, 'tak-a', 0)).toBe('Scheduled sync was already off.');
  });

  it('shows the schedule as on for every editor, with who set it up', () => {
    expect(scheduleView(on('t1', 'tak-a'), 'tak-a', 0)).toEqual({ enabled: true, owner: 'you' });
    expect(scheduleView(on('t1', 'tak-a'), 'tak-b', 0)).toEqual({ enabled: true, owner: 'another editor (user key tak-a)' });
    expect(scheduleView(off, 'tak-a', 1)).toEqual({ enabled: false, owner: null });
    expect(scheduleView(null, 'tak-a', 1)).toEqual({ enabled: true, owner: 'you' });
    expect(ownerLabel('', 'tak-a')).toBe('another editor');
  });
});
