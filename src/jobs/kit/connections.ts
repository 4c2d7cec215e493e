// Builds the Amazon client and the 3PL adapter from the ports, the Settings and the stored
// credentials. A missing credential or setting is a ConfigError with a plain instruction.

import { createSpApiClient } from '../../amazon/client';
import type { SpApiClient } from '../../amazon/client';
import { createMintsoftAdapter } from '../../threepl/mintsoft/adapter';
import { createShipBobAdapter } from '../../threepl/shipbob/adapter';
import type { ThreePlAdapter } from '../../threepl/types';
import { SECRET_KEYS } from '../../core/secrets';
import type { Settings } from '../../core/settings';
import type { Ports } from '../../ports';
import type { Deadline } from '../../ports/clock';

/** Something a person must set up before the job can run. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly system: 'amazon' | 'threePl' | 'settings',
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function amazonClient(ports: Ports, deadline: Deadline, settings: Settings): SpApiClient {
  const clientId = ports.store.get(SECRET_KEYS.amazonClientId);
  const clientSecret = ports.store.get(SECRET_KEYS.amazonClientSecret);
  const refreshToken = ports.store.get(SECRET_KEYS.amazonRefreshToken);
  if (!clientId || !clientSecret || !refreshToken) {
    throw new ConfigError('Amazon is not connected: open the sidebar (FBA 3PL Sync → Open sidebar) and save the LWA client ID, client secret and refresh token.', 'amazon');
  }
  if (!settings.sellerId) {
    throw new ConfigError('The Settings row "Amazon seller ID" is empty: enter your merchant token (Seller Central → Settings → Account Info).', 'settings');
  }
  return createSpApiClient({
    http: ports.http,
    cache: ports.cache,
    store: ports.store,
    clock: ports.clock,
    deadline,
    log: ports.log,
    codec: ports.codec,
    credentials: { clientId, clientSecret, refreshToken },
    marketplace: settings.marketplace,
    sellerId: settings.sellerId,
  });
}

export function threePlAdapter(ports: Ports, deadline: Deadline, settings: Settings): ThreePlAdapter {
  if (!settings.threePlProvider) {
    throw new ConfigError('The Settings row "3PL provider" does not hold a 3PL the add-on knows (shipbob or mintsoft), so no 3PL is called until it is fixed.', 'settings');
  }
  if (settings.threePlProvider === 'mintsoft') return mintsoftAdapter(ports, deadline, settings);
  const token = ports.store.get(SECRET_KEYS.threePlToken);
  if (!token) {
    throw new ConfigError('The 3PL is not connected: open the sidebar and save the ShipBob personal access token.', 'threePl');
  }
  if (settings.threePlProvider !== 'shipbob') {
    throw new ConfigError(`The 3PL provider "${settings.threePlProvider}" is not supported yet; use shipbob.`, 'settings');
  }
  return createShipBobAdapter({
    http: ports.http,
    clock: ports.clock,
    deadline,
    log: ports.log,
    store: ports.store,
    token,
    apiVersion: settings.threePlApiVersion || '2026-01',
    ...(settings.threePlChannelId ? { channelId: settings.threePlChannelId } : {}),
  });
}

/** Mintsoft: a static API key (threePlToken) or the username and password POST /api/Auth logs in with (help-mintsoft 11600570, 12087865). */
function mintsoftAdapter(ports: Ports, deadline: Deadline, settings: Settings): ThreePlAdapter {
  const apiKey = ports.store.get(SECRET_KEYS.threePlToken);
  const username = ports.store.get(SECRET_KEYS.threePlUsername);
  const password = ports.store.get(SECRET_KEYS.threePlPassword);
  if (!apiKey && !(username && password)) {
    throw new ConfigError('Mintsoft is not connected: open the sidebar and save the Mintsoft username and password (or a static API key).', 'threePl');
  }
  return createMintsoftAdapter({
    http: ports.http,
    clock: ports.clock,
    deadline,
    log: ports.log,
    store: ports.store,
    credentials: apiKey ? { apiKey } : { username: username!, password: password! },
    locations: settings.threePlLocations,
  });
}
