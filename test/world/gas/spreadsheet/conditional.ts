// Conditional format rules: the builder, the rule and its boolean condition, pure value objects (no
// execution guard, not counted as spreadsheet calls), as documented on
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder ,
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule and
// https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition .
// Gradient rules are not modelled: getGradientCondition() is always null and the gradient setters are absent.
// Sheet.setConditionalFormatRules stores a rule's data on the tab (sheet.ts); conditional-eval.ts says
// which cells it colours.

import type { Realm } from '../realm';
import { Args } from './builder-args';
import { colorObject, hexOfColorObject, normaliseColor, type ColorObject } from './colors';
import { BooleanCriteria, enumName, RelativeDate, type BooleanCriteriaName } from './enums';
import { rangeRefOf } from './range-ref';

export interface CondFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface CondData {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  format: CondFormat;
  /** The Range objects passed to setRanges (or made fresh by Sheet.getConditionalFormatRules). */
  ranges: unknown[];
}

const NO_FORMAT: CondFormat = { background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null };

// Observed on live Apps Script by gas-fakes' conditional-format test (github.com/brucemcpherson/gas-fakes,
// test/testconditionalformat.js): the condition prints as ConditionalFormatBooleanCondition.
export class BooleanCondition {
  constructor(private readonly d: Readonly<CondData>) {}
  toString(): string { return 'ConditionalFormatBooleanCondition'; }
  getCriteriaType(): unknown { return this.d.criteria ? BooleanCriteria[this.d.criteria] : null; }
  getCriteriaValues(): unknown[] { return this.d.values.slice(); }
  /** Deprecated in the reference in favour of getBackgroundObject(), still callable. */
  getBackground(): string | null { return this.d.format.background; }
  getBackgroundObject(): ColorObject | null { return this.d.format.background ? colorObject(this.d.format.background) : null; }
  getFontColor(): string | null { return this.d.format.fontColor; }
  getFontColorObject(): ColorObject | null { return this.d.format.fontColor ? colorObject(this.d.format.fontColor) : null; }
  getBold(): boolean | null { return this.d.format.bold; }
  getItalic(): boolean | null { return this.d.format.italic; }
  getStrikethrough(): boolean | null { return this.d.format.strikethrough; }
  getUnderline(): boolean | null { return this.d.format.underline; }
}

export class ConditionalFormatRule {
  constructor(readonly data: Readonly<CondData>, readonly realm?: Realm) {}
  toString(): string { return 'ConditionalFormatRule'; }
  /** "Returns null if this rule does not use boolean condition criteria." */
  getBooleanCondition(): BooleanCondition | null { return this.data.criteria ? new BooleanCondition(this.data) : null; }
  getGradientCondition(): null { return null; }
  getRanges(): unknown[] { return this.data.ranges.slice(); }
  copy(): ConditionalFormatRuleBuilder { return new ConditionalFormatRuleBuilder(this.realm, cloneData(this.data)); }
}

function cloneData(d: Readonly<CondData>): CondData {
  return { criteria: d.criteria, values: d.values.slice(), format: { ...d.format }, ranges: d.ranges.slice() };
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function isRelativeDate(v: unknown): boolean {
  const n = enumName(v);
  return typeof v === 'object' && n !== null && n in RelativeDate;
}

export class ConditionalFormatRuleBuilder {
  private d: CondData;
  private readonly args: Args;

  constructor(realm?: Realm, init?: CondData) {
    this.args = new Args(realm, 'ConditionalFormatRuleBuilder');
    this.d = init ?? { criteria: null, values: [], format: { ...NO_FORMAT }, ranges: [] };
  }

  toString(): string { return 'ConditionalFormatRuleBuilder'; }

  private when(criteria: BooleanCriteriaName, values: unknown[]): this { this.d = { ...this.d, criteria, values }; return this; }
  private num(method: string, args: unknown[], count: number): this {
    const nums = this.args.numbers(method, args, count);
    return this.when(NUMBER_METHODS[method] as BooleanCriteriaName, nums);
  }
  private txt(method: string, args: unknown[]): this { return this.when(TEXT_METHODS[method] as BooleanCriteriaName, [this.args.text(method, args)]); }
  /** whenDate…(date) or whenDate…(SpreadsheetApp.RelativeDate.X): the relative form has its own criteria type. */
  private date(method: string, args: unknown[], absolute: BooleanCriteriaName, relative: BooleanCriteriaName): this {
    const [d] = args;
    if (isDate(d)) return this.when(absolute, [new Date(d.getTime())]);
    if (isRelativeDate(d)) return this.when(relative, [RelativeDate[enumName(d) as keyof typeof RelativeDate]]);
    return this.args.fail(method, args);
  }
  private fmt<K extends keyof CondFormat>(key: K, value: CondFormat[K]): this {
    this.d = { ...this.d, format: { ...this.d.format, [key]: value } };
    return this;
  }
  private color(method: string, args: unknown[]): string | null {
    const [c] = args;
    if (args.length < 1 || c === undefined) this.args.fail(method, args);
    return c === null ? null : normaliseColor(String(c));
  }

  whenCellEmpty(): this { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): this { return this.when('CELL_NOT_EMPTY', []); }
  whenDateAfter(...a: unknown[]): this { return this.date('whenDateAfter', a, 'DATE_AFTER', 'DATE_AFTER_RELATIVE'); }
  whenDateBefore(...a: unknown[]): this { return this.date('whenDateBefore', a, 'DATE_BEFORE', 'DATE_BEFORE_RELATIVE'); }
  whenDateEqualTo(...a: unknown[]): this { return this.date('whenDateEqualTo', a, 'DATE_EQUAL_TO', 'DATE_EQUAL_TO_RELATIVE'); }
  /** "Sets the conditional format rule to trigger when that given formula evaluates to true." */
  whenFormulaSatisfied(...a: unknown[]): this { return this.when('CUSTOM_FORMULA', [this.args.text('whenFormulaSatisfied', a)]); }
  whenNumberBetween(...a: unknown[]): this { return this.num('whenNumberBetween', a, 2); }
  whenNumberEqualTo(...a: unknown[]): this { return this.num('whenNumberEqualTo', a, 1); }
  whenNumberGreaterThan(...a: unknown[]): this { return this.num('whenNumberGreaterThan', a, 1); }
  whenNumberGreaterThanOrEqualTo(...a: unknown[]): this { return this.num('whenNumberGreaterThanOrEqualTo', a, 1); }
  whenNumberLessThan(...a: unknown[]): this { return this.num('whenNumberLessThan', a, 1); }
  whenNumberLessThanOrEqualTo(...a: unknown[]): this { return this.num('whenNumberLessThanOrEqualTo', a, 1); }
  whenNumberNotBetween(...a: unknown[]): this { return this.num('whenNumberNotBetween', a, 2); }
  whenNumberNotEqualTo(...a: unknown[]): this { return this.num('whenNumberNotEqualTo', a, 1); }
  whenTextContains(...a: unknown[]): this { return this.txt('whenTextContains', a); }
  whenTextDoesNotContain(...a: unknown[]): this { return this.txt('whenTextDoesNotContain', a); }
  whenTextEndsWith(...a: unknown[]): this { return this.txt('whenTextEndsWith', a); }
  whenTextEqualTo(...a: unknown[]): this { return this.txt('whenTextEqualTo', a); }
  whenTextStartsWith(...a: unknown[]): this { return this.txt('whenTextStartsWith', a); }
  /** withCriteria(SpreadsheetApp.BooleanCriteria.X, [args]). */
  withCriteria(...a: unknown[]): this {
    const [criteria, values] = a;
    const name = typeof criteria === 'object' ? enumName(criteria) : null;
    if (!name || !(name in BooleanCriteria) || !Array.isArray(values)) return this.args.fail('withCriteria', a);
    return this.when(name as BooleanCriteriaName, Array.from(values as unknown[]));
  }

  /** "Sets the background color … Passing in null removes the background color setting." */
  setBackground(...a: unknown[]): this { return this.fmt('background', this.color('setBackground', a)); }
  setBackgroundObject(...a: unknown[]): this {
    const hex = a[0] === null ? null : hexOfColorObject(a[0]);
    if (hex === null && a[0] !== null) this.args.fail('setBackgroundObject', a);
    return this.fmt('background', hex);
  }
  setFontColor(...a: unknown[]): this { return this.fmt('fontColor', this.color('setFontColor', a)); }
  setFontColorObject(...a: unknown[]): this {
    const hex = a[0] === null ? null : hexOfColorObject(a[0]);
    if (hex === null && a[0] !== null) this.args.fail('setFontColorObject', a);
    return this.fmt('fontColor', hex);
  }
  setBold(...a: unknown[]): this { return this.fmt('bold', this.args.bool('setBold', a)); }
  setItalic(...a: unknown[]): this { return this.fmt('italic', this.args.bool('setItalic', a)); }
  setStrikethrough(...a: unknown[]): this { return this.fmt('strikethrough', this.args.bool('setStrikethrough', a)); }
  setUnderline(...a: unknown[]): this { return this.fmt('underline', this.args.bool('setUnderline', a)); }
  /** "Sets one or more ranges to which this conditional format rule is applied. This operation replaces any existing ranges." */
  setRanges(...a: unknown[]): this {
    const ranges = this.args.array('setRanges', a);
    if (ranges.some((r) => rangeRefOf(r) === null)) this.args.fail('setRanges', a);
    this.d = { ...this.d, ranges };
    return this;
  }

  getBooleanCondition(): BooleanCondition | null { return this.d.criteria ? new BooleanCondition(cloneData(this.d)) : null; }
  getGradientCondition(): null { return null; }
  getRanges(): unknown[] { return this.d.ranges.slice(); }
  copy(): ConditionalFormatRuleBuilder { return new ConditionalFormatRuleBuilder(this.args.realm, cloneData(this.d)); }
  /**
   * A rule needs a condition: Sheets has no conditional format without a boolean or gradient rule
   * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ConditionalFormatRule).
   * The wording of the refusal is the fake's own (unverified).
   */
  build(): ConditionalFormatRule {
    if (!this.d.criteria) this.args.error('The conditional format rule has no condition. Use one of the when… methods or withCriteria first.');
    return new ConditionalFormatRule(Object.freeze(cloneData(this.d)), this.args.realm);
  }
}

const NUMBER_METHODS: Record<string, BooleanCriteriaName> = {
  whenNumberBetween: 'NUMBER_BETWEEN', whenNumberEqualTo: 'NUMBER_EQUAL_TO', whenNumberGreaterThan: 'NUMBER_GREATER_THAN',
  whenNumberGreaterThanOrEqualTo: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', whenNumberLessThan: 'NUMBER_LESS_THAN',
  whenNumberLessThanOrEqualTo: 'NUMBER_LESS_THAN_OR_EQUAL_TO', whenNumberNotBetween: 'NUMBER_NOT_BETWEEN',
  whenNumberNotEqualTo: 'NUMBER_NOT_EQUAL_TO',
};

const TEXT_METHODS: Record<string, BooleanCriteriaName> = {
  whenTextContains: 'TEXT_CONTAINS', whenTextDoesNotContain: 'TEXT_DOES_NOT_CONTAIN', whenTextEndsWith: 'TEXT_ENDS_WITH',
  whenTextEqualTo: 'TEXT_EQUAL_TO', whenTextStartsWith: 'TEXT_STARTS_WITH',
};
