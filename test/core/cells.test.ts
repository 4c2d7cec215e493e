import { describe, expect, it } from 'vitest';
import { asTyped, cellTime, formatPercent, parseCount, parseFlag, parseMoney, parseShare, sameWrittenTime } from '../../src/core/cells';

describe('parseCount', () => {
  it('reads numbers, numeric text and empty cells', () => {
    expect(parseCount(3, 'X')).toEqual({ ok: true, value: 3 });
    expect(parseCount(' 7 ', 'X')).toEqual({ ok: true, value: 7 });
    expect(parseCount('', 'X')).toEqual({ ok: true, value: null });
    expect(parseCount(null, 'X')).toEqual({ ok: true, value: null });
    expect(parseCount(0, 'X')).toEqual({ ok: true, value: 0 });
  });
  it('rejects text, negatives, fractions and tick boxes with the column name', () => {
    const text = parseCount('three', 'Safety Buffer');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.problem).toBe('Safety Buffer holds "three", not a number');
    const neg = parseCount(-1, 'Max Qty');
    expect(!neg.ok && neg.problem).toContain('negative');
    expect(parseCount('-2', 'Max Qty').ok).toBe(false);
    expect(parseCount(2.5, 'Max Qty').ok).toBe(false);
    expect(parseCount(true, 'Max Qty').ok).toBe(false);
    expect(parseCount('5 units', 'Max Qty').ok).toBe(false);
    expect(parseCount(Number.NaN, 'Max Qty').ok).toBe(false);
  });
});

describe('asTyped', () => {
  it('keeps a number shown as digits and separators, in any locale', () => {
    for (const shown of ['5', '1,000', '1.000', '1 000', '2.00', '-3', '']) expect(asTyped(5, shown)).toBe(5);
    expect(asTyped(5, undefined)).toBe(5);
    expect(asTyped('five', '100%')).toBe('five');
  });
  it('reads a number shown with a sign or words as the text shown', () => {
    expect(asTyped(1, '100%')).toBe('100%');
    expect(asTyped(5, '£5.00')).toBe('£5.00');
    expect(asTyped(1000, '1.00E+03')).toBe('1.00E+03');
    expect(parseCount(asTyped(1, ' 100% '), 'Safety Buffer')).toEqual({ ok: false, problem: 'Safety Buffer holds "100%", a percentage, not a number of units' });
  });
  it('keeps a percentage in a share column, where it is what the number means', () => {
    expect(asTyped(1 / 3, '33.33%', true)).toBe(1 / 3);
    expect(asTyped(0.5, '£0.50', true)).toBe('£0.50');
  });
});

describe('parseShare', () => {
  it('reads fractions and "50%" text', () => {
    expect(parseShare(0.5, 'Offer %')).toEqual({ ok: true, value: 0.5 });
    expect(parseShare('50%', 'Offer %')).toEqual({ ok: true, value: 0.5 });
    expect(parseShare('12.5 %', 'Offer %')).toEqual({ ok: true, value: 0.125 });
    expect(parseShare('0.25', 'Offer %')).toEqual({ ok: true, value: 0.25 });
    expect(parseShare('', 'Offer %')).toEqual({ ok: true, value: null });
    expect(parseShare(0, 'Offer %')).toEqual({ ok: true, value: 0 });
    expect(parseShare('100%', 'Offer %')).toEqual({ ok: true, value: 1 });
  });
  it('rejects text, negatives and more than 100%', () => {
    expect(parseShare('half', 'Offer %').ok).toBe(false);
    expect(parseShare(-0.1, 'Offer %').ok).toBe(false);
    expect(parseShare('-10%', 'Offer %').ok).toBe(false);
    const big = parseShare(50, 'Offer %');
    expect(!big.ok && big.problem).toContain('more than 100%');
    expect(parseShare('150%', 'Offer %').ok).toBe(false);
  });
});

describe('parseFlag', () => {
  it('reads tick boxes, empty cells and typed words', () => {
    expect(parseFlag(true, 'Active', true)).toEqual({ ok: true, value: true });
    expect(parseFlag(false, 'Active', true)).toEqual({ ok: true, value: false });
    expect(parseFlag('', 'Active', true)).toEqual({ ok: true, value: true });
    expect(parseFlag('TRUE', 'Active', true)).toEqual({ ok: true, value: true });
    expect(parseFlag('FALSE', 'Active', true)).toEqual({ ok: true, value: false });
    expect(parseFlag('yes', 'Active', false)).toEqual({ ok: true, value: true });
    expect(parseFlag('No', 'Active', true)).toEqual({ ok: true, value: false });
    expect(parseFlag(0, 'Active', true)).toEqual({ ok: true, value: false });
  });
  it('rejects other text', () => {
    expect(parseFlag('maybe', 'Active', true).ok).toBe(false);
  });
});

describe('formatPercent and cellTime', () => {
  it('formats shares', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
  });
  it('reads dates, ISO text and numbers', () => {
    const t = Date.UTC(2026, 10, 2, 8);
    expect(cellTime(new Date(t))).toBe(t);
    expect(cellTime('2026-11-02T08:00:00Z')).toBe(t);
    expect(cellTime(t)).toBe(t);
    expect(cellTime('soon')).toBeNull();
    expect(cellTime('')).toBeNull();
  });
});

describe('parseMoney', () => {
  it('reads numbers and the text of money as cents; empty is null, never 0', () => {
    expect(parseMoney(-7.5, 'Amount')).toEqual({ ok: true, value: -750 });
    expect(parseMoney(0.29, 'Amount')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('1,234.56', 'Amount')).toEqual({ ok: true, value: 123456 });
    expect(parseMoney(' -7.50 ', 'Amount')).toEqual({ ok: true, value: -750 });
    expect(parseMoney(0, 'Amount')).toEqual({ ok: true, value: 0 });
    expect(parseMoney('', 'Amount')).toEqual({ ok: true, value: null });
  });
  it('names words, currency signs, stray commas and fractions of a cent instead of guessing', () => {
    expect(parseMoney('seven fifty', 'Amount')).toEqual({ ok: false, problem: 'Amount holds "seven fifty", not an amount' });
    expect(parseMoney('£7.50', 'Amount').ok).toBe(false);
    expect(parseMoney('1,2,3', 'Amount').ok).toBe(false);
    expect(parseMoney(true, 'Amount').ok).toBe(false);
    expect(parseMoney(new Date(0), 'Amount').ok).toBe(false);
    const third = parseMoney(7.505, 'Amount');
    expect(!third.ok && third.problem).toMatch(/fraction of a cent/);
  });
});

describe('sameWrittenTime', () => {
  const t = Date.UTC(2026, 10, 2, 7, 30, 45);
  it('takes a time the sheet gives back without its seconds, or a minute on, for the one written', () => {
    expect(sameWrittenTime(t - 45_000, t)).toBe(true);
    expect(sameWrittenTime(t + 60_000, t)).toBe(true);
  });
  it('takes a time two minutes or more away for an edit, and one side empty for a change', () => {
    expect(sameWrittenTime(t + 2 * 60_000, t)).toBe(false);
    expect(sameWrittenTime(t - 3 * 60_000, t)).toBe(false);
    expect(sameWrittenTime(null, t)).toBe(false);
    expect(sameWrittenTime(t, null)).toBe(false);
    expect(sameWrittenTime(null, null)).toBe(true);
  });
});
