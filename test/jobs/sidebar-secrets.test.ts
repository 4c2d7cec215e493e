// saveSecrets, the credential-field check, Disconnect and the masks (src/jobs/sidebar.ts,
// src/core/secrets.ts): strict inputs, all-or-nothing saves, nothing of a secret shown.
// Prefixes: Amazon's LWA example shows client_id "amzn1.application-oa2-client.…" and refresh_token
// "Atzr|…" (https://videocentral.amazon.com/home/help?topicId=G83CZTQFKSB4AP7H).
import { describe, expect, it } from 'vitest';
import { SECRET_KEYS, maskSecret } from '../../src/core/secrets';
import { lwaCacheKey } from '../../src/amazon/lwa';
import { credentialFields, disconnect, saveSecrets } from '../../src/jobs/sidebar';
import { checkJobName } from '../../src/jobs/job-arg';
import { VirtualClock } from '../world/clock';
import { memoryCache, memoryStore } from '../world/node-ports';

const ID = 'amzn1.application-oa2-client.0123456789abcdef';
const SECRET = 'amzn1.oa2-cs.v1.0123456789abcdefSECRET';
const REFRESH = 'Atzr|IwEBIRefreshTokenValue0123';

describe('saveSecrets', () => {
  it('saves the filled-in fields and keeps the stored value of an empty one', () => {
    const store = memoryStore({ [SECRET_KEYS.amazonClientSecret]: 'old-secret' });
    expect(saveSecrets(store, { amazonClientId: ` ${ID} `, amazonClientSecret: '', amazonRefreshToken: REFRESH })).toEqual(['amazonClientId', 'amazonRefreshToken']);
    expect(store.get(SECRET_KEYS.amazonClientId)).toBe(ID);
    expect(store.get(SECRET_KEYS.amazonClientSecret)).toBe('old-secret');
  });

  it.each([
    ['an object', { amazonClientSecret: { toString: (): string => 'x' } }, /LWA client secret must be text/],
    ['a number', { threePlToken: 12345 }, /3PL access token must be text/],
    ['a 5,000-character string', { threePlToken: 'x'.repeat(5000) }, /too long/],
    ['a client id without Amazon\'s prefix', { amazonClientId: 'my-client-id-123' }, /should start with "amzn1\.application-oa2-client\."/],
    ['a refresh token without "Atzr|"', { amazonRefreshToken: 'Xtzr|not-a-refresh-token' }, /should start with "Atzr\|"/],
    ['an access token as the refresh token', { amazonRefreshToken: 'Atza|access-token-not-refresh' }, /Refresh token holds what looks like an LWA access token \(Atza\|…\), which lasts only an hour; paste the Refresh token here/],
    ['the refresh token as the client secret', { amazonClientSecret: REFRESH }, /LWA client secret holds what looks like the Amazon refresh token \(Atzr\|…\); paste it under Refresh token/],
    ['the client secret as the refresh token', { amazonRefreshToken: SECRET }, /Refresh token holds what looks like the LWA client secret/],
    ['an Amazon refresh token as the 3PL token', { threePlToken: REFRESH }, /3PL access token holds what looks like the Amazon refresh token/],
    ['the client id as the Mintsoft password', { threePlPassword: ID }, /Mintsoft password holds what looks like the LWA client ID/],
    ['the prefix alone', { amazonRefreshToken: 'Atzr|' }, /only the "Atzr\|" prefix/],
    ['two values pasted together', { amazonClientSecret: 'abc def' }, /spaces or line breaks/],
  ])('refuses %s and stores nothing', (_what, fields, message) => {
    const store = memoryStore();
    expect(() => saveSecrets(store, fields)).toThrow(message);
    expect(store.all()).toEqual({});
  });

  it.each([
    ['double quotes', `"${SECRET}"`],
    ['single quotes', `'${SECRET}'`],
    ['typographic quotes', `“${SECRET}”`],
    ['quotes and a line break', `\n "${SECRET}"\n`],
  ])('saves a value pasted with %s as the value alone', (_what, pasted) => {
    const store = memoryStore();
    saveSecrets(store, { amazonClientSecret: pasted, amazonRefreshToken: `"${REFRESH}"`, threePlToken: `'tok-0123456789'` });
    expect(store.get(SECRET_KEYS.amazonClientSecret)).toBe(SECRET);
    expect(store.get(SECRET_KEYS.amazonRefreshToken)).toBe(REFRESH);
    expect(store.get(SECRET_KEYS.threePlToken)).toBe('tok-0123456789');
  });

  it('saves a 3PL token copied with its "Bearer " header word as the token alone', () => {
    const store = memoryStore();
    saveSecrets(store, { threePlToken: 'Bearer tok-0123456789' });
    expect(store.get(SECRET_KEYS.threePlToken)).toBe('tok-0123456789');
  });

  it('never names the misplaced value in its message', () => {
    expect(() => saveSecrets(memoryStore(), { threePlToken: REFRESH })).toThrow(/^Nothing was saved\./);
    try { saveSecrets(memoryStore(), { threePlToken: REFRESH }); } catch (e) { expect((e as Error).message).not.toContain(REFRESH); }
  });

  it('is all or nothing: a valid field is not saved when another is refused, and no value is echoed', () => {
    const store = memoryStore();
    let message = '';
    try {
      saveSecrets(store, { amazonClientId: ID, amazonClientSecret: SECRET, amazonRefreshToken: 'not-a-refresh-token' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Nothing was saved\. Refresh token should start with/);
    expect(message).not.toContain('not-a-refresh-token');
    expect(message).not.toContain(SECRET);
    expect(store.all()).toEqual({});
  });
});

describe('credentialFields', () => {
  it('accepts the form object and nothing else', () => {
    expect(credentialFields({ token: 't' }, ['token'])).toEqual({ token: 't' });
    expect(credentialFields(undefined, ['token'])).toEqual({});
    expect(() => credentialFields('token', ['token'])).toThrow(/Nothing was saved/);
    expect(() => credentialFields(['t'], ['token'])).toThrow(/Nothing was saved/);
    expect(() => credentialFields({ token: 't', clientSecret: 'x' }, ['token'])).toThrow(/unknown field\(s\) "clientSecret"/);
  });
});

describe('disconnect', () => {
  it('Amazon: removes its three credentials and its cached LWA token, and leaves the 3PL alone', () => {
    const store = memoryStore({
      [SECRET_KEYS.amazonClientId]: ID,
      [SECRET_KEYS.amazonClientSecret]: SECRET,
      [SECRET_KEYS.amazonRefreshToken]: REFRESH,
      [SECRET_KEYS.threePlToken]: 'shipbob-pat',
    });
    const cache = memoryCache(new VirtualClock('2026-03-02T09:00:00Z'));
    const key = lwaCacheKey({ clientId: ID, refreshToken: REFRESH });
    cache.put(key, JSON.stringify({ value: 'Atza|live', expiresAt: Date.parse('2026-03-02T10:00:00Z') }), 3600);
    expect(disconnect(store, cache, 'amazon')).toMatch(/Amazon is disconnected/);
    expect(cache.get(key)).toBeNull();
    expect(store.all()).toEqual({ [SECRET_KEYS.threePlToken]: 'shipbob-pat' });
    expect(disconnect(store, cache, 'amazon')).toBe('Amazon was not connected.');
  });

  it('3PL: removes the token only', () => {
    const store = memoryStore({ [SECRET_KEYS.amazonClientId]: ID, [SECRET_KEYS.threePlToken]: 'shipbob-pat' });
    const cache = memoryCache(new VirtualClock('2026-03-02T09:00:00Z'));
    expect(disconnect(store, cache, 'threePl')).toMatch(/3PL is disconnected/);
    expect(store.all()).toEqual({ [SECRET_KEYS.amazonClientId]: ID });
  });
});

describe('maskSecret', () => {
  it('shows at most the last four characters of an id, and none of a short one', () => {
    expect(maskSecret(ID, 'id')).toBe(`••••${ID.slice(-4)}`);
    expect(maskSecret('short-id', 'id')).toBe('••••');
    expect(maskSecret(null, 'id')).toBe('');
  });

  it('shows nothing of a secret, only whether it is saved', () => {
    expect(maskSecret(REFRESH, 'secret')).toBe('saved');
    expect(maskSecret(SECRET, 'secret')).toBe('saved');
    expect(maskSecret(null, 'secret')).toBe('not saved');
  });
});

describe('checkJobName', () => {
  const known = ['inventory'];
  it('passes a name through unchanged, known or not (unknown names become a failed run listing the jobs)', () => {
    expect(checkJobName('inventory', known)).toBe('inventory');
    expect(checkJobName('orders', known)).toBe('orders');
  });
  it.each([[42], [{ job: 'inventory' }], [''], ['x'.repeat(65)], ['inv\nentory']])('refuses %j, naming the accepted jobs', (raw) => {
    expect(() => checkJobName(raw, known)).toThrow(/Use "all" or one of: inventory\./);
  });
});
