// Settings grouped under section rows (core/settings): headings are never settings, a new tab is
// seeded section by section with only the keys of features that are built, and a tab people
// already filled in keeps every row they typed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDED_SETTING_KEYS, SETTINGS, SETTINGS_SECTIONS, isSettingsSection, parseSettings, settingsSeed } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { planSetup } from '../../src/core/setup-plan';
import { TABS } from '../../src/core/tabs';
import { readSettings, writeSetting } from '../../src/sheet/settings-tab';
import type { CellValue } from '../../src/ports/workbook';
import { memoryWorkbook } from '../security/memory-workbook';

describe('section rows', () => {
  it('recognises headings set apart by dashes or #, and section titles alone', () => {
    for (const k of ['— Stock sync —', '-- Orders --', '– Guardrails –', '# My notes', 'Stock sync', ' guardrails ']) expect(isSettingsSection(k), k).toBe(true);
    for (const k of ['Push mode', 'Stock sync timeout (minutes)', '', null, 'Marketplace']) expect(isSettingsSection(k), String(k)).toBe(false);
  });

  it('never reads a heading as a setting or reports it as unknown, whatever its Value holds', () => {
    const { settings, problems } = parseSettings([
      ['— Stock sync —', ''],
      ['Push mode', 'auto'],
      // A heading that looks like a key, with a value: still a heading.
      ['— Push mode —', 'approve'],
      ['# Orders', 'remember to check'],
      ['Stock sync', 'x'],
      ['Feed threshold', 5],
    ]);
    expect(problems).toEqual([]);
    expect(settings.pushMode).toBe('auto');
    expect(settings.feedThreshold).toBe(5);
    // A slip in a real key is still reported.
    expect(parseSettings([['— Stock sync —', ''], ['Push mod', 'auto']]).problems.map((p) => p.key)).toEqual(['Push mod']);
  });

  it('reads and writes a Settings tab with section rows by key', () => {
    const wb = memoryWorkbook({
      Settings: [
        ['Key', 'Value', 'Help'],
        ['— Amazon —', '', 'Which marketplace'],
        ['Marketplace', 'DE', ''],
        ['— Stock sync —', '', ''],
        ['Push mode', 'approve', ''],
        ['Approve stock push', true, ''],
      ],
    });
    const read = readSettings(wb);
    expect(read.problems).toEqual([]);
    expect(read.settings).toMatchObject({ marketplace: 'DE', pushMode: 'approve', approveStockPush: true });
    expect(writeSetting(wb, 'Approve stock push', false)).toBe(true);
    expect(wb.tabs.get('Settings')![5]).toEqual(['Approve stock push', false, '']);
    expect(writeSetting(wb, '— Stock sync —', 'x')).toBe(false);
  });
});

describe('seeding', () => {
  it('puts every setting in exactly one section', () => {
    const ids = SETTINGS_SECTIONS.map((s) => s.id);
    for (const s of SETTINGS) expect(ids, s.key).toContain(s.section);
    const seed = settingsSeed();
    expect(seed.filter((r) => !r.section).map((r) => r.key).sort()).toEqual([...SEEDED_SETTING_KEYS].sort());
    expect(seed.filter((r) => r.section).map((r) => r.key)).toEqual(SETTINGS_SECTIONS.map((s) => `— ${s.title} —`));
    for (const r of seed.filter((x) => x.section)) expect(isSettingsSection(r.key)).toBe(true);
  });

  it('does not seed the keys of features not built yet, and groups the rest under their headings', () => {
    const defs = [
      { key: 'Push mode', section: 'stock', default: 'dry-run', help: 'h' },
      { key: 'Marketplaces', section: 'amazon', default: '', help: 'several marketplaces (not built)', seeded: false },
      { key: 'Marketplace', section: 'amazon', default: 'UK', help: 'h' },
    ] as const;
    expect(settingsSeed(undefined, defs).map((r) => r.key)).toEqual(['— Amazon —', 'Marketplace', '— Stock sync —', 'Push mode']);
    // Keys missing from a tab people have come without headings: their layout is theirs.
    expect(settingsSeed(['push mode'], defs).map((r) => r.key)).toEqual(['Push mode']);
  });

  it('keeps an old Settings tab as people left it: their values, their order, keys it does not seed', () => {
    const old: CellValue[][] = [
      ['Key', 'Value', 'Help'],
      ['Push mode', 'auto', 'mine'],
      ['Marketplaces', 'UK, DE', 'typed by a person'],
      ['Marketplace', 'UK', ''],
    ];
    const plan = planSetup(new Map([['Settings', old]]), [TABS.settings]);
    // Only additions: the keys it lacks, appended below, no heading, nothing renamed or removed.
    expect(plan.every((a) => a.kind === 'appendRows')).toBe(true);
    const appended = plan.flatMap((a) => (a.kind === 'appendRows' ? a.rows.map((r) => r[0]) : []));
    expect(appended).not.toContain('Push mode');
    expect(appended).not.toContain('Marketplace');
    expect(appended.some(isSettingsSection)).toBe(false);
    // Push mode, Marketplace and (seeded since issue 17) Marketplaces are there already.
    expect(appended).toHaveLength(SEEDED_SETTING_KEYS.length - 3);
  });
});

/** Each setting's field of Settings, found by parsing one changed value at a time. */
function fieldsByKey(): Map<string, keyof Settings> {
  const base = parseSettings([]).settings;
  const other = (s: (typeof SETTINGS)[number]): unknown => {
    if (s.key === 'Marketplace') return 'DE';
    if (s.options) return s.options.find((o) => o !== String(s.default));
    if (s.format === 'checkbox') return true;
    if (s.format === 'percent') return 0.3;
    if (typeof s.default === 'number') return s.default + 1;
    return 'A2CHANGED';
  };
  const out = new Map<string, keyof Settings>();
  for (const s of SETTINGS) {
    const v = other(s);
    if (v === undefined) continue;
    const parsed = parseSettings([[s.key, v]]).settings;
    const changed = (Object.keys(base) as Array<keyof Settings>).filter((f) => JSON.stringify(base[f]) !== JSON.stringify(parsed[f]));
    // "Marketplace" and "Marketplaces" also set the lists derived from them (issue 17): the key's own field is the one named after it.
    const own = changed.length === 1 ? changed[0] : changed.find((f) => f.toLowerCase() === s.key.replace(/[^a-z]/gi, '').toLowerCase());
    if (own) out.set(s.key, own);
  }
  return out;
}

function sourceOutsideSettings(): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith(path.join('core', 'settings.ts'))) parts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.resolve('src'));
  return parts.join('\n');
}

describe('only the keys of built features are seeded', () => {
  it('every seeded key is read by the code (a key nothing reads is a feature not built)', () => {
    const fields = fieldsByKey();
    // '3PL provider' has one option today (shipbob): no other value to tell its field by.
    fields.set('3PL provider', 'threePlProvider');
    expect([...fields.keys()].sort()).toEqual(SETTINGS.map((s) => s.key).sort());
    const src = sourceOutsideSettings();
    const unread = SEEDED_SETTING_KEYS.filter((k) => !new RegExp(`\\.${fields.get(k)!}\\b`).test(src));
    expect(unread).toEqual([]);
  });
});
