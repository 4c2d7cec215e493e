// Session fake against https://developers.google.com/apps-script/reference/base/session.

import { describe, expect, it } from 'vitest';
import { makeSession } from '../world/gas/session';
import { gasMessage, harness, type HarnessOptions } from './gas-harness';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

function setup(opts: HarnessOptions = {}) {
  const h = harness({ manifest: { timeZone: 'America/New_York', oauthScopes: [EMAIL_SCOPE] }, ...opts });
  return { ...h, s: makeSession(h.ctx, { locale: 'en', scriptId: 'script-1' }) };
}

describe('Session', () => {
  it('gives the active user email, the script time zone from the manifest and the locale', () => {
    const { s, world } = setup();
    expect(s.getActiveUser().getEmail()).toBe('ops@example.co.uk');
    expect(s.getEffectiveUser().getEmail()).toBe('ops@example.co.uk');
    expect(s.getScriptTimeZone()).toBe('America/New_York');
    expect(world.spreadsheetTimeZone).toBe('Europe/London');
    expect(s.getActiveUserLocale()).toBe('en');
  });

  it('may return a blank email: when the world says so, and always in simple triggers', () => {
    const { s, world } = setup();
    world.activeUserEmail = '';
    expect(s.getActiveUser().getEmail()).toBe('');
    expect(setup({ kind: 'simple-trigger', authMode: 'LIMITED' }).s.getActiveUser().getEmail()).toBe('');
  });

  it('needs userinfo.email when the manifest lists its scopes explicitly', () => {
    const { s } = setup({ manifest: { oauthScopes: [] } });
    expect(gasMessage(() => s.getActiveUser().getEmail())).toBe(
      `You do not have permission to call Session.getActiveUser. Required permissions: ${EMAIL_SCOPE}`,
    );
  });

  it('gives a temporary key that is stable for the same user and differs between users', () => {
    const { s, world } = setup();
    const k = s.getTemporaryActiveUserKey();
    expect(s.getTemporaryActiveUserKey()).toBe(k);
    world.activeUserEmail = 'other@example.com';
    expect(s.getTemporaryActiveUserKey()).not.toBe(k);
  });
});
