// Conditional format rules: the builder chain and getters as Google documents them
// (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder ,
// .../conditional-format-rule , .../boolean-condition , .../sheet#setConditionalFormatRules(ConditionalFormatRule)),
// and the model's answer to "which cells does a rule colour" (first rule that holds wins).
import { describe, expect, it } from 'vitest';
import { CannotEvaluate } from '../world/gas/spreadsheet/cf-formula';
import { openFake } from '../world/gas/spreadsheet/testing';
import { gasMessage } from './gas-harness';

const RED = '#f4c7c3';
const GREEN = '#b7e1cd';

function inventory() {
  const f = openFake({
    tabs: {
      Inventory: [
        ['SKU', 'Channel', 'Available', 'Status'],
        ['A-1', 'FBM', 5, 'ok'],
        ['B-2', 'FBA', -2, 'Mismatch found'],
        ['C-3', 'FBM', 0, ''],
        ['D-4', 'fba', -7, 'ok'],
      ],
      Other: [['x']],
    },
  });
  return { ...f, sh: f.ss.getSheetByName('Inventory') };
}

describe('ConditionalFormatRuleBuilder', () => {
  it('builds the documented chain and reads it back through the rule and its boolean condition', () => {
    const { app, sh } = inventory();
    const range = sh.getRange('C2:C5');
    const rule = app.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#F4C7C3').setFontColor('red').setBold(true).setRanges([range]).build();
    expect(String(rule)).toBe('ConditionalFormatRule');
    expect(rule.getGradientCondition()).toBeNull();
    expect(rule.getRanges()[0].getA1Notation()).toBe('C2:C5');
    const cond = rule.getBooleanCondition();
    expect(String(cond)).toBe('ConditionalFormatBooleanCondition');
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_LESS_THAN);
    expect(cond.getCriteriaValues()).toEqual([0]);
    expect(cond.getBackground()).toBe(RED); // Sheets keeps an RGB colour: lower-case hex
    expect(cond.getBackgroundObject().asRgbColor().asHexString()).toBe(RED);
    expect(cond.getFontColor()).toBe('#ff0000');
    expect(cond.getBold()).toBe(true);
    expect(cond.getItalic()).toBeNull();
  });

  it('maps each when… method to its BooleanCriteria and values', () => {
    const { app } = inventory();
    const b = () => app.newConditionalFormatRule();
    const C = app.BooleanCriteria;
    const cases: Array<[unknown, unknown, unknown[]]> = [
      [b().whenNumberLessThanOrEqualTo(3), C.NUMBER_LESS_THAN_OR_EQUAL_TO, [3]],
      [b().whenNumberGreaterThan(10), C.NUMBER_GREATER_THAN, [10]],
      [b().whenNumberEqualTo(1), C.NUMBER_EQUAL_TO, [1]],
      [b().whenNumberBetween(1, 9), C.NUMBER_BETWEEN, [1, 9]],
      [b().whenTextEqualTo('FBA'), C.TEXT_EQUAL_TO, ['FBA']],
      [b().whenTextContains('Mismatch'), C.TEXT_CONTAINS, ['Mismatch']],
      [b().whenFormulaSatisfied('=$C2<0'), C.CUSTOM_FORMULA, ['=$C2<0']],
      [b().whenCellEmpty(), C.CELL_EMPTY, []],
      [b().whenDateEqualTo(app.RelativeDate.TODAY), C.DATE_EQUAL_TO_RELATIVE, [app.RelativeDate.TODAY]],
      [b().withCriteria(C.TEXT_STARTS_WITH, ['A-']), C.TEXT_STARTS_WITH, ['A-']],
    ];
    for (const [builder, type, values] of cases) {
      const cond = (builder as { getBooleanCondition(): { getCriteriaType(): unknown; getCriteriaValues(): unknown[] } }).getBooleanCondition();
      expect(cond.getCriteriaType()).toBe(type);
      expect(cond.getCriteriaValues()).toEqual(values);
    }
  });

  it('refuses arguments of the wrong type with Apps Script\'s signature text, and a rule with no condition', () => {
    const { app, sh } = inventory();
    expect(gasMessage(() => app.newConditionalFormatRule().whenNumberLessThan('0')))
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThan.");
    expect(gasMessage(() => app.newConditionalFormatRule().whenNumberBetween(1)))
      .toBe("The parameters (number) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberBetween.");
    expect(gasMessage(() => app.newConditionalFormatRule().setRanges(['A1:A3'])))
      .toBe("The parameters ((class)) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    expect(gasMessage(() => app.newConditionalFormatRule().setRanges(sh.getRange('A1'))))
      .toMatch(/method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges/);
    expect(gasMessage(() => app.newConditionalFormatRule().setBackground('#ffffff').build())).toMatch(/no condition/);
  });

  it('copy() presets a builder with the rule\'s settings; setBackground(null) clears the colour', () => {
    const { app, sh } = inventory();
    const rule = app.newConditionalFormatRule().whenNumberLessThan(0).setBackground(RED).setBold(true).setRanges([sh.getRange('C2:C5')]).build();
    const copy = rule.copy().whenCellEmpty().setBackground(null).build();
    expect(copy.getBooleanCondition().getCriteriaType()).toBe(app.BooleanCriteria.CELL_EMPTY);
    expect(copy.getBooleanCondition().getBold()).toBe(true);
    expect(copy.getBooleanCondition().getBackground()).toBeNull();
    expect(rule.getBooleanCondition().getBackground()).toBe(RED); // the original is untouched
    expect(copy.getRanges()[0].getA1Notation()).toBe('C2:C5');
  });
});

describe('Sheet conditional format rules', () => {
  it('setConditionalFormatRules replaces all rules; get returns fresh rules in order, appendable', () => {
    const { app, sh } = inventory();
    const r1 = app.newConditionalFormatRule().whenNumberLessThan(0).setBackground(RED).setRanges([sh.getRange('C2:C5')]).build();
    sh.setConditionalFormatRules([r1]);
    const rules = sh.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]).not.toBe(r1);
    rules.push(app.newConditionalFormatRule().whenTextEqualTo('ok').setBackground(GREEN).setRanges([sh.getRange('D2:D5')]).build());
    sh.setConditionalFormatRules(rules);
    const again = sh.getConditionalFormatRules();
    expect(again.map((r: { getRanges(): Array<{ getA1Notation(): string }> }) => r.getRanges()[0]!.getA1Notation())).toEqual(['C2:C5', 'D2:D5']);
    sh.clearConditionalFormatRules();
    expect(sh.getConditionalFormatRules()).toEqual([]);
  });

  it('refuses non-rules and rules whose ranges are on another tab', () => {
    const { app, sh, ss } = inventory();
    expect(gasMessage(() => sh.setConditionalFormatRules('rules'))).toMatch(/method signature for SpreadsheetApp.Sheet.setConditionalFormatRules/);
    const elsewhere = app.newConditionalFormatRule().whenCellEmpty().setRanges([ss.getSheetByName('Other').getRange('A1:A3')]).build();
    expect(gasMessage(() => sh.setConditionalFormatRules([elsewhere]))).toMatch(/must be on the sheet/);
  });

  it('the model says which cells a rule colours: number, text and empty conditions, first rule wins', () => {
    const { app, sh, model } = inventory();
    sh.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberLessThan(-5).setBackground('#990000').setRanges([sh.getRange('C2:C5')]).build(),
      app.newConditionalFormatRule().whenNumberLessThan(0).setBackground(RED).setRanges([sh.getRange('C2:C5')]).build(),
      app.newConditionalFormatRule().whenTextContains('mismatch').setFontColor('#cc0000').setRanges([sh.getRange('D2:D5')]).build(),
      app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sh.getRange('D2:D5')]).build(),
    ]);
    expect(model.conditionalFormatAt('Inventory', 'C3')?.background).toBe(RED);
    expect(model.conditionalFormatAt('Inventory', 5, 3)?.background).toBe('#990000'); // -7 meets both; the first rule shows
    expect(model.conditionalFormatAt('Inventory', 'C4')).toBeNull(); // 0 is not < 0
    expect(model.conditionalFormatAt('Inventory', 'C1')).toBeNull(); // outside the rule's range
    expect(model.conditionalFormatAt('Inventory', 'D3')?.fontColor).toBe('#cc0000'); // text conditions ignore case
    expect(model.conditionalFormatAt('Inventory', 'D4')?.background).toBe('#eeeeee');
    expect(model.rowsFormatted('Inventory', { background: '#F4C7C3' })).toEqual([3]);
  });

  it('a custom formula colours whole rows, with $ fixing the column and rows moving from the anchor', () => {
    const { app, sh, model } = inventory();
    const rows = sh.getRange('A2:D5');
    sh.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=AND($C2<0, UPPER($B2)="FBA")').setBackground(RED).setRanges([rows]).build(),
    ]);
    expect(model.rowsFormatted('Inventory', { background: RED })).toEqual([3, 5]);
    expect(model.conditionalFormatAt('Inventory', 'A5')?.background).toBe(RED);
    sh.getRange('C3').setValue(4); // the format follows the data
    expect(model.rowsFormatted('Inventory', { background: RED })).toEqual([5]);
  });

  it('a formula the fake cannot evaluate fails loudly instead of colouring nothing', () => {
    const { app, sh, model } = inventory();
    sh.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=VLOOKUP($A2, Other!A:B, 2, FALSE)>0').setBackground(RED).setRanges([sh.getRange('A2:D5')]).build(),
    ]);
    expect(() => model.conditionalFormatAt('Inventory', 'A2')).toThrow(CannotEvaluate);
  });

  it('exportSheet lists the rules with their ranges, criteria and format', () => {
    const { app, sh, model } = inventory();
    sh.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberLessThan(0).setBackground(RED).setRanges([sh.getRange('C2:C5'), sh.getRange('E2:E5')]).build(),
    ]);
    expect(model.exportSheet('Inventory')!.conditionalFormats).toEqual([{
      ranges: ['C2:C5', 'E2:E5'], criteria: 'NUMBER_LESS_THAN', values: [0],
      format: { background: RED, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null },
    }]);
  });
});
