// Bundles src/ into the three files Apps Script receives (dist/Code.js, dist/Sidebar.html,
// dist/appsscript.json). Apps Script finds entry points only as top-level functions, so every export
// of src/entry/index.ts gets a delegating stub; the list comes from an ESM pass because esbuild's
// metafile lists no exports for an IIFE (see ../shared/reference/apps-script.md §4.3).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const ENTRY = 'src/entry/index.ts';
const common = {
  entryPoints: [ENTRY],
  bundle: true,
  target: 'es2019',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Hosts only a sandbox build may reach: SP-API's static sandbox (src/amazon/hosts.ts spApiHost) and
 * ShipBob's sandbox (src/threepl/shipbob/http.ts). A production manifest leaves them out, so an
 * installed add-on can only talk to the live services (`SANDBOX=1 node build.mjs` adds them).
 */
export const SANDBOX_HOSTS = [
  'https://sandbox.sellingpartnerapi-na.amazon.com/',
  'https://sandbox.sellingpartnerapi-eu.amazon.com/',
  'https://sandbox.sellingpartnerapi-fe.amazon.com/',
  'https://sandbox-api.shipbob.com/',
];

/** appsscript.json as dist/ receives it: the production allowlist, plus the sandbox hosts in a sandbox build. */
export function manifestFor({ sandbox }) {
  const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8'));
  if (sandbox) manifest.urlFetchWhitelist = [...manifest.urlFetchWhitelist, ...SANDBOX_HOSTS];
  return manifest;
}

export async function build({ sandbox = process.env.SANDBOX === '1' } = {}) {
  mkdirSync('dist', { recursive: true });
  mkdirSync('out', { recursive: true });

  const esm = await esbuild.build({ ...common, format: 'esm', metafile: true, outfile: 'dist/Code.js' });
  const names = esm.metafile.outputs['dist/Code.js'].exports.filter((n) => n !== 'default').sort();
  if (names.length === 0) throw new Error(`${ENTRY} exports nothing: Apps Script would see no functions`);

  const iife = await esbuild.build({ ...common, format: 'iife', globalName: '__app', outfile: 'dist/Code.js' });
  const stubs = names
    .map((n) => `function ${n}() { return __app.${n}.apply(this, arguments); }`)
    .join('\n');
  const code = `${iife.outputFiles[0].text}\n// Public surface: one top-level function per export of ${ENTRY}.\n${stubs}\n`;
  writeFileSync('dist/Code.js', code);

  // The sidebar script is bundled for the browser and inlined: HtmlService serves no separate files.
  const ui = await esbuild.build({
    entryPoints: ['src/ui/sidebar.ts'], bundle: true, format: 'iife', target: 'es2019',
    platform: 'browser', write: false, legalComments: 'none', logLevel: 'warning',
  });
  const html = readFileSync('src/ui/Sidebar.html', 'utf8');
  const marker = '<!-- inline:sidebar.js -->';
  if (!html.includes(marker)) throw new Error(`src/ui/Sidebar.html lacks the ${marker} marker`);
  const script = ui.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  writeFileSync('dist/Sidebar.html', html.replace(marker, () => `<script>\n${script}</script>`));

  // The manual travels with the add-on: the sidebar opens it in a dialog (showManual), so it is always
  // the manual of the version installed and needs no outside address.
  writeFileSync('dist/Manual.html', manualHtml(readFileSync('docs/operations.md', 'utf8')));

  writeFileSync('dist/appsscript.json', JSON.stringify(manifestFor({ sandbox }), null, 2) + '\n');
  writeFileSync('out/public-functions.json', JSON.stringify(names, null, 2) + '\n');
  return names;
}

/** GitHub's heading anchors ("AUTH_FAILED (High)" → "auth_failed-high"), so the manual's own links work. */
function slug(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Code spans, bold, italics and links; links to other repository files become their text. */
function inline(text) {
  const codes = [];
  let out = escapeHtml(text).replace(/`([^`]+)`/g, (_, c) => `\u0000${codes.push(c) - 1}\u0000`);
  out = out
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*/g, '$1<i>$2</i>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) =>
      href.startsWith('#') ? `<a href="${href}">${label}</a>` : /^https:\/\//.test(href) ? `<a href="${href}" target="_blank" rel="noopener">${label}</a>` : label);
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${codes[Number(i)]}</code>`);
}

/**
 * docs/operations.md as one HTML page for HtmlService: headings (with anchors), paragraphs, lists,
 * tables, quotes and code blocks, which is all the manual uses. Text is escaped before markup is added.
 */
export function manualHtml(md) {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  let i = 0;
  const isItem = (l) => /^\s*(?:[-*]|\d+\.)\s+/.test(l);
  const isBlockStart = (l) => /^(#{1,6}\s|```|\||>)/.test(l) || isItem(l);
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    if (line.startsWith('```')) {
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6}\s/.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1).trim();
      out.push(`<h${level} id="${slug(text)}">${inline(text)}</h${level}>`);
      i++;
    } else if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
      const cells = (r) => r.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      const body = rows.filter((r, n) => n !== 1 || !/^\|[\s:|-]+\|?$/.test(r));
      out.push(`<table>${body.map((r, n) => `<tr>${cells(r).map((c) => (n === 0 ? `<th>${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join('')}</tr>`).join('')}</table>`);
    } else if (line.startsWith('>')) {
      const quote = [];
      for (; i < lines.length && lines[i].startsWith('>'); i++) quote.push(lines[i].replace(/^>\s?/, ''));
      out.push(`<blockquote>${inline(quote.join(' '))}</blockquote>`);
    } else if (isItem(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items = [];
      while (i < lines.length && (isItem(lines[i]) || (/^\s+\S/.test(lines[i]) && items.length))) {
        if (isItem(lines[i])) items.push({ depth: lines[i].search(/\S/), text: lines[i].replace(/^\s*(?:[-*]|\d+\.)\s+/, '') });
        else items[items.length - 1].text += ` ${lines[i].trim()}`;
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((it) => `<li${it.depth ? ' class="sub"' : ''}>${inline(it.text)}</li>`).join('')}</${tag}>`);
    } else {
      const para = [];
      for (; i < lines.length && lines[i].trim() && !isBlockStart(lines[i]); i++) para.push(lines[i].trim());
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  const style = 'body{font-family:Arial,sans-serif;font-size:13px;line-height:1.45;margin:16px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:24px}h3,h4{font-size:14px}' +
    'table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}code{background:#f1f3f4;padding:0 3px}pre{background:#f1f3f4;padding:8px;overflow:auto}li.sub{margin-left:20px}blockquote{border-left:3px solid #ddd;margin:8px 0;padding-left:10px;color:#555}';
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="https://ssl.gstatic.com/docs/script/css/add-ons1.css">\n<style>${style}</style>\n</head>\n<body>\n${out.join('\n')}\n</body>\n</html>\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = await build();
  console.log(`dist/Code.js: ${names.length} public functions (${names.join(', ')})${process.env.SANDBOX === '1' ? '; sandbox hosts allowed' : ''}`);
}
