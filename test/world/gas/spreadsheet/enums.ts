// Apps Script enums as the runtime exposes them: objects whose toString()/name() give the constant's
// name, compared by identity (rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST).
// Lists from https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria ,
// .../protection-type , .../boolean-criteria , .../wrap-strategy , .../relative-date , .../color-type
// (reference/base/color-type), base/button, base/button-set, and the Charts service's
// https://developers.google.com/apps-script/reference/charts/chart-type and .../charts/position.

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

// Order as on https://developers.google.com/apps-script/reference/spreadsheet/boolean-criteria .
export const BooleanCriteria = makeEnum([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
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
export const RelativeDate = makeEnum(['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR'] as const);
export const ColorType = makeEnum(['UNSUPPORTED', 'RGB', 'THEME'] as const);
export const ChartType = makeEnum([
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR',
  'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
] as const);
export type ChartTypeName = keyof typeof ChartType;
export const ChartPosition = makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const ChartHiddenDimensionStrategy = makeEnum(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const);
export const ChartMergeStrategy = makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
