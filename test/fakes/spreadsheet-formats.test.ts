// Number-format display and typed-input parsing, unit-level.
// https://developers.google.com/sheets/api/guides/formats ;
// https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
import { describe, expect, it } from 'vitest';
import { displayOf, formatGeneral } from '../world/gas/spreadsheet/formats';
import { parseTyped } from '../world/gas/spreadsheet/input';
import { localeInfo } from '../world/gas/spreadsheet/locale';
import { wallToSerial } from '../world/gas/spreadsheet/tz';

const GB = localeInfo('en_GB');
const US = localeInfo('en_US');
const DE = localeInfo('de_DE');

describe('number formats', () => {
  it.each([
    [1234.5, '@', '1234.5'],
    [2.5, '0', '3'],
    [2.675, '0.00', '2.68'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.5, '0%', '50%'],
    [0.1234, '0.0%', '12.3%'],
    [-3.14159, '0.00', '-3.14'],
    [-0.001, '0.00', '0.00'],
    [5, '0.##', '5'],
    [2.99, '"£"#,##0.00', '£2.99'],
    [-5, '0;(0)', '(5)'],
    [12345, '0.00E+00', '1.23E+04'],
  ])('%s with %s shows %s', (v, fmt, want) => {
    expect(displayOf(v, fmt, GB)).toBe(want);
  });

  it('date formats read the serial as wall-clock time', () => {
    const s = wallToSerial(2026, 11, 2, 8, 5, 9);
    expect(displayOf(s, 'yyyy-mm-dd', GB)).toBe('2026-11-02');
    expect(displayOf(s, 'yyyy-mm-dd hh:mm', GB)).toBe('2026-11-02 08:05');
    expect(displayOf(s, 'yyyy-mm-dd hh:mm:ss', GB)).toBe('2026-11-02 08:05:09');
    expect(displayOf(s, 'dd/mm/yyyy', GB)).toBe('02/11/2026');
    expect(displayOf(s, 'mmm d, yyyy h:mm am/pm', GB)).toBe('Nov 2, 2026 8:05 AM');
    expect(displayOf(s, US.dateTimeFormat, US)).toBe('11/2/2026 8:05:09');
  });

  it('automatic display: integers plain, decimals to 10 significant digits, booleans TRUE/FALSE', () => {
    expect(displayOf(42, undefined, GB)).toBe('42');
    expect(displayOf(1 / 3, undefined, GB)).toBe('0.3333333333');
    expect(displayOf(0.1 + 0.2, undefined, GB)).toBe('0.3');
    expect(displayOf(true, undefined, GB)).toBe('TRUE');
    expect(displayOf(false, '0', GB)).toBe('FALSE');
    expect(displayOf('text', '0.00', GB)).toBe('text');
    expect(formatGeneral(1e20, GB)).toBe('1E+20');
  });

  it('uses the locale separators', () => {
    expect(displayOf(1234.5, '#,##0.00', DE)).toBe('1.234,50');
    expect(displayOf(12.5, undefined, DE)).toBe('12,5');
  });
});

describe('typed input', () => {
  it.each([
    ['00123', { kind: 'number', v: 123 }],
    ['1,000', { kind: 'number', v: 1000, fmt: '#,##0' }],
    ['1,000.50', { kind: 'number', v: 1000.5, fmt: '#,##0.00' }],
    ['12.5', { kind: 'number', v: 12.5 }],
    ['-7', { kind: 'number', v: -7 }],
    ['50%', { kind: 'number', v: 0.5, fmt: '0%' }],
    ['£2.99', { kind: 'number', v: 2.99, fmt: '"£"#,##0.00' }],
    ['true', { kind: 'bool', v: true }],
    ['1,2', { kind: 'text', v: '1,2' }],
    ['B07XYZ', { kind: 'text', v: 'B07XYZ' }],
    ["'123", { kind: 'text', v: '123' }],
    ['=A1', { kind: 'formula', f: '=A1' }],
    ['2026-11-02T08:00:00Z', { kind: 'text', v: '2026-11-02T08:00:00Z' }],
    ['2026-02-30', { kind: 'text', v: '2026-02-30' }],
  ])('%s', (text, want) => {
    expect(parseTyped(text, GB)).toEqual(want);
  });

  it('reads slash dates in the locale order', () => {
    expect(parseTyped('02/11/2026', GB)).toEqual({ kind: 'date', v: wallToSerial(2026, 11, 2), fmt: 'dd/mm/yyyy' });
    expect(parseTyped('02/11/2026', US)).toEqual({ kind: 'date', v: wallToSerial(2026, 2, 11), fmt: 'm/d/yyyy' });
    expect(parseTyped('2026-11-02 08:00', GB)).toEqual({ kind: 'date', v: wallToSerial(2026, 11, 2, 8), fmt: 'yyyy-mm-dd hh:mm:ss' });
  });

  it('uses comma decimals in comma locales', () => {
    expect(parseTyped('95,00', DE)).toEqual({ kind: 'number', v: 95 });
    expect(parseTyped('1.000', DE)).toEqual({ kind: 'number', v: 1000, fmt: '#,##0' });
  });
});
