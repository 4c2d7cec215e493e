// Fake HtmlService (https://developers.google.com/apps-script/reference/html/html-service): serves the
// built .html files from a folder, and evaluates templates with scriptlets
// (https://developers.google.com/apps-script/guides/html/templates). Template code runs in the
// bundle's realm (through its Function constructor), so scriptlets can call the script's globals.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeBlob, encodeText } from './blob';
import { fail, realmArray, type Ctx } from './context';

export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

export function escapeHtml(v: unknown): string {
  return String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl: string | null = null;
  private readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(private readonly ctx: Ctx, private content: string) {}

  private g(): void {
    this.ctx.world.guard();
  }
  getContent(): string { this.g(); return this.content; }
  setContent(content: string): FakeHtmlOutput { this.g(); this.content = String(content); return this; }
  append(html: string): FakeHtmlOutput { this.g(); this.content += String(html); return this; }
  appendUntrusted(text: string): FakeHtmlOutput { this.g(); this.content += escapeHtml(text); return this; }
  clear(): FakeHtmlOutput { this.g(); this.content = ''; return this; }
  getTitle(): string { this.g(); return this.title; }
  /** setTitle(title: String): the title is required (Apps Script rejects a call without it). */
  setTitle(...args: unknown[]): FakeHtmlOutput {
    this.g();
    if (args.length !== 1 || args[0] === undefined) fail(this.ctx, `The parameters (${args.map((a) => typeof a).join(',')}) don't match the method signature for HtmlService.HtmlOutput.setTitle.`);
    this.title = String(args[0]);
    return this;
  }
  getWidth(): number | null { this.g(); return this.width; }
  setWidth(width: number): FakeHtmlOutput { this.g(); this.width = Number(width); return this; }
  getHeight(): number | null { this.g(); return this.height; }
  setHeight(height: number): FakeHtmlOutput { this.g(); this.height = Number(height); return this; }
  /** IFRAME is the only mode left; the setter is kept for old code ("has no effect"). */
  setSandboxMode(mode: string): FakeHtmlOutput { this.g(); this.sandboxMode = String(mode); return this; }
  getSandboxMode(): string { this.g(); return this.sandboxMode; }
  setXFrameOptionsMode(mode: string): FakeHtmlOutput { this.g(); this.xFrameOptionsMode = String(mode); return this; }
  getXFrameOptionsMode(): string { this.g(); return this.xFrameOptionsMode; }
  setFaviconUrl(url: string): FakeHtmlOutput { this.g(); this.faviconUrl = String(url); return this; }
  getFaviconUrl(): string | null { this.g(); return this.faviconUrl; }
  addMetaTag(name: string, content: string): FakeHtmlOutput { this.g(); this.metaTags.push({ name: String(name), content: String(content) }); return this; }
  getMetaTags(): Array<{ getName(): string; getContent(): string }> {
    this.g();
    return realmArray(this.ctx.realm, this.metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content })));
  }
  getBlob(): FakeBlob { this.g(); return new FakeBlob(this.ctx.realm, encodeText(this.ctx.realm, this.content), 'text/html', null, () => this.g()); }
  getAs(contentType: string): FakeBlob { return this.getBlob().getAs(contentType); }
}

/**
 * Compiles a template to JavaScript: text is printed as-is, <?= ?> prints HTML-escaped (Google's
 * escaping is contextual; this one always escapes for HTML), <?!= ?> prints raw, <? ?> runs code.
 */
export function compileTemplate(source: string): string {
  let code = 'var __out = [];\nwith (this) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    const body = m[2]!;
    if (m[1] === '=') code += `__out.push(__escape(${body}));\n`;
    else if (m[1] === '!=') code += `__out.push(String(${body}));\n`;
    else code += `${body}\n`;
    last = re.lastIndex;
  }
  if (last < source.length) code += `__out.push(${JSON.stringify(source.slice(last))});\n`;
  return `${code}}\nreturn __out.join('');`;
}

/** A template: product code sets its variables as properties, then calls evaluate(). */
export interface FakeHtmlTemplate {
  evaluate(): FakeHtmlOutput;
  getCode(): string;
  getRawContent(): string;
  [variable: string]: unknown;
}

export function makeHtmlService(ctx: Ctx, htmlDir: string) {
  const { world, realm } = ctx;
  const RealmFunction = realm.Object.constructor as FunctionConstructor;

  const readFile = (name: string): string => {
    const base = String(name).replace(/\.html$/, '');
    const path = join(htmlDir, `${base}.html`);
    // "throws if the file wasn't found"; the text is observed (github.com/RayBB/easy-gmail-scheduler/issues/4).
    if (!existsSync(path)) fail(ctx, `No HTML file named ${base} was found.`);
    return readFileSync(path, 'utf8');
  };

  const template = (source: string): FakeHtmlTemplate => {
    const t: FakeHtmlTemplate = {
      getRawContent: () => { world.guard(); return source; },
      getCode: () => { world.guard(); return compileTemplate(source); },
      evaluate: (): FakeHtmlOutput => {
        world.guard();
        const fn = new RealmFunction('__escape', compileTemplate(source)) as (this: unknown, esc: (v: unknown) => string) => string;
        // Scriptlets see the template's own properties (the "variables" set on it), then globals.
        const scope: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(t)) if (!['getRawContent', 'getCode', 'evaluate'].includes(k)) scope[k] = v;
        return new FakeHtmlOutput(ctx, fn.call(scope, escapeHtml));
      },
    };
    return t;
  };

  const sourceOf = (html: unknown): string =>
    html === undefined ? '' : html instanceof FakeBlob ? html.getDataAsString() : String(html);

  return {
    SandboxMode, XFrameOptionsMode,
    createHtmlOutput(html?: string | FakeBlob): FakeHtmlOutput {
      world.guard();
      return new FakeHtmlOutput(ctx, sourceOf(html));
    },
    createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
      world.guard();
      return new FakeHtmlOutput(ctx, readFile(filename));
    },
    createTemplate(html: string | FakeBlob) {
      world.guard();
      return template(sourceOf(html));
    },
    createTemplateFromFile(filename: string) {
      world.guard();
      return template(readFile(filename));
    },
    getUserAgent(): string {
      world.guard();
      return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
    },
  };
}
