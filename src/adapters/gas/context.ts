// Builds every port from the Apps Script services, once per execution. Entry points call this and
// pass the result down; nothing below the entry file touches a global service.

import type { HttpPort } from '../../ports/http';
import type { CachePort, KeyValueStore, LockPort } from '../../ports/store';
import type { ClockPort } from '../../ports/clock';
import type { CodecPort } from '../../ports/codec';
import type { LogPort } from '../../ports/log';
import type { WorkbookPort } from '../../ports/workbook';
import { gasHttp } from './http';
import { documentCache, documentLock, documentStore } from './store';
import { gasClock, gasCodec, gasLog } from './platform';
import { gasWorkbook } from './workbook';

export interface Ports {
  http: HttpPort;
  store: KeyValueStore;
  cache: CachePort;
  lock: LockPort;
  clock: ClockPort;
  codec: CodecPort;
  log: LogPort;
  workbook: WorkbookPort;
}

export function gasPorts(): Ports {
  return {
    http: gasHttp(),
    store: documentStore(),
    cache: documentCache(),
    lock: documentLock(),
    clock: gasClock(),
    codec: gasCodec(),
    log: gasLog(),
    workbook: gasWorkbook(),
  };
}
