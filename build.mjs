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

  writeFileSync('dist/appsscript.json', JSON.stringify(manifestFor({ sandbox }), null, 2) + '\n');
  writeFileSync('out/public-functions.json', JSON.stringify(names, null, 2) + '\n');
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = await build();
  console.log(`dist/Code.js: ${names.length} public functions (${names.join(', ')})${process.env.SANDBOX === '1' ? '; sandbox hosts allowed' : ''}`);
}
