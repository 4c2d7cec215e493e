// SKU Map Active typed as words instead of ticked: "yes", "no", 0 are read as typed (docs/operations.md
// "Set up sheets"), and the row's Status says how, so the reading is never silent. A tick box, TRUE or
// FALSE (any case) say nothing more; words that are no flag ("maybe") stay a problem, as before.

import { describe, expect, it } from 'vitest';
import { flagWordNote, parseFlag } from '../../src/core/cells';
import { channelWordNote, withActiveNotes } from '../../src/core/sku-map-notes';
import { InventoryRun } from '../inventory/builder';

describe('flagWordNote', () => {
  it('names the word and how it was read; nothing for a tick box, TRUE / FALSE, empty or an unreadable word', () => {
    expect(flagWordNote('yes', 'Active')).toBe('Active holds "yes", read as ticked; tick or untick the box (TRUE / FALSE) to say it plainly.');
    expect(flagWordNote('No', 'Active')).toMatch(/"No", read as unticked/);
    expect(flagWordNote(0, 'Active')).toMatch(/"0", read as unticked/);
    for (const plain of [true, false, 'TRUE', 'false', '', null, 'maybe']) expect(flagWordNote(plain, 'Active')).toBeNull();
    // A word that is no flag is refused, naming the allowed values.
    expect(parseFlag('maybe', 'Active', true)).toEqual({ ok: false, problem: 'Active holds "maybe"; tick or untick the box (TRUE / FALSE)' });
  });

  it('is added after the row Status, only where there is one', () => {
    const records = [{ Active: 'yes' }, { Active: 'no' }, { Active: true }, { Active: 'yes' }];
    expect(withActiveNotes(['OK', 'Inactive: not synced.', 'OK', ''], records)).toEqual([
      'OK. Active holds "yes", read as ticked; tick or untick the box (TRUE / FALSE) to say it plainly.',
      'Inactive: not synced. Active holds "no", read as unticked; tick or untick the box (TRUE / FALSE) to say it plainly.',
      'OK',
      '',
    ]);
  });
});

describe('Active typed as words, end to end', () => {
  it('reads them as before and says so in Status; TRUE / FALSE typed as text say nothing more', () => {
    const r = new InventoryRun({
      offers: [
        { sku: 'A-YES', onHand: 10, active: 'yes' },
        { sku: 'A-NO', onHand: 10, active: 'no' },
        { sku: 'A-ZERO', onHand: 10, active: 0 },
        { sku: 'A-TXT', onHand: 10, active: 'FALSE' },
        { sku: 'A-TICK', onHand: 10, active: true },
      ],
    });
    r.sync();
    const status = (sku: string) => r.tab('SKU Map').find((x) => x['Seller SKU'] === sku)!['Status'];
    expect(status('A-YES')).toBe('OK. Active holds "yes", read as ticked; tick or untick the box (TRUE / FALSE) to say it plainly.');
    expect(status('A-NO')).toBe('Inactive: not synced. Active holds "no", read as unticked; tick or untick the box (TRUE / FALSE) to say it plainly.');
    expect(status('A-ZERO')).toMatch(/^Inactive: not synced\. Active holds "0", read as unticked/);
    expect(status('A-TXT')).toBe('Inactive: not synced.');
    expect(status('A-TICK')).toBe('OK');
    expect(r.writes().map((w) => w.sku).sort()).toEqual(['A-TICK', 'A-YES']);
  });
});

describe("Channel typed as Amazon's network names", () => {
  it('MFN and AFN are read as FBM and FBA as before, and the Status says so', () => {
    expect(channelWordNote('mfn', 'Channel')).toBe('Channel holds "mfn", Amazon\'s name for FBM, read as FBM; type FBM to say it plainly.');
    for (const plain of ['FBM', 'fba', '', null, 'FBX']) expect(channelWordNote(plain, 'Channel')).toBeNull();
    const r = new InventoryRun({
      offers: [{ sku: 'C-MFN', onHand: 10 }, { sku: 'C-FBM', onHand: 10 }],
      fba: [{ sku: 'C-AFN', fulfillable: 4 }],
    });
    r.edit('SKU Map', { 'Seller SKU': 'C-MFN' }, { Channel: 'MFN' });
    r.edit('SKU Map', { 'Seller SKU': 'C-AFN' }, { Channel: 'AFN' });
    r.sync();
    const status = (sku: string) => r.tab('SKU Map').find((x) => x['Seller SKU'] === sku)!['Status'];
    expect(status('C-MFN')).toBe('OK. Channel holds "MFN", Amazon\'s name for FBM, read as FBM; type FBM to say it plainly.');
    expect(status('C-AFN')).toMatch(/^OK \(FBA: stock is read from Amazon, never pushed\)\. Channel holds "AFN", Amazon's name for FBA, read as FBA/);
    expect(status('C-FBM')).toBe('OK');
    expect(r.writes().map((w) => w.sku).sort()).toEqual(['C-FBM', 'C-MFN']);
  });
});
