// Whether one cell meets a boolean criterion (https://developers.google.com/apps-script/reference/spreadsheet/boolean-criteria),
// shared by conditional formats and filter criteria. The fake's reading of the Sheets UI's conditions
// (https://support.google.com/docs/answer/78413): number conditions hold only for numbers (dates are
// numbers: serial days), text conditions compare the cell's text (a number's displayed text) ignoring
// case, date conditions compare whole days. Relative dates (TODAY, PAST_WEEK…) need the world's clock,
// which the document does not have: they throw CannotEvaluate, as do formulas outside cf-formula.ts.

import { CannotEvaluate } from './cf-formula';
import type { BooleanCriteriaName } from './enums';
import type { Val } from './sheet-data';

export interface CellView {
  raw: Val | undefined;
  /** What the cell shows; a function because formatting is costly and only text conditions need it. */
  display(): string;
}

export interface CriteriaEnv {
  /** A Date given to whenDate… as a serial day in the spreadsheet's time zone. */
  toSerial(d: Date): number;
  /** CUSTOM_FORMULA at this cell. */
  formula(formula: string): boolean;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function meetsCriteria(criteria: BooleanCriteriaName, values: readonly unknown[], cell: CellView, env: CriteriaEnv): boolean {
  const { raw } = cell;
  const empty = raw === undefined || raw === '';
  const n = typeof raw === 'number' ? raw : null;
  const a = Number(values[0]);
  const b = Number(values[1]);
  const text = (): string => (typeof raw === 'string' ? raw : cell.display()).toLowerCase();
  const arg = String(values[0] ?? '').toLowerCase();
  const day = (v: unknown): number => Math.floor(isDate(v) ? env.toSerial(v) : Number(v));
  switch (criteria) {
    case 'CELL_EMPTY': return empty;
    case 'CELL_NOT_EMPTY': return !empty;
    case 'NUMBER_BETWEEN': return n !== null && n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN': return n !== null && (n < Math.min(a, b) || n > Math.max(a, b));
    case 'NUMBER_EQUAL_TO': return n !== null && n === a;
    case 'NUMBER_NOT_EQUAL_TO': return n !== null && n !== a;
    case 'NUMBER_GREATER_THAN': return n !== null && n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n !== null && n >= a;
    case 'NUMBER_LESS_THAN': return n !== null && n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n !== null && n <= a;
    case 'TEXT_CONTAINS': return !empty && text().includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN': return !text().includes(arg);
    case 'TEXT_EQUAL_TO': return !empty && text() === arg;
    case 'TEXT_NOT_EQUAL_TO': return text() !== arg;
    case 'TEXT_STARTS_WITH': return !empty && text().startsWith(arg);
    case 'TEXT_ENDS_WITH': return !empty && text().endsWith(arg);
    case 'DATE_AFTER': return n !== null && Math.floor(n) > day(values[0]);
    case 'DATE_BEFORE': return n !== null && Math.floor(n) < day(values[0]);
    case 'DATE_EQUAL_TO': return n !== null && Math.floor(n) === day(values[0]);
    case 'DATE_NOT_EQUAL_TO': return n !== null && Math.floor(n) !== day(values[0]);
    case 'CUSTOM_FORMULA': return env.formula(String(values[0] ?? ''));
    case 'DATE_AFTER_RELATIVE':
    case 'DATE_BEFORE_RELATIVE':
    case 'DATE_EQUAL_TO_RELATIVE':
      throw new CannotEvaluate(`the fake cannot evaluate ${criteria}: the document has no clock`);
  }
}
