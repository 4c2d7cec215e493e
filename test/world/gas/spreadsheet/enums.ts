// Apps Script enums as the runtime exposes them: objects whose toString()/name() give the constant's
// name, compared by identity (rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST).
// Lists from https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria ,
// .../protection-type , .../boolean-criteria , .../wrap-strategy and base/button, base/button-set.

export interface GasEnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

export function makeEnum<K extends string>(names: readonly K[]): Readonly<Record<K, GasEnumValue>> {
  const out = {} as Record<K, GasEnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ toString: () => n, name: () => n, ordinal: () => i, toJSON: () => n });
  });
  return Object.freeze(out);
}

/** The name of an enum value from any realm, or of a plain string; null otherwise. */
export function enumName(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'function') return String((v as GasEnumValue).name());
  return null;
}

export const DataValidationCriteria = makeEnum([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const);
export type CriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
] as const);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export type ButtonName = keyof typeof Button;
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonSetName = keyof typeof ButtonSet;
