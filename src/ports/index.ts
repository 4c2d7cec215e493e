// The bundle of ports one execution works with. Built once per execution by the Apps Script
// adapters (src/adapters/gas/context.ts) or by the tests' Node ports; jobs only see this type.

import type { HttpPort } from './http';
import type { CachePort, KeyValueStore, LockPort } from './store';
import type { ClockPort } from './clock';
import type { CodecPort } from './codec';
import type { LogPort } from './log';
import type { MailPort } from './mail';
import type { WorkbookPort } from './workbook';
import type { SheetStylePort } from './sheet-style';
import type { DashboardPort } from './dashboard';

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
  /** Formatting beyond values (filters, colours, links); absent where nothing is styled (unit tests of other concerns). */
  sheetStyle?: SheetStylePort;
  /** Time zone, number-format patterns and the Dashboard's chart; absent where nothing is shown (unit tests of other concerns). */
  dashboard?: DashboardPort;
}
