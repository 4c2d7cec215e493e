import { describe, expect, it } from 'vitest';
import { validateSkuMap } from '../../src/core/inventory/sku-map';
import { mapRow } from './inventory-fixtures';

const opts = { defaultMarketplace: 'UK' };

describe('validateSkuMap', () => {
  it('accepts a complete FBM row with typed values', () => {
    const v = validateSkuMap([mapRow({ 'Safety Buffer': 3, 'Offer %': 0.5, 'Max Qty': 20 })], opts);
    expect(v.rows[0]!.state).toBe('ok');
    expect(v.rows[0]!.status).toBe('OK');
    expect(v.rows[0]!.sheetRow).toBe(2);
    expect(v.entries).toEqual([
      expect.objectContaining({ key: 'UK:FBM:TEE-M', sellerSku: 'TEE-M', threePlSku: 'TEE-M', safetyBuffer: 3, offerShare: 0.5, maxQty: 20, rowIndex: 0 }),
    ]);
    expect(v.exceptions).toEqual([]);
  });

  it('reads "50%" text, empty cells as defaults and an empty marketplace as the Settings one', () => {
    const v = validateSkuMap([mapRow({ Marketplace: '', 'Offer %': '50%', Active: '' })], { defaultMarketplace: 'de' });
    expect(v.entries[0]).toMatchObject({ marketplace: 'DE', offerShare: 0.5, safetyBuffer: null, maxQty: null, key: 'DE:FBM:TEE-M' });
  });

  it.each([
    ['Safety Buffer', 'abc', 'Safety Buffer holds "abc", not a number'],
    ['Safety Buffer', -2, 'Safety Buffer is negative'],
    ['Max Qty', 'lots', 'Max Qty holds "lots"'],
    ['Max Qty', -1, 'Max Qty is negative'],
    ['Offer %', 'half', 'Offer % holds "half"'],
    ['Offer %', -0.5, 'Offer % is negative'],
    ['Offer %', 2, 'Offer % is more than 100%'],
  ])('holds a row with %s = %j', (column, value, problem) => {
    const v = validateSkuMap([mapRow({ [column]: value }), mapRow({ 'Seller SKU': 'TEE-L', '3PL SKU': 'TEE-L' })], opts);
    expect(v.rows[0]!.state).toBe('invalid');
    expect(v.rows[0]!.status).toContain(problem);
    expect(v.rows[0]!.status.startsWith('Not used: ')).toBe(true);
    // The rest of the map still syncs.
    expect(v.entries.map((e) => e.sellerSku)).toEqual(['TEE-L']);
    expect(v.exceptions).toHaveLength(1);
    expect(v.exceptions[0]).toMatchObject({ key: 'MAPPING_INVALID:UK:FBM:TEE-M', type: 'MAPPING_INVALID', entity: 'UK FBM TEE-M' });
    expect(v.exceptions[0]!.message).toContain(problem);
    expect(v.exceptions[0]!.message).toContain('row 2');
  });

  it('holds an FBM row without a 3PL SKU', () => {
    const v = validateSkuMap([mapRow({ '3PL SKU': '' })], opts);
    expect(v.rows[0]!.state).toBe('invalid');
    expect(v.rows[0]!.status).toContain('no 3PL SKU');
    expect(v.entries).toEqual([]);
  });

  it('holds an unknown or empty channel, keyed by what was typed', () => {
    const v = validateSkuMap([mapRow({ Channel: 'Prime' }), mapRow({ 'Seller SKU': 'B', Channel: '' })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['invalid', 'invalid']);
    expect(v.rows[0]!.status).toContain('Channel "Prime" is not FBM or FBA');
    expect(v.rows[1]!.status).toContain('Channel is empty');
    expect(v.exceptions.map((e) => e.key)).toEqual(['MAPPING_INVALID:UK:PRIME:TEE-M', 'MAPPING_INVALID:UK:?:B']);
  });

  it('accepts channel aliases and any letter case', () => {
    const v = validateSkuMap([mapRow({ Channel: 'fbm' }), mapRow({ 'Seller SKU': 'X', Channel: 'MFN' })], opts);
    expect(v.entries.map((e) => e.channel)).toEqual(['FBM', 'FBM']);
  });

  it('skips inactive rows quietly, without checking them or counting them as duplicates', () => {
    const rows = [mapRow(), mapRow({ Active: false, 'Safety Buffer': 'junk' }), mapRow({ Active: 'FALSE' }), mapRow({ Active: 'no' })];
    const v = validateSkuMap(rows, opts);
    expect(v.rows.map((r) => r.state)).toEqual(['ok', 'inactive', 'inactive', 'inactive']);
    expect(v.rows[1]!.status).toBe('Inactive: not synced.');
    expect(v.entries).toHaveLength(1);
    expect(v.exceptions).toEqual([]);
  });

  it('treats Active "TRUE"/"yes" text as active and other text as a problem', () => {
    const v = validateSkuMap([mapRow({ Active: 'TRUE' }), mapRow({ 'Seller SKU': 'B', Active: 'yes' }), mapRow({ 'Seller SKU': 'C', Active: 'perhaps' })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['ok', 'ok', 'invalid']);
    expect(v.rows[2]!.status).toContain('Active holds "perhaps"');
  });

  it('holds every copy of a duplicate Seller SKU + marketplace + channel with one exception', () => {
    const v = validateSkuMap([mapRow(), mapRow({ 'Seller SKU': 'OTHER', '3PL SKU': 'O' }), mapRow({ 'Safety Buffer': 1 })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['invalid', 'ok', 'invalid']);
    expect(v.rows[0]!.status).toContain('rows 2 and 4');
    expect(v.entries.map((e) => e.sellerSku)).toEqual(['OTHER']);
    const ex = v.exceptions.filter((e) => e.type === 'MAPPING_INVALID');
    expect(ex).toHaveLength(1);
    expect(ex[0]!.key).toBe('MAPPING_INVALID:UK:FBM:TEE-M');
    expect(ex[0]!.message).toContain('are not used');
  });

  it('allows the same Seller SKU in different marketplaces', () => {
    const v = validateSkuMap([mapRow({ Marketplace: 'UK' }), mapRow({ Marketplace: 'DE' }), mapRow({ Marketplace: 'fr' })], { ...opts, marketplaces: ['UK', 'DE', 'FR'] });
    expect(v.rows.map((r) => r.state)).toEqual(['ok', 'ok', 'ok']);
    expect(v.entries.map((e) => e.key)).toEqual(['UK:FBM:TEE-M', 'DE:FBM:TEE-M', 'FR:FBM:TEE-M']);
  });

  it('holds a Seller SKU mapped as both FBM and FBA as DUAL_CHANNEL_SKU', () => {
    const v = validateSkuMap([mapRow(), mapRow({ Channel: 'FBA', '3PL SKU': '' }), mapRow({ 'Seller SKU': 'OK-1', '3PL SKU': 'OK-1' })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['dual', 'dual', 'ok']);
    expect(v.rows[0]!.status).toContain('both FBM and FBA');
    expect(v.entries.map((e) => e.sellerSku)).toEqual(['OK-1']);
    expect(v.held.map((e) => e.key)).toEqual(['UK:FBM:TEE-M', 'UK:FBA:TEE-M']);
    expect(v.exceptions).toEqual([expect.objectContaining({ key: 'DUAL_CHANNEL_SKU:UK:TEE-M', type: 'DUAL_CHANNEL_SKU' })]);
  });

  it('does not flag FBM in one marketplace and FBA in another as dual', () => {
    const v = validateSkuMap([mapRow(), mapRow({ Marketplace: 'DE', Channel: 'FBA', '3PL SKU': '' })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['ok', 'ok']);
  });

  it('holds an FBA row that has a buffer, offer share or cap', () => {
    const v = validateSkuMap(
      [mapRow({ Channel: 'FBA', 'Safety Buffer': 2 }), mapRow({ 'Seller SKU': 'B', Channel: 'FBA', 'Offer %': 0.5, 'Max Qty': 3 }), mapRow({ 'Seller SKU': 'C', Channel: 'FBA', '3PL SKU': 'C-3PL' })],
      opts,
    );
    expect(v.rows.map((r) => r.state)).toEqual(['invalid', 'invalid', 'ok']);
    expect(v.rows[0]!.status).toContain('FBA row has Safety Buffer set');
    expect(v.rows[1]!.status).toContain('Offer %, Max Qty');
    expect(v.rows[2]!.status).toContain('FBA');
    expect(v.entries[0]).toMatchObject({ channel: 'FBA', threePlSku: 'C-3PL' });
  });

  it('ignores blank rows and holds a row with data but no Seller SKU', () => {
    const v = validateSkuMap([mapRow({ 'Seller SKU': '', Channel: '', '3PL SKU': '', ASIN: '' }), mapRow({ 'Seller SKU': '' })], opts);
    expect(v.rows.map((r) => r.state)).toEqual(['blank', 'invalid']);
    expect(v.rows[0]!.status).toBe('');
    expect(v.exceptions.map((e) => e.key)).toEqual(['MAPPING_INVALID:row:3']);
    expect(v.exceptions[0]!.entity).toBe('SKU Map row 3');
  });

  it('keeps numeric Seller SKUs as text and lists several problems together', () => {
    const v = validateSkuMap([mapRow({ 'Seller SKU': 123, 'Safety Buffer': 'x', 'Max Qty': -3 })], { defaultMarketplace: 'UK', firstSheetRow: 10 });
    expect(v.rows[0]!.sellerSku).toBe('123');
    expect(v.rows[0]!.status).toContain('Safety Buffer');
    expect(v.rows[0]!.status).toContain('Max Qty is negative');
    expect(v.exceptions[0]!.message).toContain('row 10');
  });
});
