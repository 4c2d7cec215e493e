// Data validation builder and rules, checkboxes, and their storage on ranges.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder ;
// https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';

describe('data validation', () => {
  it('requireValueInList builds a rule with Google\'s criteria values and defaults', () => {
    const { app } = openFake();
    const rule = app.newDataValidation().requireValueInList(['FBM', 'FBA']).build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['FBM', 'FBA'], true]);
    expect(rule.getAllowInvalid()).toBe(true); // "The default for new data validation rules is true."
    expect(rule.getHelpText()).toBe('');
    const strict = app.newDataValidation().requireValueInList(['a'], false).setAllowInvalid(false).setHelpText('Pick one').build();
    expect([strict.getCriteriaValues()[1], strict.getAllowInvalid(), strict.getHelpText()]).toEqual([false, false, 'Pick one']);
  });

  it('number and checkbox requirements', () => {
    const { app } = openFake();
    const between = app.newDataValidation().requireNumberBetween(0, 100).build();
    expect([String(between.getCriteriaType()), between.getCriteriaValues()]).toEqual(['NUMBER_BETWEEN', [0, 100]]);
    const gte = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    expect([String(gte.getCriteriaType()), gte.getCriteriaValues()]).toEqual(['NUMBER_GREATER_THAN_OR_EQUAL_TO', [0]]);
    const cb = app.newDataValidation().requireCheckbox().build();
    expect([cb.getCriteriaType(), cb.getCriteriaValues()]).toEqual([app.DataValidationCriteria.CHECKBOX, []]);
    expect(cb.copy().setHelpText('x').build().getHelpText()).toBe('x');
  });

  it('set/get on ranges; null when none; null removes', () => {
    const { app, ss } = openFake();
    const sh = ss.getActiveSheet();
    expect(sh.getRange('C2').getDataValidation()).toBeNull();
    const rule = app.newDataValidation().requireValueInList(['Open', 'Resolved']).build();
    sh.getRange('C2:C4').setDataValidation(rule);
    expect(sh.getRange('C3').getDataValidation().getCriteriaValues()[0]).toEqual(['Open', 'Resolved']);
    expect(sh.getRange('B2:C2').getDataValidations().map((r: unknown[]) => r.map((x) => x !== null))).toEqual([[false, true]]);
    sh.getRange('C2').setDataValidation(null);
    expect(sh.getRange('C2').getDataValidation()).toBeNull();
    sh.getRange('C3:C4').clearDataValidations();
    expect(sh.getRange('C4').getDataValidation()).toBeNull();
  });

  it('does not enforce rules on script writes (the platform only marks the cell)', () => {
    const { app, ss } = openFake();
    const sh = ss.getActiveSheet();
    sh.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['Yes']).setAllowInvalid(false).build());
    sh.getRange('A1').setValue('No');
    expect(sh.getRange('A1').getValue()).toBe('No');
  });

  it('insertCheckboxes sets checkbox validation and FALSE values; ticking reads back as booleans', () => {
    const { app, ss } = openFake();
    const sh = ss.getActiveSheet();
    const r = sh.getRange('J2:J3').insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.getDisplayValues()).toEqual([['FALSE'], ['FALSE']]);
    expect(r.getDataValidation().getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    sh.getRange('J2').check();
    sh.getRange('J3').setValue('TRUE');
    expect(r.getValues()).toEqual([[true], [true]]);
    expect(r.isChecked()).toBe(true);
    r.removeCheckboxes();
    expect([r.getValues(), r.getDataValidation()]).toEqual([[[''], ['']], null]);
  });

  it('lists longer than 500 items are refused', () => {
    const { app, ss } = openFake();
    const items = Array.from({ length: 501 }, (_, i) => `v${i}`);
    const rule = app.newDataValidation().requireValueInList(items).build();
    expect(() => ss.getActiveSheet().getRange('A1').setDataValidation(rule)).toThrow(/limit of 500/);
  });
});
