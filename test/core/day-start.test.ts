// Where a calendar day starts in a time zone: the instant a date without a time is placed at, so the
// sheet shows it on its own day (core/day-start.ts).

import { describe, expect, it } from 'vitest';
import { dayStartIn, dayStarts, zonedCellTime } from '../../src/core/day-start';

/** Utilities.formatDate(date, zone, 'yyyy-MM-dd HH:mm:ss'), as the Apps Script adapter calls it. */
const wallClock = (zone: string) => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (ms: number) => f.format(ms).replace(', ', ' ');
};

const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe('the start of a day in a time zone', () => {
  it.each([
    ['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-02', '2026-11-02T08:00:00.000Z'],
    ['Asia/Tokyo', '2026-11-01', '2026-10-31T15:00:00.000Z'],
    ['Pacific/Auckland', '2026-11-01', '2026-10-31T11:00:00.000Z'],
    ['Europe/London', '2026-07-01', '2026-06-30T23:00:00.000Z'],
    ['UTC', '2026-11-01', '2026-11-01T00:00:00.000Z'],
  ])('in %s, %s starts at %s', (zone, day, instant) => {
    expect(new Date(dayStartIn(midnight(day), wallClock(zone))).toISOString()).toBe(instant);
  });

  it('is the first time the day has where the clocks skip midnight, never the day before', () => {
    // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026.
    const at = dayStartIn(midnight('2026-09-06'), wallClock('America/Santiago'));
    expect(wallClock('America/Santiago')(at)).toBe('2026-09-06 01:00:00');
  });

  it('reads each day once for a zone', () => {
    let asked = 0;
    const clock = wallClock('America/Los_Angeles');
    const start = dayStarts((ms) => (asked++, clock(ms)));
    for (let i = 0; i < 50; i++) start(midnight('2026-11-01'));
    expect(start(midnight('2026-11-01'))).toBe(Date.parse('2026-11-01T07:00:00Z'));
    expect(asked).toBeLessThanOrEqual(5);
  });
});

describe('a date cell read in the spreadsheet\'s zone', () => {
  const la = zonedCellTime(wallClock('America/Los_Angeles'));
  it('reads text without a zone as the wall time shown there', () => {
    expect(la('2026-11-01')).toBe(Date.parse('2026-11-01T07:00:00Z'));
    expect(la(' 2026-11-01 10:30 ')).toBe(Date.parse('2026-11-01T18:30:00Z'));
    // 01:30 comes twice as the clocks go back: the first.
    expect(la('2026-11-01 01:30:00')).toBe(Date.parse('2026-11-01T08:30:00Z'));
  });
  it('keeps a date Sheets holds and text with a zone as they are', () => {
    expect(la(new Date('2026-11-01T07:00:00Z'))).toBe(Date.parse('2026-11-01T07:00:00Z'));
    expect(la('2026-11-01T00:00:00Z')).toBe(Date.parse('2026-11-01T00:00:00Z'));
  });
  it('works each text out once (a tab of text dates repeats a few)', () => {
    let asked = 0;
    const clock = wallClock('Asia/Tokyo');
    const read = zonedCellTime((ms) => (asked++, clock(ms)));
    for (let i = 0; i < 100; i++) expect(read('2026-11-01')).toBe(Date.parse('2026-10-31T15:00:00Z'));
    expect(asked).toBeLessThanOrEqual(4);
  });
  it('reads no day that does not exist', () => {
    expect(la('2026-02-30')).toBeNull();
    expect(la('2026-11-01 24:00')).toBeNull();
  });
});
