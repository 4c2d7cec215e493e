// Filter criteria for a column of a basic filter, pure value objects:
// https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder and
// https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria .
// A criteria hides values ("setHiddenValues… Clears any existing visible or hidden values"), shows only
// some values (setVisibleValues, same clearing), and/or holds a boolean condition; a row stays visible
// when its cell passes all of them (filter.ts). Values compare as displayed, as in the Sheets filter menu.
// The …ToAny conditions and visible colours are not modelled.

import type { Realm } from '../realm';
import { Args } from './builder-args';
import { BooleanCriteria, enumName, RelativeDate, type BooleanCriteriaName } from './enums';

export interface FilterCriteriaData {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  hidden: string[] | null;
  visible: string[] | null;
}

const EMPTY: FilterCriteriaData = { criteria: null, values: [], hidden: null, visible: null };

function clone(d: Readonly<FilterCriteriaData>): FilterCriteriaData {
  return { criteria: d.criteria, values: d.values.slice(), hidden: d.hidden?.slice() ?? null, visible: d.visible?.slice() ?? null };
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export class FilterCriteria {
  constructor(readonly data: Readonly<FilterCriteriaData>, private readonly realm?: Realm) {}
  toString(): string { return 'FilterCriteria'; }
  copy(): FilterCriteriaBuilder { return new FilterCriteriaBuilder(this.realm, clone(this.data)); }
  getCriteriaType(): unknown { return this.data.criteria ? BooleanCriteria[this.data.criteria] : null; }
  getCriteriaValues(): unknown[] { return this.data.values.slice(); }
  getHiddenValues(): string[] | null { return this.data.hidden?.slice() ?? null; }
  getVisibleValues(): string[] | null { return this.data.visible?.slice() ?? null; }
  getVisibleBackgroundColor(): null { return null; }
  getVisibleForegroundColor(): null { return null; }
}

export class FilterCriteriaBuilder {
  private d: FilterCriteriaData;
  private readonly args: Args;

  constructor(realm?: Realm, init?: FilterCriteriaData) {
    this.args = new Args(realm, 'FilterCriteriaBuilder');
    this.d = init ?? clone(EMPTY);
  }

  toString(): string { return 'FilterCriteriaBuilder'; }

  private when(criteria: BooleanCriteriaName, values: unknown[]): this { this.d = { ...this.d, criteria, values }; return this; }
  private num(method: string, a: unknown[], criteria: BooleanCriteriaName, count = 1): this { return this.when(criteria, this.args.numbers(method, a, count)); }
  private txt(method: string, a: unknown[], criteria: BooleanCriteriaName): this { return this.when(criteria, [this.args.text(method, a)]); }
  private date(method: string, a: unknown[], absolute: BooleanCriteriaName, relative: BooleanCriteriaName | null): this {
    const [d] = a;
    if (isDate(d)) return this.when(absolute, [new Date(d.getTime())]);
    const name = typeof d === 'object' ? enumName(d) : null;
    if (relative && name && name in RelativeDate) return this.when(relative, [RelativeDate[name as keyof typeof RelativeDate]]);
    return this.args.fail(method, a);
  }
  private strings(method: string, a: unknown[]): string[] {
    return this.args.array(method, a).map((v) => String(v));
  }

  /** "Sets the values to hide. Clears any existing visible or hidden values." */
  setHiddenValues(...a: unknown[]): this { this.d = { ...this.d, hidden: this.strings('setHiddenValues', a), visible: null }; return this; }
  /** "Sets the values to show. Clears any existing visible or hidden values." */
  setVisibleValues(...a: unknown[]): this { this.d = { ...this.d, visible: this.strings('setVisibleValues', a), hidden: null }; return this; }

  whenCellEmpty(): this { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): this { return this.when('CELL_NOT_EMPTY', []); }
  whenDateAfter(...a: unknown[]): this { return this.date('whenDateAfter', a, 'DATE_AFTER', 'DATE_AFTER_RELATIVE'); }
  whenDateBefore(...a: unknown[]): this { return this.date('whenDateBefore', a, 'DATE_BEFORE', 'DATE_BEFORE_RELATIVE'); }
  whenDateEqualTo(...a: unknown[]): this { return this.date('whenDateEqualTo', a, 'DATE_EQUAL_TO', 'DATE_EQUAL_TO_RELATIVE'); }
  whenDateNotEqualTo(...a: unknown[]): this { return this.date('whenDateNotEqualTo', a, 'DATE_NOT_EQUAL_TO', null); }
  whenFormulaSatisfied(...a: unknown[]): this { return this.txt('whenFormulaSatisfied', a, 'CUSTOM_FORMULA'); }
  whenNumberBetween(...a: unknown[]): this { return this.num('whenNumberBetween', a, 'NUMBER_BETWEEN', 2); }
  whenNumberNotBetween(...a: unknown[]): this { return this.num('whenNumberNotBetween', a, 'NUMBER_NOT_BETWEEN', 2); }
  whenNumberEqualTo(...a: unknown[]): this { return this.num('whenNumberEqualTo', a, 'NUMBER_EQUAL_TO'); }
  whenNumberNotEqualTo(...a: unknown[]): this { return this.num('whenNumberNotEqualTo', a, 'NUMBER_NOT_EQUAL_TO'); }
  whenNumberGreaterThan(...a: unknown[]): this { return this.num('whenNumberGreaterThan', a, 'NUMBER_GREATER_THAN'); }
  whenNumberGreaterThanOrEqualTo(...a: unknown[]): this { return this.num('whenNumberGreaterThanOrEqualTo', a, 'NUMBER_GREATER_THAN_OR_EQUAL_TO'); }
  whenNumberLessThan(...a: unknown[]): this { return this.num('whenNumberLessThan', a, 'NUMBER_LESS_THAN'); }
  whenNumberLessThanOrEqualTo(...a: unknown[]): this { return this.num('whenNumberLessThanOrEqualTo', a, 'NUMBER_LESS_THAN_OR_EQUAL_TO'); }
  whenTextContains(...a: unknown[]): this { return this.txt('whenTextContains', a, 'TEXT_CONTAINS'); }
  whenTextDoesNotContain(...a: unknown[]): this { return this.txt('whenTextDoesNotContain', a, 'TEXT_DOES_NOT_CONTAIN'); }
  whenTextEqualTo(...a: unknown[]): this { return this.txt('whenTextEqualTo', a, 'TEXT_EQUAL_TO'); }
  whenTextNotEqualTo(...a: unknown[]): this { return this.txt('whenTextNotEqualTo', a, 'TEXT_NOT_EQUAL_TO'); }
  whenTextStartsWith(...a: unknown[]): this { return this.txt('whenTextStartsWith', a, 'TEXT_STARTS_WITH'); }
  whenTextEndsWith(...a: unknown[]): this { return this.txt('whenTextEndsWith', a, 'TEXT_ENDS_WITH'); }
  withCriteria(...a: unknown[]): this {
    const [criteria, values] = a;
    const name = typeof criteria === 'object' ? enumName(criteria) : null;
    if (!name || !(name in BooleanCriteria) || !Array.isArray(values)) return this.args.fail('withCriteria', a);
    return this.when(name as BooleanCriteriaName, Array.from(values as unknown[]));
  }

  getCriteriaType(): unknown { return this.d.criteria ? BooleanCriteria[this.d.criteria] : null; }
  getCriteriaValues(): unknown[] { return this.d.values.slice(); }
  getHiddenValues(): string[] | null { return this.d.hidden?.slice() ?? null; }
  getVisibleValues(): string[] | null { return this.d.visible?.slice() ?? null; }
  copy(): FilterCriteriaBuilder { return new FilterCriteriaBuilder(this.args.realm, clone(this.d)); }
  build(): FilterCriteria { return new FilterCriteria(Object.freeze(clone(this.d)), this.args.realm); }
}
