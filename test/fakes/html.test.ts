// HtmlService fake against https://developers.google.com/apps-script/reference/html/html-service,
// https://developers.google.com/apps-script/reference/html/html-output and the templates guide
// https://developers.google.com/apps-script/guides/html/templates.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeHtmlService } from '../world/gas/html';
import type { Realm } from '../world/gas/realm';
import { gasMessage, harness } from './gas-harness';

function setup(realm?: Realm) {
  const dir = mkdtempSync(join(tmpdir(), 'gas-html-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<p>Sidebar</p>');
  writeFileSync(join(dir, 'Page.html'), '<h1><?= title ?></h1><?!= raw ?><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?>');
  const h = harness(realm ? { realm } : {});
  return { ...h, html: makeHtmlService(h.ctx, dir) };
}

describe('HtmlService', () => {
  it('serves a built file by name, with or without .html', () => {
    const { html } = setup();
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>Sidebar</p>');
    expect(html.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>Sidebar</p>');
  });

  it('throws for a missing file', () => {
    expect(gasMessage(() => setup().html.createHtmlOutputFromFile('Nope'))).toBe('No HTML file named Nope was found.');
  });

  it('HtmlOutput keeps title, size, modes and meta tags; setters chain; append adds content', () => {
    const { html } = setup();
    const out = html.createHtmlOutput('<b>a</b>')
      .setTitle('FBA 3PL Sync').setWidth(300).setHeight(600)
      .setSandboxMode(html.SandboxMode.IFRAME).setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width').append('<i>b</i>').appendUntrusted('<script>');
    expect(out.getTitle()).toBe('FBA 3PL Sync');
    expect(out.getWidth()).toBe(300);
    expect(out.getHeight()).toBe(600);
    expect(out.getXFrameOptionsMode()).toBe('ALLOWALL');
    expect(out.getMetaTags().map((m) => `${m.getName()}=${m.getContent()}`)).toEqual(['viewport=width=device-width']);
    expect(out.getContent()).toBe('<b>a</b><i>b</i>&lt;script&gt;');
  });

  it('templates: <?= ?> escapes, <?!= ?> prints raw, <? ?> runs code', () => {
    const { html } = setup();
    const t = html.createTemplateFromFile('Page');
    Object.assign(t, { title: '<SKU & "x">', raw: '<hr>', n: 2 });
    expect(t.evaluate().getContent()).toBe('<h1>&lt;SKU &amp; &quot;x&quot;&gt;</h1><hr><i>0</i><i>1</i>');
  });

  it('scriptlets run in the bundle realm and can call its global functions', () => {
    const context = vm.createContext({});
    vm.runInContext('function include(name) { return "[" + name + "]"; }', context);
    const realm = vm.runInContext('({ Date, Error, Object, Array })', context) as Realm;
    const { html } = setup(realm);
    expect(html.createTemplate('<?!= include("css") ?>').evaluate().getContent()).toBe('[css]');
  });
});
