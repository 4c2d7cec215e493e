// Fake Logger (https://developers.google.com/apps-script/reference/base/logger) and the V8 console
// (https://developers.google.com/apps-script/guides/logging): both land in GasServices.logs and the
// world's log, one line per call, prefixed with the level.

import { format } from 'node:util';
import type { Ctx } from './context';
import { sprintf } from './sprintf';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) !== '[object Date]') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export function makeLogging(ctx: Ctx, logs: string[]) {
  const { world } = ctx;
  /** Lines this execution context logged through Logger (Logger.getLog covers the current execution). */
  const own: string[] = [];
  const emit = (level: string, text: string) => {
    world.guard();
    logs.push(`${level} ${text}`);
    world.log(`${level} ${text}`);
  };
  const Logger = {
    /** log(data) or log(format, values...) with formatString's '%'-style placeholders. */
    log(data: unknown, ...values: unknown[]) {
      const text = values.length > 0 ? sprintf(String(data), values) : show(data);
      emit('INFO', text);
      own.push(text);
      return Logger;
    },
    getLog(): string {
      world.guard();
      return own.map((l) => `${l}\n`).join('');
    },
    clear(): void {
      world.guard();
      own.length = 0;
    },
  };
  const line = (args: unknown[]) => (typeof args[0] === 'string' ? format(...(args as [string, ...unknown[]])) : args.map(show).join(' '));
  const console = {
    log: (...args: unknown[]) => emit('INFO', line(args)),
    info: (...args: unknown[]) => emit('INFO', line(args)),
    warn: (...args: unknown[]) => emit('WARNING', line(args)),
    error: (...args: unknown[]) => emit('ERROR', line(args)),
  };
  return { Logger, console };
}
