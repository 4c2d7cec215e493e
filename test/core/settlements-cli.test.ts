// `npm run settlement -- FILE [--json]` (tools/settlement-cli.ts): the breakdown of a fixture as a
// table and as JSON, gzip and Windows-1252 files, and exit 1 on a file that is not a settlement.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSettlementBytes, main } from '../../tools/settlement-cli';
import { fixturePath } from '../fixtures/settlements/read';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, '/');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('settlement CLI', () => {
  it('prints the UK fixture breakdown as a table', () => {
    const r = run(fixturePath('uk-2026-10.txt'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Settlement 24000000001 (GBP)');
    expect(r.out).toMatch(/^Period\s+2026-10-01 00:00 UTC – 2026-10-15 00:00 UTC$/m);
    expect(r.out).toMatch(/^Deposit\s+2026-10-17 00:00 UTC$/m);
    expect(r.out).toMatch(/^Reported total\s+40\.65$/m);
    expect(r.out).toMatch(/^Lines total\s+40\.65$/m);
    expect(r.out).toMatch(/^Difference\s+0\.00$/m);
    expect(r.out).toMatch(/^Selling fees\s+-48\.98$/m);
    expect(r.out).toMatch(/^Reserve held\s+-35\.00$/m);
    expect(r.out).toMatch(/^Reserve released\s+40\.00$/m);
    expect(r.out).toMatch(/^Reserve net\s+5\.00$/m);
    const categories = lines.slice(lines.findIndex((l) => l.startsWith('Category')) + 1, lines.findIndex((l) => l.startsWith('Reserve held')) - 1).map((l) => l.replace(/\s+-?[\d.]+$/, ''));
    expect(categories).toEqual(['Product sales', 'Shipping & gift-wrap income', 'Tax collected', 'Tax withheld by Amazon', 'Promotions', 'Selling fees', 'FBA fees', 'Refunds', 'Reimbursements', 'Storage fees', 'Advertising', 'Reserve']);
    expect(r.out).not.toMatch(/Unmapped|not read \(/);
  });

  it('lists unmapped triples and unread lines', () => {
    expect(run(fixturePath('unknown-triple.txt')).out).toContain('  other-transaction | other-transaction | Vine Enrollment Fee: 1 line, -20.00');
    const bad = run(fixturePath('malformed-line.txt'));
    expect(bad.code).toBe(0);
    expect(bad.out).toMatch(/^Lines not read \(4\):$/m);
    expect(bad.out).toContain('  Line 4: column "amount" holds "-3.0.0"');
    expect(bad.out).toMatch(/^Difference\s+-7\.00$/m);
  });

  it('prints JSON for the gzipped EU fixture', () => {
    const r = run(fixturePath('eu-de-2026-10.txt.gz'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      ok: true, settlementId: '24000000002', currency: 'EUR', decimal: ',', lines: 16,
      start: '2026-10-01T00:00:00.000Z', end: '2026-10-15T00:00:00.000Z', depositDate: '2026-10-17T00:00:00.000Z',
      reportedTotalCents: 176013, linesTotalCents: 176013, differenceCents: 0,
      reserve: { heldCents: -25000, releasedCents: 0, netCents: -25000 }, unmapped: [], problems: [],
    });
    expect(j.categories).toEqual([
      { category: 'Product sales', cents: 132956 }, { category: 'Shipping & gift-wrap income', cents: 499 }, { category: 'Promotions', cents: -950 },
      { category: 'Selling fees', cents: -22703 }, { category: 'FBA fees', cents: -1055 }, { category: 'Refunds', cents: -9500 },
      { category: 'Reimbursements', cents: 105000 }, { category: 'Storage fees', cents: -3234 }, { category: 'Reserve', cents: -25000 },
    ]);
  });

  it('decodes UTF-8, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeSettlementBytes(Buffer.from('MÜHLE', 'utf8'))).toBe('MÜHLE');
    expect(decodeSettlementBytes(Buffer.from([0x4d, 0xdc, 0x48, 0x4c, 0x45, 0x20, 0x80]))).toBe('MÜHLE €');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settlement-cli-'));
    try {
      const text = fs.readFileSync(fixturePath('uk-2026-10.txt'), 'latin1').replace('LAMP-OAK', 'LAMPE-ÖL');
      fs.writeFileSync(path.join(dir, 'cp1252.txt'), Buffer.from(text, 'latin1'));
      const j = JSON.parse(run(path.join(dir, 'cp1252.txt'), '--json').out);
      expect(j).toMatchObject({ ok: true, linesTotalCents: 4065 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 on a file that is not a settlement file, 2 without a file', () => {
    const notSettlement = run(path.resolve('package.json'));
    expect(notSettlement.code).toBe(1);
    expect(notSettlement.err).toMatch(/Not an Amazon settlement report/);
    expect(JSON.parse(run(path.resolve('package.json'), '--json').out)).toMatchObject({ ok: false, message: expect.stringMatching(/settlement-id/) });
    expect(run(path.resolve('no-such-file.txt')).code).toBe(1);
    expect(run().code).toBe(2);
    expect(run('a', 'b').err).toMatch(/^usage/);
  });

  it('runs as the npm script does (tsx), resolving the file from the caller\'s directory', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['tools/settlement-cli.ts', 'mismatch.txt', '--json'], { cwd: root, env: { ...process.env, INIT_CWD: path.dirname(fixturePath('mismatch.txt')) }, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ reportedTotalCents: 10000, linesTotalCents: 8765, differenceCents: 1235 });
    const bad = spawnSync(tsx, ['tools/settlement-cli.ts', 'package.json'], { cwd: root, env: { ...process.env, INIT_CWD: root }, encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });
});
