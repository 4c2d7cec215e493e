// Data validation builder and rule: pure value objects, so they neither hit the execution guard nor
// count as spreadsheet calls (conditional format rules are in conditional.ts).
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder ,
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation ("setAllowInvalid…
// The default for new data validation rules is true").

import { DataValidationCriteria, type CriteriaName } from './enums';

export interface RuleData {
  criteria: CriteriaName;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class DataValidationRule {
  constructor(readonly data: Readonly<RuleData>) {}
  getCriteriaType(): unknown { return DataValidationCriteria[this.data.criteria]; }
  getCriteriaValues(): unknown[] { return this.data.values.map((v) => (Array.isArray(v) ? v.slice() : v)); }
  getHelpText(): string { return this.data.helpText; }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  copy(): DataValidationBuilder { return new DataValidationBuilder({ ...this.data, values: this.data.values.slice() }); }
  toString(): string { return 'DataValidation'; }
  /** For exports and assertions: 'VALUE_IN_LIST(FBM,FBA)'. */
  describe(): string {
    const vals = this.data.values.map((v) => (Array.isArray(v) ? v.join(',') : describeValue(v)));
    const shown = this.data.criteria === 'VALUE_IN_LIST' ? vals.slice(0, 1) : vals;
    return shown.length ? `${this.data.criteria}(${shown.join(';')})` : this.data.criteria;
  }
}

function describeValue(v: unknown): string {
  if (v && typeof v === 'object' && typeof (v as { getA1Notation?: unknown }).getA1Notation === 'function') {
    return String((v as { getA1Notation(): string }).getA1Notation());
  }
  return String(v);
}

export class DataValidationBuilder {
  private d: RuleData;
  constructor(init?: RuleData) {
    this.d = init ?? { criteria: 'CUSTOM_FORMULA', values: [], allowInvalid: true, helpText: '' };
  }
  private set(criteria: CriteriaName, values: unknown[]): this { this.d = { ...this.d, criteria, values }; return this; }
  requireValueInList(values: unknown[], showDropdown?: boolean): this { return this.set('VALUE_IN_LIST', [Array.from(values), showDropdown ?? true]); }
  requireValueInRange(range: unknown, showDropdown?: boolean): this { return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]); }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireNumberBetween(a: number, b: number): this { return this.set('NUMBER_BETWEEN', [a, b]); }
  requireNumberNotBetween(a: number, b: number): this { return this.set('NUMBER_NOT_BETWEEN', [a, b]); }
  requireNumberEqualTo(n: number): this { return this.set('NUMBER_EQUAL_TO', [n]); }
  requireNumberNotEqualTo(n: number): this { return this.set('NUMBER_NOT_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number): this { return this.set('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number): this { return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number): this { return this.set('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number): this { return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireTextContains(t: string): this { return this.set('TEXT_CONTAINS', [t]); }
  requireTextDoesNotContain(t: string): this { return this.set('TEXT_DOES_NOT_CONTAIN', [t]); }
  requireTextEqualTo(t: string): this { return this.set('TEXT_EQUAL_TO', [t]); }
  requireTextIsEmail(): this { return this.set('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl(): this { return this.set('TEXT_IS_VALID_URL', []); }
  requireDate(): this { return this.set('DATE_IS_VALID_DATE', []); }
  requireFormulaSatisfied(f: string): this { return this.set('CUSTOM_FORMULA', [f]); }
  withCriteria(criteria: unknown, args: unknown[]): this {
    const name = String(criteria) as CriteriaName;
    if (!(name in DataValidationCriteria)) throw new Error(`Invalid argument: criteria`);
    return this.set(name, Array.from(args));
  }
  setAllowInvalid(allow: boolean): this { this.d = { ...this.d, allowInvalid: Boolean(allow) }; return this; }
  setHelpText(text: string): this { this.d = { ...this.d, helpText: String(text) }; return this; }
  getCriteriaType(): unknown { return DataValidationCriteria[this.d.criteria]; }
  getCriteriaValues(): unknown[] { return this.d.values.slice(); }
  getAllowInvalid(): boolean { return this.d.allowInvalid; }
  getHelpText(): string | null { return this.d.helpText || null; }
  copy(): DataValidationBuilder { return new DataValidationBuilder({ ...this.d, values: this.d.values.slice() }); }
  build(): DataValidationRule { return new DataValidationRule(Object.freeze({ ...this.d, values: this.d.values.slice() })); }
}
