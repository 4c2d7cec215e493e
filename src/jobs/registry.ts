// The jobs "Sync now" and the scheduler can run, by the names scenarios and the sidebar use
// (SCENARIOS.md "Entry points"). A job appears here once it is built.

import type { JobFn } from './runner';

export interface JobDef {
  name: string;
  label: string;
  run: JobFn;
}

const JOBS: JobDef[] = [];

export function registerJob(def: JobDef): void {
  if (!JOBS.some((j) => j.name === def.name)) JOBS.push(def);
}

export function jobNames(): string[] {
  return JOBS.map((j) => j.name);
}

export function findJob(name: string): JobDef | undefined {
  return JOBS.find((j) => j.name === name);
}
