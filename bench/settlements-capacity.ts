// How many lines one execution can import, worked out from the job's rules and the cells a chunk
// writes, for Sheets write speeds around the assumed one (settlements-meter.ts): the modelled
// end-to-end run measures one speed, this shows how the answer moves if Sheets is faster or slower.
// The import appends a chunk while at least RESERVE_MS of the job's deadline remains, so chunk k
// (from 1) starts at t0 + (k - 1) × chunk time and must start by BUDGET_MS - RESERVE_MS.

import { LINES_PER_APPEND } from '../src/jobs/settlements/import';

/** src/jobs/kit/runner.ts JOB_BUDGET_MS (not exported): the deadline every job gets. */
export const BUDGET_MS = 4.5 * 60 * 1000;
/** src/jobs/settlements/import.ts RESERVE_MS (not exported): kept for the work after the last chunk. */
export const RESERVE_MS = 45_000;

export interface CapacityInput {
  /** Cells written per full chunk (measured: values and number formats). */
  cellsPerChunk: number;
  /** Virtual ms before the first chunk that is not Sheets writing (the download's latency, measured). */
  networkMs: number;
  /** Cells written outside the chunks in one execution (Sync Log, Exceptions; measured). */
  otherCells: number;
  /** CPU ms spent before the first chunk that Apps Script's clock would also see (parse + summarise). */
  cpuMs: number;
}

export interface Capacity {
  msPerCell: number;
  chunkS: number;
  chunksPerExecution: number;
  linesPerExecution: number;
  /** Executions a settlement of `lines` needs (every execution downloads and parses it again). */
  executionsFor: (lines: number) => number;
}

export function capacity(input: CapacityInput, msPerCell: number): Capacity {
  const chunkMs = input.cellsPerChunk * msPerCell;
  const t0 = input.networkMs + input.otherCells * msPerCell + input.cpuMs;
  const room = BUDGET_MS - RESERVE_MS - t0;
  const chunks = room < 0 ? 0 : Math.floor(room / chunkMs) + 1;
  const linesPerExecution = chunks * LINES_PER_APPEND;
  return {
    msPerCell,
    chunkS: chunkMs / 1000,
    chunksPerExecution: chunks,
    linesPerExecution,
    executionsFor: (lines) => (linesPerExecution === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(lines / linesPerExecution))),
  };
}
