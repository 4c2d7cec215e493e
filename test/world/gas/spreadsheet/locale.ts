// Locale conventions the fake spreadsheet needs: decimal and grouping separators, the order people type
// dates in, and the default date/date-time formats Sheets applies when a Date is written to an unformatted
// cell. getDisplayValues() is "formatted… including formats applied automatically by the spreadsheet's
// locale" (https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()).
// The per-locale patterns are my reading of Sheets' defaults, not a published table.

export interface LocaleInfo {
  decimal: string;
  group: string;
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  dateFormat: string;
  dateTimeFormat: string;
  /** The time-of-day format a formula result takes from TIME() (formula-format.ts). */
  timeFormat: string;
}

const US: LocaleInfo = { decimal: '.', group: ',', dateOrder: 'MDY', dateFormat: 'm/d/yyyy', dateTimeFormat: 'm/d/yyyy h:mm:ss', timeFormat: 'h:mm:ss am/pm' };
const GB: LocaleInfo = { decimal: '.', group: ',', dateOrder: 'DMY', dateFormat: 'dd/mm/yyyy', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' };

const TABLE: Record<string, LocaleInfo> = {
  en_US: US,
  en_GB: GB, en_IE: GB, en_AU: GB, en_NZ: GB, en_IN: GB,
  de_DE: { decimal: ',', group: '.', dateOrder: 'DMY', dateFormat: 'dd.mm.yyyy', dateTimeFormat: 'dd.mm.yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' },
  fr_FR: { decimal: ',', group: ' ', dateOrder: 'DMY', dateFormat: 'dd/mm/yyyy', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' },
  es_ES: { decimal: ',', group: '.', dateOrder: 'DMY', dateFormat: 'dd/mm/yyyy', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' },
  it_IT: { decimal: ',', group: '.', dateOrder: 'DMY', dateFormat: 'dd/mm/yyyy', dateTimeFormat: 'dd/mm/yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' },
  nl_NL: { decimal: ',', group: '.', dateOrder: 'DMY', dateFormat: 'dd-mm-yyyy', dateTimeFormat: 'dd-mm-yyyy hh:mm:ss', timeFormat: 'hh:mm:ss' },
  ja_JP: { decimal: '.', group: ',', dateOrder: 'YMD', dateFormat: 'yyyy/mm/dd', dateTimeFormat: 'yyyy/mm/dd h:mm:ss', timeFormat: 'h:mm:ss' },
};

export function localeInfo(locale: string): LocaleInfo {
  return TABLE[locale] ?? (locale.startsWith('en_') ? GB : US);
}
