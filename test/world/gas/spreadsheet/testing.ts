// A ready-made world + document + UI + SpreadsheetApp for tests that drive the fake directly (Node realm).

import { World, type AuthMode, type ExecutionKind } from '../../world';
import { NODE_REALM } from '../realm';
import { UiModel } from '../ui';
import { makeSpreadsheetApp } from './app';
import { SpreadsheetModel } from './model';

/* eslint-disable @typescript-eslint/no-explicit-any -- product-facing facades are untyped objects */
export interface FakeSheets {
  world: World;
  model: SpreadsheetModel;
  ui: UiModel;
  /** The SpreadsheetApp global, typed loosely as product code sees it. */
  app: any;
  /** app.getActiveSpreadsheet(), taken inside the running execution. */
  ss: any;
}

export function openFake(opts: {
  kind?: ExecutionKind; authMode?: AuthMode; addonMode?: boolean; timeZone?: string; locale?: string;
  tabs?: Record<string, unknown[][]>; start?: string;
} = {}): FakeSheets {
  const world = new World(opts.start ?? '2026-11-02T09:00:00Z', opts.addonMode ? 'addon' : 'bound');
  const model = new SpreadsheetModel({ timeZone: opts.timeZone ?? 'Europe/London', locale: opts.locale ?? 'en_GB', name: 'Test sheet' });
  if (opts.tabs) model.seed(opts.tabs);
  const ui = new UiModel();
  world.begin('test', opts.kind ?? 'menu', opts.authMode ?? 'FULL');
  const app: any = makeSpreadsheetApp({ world, model, ui, realm: NODE_REALM, addonMode: opts.addonMode ?? false });
  const ss = opts.authMode === 'NONE' ? null : app.getActiveSpreadsheet();
  return { world, model, ui, app, ss };
}
