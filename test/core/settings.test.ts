// Settings parsing: defaults, percent strings, and bad cells that fall back with a plain message.
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core/settings';

describe('parseSettings', () => {
  it('uses the documented defaults when the tab is empty', () => {
    const s = parseSettings([]).settings;
    expect(s.marketplace).toBe('UK');
    expect(s.pushMode).toBe('dry-run');
    expect(s.threePlApiVersion).toBe('2026-07');
    expect(s.guardrailMaxShareChanging).toBe(0.5);
  });

  it('reads keys case-insensitively, fractions, percent text and location lists', () => {
    const { settings, problems } = parseSettings([
      ['push mode', 'AUTO'],
      ['Guardrail max share changing', '25%'],
      ['Guardrail min 3PL list share', 0.9],
      ['3PL locations', '10, 12 ,'],
    ]);
    expect(problems).toEqual([]);
    expect(settings.pushMode).toBe('auto');
    expect(settings.guardrailMaxShareChanging).toBe(0.25);
    expect(settings.guardrailMin3plListShare).toBe(0.9);
    expect(settings.threePlLocations).toEqual(['10', '12']);
  });

  it('falls back to the default and names the key when a value is invalid', () => {
    const { settings, problems } = parseSettings([
      ['Feed threshold', 'lots'],
      ['Push mode', 'yolo'],
      ['Guardrail max share changing', 3],
    ]);
    expect(settings.feedThreshold).toBe(20);
    expect(settings.pushMode).toBe('dry-run');
    expect(settings.guardrailMaxShareChanging).toBe(0.5);
    expect(problems.map((p) => p.key)).toEqual(['Push mode', 'Feed threshold', 'Guardrail max share changing']);
    expect(problems[1]!.message).toContain('"lots"');
  });

  it('reads a cell holding only spaces as the empty cell it looks like: the default, no problem', () => {
    const keys = ['Default safety buffer', 'Push mode', 'Feed threshold', 'Guardrail max share changing', 'Stock data max age (minutes)'];
    const blank = parseSettings(keys.map((k) => [k, '']));
    const spaces = parseSettings(keys.map((k) => [k, '   ']));
    expect(spaces.problems).toEqual([]);
    expect(spaces.settings).toEqual(blank.settings);
  });
});

describe('a count setting typed as a percentage', () => {
  it('is a problem naming what was typed, and the push stays a dry run, whether the sheet kept "100%" as text or as the number 1', () => {
    for (const pair of [['Guardrail max to zero', '100%', 'B7'], ['Guardrail max to zero', 1, 'B7', '100%']] as const) {
      const { settings, problems } = parseSettings([['Push mode', 'auto'], pair]);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toContain('Settings "Guardrail max to zero" holds "100%", which is not a whole number of 0 or more (a count, not a percentage).');
      expect(settings.guardrailMaxToZero).toBe(20);
      expect(settings.pushMode).toBe('dry-run');
    }
  });
  it('a count shown as a plain number is read, and a share setting keeps taking percentages', () => {
    const { settings, problems } = parseSettings([['Guardrail max to zero', 1, 'B7', '1'], ['Guardrail max share changing', 0.8, 'B8', '80%'], ['Feed threshold', '', 'B9', '']]);
    expect(problems).toEqual([]);
    expect(settings.guardrailMaxToZero).toBe(1);
    expect(settings.guardrailMaxShareChanging).toBe(0.8);
  });
});
