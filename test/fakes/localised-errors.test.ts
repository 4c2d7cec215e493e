// Apps Script shows exception messages in the user's language ("Exceeded maximum execution time … or
// equivalent based on your script's locale", labnol.org/code/20016-maximum-execution-time-limit;
// Google's own API errors carry "the same error text translated to the requested locale",
// https://developers.google.com/apps-script/api/reference/rest/v1/LocalizedMessage). The fake's
// UrlFetchApp transport failures follow the user's locale, so the add-on is tested against texts
// that are not English.

import { describe, expect, it } from 'vitest';
import { makeUrlFetchApp, type UrlFetchState } from '../world/gas/urlfetch';
import { localised } from '../world/gas/messages';
import { gasMessage, harness } from './gas-harness';

const API = 'https://api.example.com';

function fetcher(locale: string | undefined) {
  const h = harness();
  h.world.network.register(API, () => ({ timeout: true, latencyMs: 30_000 }));
  const state: UrlFetchState = { dailyQuota: 20_000, windowStart: null, used: 0, requests: [], ...(locale ? { locale } : {}) };
  return makeUrlFetchApp(h.ctx, state);
}

describe('localised Apps Script errors', () => {
  it('a UrlFetchApp timeout is reported in the user\'s language, English by default', () => {
    expect(gasMessage(() => fetcher(undefined).fetch(`${API}/slow`, { muteHttpExceptions: true }))).toBe(`Timeout: ${API}/slow`);
    expect(gasMessage(() => fetcher('de').fetch(`${API}/slow`, { muteHttpExceptions: true }))).toBe(`Zeitüberschreitung bei der Anfrage: ${API}/slow`);
    expect(gasMessage(() => fetcher('ja_JP').fetch(`${API}/slow`, { muteHttpExceptions: true }))).toBe(`タイムアウト: ${API}/slow`);
  });

  it('an unknown host is reported in the user\'s language too', () => {
    expect(gasMessage(() => fetcher('de').fetch('https://nowhere.example.org/a'))).toBe('DNS-Fehler: https://nowhere.example.org/a');
  });

  it('an unknown language falls back to English', () => {
    expect(localised('xx', 'urlFetchTimeout', 'u')).toBe('Timeout: u');
    expect(localised('en_GB', 'triggerRuntime')).toBe('Service using too much computer time for one day.');
  });
});
