// `npm run settlement -- FILE [--json]`: the breakdown of an Amazon V2 settlement flat file, with
// the add-on's own parser and the default Settlement Map (docs/design.md §6), so finance can check
// a downloaded file without Google. Reads the file as Amazon delivers it: gzip when it starts with
// the gzip magic bytes (1f 8b), UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (Seller
// Central downloads of EU files; sp-api.md §12). Exit 0 with the breakdown,
// 1 when the file cannot be read or is not a settlement file, 2 on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { DEFAULT_SETTLEMENT_RULES } from '../src/core/settlements/categories';
import { parseSettlementFile } from '../src/core/settlements/parse';
import { categoryColumns, summarise, type SettlementTotals } from '../src/core/settlements/summary';
import type { ParsedSettlement } from '../src/core/settlements/types';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'usage: npm run settlement -- FILE [--json]';

// Windows-1252's 0x80–0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
// the rest is Latin-1. Spelled out because Node's TextDecoder('windows-1252') decodes Latin-1 here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function cp1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
  return out;
}

/** The file's text: gunzipped when gzip, UTF-8 when valid, else Windows-1252. */
export function decodeSettlementBytes(bytes: Uint8Array): string {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return cp1252(plain);
  }
}

const money = (cents: number): string => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
const when = (ms: number | null): string => (ms === null ? '(none)' : new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC'));
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The categories seen, in the Settlements tab's column order. */
function categories(totals: SettlementTotals): Array<{ category: string; cents: number }> {
  return categoryColumns(DEFAULT_SETTLEMENT_RULES, Object.keys(totals.byCategory))
    .filter((c) => c in totals.byCategory)
    .map((category) => ({ category, cents: totals.byCategory[category] ?? 0 }));
}

function table(s: ParsedSettlement, totals: SettlementTotals): string[] {
  const rows = categories(totals);
  const width = Math.max(28, ...rows.map((r) => r.category.length + 2));
  const amountRow = (label: string, cents: number) => `${label.padEnd(width)}${money(cents).padStart(14)}`;
  const out = [
    `Settlement ${totals.settlementId} (${totals.currency})`,
    `${'Period'.padEnd(width)}${when(totals.start)} – ${when(totals.end)}`,
    `${'Deposit'.padEnd(width)}${when(totals.depositDate)}`,
    `${'Lines'.padEnd(width)}${s.lines.length} read, ${s.problems.length} not read; decimal ${s.decimal === ',' ? 'comma' : 'point'}`,
    amountRow('Reported total', totals.reportedTotalCents),
    amountRow('Lines total', totals.linesTotalCents),
    amountRow('Difference', totals.differenceCents),
    '',
    `${'Category'.padEnd(width)}${'Amount'.padStart(14)}`,
    ...rows.map((r) => amountRow(r.category, r.cents)),
    '',
    amountRow('Reserve held', totals.reserve.heldCents),
    amountRow('Reserve released', totals.reserve.releasedCents),
    amountRow('Reserve net', totals.reserve.netCents),
  ];
  if (totals.unmapped.length) {
    out.push('', `Unmapped (${totals.unmapped.length}): add a Settlement Map row for each`);
    for (const u of totals.unmapped) out.push(`  ${u.transactionType} | ${u.amountType} | ${u.amountDescription}: ${u.lines} line${u.lines === 1 ? '' : 's'}, ${money(u.cents)}`);
  }
  if (s.problems.length) {
    out.push('', `Lines not read (${s.problems.length}):`);
    for (const p of s.problems) out.push(`  ${p.message}`);
  }
  return out;
}

function json(file: string, s: ParsedSettlement, totals: SettlementTotals): unknown {
  return {
    ok: true,
    file,
    settlementId: totals.settlementId,
    currency: totals.currency,
    start: iso(totals.start),
    end: iso(totals.end),
    depositDate: iso(totals.depositDate),
    decimal: s.decimal,
    lines: s.lines.length,
    reportedTotalCents: totals.reportedTotalCents,
    linesTotalCents: totals.linesTotalCents,
    differenceCents: totals.differenceCents,
    categories: categories(totals),
    reserve: totals.reserve,
    unmapped: totals.unmapped,
    problems: s.problems,
  };
}

export function main(args: readonly string[], io: CliOutput, cwd = process.env.INIT_CWD ?? process.cwd()): number {
  const asJson = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]?.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  const file = path.resolve(cwd, files[0] ?? '');
  let text: string;
  try {
    text = decodeSettlementBytes(fs.readFileSync(file));
  } catch (e) {
    io.err(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const parsed = parseSettlementFile(text);
  if (!parsed.ok) {
    if (asJson) io.out(JSON.stringify({ ok: false, file, message: parsed.message }, null, 2));
    else io.err(`${file}: ${parsed.message}`);
    return 1;
  }
  const { totals } = summarise(parsed.settlement, DEFAULT_SETTLEMENT_RULES);
  if (asJson) io.out(JSON.stringify(json(file, parsed.settlement, totals), null, 2));
  else for (const line of table(parsed.settlement, totals)) io.out(line);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2), { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) });
}
