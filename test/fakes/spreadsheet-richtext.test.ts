// Rich text and links: RichTextValueBuilder, RichTextValue and TextStyle as Google documents them
// (https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value-builder ,
// .../rich-text-value , .../text-style-builder), and Range.setRichTextValue(s)/getRichTextValue(s)
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setRichTextValue(RichTextValue)).
import { describe, expect, it } from 'vitest';
import { openFake } from '../world/gas/spreadsheet/testing';
import { gasMessage } from './gas-harness';

function book() {
  const f = openFake({ tabs: { Orders: [['Order', 'Qty'], ['', 3]] } });
  return { ...f, sh: f.ss.getSheetByName('Orders') };
}

describe('RichTextValueBuilder and RichTextValue', () => {
  it("Google's example: 'foo no baz' with two links splits into runs, and getLinkUrl() is null for mixed links", () => {
    const { app } = book();
    const value = app.newRichTextValue().setText('foo no baz').setLinkUrl(0, 3, 'https://bar.foo').setLinkUrl(7, 10, 'https://abc.xyz').build();
    expect(String(value)).toBe('RichTextValue');
    expect(value.getText()).toBe('foo no baz');
    expect(value.getLinkUrl()).toBeNull();
    expect(value.getLinkUrl(0, 3)).toBe('https://bar.foo');
    expect(value.getLinkUrl(0, 5)).toBeNull();
    const runs = value.getRuns();
    expect(runs.map((r: { getText(): string }) => r.getText())).toEqual(['foo', ' no ', 'baz']);
    expect(runs.map((r: { getLinkUrl(): string | null }) => r.getLinkUrl())).toEqual(['https://bar.foo', null, 'https://abc.xyz']);
    expect(runs.map((r: { getStartIndex(): number; getEndIndex(): number }) => [r.getStartIndex(), r.getEndIndex()])).toEqual([[0, 3], [3, 7], [7, 10]]);
  });

  it('setLinkUrl(url) links the whole value; null clears; setText clears links and styles', () => {
    const { app } = book();
    const b = app.newRichTextValue().setText('Order 114-1').setLinkUrl('https://sellercentral.amazon.com/orders-v3/order/114-1');
    expect(b.build().getLinkUrl()).toBe('https://sellercentral.amazon.com/orders-v3/order/114-1');
    expect(b.build().getRuns()).toHaveLength(1);
    expect(b.setLinkUrl(null).build().getLinkUrl()).toBeNull();
    const styled = app.newRichTextValue().setText('abc').setLinkUrl('https://x.example').setTextStyle(app.newTextStyle().setBold(true).build());
    expect(styled.setText('xyz').build().getRuns()[0].getLinkUrl()).toBeNull();
  });

  it('text styles apply to substrings, split runs and read back; a null style does nothing', () => {
    const { app } = book();
    const bold = app.newTextStyle().setBold(true).setForegroundColor('#FF0000').build();
    const value = app.newRichTextValue().setText('HelloWorld').setTextStyle(0, 5, bold).setTextStyle(null).build();
    expect(value.getRuns().map((r: { getText(): string }) => r.getText())).toEqual(['Hello', 'World']);
    expect(value.getTextStyle(0, 5).isBold()).toBe(true);
    expect(value.getTextStyle(0, 5).getForegroundColor()).toBe('#ff0000');
    expect(value.getTextStyle().isBold()).toBeNull(); // varies across the value
    expect(value.getRuns()[1].getTextStyle().isBold()).toBeNull();
  });

  it('refuses offsets outside the text and arguments of the wrong type', () => {
    const { app } = book();
    expect(gasMessage(() => app.newRichTextValue().setText('abc').setLinkUrl(0, 9, 'https://x.example'))).toMatch(/outside the text/);
    expect(gasMessage(() => app.newRichTextValue().setText('abc').setLinkUrl('0', 2, 'https://x.example')))
      .toBe("The parameters (String,number,String) don't match the method signature for SpreadsheetApp.RichTextValueBuilder.setLinkUrl.");
    expect(gasMessage(() => app.newTextStyle().setBold('yes'))).toMatch(/SpreadsheetApp.TextStyleBuilder.setBold/);
  });
});

describe('Range rich text', () => {
  it('a cell holds the text as its value and keeps the link', () => {
    const { app, sh, model } = book();
    const link = app.newRichTextValue().setText('114-0001').setLinkUrl('https://sellercentral.amazon.com/orders-v3/order/114-0001').build();
    sh.getRange('A2').setRichTextValue(link);
    expect(sh.getRange('A2').getValue()).toBe('114-0001');
    sh.getRange('A3').setRichTextValue(app.newRichTextValue().setText('0042').build());
    expect(sh.getRange('A3').getValue()).toBe('0042'); // text, never parsed as the number 42
    expect(sh.getRange('A1:A2').getValues()).toEqual([['Order'], ['114-0001']]);
    expect(sh.getRange('A2').getRichTextValue().getLinkUrl()).toBe('https://sellercentral.amazon.com/orders-v3/order/114-0001');
    expect(model.exportSheet('Orders')!.links).toEqual([
      { a1: 'A2', row: 2, column: 1, text: '114-0001', url: 'https://sellercentral.amazon.com/orders-v3/order/114-0001', source: 'richText' },
    ]);
  });

  it('getRichTextValue is null for numbers, plain for text and empty cells', () => {
    const { sh } = book();
    expect(sh.getRange('B2').getRichTextValue()).toBeNull();
    expect(sh.getRange('A1').getRichTextValue().getText()).toBe('Order');
    expect(sh.getRange('A1').getRichTextValue().getLinkUrl()).toBeNull();
    expect(sh.getRange('C5').getRichTextValue().getText()).toBe('');
    const grid = sh.getRange('A1:B2').getRichTextValues();
    expect(grid.map((row: Array<{ getText(): string } | null>) => row.map((v) => (v === null ? null : v.getText())))).toEqual([['Order', 'Qty'], ['', null]]);
  });

  it('writing a value or clearing content drops the link', () => {
    const { app, sh, model } = book();
    const link = app.newRichTextValue().setText('see').setLinkUrl('https://x.example').build();
    sh.getRange('A2:A3').setRichTextValues([[link], [link]]);
    sh.getRange('A2').setValue('plain');
    sh.getRange('A3').clearContent();
    expect(sh.getRange('A2').getRichTextValue().getLinkUrl()).toBeNull();
    expect(sh.getRange('A3').getRichTextValue().getText()).toBe('');
    expect(model.exportSheet('Orders')!.links).toEqual([]);
  });

  it('setRichTextValues checks the grid like setValues; a HYPERLINK formula is exported as a link too', () => {
    const { app, sh, model } = book();
    const v = app.newRichTextValue().setText('x').build();
    expect(gasMessage(() => sh.getRange('A1:A2').setRichTextValues([[v]])))
      .toBe('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(gasMessage(() => sh.getRange('A1').setRichTextValue('x'))).toMatch(/method signature for SpreadsheetApp.Range.setRichTextValue/);
    sh.getRange('C1').setFormula('=HYPERLINK("https://x.example/a", "label")');
    expect(model.exportSheet('Orders')!.links).toEqual([{ a1: 'C1', row: 1, column: 3, text: 'label', url: 'https://x.example/a', source: 'formula' }]);
  });
});
