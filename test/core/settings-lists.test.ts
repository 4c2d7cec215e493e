// Every list a Settings cell holds is separated the same way (core/marketplace-list splitList): commas,
// semicolons or line breaks. "Removals to 3PL" split on commas alone read "3PL-; SB-" as one beginning
// no removal order ID has, so no removal came back to the 3PL and nothing said why.

import { describe, expect, it } from 'vitest';
import { parseSettings, settingsPairs } from '../../src/core/settings';
import { goesToThreePl } from '../../src/jobs/removals/job';

const read = (rows: unknown[][]) => parseSettings(settingsPairs([['Key', 'Value', 'Help'], ...rows]).map((p) => [p.key, p.value, p.cell] as const));

describe('list settings', () => {
  it('"Removals to 3PL" takes commas, semicolons and line breaks alike', () => {
    const { settings, problems } = read([['Removals to 3PL', '3PL-; SB-\nRET-, X-']]);
    expect(problems).toEqual([]);
    expect(settings.removalsToThreePl).toEqual(['3PL-', 'SB-', 'RET-', 'X-']);
    const to3pl = goesToThreePl(settings.removalsToThreePl);
    expect(to3pl('SB-2026-11', 'Return')).toBe(true);
    expect(to3pl('RET-7', 'Return')).toBe(true);
    expect(to3pl('OTHER-1', 'Return')).toBe(false);
  });

  it('"3PL locations" does the same', () => {
    expect(read([['3PL locations', '10; 20\n30']]).settings.threePlLocations).toEqual(['10', '20', '30']);
  });
});
