// What one import checks and reports beyond the lines themselves: the lines' total against
// Amazon's reported total, to the penny.

import { describe, expect, it } from 'vitest';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { importSettlement } from '../../src/jobs/settlements/import';
import { memoryStore } from '../world/node-ports';
import { memoryTabs, smallFile } from './memory-tabs';

const deadline = { remainingMs: () => 600_000 };

function importText(m: ReturnType<typeof memoryTabs>, text: string, store = memoryStore(), linesKept = 1_000_000) {
  const parsed = parseSettlementFile(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return importSettlement({ tabs: m.tabs, store, deadline, linesKept }, parsed.settlement, 'a file');
}

describe('the lines against the reported total', () => {
  it('raises SETTLEMENT_MISMATCH for a difference of one penny, either way', () => {
    for (const total of ['41.01', '40.99']) {
      const result = importText(memoryTabs(), smallFile('5001', total, ['50.00', '-9.00']));
      expect(result.raised.map((x) => x.type)).toContain('SETTLEMENT_MISMATCH');
    }
  });

  it('raises nothing when the lines add up exactly', () => {
    const result = importText(memoryTabs(), smallFile('5002', '41.00', ['50.00', '-9.00']));
    expect(result.raised.map((x) => x.type)).not.toContain('SETTLEMENT_MISMATCH');
  });
});
