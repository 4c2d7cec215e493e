// Choosing Mintsoft: the "3PL provider" setting (shipbob | mintsoft; anything else names the cell and
// the allowed values and stops every 3PL call), what the connection needs (a static key, or a username
// and password for POST /api/Auth), and the sidebar saving those without ever showing them.

import { describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../../../src/core/secrets';
import { parseSettings } from '../../../src/core/settings';
import { ConfigError, threePlAdapter } from '../../../src/jobs/kit/connections';
import { disconnect, saveSecrets } from '../../../src/jobs/sidebar';
import { explainFailure } from '../../../src/jobs/sidebar/connection-test';
import { AdapterError } from '../../../src/threepl/types';
import type { Ports } from '../../../src/ports';
import { deadlineFrom } from '../../../src/ports/clock';
import { MINTSOFT_SESSION_KEY } from '../../../src/threepl/mintsoft/http';
import { VirtualClock } from '../../world/clock';
import { memoryCache, memoryLog, memoryStore, virtualClockPort } from '../../world/node-ports';

function settings(provider: string) {
  return parseSettings([
    ['3PL provider', provider],
    ['3PL locations', '10'],
  ]);
}

function ports(secrets: Record<string, string>): Ports {
  const clock = new VirtualClock('2026-11-02T08:00:00Z');
  return { store: memoryStore(secrets), clock: virtualClockPort(clock), log: memoryLog(), http: { fetch: () => { throw new Error('no call expected'); } } } as unknown as Ports;
}

describe('Settings "3PL provider"', () => {
  it('takes mintsoft in any case', () => {
    expect(settings('Mintsoft').settings.threePlProvider).toBe('mintsoft');
    expect(settings('mintsoft').problems).toEqual([]);
  });

  it('reports an unusable value naming the cell and the allowed values, and calls no 3PL until it is fixed', () => {
    const { settings: s, problems } = settings('mintsof');
    expect(problems).toEqual([expect.objectContaining({ key: '3PL provider', value: 'mintsof', message: expect.stringMatching(/"3PL provider" holds "mintsof", which is not one of shipbob, mintsoft\. No job that talks to the 3PL runs until it is fixed\./) })]);
    expect(s.threePlProvider).toBe('');
    const p = ports({ [SECRET_KEYS.threePlToken]: 'a-shipbob-token-000' });
    // Never a guessed ShipBob client with whatever token is stored.
    expect(() => threePlAdapter(p, deadlineFrom(p.clock, 60_000), s)).toThrow(ConfigError);
    expect(() => threePlAdapter(p, deadlineFrom(p.clock, 60_000), s)).toThrow(/"3PL provider".*shipbob or mintsoft/);
  });
});

describe('the Mintsoft connection', () => {
  it('needs a static key or both username and password, and says so plainly', () => {
    const s = settings('mintsoft').settings;
    const only = ports({ [SECRET_KEYS.threePlUsername]: 'api@brand.example' });
    expect(() => threePlAdapter(only, deadlineFrom(only.clock, 60_000), s)).toThrow(/Mintsoft is not connected.*username and password/);
    const both = ports({ [SECRET_KEYS.threePlUsername]: 'api@brand.example', [SECRET_KEYS.threePlPassword]: 'pw-123456' });
    expect(threePlAdapter(both, deadlineFrom(both.clock, 60_000), s).provider).toBe('mintsoft');
    const key = ports({ [SECRET_KEYS.threePlToken]: 'static-key-0001' });
    expect(threePlAdapter(key, deadlineFrom(key.clock, 60_000), s).provider).toBe('mintsoft');
  });

  it('saves the username and password in document properties only, and Disconnect forgets them with the 24-hour key', () => {
    const store = memoryStore();
    expect(saveSecrets(store, { threePlUsername: 'api@brand.example', threePlPassword: 'pw-123456' }).sort()).toEqual(['threePlPassword', 'threePlUsername']);
    store.set(MINTSOFT_SESSION_KEY, '{"key":"ms0001","at":0}');
    expect(() => saveSecrets(store, { threePlPassword: 'two words' })).toThrow(/Mintsoft password contains spaces/);
    expect(disconnect(store, memoryCache(new VirtualClock('2026-11-02T08:00:00Z')), 'threePl')).toMatch(/disconnected/);
    expect([...store.data.keys()]).toEqual([]);
  });
});

describe('the sidebar explains Mintsoft failures as Mintsoft ones', () => {
  it('a refused login names the Mintsoft username and password, not a ShipBob token', () => {
    const s = settings('mintsoft').settings;
    const out = explainFailure(new AdapterError('AUTH', 'Mintsoft refused the username and password (POST /api/Auth, 401)', { status: 401 }), 'threePl', s);
    expect(out.message).toMatch(/Mintsoft refused the login.*username and password/);
    expect(out.message).not.toMatch(/ShipBob/);
  });
});
