// The bundle of ports one execution works with. Built once per execution by the Apps Script
// adapters (src/adapters/gas/context.ts) or by the tests' Node ports; jobs only see this type.

import type { HttpPort } from './http';
import type { CachePort, KeyValueStore, LockPort } from './store';
import type { ClockPort } from './clock';
import type { CodecPort } from './codec';
import type { LogPort } from './log';
import type { MailPort } from './mail';
import type { WorkbookPort } from './workbook';

export interface Ports {
  http: HttpPort;
  store: KeyValueStore;
  cache: CachePort;
  lock: LockPort;
  clock: ClockPort;
  codec: CodecPort;
  log: LogPort;
  mail: MailPort;
  workbook: WorkbookPort;
}
