// Builds every port from the Apps Script services, once per execution. Entry points call this and
// pass the result down; nothing below the entry file touches a global service.

import type { Ports } from '../../ports';
import { gasHttp } from './http';
import { documentCache, documentLock, documentStore } from './store';
import { gasClock, gasCodec, gasLog } from './platform';
import { gasMail } from './mail';
import { gasWorkbook } from './workbook';
import { gasSheetStyle } from './sheet-style';
import { gasDashboard } from './dashboard';

export function gasPorts(): Ports {
  return {
    http: gasHttp(),
    store: documentStore(),
    cache: documentCache(),
    lock: documentLock(),
    clock: gasClock(),
    codec: gasCodec(),
    log: gasLog(),
    mail: gasMail(),
    workbook: gasWorkbook(),
    sheetStyle: gasSheetStyle(),
    dashboard: gasDashboard(),
  };
}
