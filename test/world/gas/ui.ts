// What the user sees and does in the spreadsheet UI: menus, sidebars, dialogs, alerts, prompts and
// toasts, plus the Ui facade product code reaches through SpreadsheetApp.getUi().
// https://developers.google.com/apps-script/reference/base/ui ; apps-script.md §2.9:
// - nothing appears until Menu.addToUi(); in an add-on createMenu(caption) ignores the caption and acts
//   like createAddonMenu() (https://developers.google.com/apps-script/reference/base/ui#createMenu(String));
// - showSidebar/showModalDialog/showModelessDialog need the script.container.ui scope, so they fail in
//   AuthMode.NONE; menus and alerts list no scope;
// - alert() suspends the script until a button is pressed: tests queue the button in alertResponses.

import type { World } from '../world';
import { gasError, type Realm } from './realm';
import { Button, ButtonSet, enumName, type ButtonName, type ButtonSetName } from './spreadsheet/enums';

export type MenuItem =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: string; items: MenuItem[] };

export interface UiMenu { caption: string; addon: boolean; items: MenuItem[] }

export class UiModel {
  menus: UiMenu[] = [];
  sidebars: Array<{ title: string; html: string }> = [];
  dialogs: Array<{ title: string; html: string; modal: boolean }> = [];
  alerts: Array<{ title: string; prompt: string; buttons: string }> = [];
  prompts: Array<{ title: string; prompt: string; buttons: string }> = [];
  toasts: Array<{ msg: string; title: string }> = [];
  /** Buttons the user will press, in order ('OK','YES','NO','CANCEL','CLOSE'). Empty: the first button of the set (OK for OK sets). */
  alertResponses: string[] = [];
  /** What the user types into prompt() dialogs, and the button they press (default: first button of the set). */
  promptResponses: Array<{ text: string; button?: string }> = [];

  /** A page reload: custom menus, sidebars and dialogs disappear until onOpen builds them again. */
  reload(): void {
    this.menus = [];
    this.sidebars = [];
    this.dialogs = [];
  }

  /** The latest sidebar, or undefined. */
  lastSidebar(): { title: string; html: string } | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }
}

const SET_BUTTONS: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface UiDeps { world: World; ui: UiModel; realm: Realm; addonMode: boolean }

function guard(deps: UiDeps): void {
  deps.world.guard();
}

interface HtmlLike { getContent(): string; getTitle?(): string }

function html(deps: UiDeps, x: unknown, method: string): HtmlLike {
  if (!x || typeof (x as HtmlLike).getContent !== 'function') {
    throw gasError(deps.realm, `The parameters (${typeof x}) don't match the method signature for Ui.${method}.`);
  }
  return x as HtmlLike;
}

function needsUiScope(deps: UiDeps, method: string): void {
  if (deps.world.current?.authMode === 'NONE') {
    throw gasError(deps.realm, `You do not have permission to call Ui.${method}. Required permissions: https://www.googleapis.com/auth/script.container.ui`);
  }
}

/** Splits alert/prompt overloads: (prompt), (prompt, buttons), (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string; prompt: string; set: ButtonSetName } {
  const last = args[args.length - 1];
  const setName = args.length >= 2 ? enumName(last) : null;
  const set = (setName && setName in SET_BUTTONS ? setName : 'OK') as ButtonSetName;
  if (args.length >= 3) return { title: String(args[0]), prompt: String(args[1]), set };
  return { title: '', prompt: String(args[0] ?? ''), set };
}

function pick(queue: string[] | undefined, set: ButtonSetName): ButtonName {
  const allowed = SET_BUTTONS[set];
  const next = queue?.shift();
  if (next === undefined) return allowed[0] as ButtonName;
  if (next !== 'CLOSE' && !allowed.includes(next as ButtonName)) {
    throw new Error(`Test set-up: queued button ${next} is not on a ${set} dialog (allowed: ${allowed.join(', ')}, CLOSE)`);
  }
  return next as ButtonName;
}

class MenuApi {
  private readonly items: MenuItem[] = [];
  constructor(private readonly deps: UiDeps, private readonly caption: string, private readonly addon: boolean) {}
  addItem(caption: string, functionName: string): this {
    guard(this.deps);
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    guard(this.deps);
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuApi): this {
    guard(this.deps);
    this.items.push({ submenu: menu.caption, items: menu.items.slice() });
    return this;
  }
  /** Adding a menu again replaces the one with the same caption, as re-running onOpen does in Sheets. */
  addToUi(): void {
    guard(this.deps);
    const menu: UiMenu = { caption: this.caption, addon: this.addon, items: this.items.slice() };
    const menus = this.deps.ui.menus;
    const i = menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (i >= 0) menus[i] = menu;
    else menus.push(menu);
  }
  toString(): string { return 'Menu'; }
}

/** The Ui object SpreadsheetApp.getUi() returns for one execution. */
export function makeUi(deps: UiDeps): Record<string, unknown> {
  const ui = deps.ui;
  return {
    Button, ButtonSet,
    createMenu(caption: string): MenuApi {
      guard(deps);
      return deps.addonMode ? new MenuApi(deps, '', true) : new MenuApi(deps, String(caption), false);
    },
    createAddonMenu(): MenuApi {
      guard(deps);
      return new MenuApi(deps, '', true);
    },
    showSidebar(userInterface: unknown): void {
      guard(deps);
      needsUiScope(deps, 'showSidebar');
      const h = html(deps, userInterface, 'showSidebar');
      ui.sidebars.push({ title: String(h.getTitle?.() ?? ''), html: String(h.getContent()) });
    },
    showModalDialog(userInterface: unknown, title: string): void {
      guard(deps);
      needsUiScope(deps, 'showModalDialog');
      ui.dialogs.push({ title: String(title), html: String(html(deps, userInterface, 'showModalDialog').getContent()), modal: true });
    },
    showModelessDialog(userInterface: unknown, title: string): void {
      guard(deps);
      needsUiScope(deps, 'showModelessDialog');
      ui.dialogs.push({ title: String(title), html: String(html(deps, userInterface, 'showModelessDialog').getContent()), modal: false });
    },
    alert(...args: unknown[]): unknown {
      guard(deps);
      const a = dialogArgs(args);
      ui.alerts.push({ title: a.title, prompt: a.prompt, buttons: a.set });
      return Button[pick(ui.alertResponses, a.set)];
    },
    prompt(...args: unknown[]): unknown {
      guard(deps);
      const a = dialogArgs(args);
      ui.prompts.push({ title: a.title, prompt: a.prompt, buttons: a.set });
      const r = ui.promptResponses.shift();
      const button = Button[pick(r?.button === undefined ? [] : [r.button], a.set)];
      const text = r?.text ?? '';
      return { getResponseText: () => text, getSelectedButton: () => button, toString: () => 'PromptResponse' };
    },
    toString: () => 'Ui',
  };
}
