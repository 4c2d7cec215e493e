// Dependency rules of src/ (docs/architecture.md "Dependency rules"). Reads every source file with
// node:fs, parses it with the TypeScript compiler API (so comments and strings never count), and
// checks the rules in the tables below. A failure prints one line per violation:
//   src/jobs/runner.ts → src/adapters/gas/context.ts (jobs never reach adapters or entry)

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = path.join(ROOT, 'src');

// ---------------------------------------------------------------------------------------------
// The rules. A layer is a top-level folder of src/.

const LAYERS = ['core', 'ports', 'sheet', 'amazon', 'threepl', 'jobs', 'adapters', 'entry', 'ui'] as const;
type Layer = (typeof LAYERS)[number];

interface ImportRule {
  rule: string;
  /** The importing files: layers, or '*' for every file under src/. */
  from: readonly Layer[] | '*';
  /** Layers these files may import (their own layer is not implied: list it). */
  only?: readonly Layer[];
  /** Layers these files must not import. */
  never?: readonly Layer[];
  /** Importing layers exempt when the import is type-only (the sidebar's typed view of the server). */
  typeOnlyFrom?: readonly Layer[];
}

const IMPORT_RULES: readonly ImportRule[] = [
  { rule: 'core imports only core and ports', from: ['core'], only: ['core', 'ports'] },
  { rule: 'ports import only ports', from: ['ports'], only: ['ports'] },
  { rule: 'tab modules import only sheet, core and ports', from: ['sheet'], only: ['sheet', 'core', 'ports'] },
  { rule: 'amazon imports only amazon, ports and core', from: ['amazon'], only: ['amazon', 'ports', 'core'] },
  { rule: 'threepl imports only threepl, ports and core', from: ['threepl'], only: ['threepl', 'ports', 'core'] },
  { rule: 'jobs never reach adapters or entry', from: ['jobs'], never: ['adapters', 'entry'] },
  { rule: 'nothing imports entry (the sidebar may take its types)', from: LAYERS.filter((l) => l !== 'entry'), never: ['entry'], typeOnlyFrom: ['ui'] },
];

/** Apps Script's server-side services. `console` is allowed everywhere. */
const GAS_GLOBALS = [
  'SpreadsheetApp', 'Charts', 'UrlFetchApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp',
  'Utilities', 'HtmlService', 'Session', 'Logger', 'MailApp', 'GmailApp', 'DriveApp', 'ContentService',
] as const;

/** Only these layers may name an Apps Script global. src/ui is browser code: google.script.run only. */
const GLOBALS_RULE = { rule: 'Apps Script globals only in adapters and entry', allowedIn: ['adapters', 'entry'] as readonly Layer[] };

/** No cycle between these layers (edges from any import, type-only ones included). */
const CYCLE_RULE = 'no import cycle between top-level folders';

// ---------------------------------------------------------------------------------------------
// Reading the source.

const SOURCE_EXT = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs'];

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

interface GlobalUse {
  name: string;
  line: number;
}

/** Every module a file refers to: import/export … from, import 'x', import x = require('x'), import('x'), typeof import('x'). */
function importsOf(fileName: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: ImportRef[] = [];
  const add = (spec: ts.Node | undefined, typeOnly: boolean, at: ts.Node) => {
    if (spec && ts.isStringLiteralLike(spec)) out.push({ specifier: spec.text, typeOnly, line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allTypeNamed = !!clause && !clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings)
        && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause && (clause.isTypeOnly || allTypeNamed), node);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, node);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * Identifiers naming one of `names` as a free-standing reference: comments and string literals are
 * not identifiers, and property names (`x.Logger`, `{ Session: 1 }`) are not references.
 */
function globalUses(fileName: string, text: string, names: readonly string[]): GlobalUse[] {
  const wanted = new Set(names);
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: GlobalUse[] = [];
  const isPropertyName = (id: ts.Identifier): boolean => {
    const p = id.parent;
    return (ts.isPropertyAccessExpression(p) && p.name === id)
      || (ts.isQualifiedName(p) && p.right === id)
      || ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p)
        || ts.isMethodDeclaration(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)
        || ts.isEnumMember(p)) && p.name === id);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text) && !isPropertyName(node)) {
      out.push({ name: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (SOURCE_EXT.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

const rel = (abs: string): string => path.relative(ROOT, abs).split(path.sep).join('/');

/** `src/jobs/inventory/job.ts` → `jobs`; a file directly under src/ → '(src)'. */
function layerOf(relPath: string): string {
  const parts = relPath.split('/');
  return parts.length > 2 ? parts[1]! : '(src)';
}

/** A relative specifier → the file it names (as the bundler resolves it), or null. Packages → undefined. */
function resolve(fromAbs: string, specifier: string): string | null | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromAbs), specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, ...SOURCE_EXT.map((e) => stem + e), ...SOURCE_EXT.map((e) => path.join(base, 'index' + e))];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

interface Edge {
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
  typeOnly: boolean;
  line: number;
}

function scan() {
  const files = listFiles(SRC);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  const globals: Array<{ file: string; use: GlobalUse }> = [];
  for (const abs of files) {
    const text = fs.readFileSync(abs, 'utf8');
    const from = rel(abs);
    for (const ref of importsOf(abs, text)) {
      const target = resolve(abs, ref.specifier);
      if (target === undefined) continue;
      if (target === null) {
        unresolved.push(`${from}:${ref.line} → ${ref.specifier} (does not resolve to a file)`);
        continue;
      }
      const to = rel(target);
      if (!to.startsWith('src/')) {
        unresolved.push(`${from}:${ref.line} → ${to} (outside src/)`);
        continue;
      }
      edges.push({ from, to, fromLayer: layerOf(from), toLayer: layerOf(to), typeOnly: ref.typeOnly, line: ref.line });
    }
    for (const use of globalUses(abs, text, GAS_GLOBALS)) globals.push({ file: from, use });
  }
  return { files: files.map(rel), edges, unresolved, globals };
}

const line = (e: Edge, rule: string) => `${e.from} → ${e.to} (${rule}${e.typeOnly ? '; type-only' : ''})`;

function importViolations(edges: readonly Edge[], r: ImportRule): string[] {
  return edges
    .filter((e) => r.from === '*' || (r.from as readonly string[]).includes(e.fromLayer))
    .filter((e) => (r.only && !(r.only as readonly string[]).includes(e.toLayer)) || (r.never && (r.never as readonly string[]).includes(e.toLayer)))
    .filter((e) => !(e.typeOnly && r.typeOnlyFrom && (r.typeOnlyFrom as readonly string[]).includes(e.fromLayer)))
    .map((e) => line(e, r.rule));
}

/** Strongly connected groups of layers (Tarjan) with more than one member, and the edges inside each. */
function layerCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.fromLayer === e.toLayer) continue;
    if (!graph.has(e.fromLayer)) graph.set(e.fromLayer, new Set());
    if (!graph.has(e.toLayer)) graph.set(e.toLayer, new Set());
    graph.get(e.fromLayer)!.add(e.toLayer);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return groups;
}

function cycleViolations(edges: readonly Edge[]): string[] {
  return layerCycles(edges).flatMap((group) => {
    const rule = `${CYCLE_RULE}: ${group.join(' ⇄ ')}`;
    return edges.filter((e) => e.fromLayer !== e.toLayer && group.includes(e.fromLayer) && group.includes(e.toLayer)).map((e) => line(e, rule));
  });
}

function report(violations: readonly string[]): string {
  return violations.length ? `\n${violations.length} violation(s):\n  ${violations.join('\n  ')}\n` : '';
}

// ---------------------------------------------------------------------------------------------

const world = scan();

describe('dependency rules of src/', () => {
  it('finds the source files and their imports', () => {
    expect(world.files.some((f) => f.startsWith('src/core/'))).toBe(true);
    expect(world.edges.length).toBeGreaterThan(0);
    // The adapters do use the globals: a scan that found none would be checking nothing.
    expect(world.globals.some((g) => layerOf(g.file) === 'adapters')).toBe(true);
  });

  it('every relative import resolves to a file under src/', () => {
    expect(world.unresolved, report(world.unresolved)).toEqual([]);
  });

  it('every file sits in a known top-level folder', () => {
    const unknown = world.files.filter((f) => !(LAYERS as readonly string[]).includes(layerOf(f))).map((f) => `${f} (not in ${LAYERS.join(', ')})`);
    expect(unknown, report(unknown)).toEqual([]);
  });

  it.each(IMPORT_RULES.map((r) => [r.rule, r] as const))('%s', (_name, r) => {
    const v = importViolations(world.edges, r);
    expect(v, report(v)).toEqual([]);
  });

  it(GLOBALS_RULE.rule, () => {
    const v = world.globals
      .filter((g) => !(GLOBALS_RULE.allowedIn as readonly string[]).includes(layerOf(g.file)))
      .map((g) => `${g.file}:${g.use.line} → ${g.use.name} (${GLOBALS_RULE.rule})`);
    expect(v, report(v)).toEqual([]);
  });

  it(CYCLE_RULE, () => {
    const v = cycleViolations(world.edges);
    expect(v, report(v)).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads every import form, and marks type-only ones', () => {
    const src = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, e } from './d';",
      "import './side-effect';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "export * from './h';",
      "type S = typeof import('./i');",
      "const j = import('./j');",
      "import k = require('./k');",
      "// import x from './comment';",
      "const s = \"import y from './string'\";",
    ].join('\n');
    expect(importsOf('x.ts', src).map((r) => `${r.specifier}${r.typeOnly ? ' (type)' : ''}`)).toEqual([
      './a', './b (type)', './c (type)', './d', './side-effect', './f', './g (type)', './h', './i (type)', './j', './k',
    ]);
  });

  it('counts globals in code, not in comments, strings or property names', () => {
    const src = [
      '// SpreadsheetApp in a comment',
      '/* UrlFetchApp in a block comment */',
      "const a = 'Session in a string';",
      'const b = `Logger in a template ${Utilities.sleep(1)}`;',
      'const c = { Logger: 1 };',
      'const d = c.Logger;',
      'SpreadsheetApp.getUi();',
      'type T = typeof PropertiesService;',
      'console.log(1);',
    ].join('\n');
    expect(globalUses('x.ts', src, GAS_GLOBALS).map((g) => `${g.name}:${g.line}`)).toEqual(['Utilities:4', 'SpreadsheetApp:7', 'PropertiesService:8']);
  });

  it('finds a cycle between folders and names the edges in it', () => {
    const e = (from: string, to: string): Edge => ({ from, to, fromLayer: layerOf(from), toLayer: layerOf(to), typeOnly: false, line: 1 });
    const edges = [e('src/core/a.ts', 'src/ports/b.ts'), e('src/ports/b.ts', 'src/core/c.ts'), e('src/jobs/j.ts', 'src/core/a.ts')];
    expect(layerCycles(edges)).toEqual([['core', 'ports']]);
    expect(cycleViolations(edges)).toEqual([
      `src/core/a.ts → src/ports/b.ts (${CYCLE_RULE}: core ⇄ ports)`,
      `src/ports/b.ts → src/core/c.ts (${CYCLE_RULE}: core ⇄ ports)`,
    ]);
  });
});
