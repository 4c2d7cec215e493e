// The settlement fixtures on disk are what test/fixtures/settlements/make-fixtures.ts writes, so
// they can be regenerated and reviewed from code (the gzipped one compared by its text, since
// gzip bytes may differ between zlib versions).

import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../fixtures/settlements/make-fixtures';
import { fixturePath } from '../fixtures/settlements/read';

describe('settlement fixtures', () => {
  it.each(Object.entries(fixtureFiles()))('%s is what the generator writes', (name, bytes) => {
    const disk = fs.readFileSync(fixturePath(name));
    if (name.endsWith('.gz')) {
      expect([disk[0], disk[1]]).toEqual([0x1f, 0x8b]);
      expect(zlib.gunzipSync(disk).toString('utf8')).toBe(zlib.gunzipSync(bytes).toString('utf8'));
    } else {
      expect(disk.toString('utf8')).toBe(bytes.toString('utf8'));
    }
  });

  it('holds no real seller data: made-up settlement and order ids only', () => {
    for (const [name, bytes] of Object.entries(fixtureFiles())) {
      const text = name.endsWith('.gz') ? zlib.gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      for (const id of text.match(/\b\d{3}-\d{7}-\d{7}\b/g) ?? []) expect(id, name).toMatch(/^\d{3}-0000000-00000\d\d$/);
      for (const id of text.match(/^\uFEFF?(\d+)\t/gm) ?? []) expect(id.replace(/\D/g, ''), name).toMatch(/^2400000000\d$/);
    }
  });
});
