// Rich text values and text styles, pure value objects:
// https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value ,
// https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value-builder ,
// https://developers.google.com/apps-script/reference/spreadsheet/text-style and .../text-style-builder .
// Offsets are 0-based on the cell's text, start inclusive, end exclusive. A run is "the longest unbroken
// substring having the same text style", a link being part of the style. getLinkUrl() is null "if there
// is no link or if there are multiple different links", so text only partly linked gives null there
// and its link through getRuns(). Sheets shows links underlined in its link colour; the fake does not
// add that look to the style it reports.

import type { Realm } from '../realm';
import { Args } from './builder-args';
import { colorObject, hexOfColorObject, normaliseColor, type ColorObject } from './colors';

export interface TextStyleData {
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  foregroundColor?: string;
  fontFamily?: string;
  fontSize?: number;
}

const STYLE_KEYS = ['bold', 'italic', 'strikethrough', 'underline', 'foregroundColor', 'fontFamily', 'fontSize'] as const;

function sameStyle(a: TextStyleData, b: TextStyleData): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

export class TextStyle {
  constructor(readonly data: Readonly<TextStyleData>, private readonly realm?: Realm) {}
  toString(): string { return 'TextStyle'; }
  copy(): TextStyleBuilder { return new TextStyleBuilder(this.realm, { ...this.data }); }
  getFontFamily(): string | null { return this.data.fontFamily ?? null; }
  getFontSize(): number | null { return this.data.fontSize ?? null; }
  getForegroundColor(): string | null { return this.data.foregroundColor ?? null; }
  getForegroundColorObject(): ColorObject | null { return this.data.foregroundColor ? colorObject(this.data.foregroundColor) : null; }
  isBold(): boolean | null { return this.data.bold ?? null; }
  isItalic(): boolean | null { return this.data.italic ?? null; }
  isStrikethrough(): boolean | null { return this.data.strikethrough ?? null; }
  isUnderline(): boolean | null { return this.data.underline ?? null; }
}

export class TextStyleBuilder {
  private d: TextStyleData;
  private readonly args: Args;
  constructor(realm?: Realm, init?: TextStyleData) {
    this.args = new Args(realm, 'TextStyleBuilder');
    this.d = init ?? {};
  }
  toString(): string { return 'TextStyleBuilder'; }
  private flag(key: 'bold' | 'italic' | 'strikethrough' | 'underline', method: string, a: unknown[]): this {
    const v = this.args.bool(method, a);
    const next = { ...this.d };
    if (v === null) delete next[key];
    else next[key] = v;
    this.d = next;
    return this;
  }
  setBold(...a: unknown[]): this { return this.flag('bold', 'setBold', a); }
  setItalic(...a: unknown[]): this { return this.flag('italic', 'setItalic', a); }
  setStrikethrough(...a: unknown[]): this { return this.flag('strikethrough', 'setStrikethrough', a); }
  setUnderline(...a: unknown[]): this { return this.flag('underline', 'setUnderline', a); }
  setForegroundColor(...a: unknown[]): this { this.d = { ...this.d, foregroundColor: normaliseColor(this.args.text('setForegroundColor', a)) }; return this; }
  setForegroundColorObject(...a: unknown[]): this {
    const hex = hexOfColorObject(a[0]);
    if (hex === null) this.args.fail('setForegroundColorObject', a);
    this.d = { ...this.d, foregroundColor: hex as string };
    return this;
  }
  setFontFamily(...a: unknown[]): this { this.d = { ...this.d, fontFamily: this.args.text('setFontFamily', a) }; return this; }
  setFontSize(...a: unknown[]): this { const [n] = this.args.numbers('setFontSize', a, 1); this.d = { ...this.d, fontSize: n as number }; return this; }
  build(): TextStyle { return new TextStyle(Object.freeze({ ...this.d }), this.args.realm); }
}

/** Per character: the link (null for none) and the style; kept per character so runs fall out of a scan. */
export interface RichTextData {
  text: string;
  links: readonly (string | null)[];
  styles: readonly TextStyleData[];
}

export class RichTextValue {
  constructor(
    readonly data: Readonly<RichTextData>,
    private readonly start = 0,
    private readonly end = data.text.length,
    private readonly realm?: Realm,
  ) {}

  toString(): string { return 'RichTextValue'; }
  getText(): string { return this.data.text.slice(this.start, this.end); }
  getStartIndex(): number { return this.start; }
  getEndIndex(): number { return this.end; }

  private linkOver(s: number, e: number): string | null {
    if (e <= s) return null;
    const first = this.data.links[s] ?? null;
    for (let i = s + 1; i < e; i++) if ((this.data.links[i] ?? null) !== first) return null;
    return first;
  }
  /** getLinkUrl() for this value, or getLinkUrl(startOffset, endOffset) on the cell's text. */
  getLinkUrl(...a: unknown[]): string | null {
    if (a.length === 0) return this.linkOver(this.start, this.end);
    const [s, e] = new Args(this.realm, 'RichTextValue').numbers('getLinkUrl', a, 2) as [number, number];
    return this.linkOver(s, e);
  }

  private styleOver(s: number, e: number): TextStyle {
    const out: TextStyleData = {};
    if (e > s) {
      for (const k of STYLE_KEYS) {
        const first = this.data.styles[s]?.[k];
        if (first !== undefined && this.data.styles.slice(s, e).every((st) => st[k] === first)) (out as Record<string, unknown>)[k] = first;
      }
    }
    return new TextStyle(Object.freeze(out), this.realm);
  }
  /** getTextStyle() for this value, or getTextStyle(startOffset, endOffset); properties that vary read as null. */
  getTextStyle(...a: unknown[]): TextStyle {
    if (a.length === 0) return this.styleOver(this.start, this.end);
    const [s, e] = new Args(this.realm, 'RichTextValue').numbers('getTextStyle', a, 2) as [number, number];
    return this.styleOver(s, e);
  }

  getRuns(): RichTextValue[] {
    const runs: RichTextValue[] = [];
    let s = this.start;
    for (let i = this.start + 1; i <= this.end; i++) {
      const boundary = i === this.end
        || (this.data.links[i] ?? null) !== (this.data.links[s] ?? null)
        || !sameStyle(this.data.styles[i] ?? {}, this.data.styles[s] ?? {});
      if (boundary) { runs.push(new RichTextValue(this.data, s, i, this.realm)); s = i; }
    }
    return runs;
  }

  copy(): RichTextValueBuilder { return new RichTextValueBuilder(this.realm, this.data); }

  /** True when some character carries a link or a style: only such values need keeping beside the text. */
  hasFormatting(): boolean {
    return this.data.links.some((l) => l !== null) || this.data.styles.some((st) => STYLE_KEYS.some((k) => st[k] !== undefined));
  }
}

/** A cell's plain text as a RichTextValue (one run, no link). */
export function plainRichText(text: string, realm?: Realm): RichTextValue {
  return new RichTextValue({ text, links: new Array<null>(text.length).fill(null), styles: new Array<TextStyleData>(text.length).fill({}) }, 0, text.length, realm);
}

export class RichTextValueBuilder {
  private text: string;
  private links: (string | null)[];
  private styles: TextStyleData[];
  private readonly args: Args;

  constructor(realm?: Realm, init?: Readonly<RichTextData>) {
    this.args = new Args(realm, 'RichTextValueBuilder');
    this.text = init?.text ?? '';
    this.links = init ? init.links.slice() : [];
    this.styles = init ? init.styles.slice() : [];
  }

  toString(): string { return 'RichTextValueBuilder'; }

  /** Integer offsets within the text; the refusal's wording is the fake's own (unverified). */
  private span(method: string, a: unknown[]): [number, number] {
    const [s, e] = this.args.numbers(method, a, 2) as [number, number];
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > this.text.length || s > e) {
      this.args.error(`Invalid argument: the offsets ${s}, ${e} of RichTextValueBuilder.${method} are outside the text (length ${this.text.length}).`);
    }
    return [s, e];
  }

  /** "Sets the text for this value and clears any existing text style." */
  setText(...a: unknown[]): this {
    this.text = this.args.text('setText', a);
    this.links = new Array<string | null>(this.text.length).fill(null);
    this.styles = new Array<TextStyleData>(this.text.length).fill({});
    return this;
  }
  /** setLinkUrl(linkUrl) for the whole value, or setLinkUrl(startOffset, endOffset, linkUrl); null clears. */
  setLinkUrl(...a: unknown[]): this {
    const whole = a.length === 1;
    const [s, e] = whole ? [0, this.text.length] : this.span('setLinkUrl', a);
    const url = whole ? a[0] : a[2];
    if (url === undefined || (url !== null && typeof url !== 'string')) this.args.fail('setLinkUrl', a);
    for (let i = s; i < e; i++) this.links[i] = url === '' ? null : (url as string | null);
    return this;
  }
  /** setTextStyle(textStyle) or setTextStyle(startOffset, endOffset, textStyle); "If textStyle is null, this does nothing." */
  setTextStyle(...a: unknown[]): this {
    const whole = a.length === 1;
    const [s, e] = whole ? [0, this.text.length] : this.span('setTextStyle', a);
    const style = whole ? a[0] : a[2];
    if (style === null) return this;
    if (!(style instanceof TextStyle)) return this.args.fail('setTextStyle', a);
    for (let i = s; i < e; i++) {
      const merged: TextStyleData = { ...this.styles[i] };
      for (const k of STYLE_KEYS) if (style.data[k] !== undefined) (merged as Record<string, unknown>)[k] = style.data[k];
      this.styles[i] = merged;
    }
    return this;
  }
  build(): RichTextValue {
    return new RichTextValue(Object.freeze({ text: this.text, links: Object.freeze(this.links.slice()), styles: Object.freeze(this.styles.slice()) }), 0, this.text.length, this.args.realm);
  }
}
