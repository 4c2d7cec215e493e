// The settlements benchmark's own parts (bench/settlements-*.ts): the generated files are what the
// flow reads without a problem and add up to their total, the lines-per-execution arithmetic, the
// spreadsheet meter puts the fake back as it found it, and a small import through the bundle
// resumes across executions exactly where the cost model and the job's rules say it should.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTLEMENT_RULES } from '../../src/core/settlements/categories';
import { parseSettlementFile } from '../../src/core/settlements/parse';
import { summarise } from '../../src/core/settlements/summary';
import { LINES_PER_APPEND } from '../../src/jobs/settlements/import';
import { capacity } from '../../bench/settlements-capacity';
import { measureCpu } from '../../bench/settlements-cpu';
import { runImport } from '../../bench/settlements-e2e';
import { generateSettlement } from '../../bench/settlements-gen';
import { measureMemory } from '../../bench/settlements-memory';
import { installSheetMeter } from '../../bench/settlements-meter';
import { callsPerChunk } from '../../bench/settlements-table';
import { RangeApi } from '../world/gas/spreadsheet/range';
import { readFixture } from '../fixtures/settlements/read';

describe('generated settlement files', () => {
  const file = generateSettlement(3_000);

  it('have the fixtures\' header, exactly the lines asked for, and are the same every time', () => {
    const [header, , ...rest] = file.text.trimEnd().split('\n');
    expect(header).toBe(readFixture('uk-2026-10.txt').split('\n')[0]);
    expect(rest).toHaveLength(3_000);
    expect(file.lines).toBe(3_000);
    expect(generateSettlement(3_000).text).toBe(file.text);
    expect(generateSettlement(3_001).text).not.toBe(file.text);
  });

  it('parse without a problem, add up to the summary total, and mix the default categories with a few unmapped lines and both reserve rows', () => {
    const parsed = parseSettlementFile(file.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.settlement.problems).toEqual([]);
    const { totals } = summarise(parsed.settlement, DEFAULT_SETTLEMENT_RULES);
    expect(totals.reportedTotalCents).toBe(file.totalCents);
    expect(totals.differenceCents).toBe(0);
    expect(Object.keys(totals.byCategory).length).toBeGreaterThanOrEqual(10);
    const unmapped = totals.unmapped.reduce((n, u) => n + u.lines, 0);
    expect(unmapped).toBe(file.unmappedLines);
    expect(unmapped).toBeGreaterThan(0);
    expect(unmapped).toBeLessThan(file.lines / 50);
    expect(totals.reserve.heldCents).toBeLessThan(0);
    expect(totals.reserve.releasedCents).toBeGreaterThan(0);
  });
});

describe('lines per execution', () => {
  const input = { cellsPerChunk: 110_000, networkMs: 900, otherCells: 60, cpuMs: 0 };

  it('counts the chunks that start while the reserve is left: 14 at the assumed 0.1525 ms a cell', () => {
    // Chunk k starts at 0.9 s + (k - 1) × 16.775 s and must start by 270 s - 45 s.
    const c = capacity(input, 0.1525);
    expect(c.chunksPerExecution).toBe(14);
    expect(c.linesPerExecution).toBe(14 * LINES_PER_APPEND);
    expect(c.executionsFor(200_000)).toBe(3);
    expect(c.executionsFor(10)).toBe(1);
  });

  it('gives fewer lines when Sheets is slower or the parse is on the clock, and none when nothing fits', () => {
    expect(capacity(input, 0.61).chunksPerExecution).toBe(4);
    expect(capacity({ ...input, cpuMs: 20_000 }, 0.1525).chunksPerExecution).toBe(13);
    const none = capacity({ ...input, networkMs: 230_000 }, 0.1525);
    expect(none.linesPerExecution).toBe(0);
    expect(none.executionsFor(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('the spreadsheet meter', () => {
  it('puts the fake\'s methods back when uninstalled', () => {
    const before = RangeApi.prototype.setValues;
    const meter = installSheetMeter({ msPerCellWritten: 1 });
    expect(RangeApi.prototype.setValues).not.toBe(before);
    meter.uninstall();
    expect(RangeApi.prototype.setValues).toBe(before);
  });
});

describe('a small settlement through the bundle', () => {
  // 12,000 lines are three chunks of 110,000 cells. At 1.2 ms a cell a chunk takes 132 s, so the
  // second starts at about 133 s and the third would start at 265 s, past 270 - 45 s: two chunks.
  const file = generateSettlement(12_000);
  const slow = runImport(file, 'modelled', { msPerCellWritten: 1.2 });
  const fake = runImport(file, 'fake', { msPerCellWritten: 1.2 });

  it('resumes in the next execution where the first stopped, as the arithmetic says, and imports every line once', () => {
    expect(slow.executionsToImport).toBe(2);
    expect(slow.executions.map((x) => [x.job, x.linesAdded])).toEqual([
      ['partial', 2 * LINES_PER_APPEND],
      ['ok', 12_000 - 2 * LINES_PER_APPEND],
    ]);
    const x = slow.executions[0]!;
    const cellsPerChunk = ((x.cellsWritten - slow.idleRun!.cellsWritten) / x.linesAdded) * LINES_PER_APPEND;
    // Eleven columns, written as values and as number formats (set per column; the few cells more
    // come from the format calls that go on before the values of each chunk).
    expect(Math.abs(cellsPerChunk / (LINES_PER_APPEND * 11 * 2) - 1)).toBeLessThan(0.06);
    const predicted = capacity({ cellsPerChunk, networkMs: x.virtualMs - x.chargedSheetMs, otherCells: slow.idleRun!.cellsWritten, cpuMs: 0 }, 1.2);
    expect(predicted.linesPerExecution).toBe(x.linesAdded);
    expect(slow.check).toEqual({ linesInTab: 12_000, amountCents: file.totalCents, settlementsRows: 1 });
  });

  it('charges no Sheets time on the fake\'s own clock, so the whole file goes in one execution', () => {
    expect(fake.executionsToImport).toBe(1);
    expect(fake.executions[0]!.chargedSheetMs).toBe(0);
    expect(fake.executions[0]!.virtualMs).toBeLessThan(5_000);
    expect(fake.check).toEqual({ linesInTab: 12_000, amountCents: file.totalCents, settlementsRows: 1 });
  });

  it('makes spreadsheet calls that grow with the chunks, not the lines', () => {
    const small = runImport(generateSettlement(4_000), 'fake', { msPerCellWritten: 0 }).executions[0]!;
    const big = fake.executions[0]!;
    expect([small.chunks, big.chunks]).toEqual([1, 3]);
    const per = callsPerChunk(small, big);
    expect(per.total).toBeGreaterThan(5);
    // One number-format call per formatted column and chunk (11 columns), one setValues, a few reads.
    expect(per.total).toBeLessThan(60);
    expect(per.byMethod['Range.setValues']).toBe(1);
    // Three times the lines, far less than three times the calls.
    expect(big.sheetCalls).toBeLessThan(small.sheetCalls * 1.5);
  });
});

describe('the pure measurements', () => {
  const file = generateSettlement(2_000);

  it('time parse + summarise and the split floor over the same text', () => {
    const r = measureCpu(file, 3);
    expect(r.check).toEqual({ lines: 2_000, problems: 0, differenceCents: 0, unmappedLines: file.unmappedLines });
    expect(r.both.samplesMs).toHaveLength(3);
    expect(r.floor.medianMs).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.both.medianMs / r.floor.medianMs, 9);
  });

  it('measure memory in a child process that did the work', () => {
    const [parse, floor] = measureMemory(file);
    expect(parse).toMatchObject({ lines: 2_000, target: 'parse', outputLines: 2_000, textBytes: file.bytes });
    expect(floor).toMatchObject({ target: 'floor', outputLines: 2_003 });
    expect(parse!.retainedBytes).toBeGreaterThan(0);
  });
});
