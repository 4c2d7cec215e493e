// Colours as Sheets stores them. Apps Script accepts CSS notation ('#FF0000', '#f00', 'red') and
// Sheets keeps an RGB colour, so a colour read back is lower-case '#rrggbb'
// (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setBackground(String):
// "in CSS notation (such as '#ffffff' or 'white')"; read back through
// https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition#getBackgroundObject() and
// https://developers.google.com/apps-script/reference/base/rgb-color#asHexString() ). The Color object is the
// small part of https://developers.google.com/apps-script/reference/spreadsheet/color the add-on may touch.

import { ColorType } from './enums';

/** The CSS basic colour keywords (https://www.w3.org/TR/css-color-4/#named-colors), plus orange. */
const NAMED: Record<string, string> = {
  black: '#000000', silver: '#c0c0c0', gray: '#808080', grey: '#808080', white: '#ffffff', maroon: '#800000',
  red: '#ff0000', purple: '#800080', fuchsia: '#ff00ff', green: '#008000', lime: '#00ff00', olive: '#808000',
  yellow: '#ffff00', navy: '#000080', blue: '#0000ff', teal: '#008080', aqua: '#00ffff', orange: '#ffa500',
};

/** '#rrggbb' for hex or a named colour; other text is kept as written (the fake does not parse rgb()). */
export function normaliseColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return NAMED[c] ?? color;
}

export interface RgbColor {
  getColorType(): unknown;
  asHexString(): string;
  getRed(): number;
  getGreen(): number;
  getBlue(): number;
}

export interface ColorObject {
  getColorType(): unknown;
  asRgbColor(): RgbColor;
  toString(): string;
}

export function colorObject(hex: string): ColorObject {
  const channel = (i: number): number => Number.parseInt(hex.slice(i, i + 2), 16) || 0;
  const rgb: RgbColor = {
    getColorType: () => ColorType.RGB,
    asHexString: () => hex,
    getRed: () => channel(1),
    getGreen: () => channel(3),
    getBlue: () => channel(5),
  };
  return { getColorType: () => ColorType.RGB, asRgbColor: () => rgb, toString: () => 'Color' };
}

/** The hex text of a Color object from any realm (setBackgroundObject and friends); null when it is not one. */
export function hexOfColorObject(color: unknown): string | null {
  const c = color as { asRgbColor?: () => { asHexString?: () => unknown } } | null;
  const hex = c && typeof c.asRgbColor === 'function' ? c.asRgbColor().asHexString?.() : undefined;
  return typeof hex === 'string' ? normaliseColor(hex) : null;
}
