// The two connections: state (icon, word, colour), what the last test or run found in plain words,
// "Test connection", and the credential form, open until the connection is saved and tested.

import type { SidebarState } from '../jobs/sidebar';
import type { ConnectionView, Level } from '../jobs/sidebar/connection-record';
import { $, setDetails, setText } from './dom';
import { ICON, localTime } from './format';

const lastLevel: Record<string, Level | undefined> = {};

/**
 * The form is open until the connection is saved and tested: open when nothing is saved or it was
 * refused, and while saved but untested during the first run (a sheet that synced before keeps it shut).
 */
function formOpen(c: ConnectionView, firstRun: boolean): boolean {
  return c.level === 'todo' || c.level === 'error' || (c.level === 'attention' && firstRun);
}

function renderOne(prefix: 'amazon' | 'threepl', c: ConnectionView, canTest: boolean, firstRun: boolean): void {
  const state = $(`${prefix}-state`);
  state.className = `status level-${c.level}`;
  state.textContent = `${ICON[c.level]} ${c.label}`;
  const when = c.testedAt ? ` (tested ${localTime(c.testedAt)})` : '';
  const text = $(`${prefix}-text`);
  text.textContent = c.text ? `${c.text}${c.level === 'ok' ? when : ''}` : '';
  text.className = c.level === 'error' ? 'small error' : 'small';
  setDetails(`${prefix}-tech`, c.details);
  $(`${prefix}-test`).hidden = !canTest;
  // Opened or closed only when the state changes, so a form someone opened stays open while they type.
  if (lastLevel[prefix] !== c.level) ($(`${prefix}-details`) as HTMLDetailsElement).open = formOpen(c, firstRun);
  lastLevel[prefix] = c.level;
}

export function renderConnections(state: SidebarState): void {
  const { amazon, threePl } = state;
  const firstRun = !state.steps.find((s) => s.id === 'test')?.done;
  renderOne('amazon', amazon.connection, amazon.complete, firstRun);
  renderOne('threepl', threePl.connection, threePl.complete, firstRun);
  setText('threepl-name', `3PL (${threePl.provider})`);
  setText('amazon-marketplaces', amazon.marketplaces);
  // Secrets come back only as "saved" / "not saved"; the client id as at most its last 4 characters.
  $<HTMLInputElement>('lwa-client-id').placeholder = amazon.clientId ? `saved ${amazon.clientId}` : 'amzn1.application-oa2-client.…';
  $<HTMLInputElement>('lwa-client-secret').placeholder = amazon.clientSecret === 'saved' ? 'saved' : 'amzn1.oa2-cs.v1.…';
  $<HTMLInputElement>('lwa-refresh-token').placeholder = amazon.refreshToken === 'saved' ? 'saved' : 'Atzr|…';
  $<HTMLInputElement>('threepl-token').placeholder = threePl.token === 'saved' ? 'saved' : '';
  // Mintsoft asks for a username and password (or a static key); ShipBob for a personal access token.
  const mintsoft = threePl.provider === 'Mintsoft';
  $('mintsoft-login').hidden = !mintsoft;
  setText('threepl-token-label', mintsoft ? 'Static API key (optional)' : 'Personal access token');
  setText('threepl-token-help', mintsoft ? 'Only if your 3PL set "API Key to Never Expire" on your Mintsoft user: paste that key here instead of a username and password.' : "Lets the add-on read stock and create orders at ShipBob. ShipBob dashboard → Integrations → API Tokens → Generate New Token (as the account's main user).");
  $<HTMLInputElement>('mintsoft-username').placeholder = threePl.username ? 'saved' : '';
  $<HTMLInputElement>('mintsoft-password').placeholder = threePl.password === 'saved' ? 'saved' : '';
  const seller = $<HTMLInputElement>('seller-id');
  if (document.activeElement !== seller) seller.value = amazon.sellerId;
  $('amazon-disconnect').hidden = !(amazon.clientId || amazon.clientSecret === 'saved' || amazon.refreshToken === 'saved');
  $('threepl-disconnect').hidden = !(threePl.token === 'saved' || threePl.password === 'saved' || threePl.username);
}
