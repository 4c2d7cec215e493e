// "Test connection" in the sidebar: one harmless call per system, answered in plain words. Amazon:
// a fresh Login with Amazon token exchange (the cached access token is dropped first, so a revoked
// refresh token cannot hide behind it) and one listings read of one item, which also proves the seller
// ID and the Product Listing role the stock sync needs. The 3PL: adapter.testConnection() (its
// channels and warehouses). The result is kept in document properties with a fingerprint of what was
// tested, so saving other credentials makes it "not tested" again.

import { lwaCacheKey } from '../../amazon/lwa';
import { SpApiAuthError, SpApiError, SpApiSchemaError, SpApiTransportError } from '../../amazon/errors';
import { SECRET_KEYS } from '../../core/secrets';
import type { Settings } from '../../core/settings';
import type { Ports } from '../../ports';
import { DeadlineExceeded, deadlineFrom } from '../../ports/clock';
import { HttpTransportError } from '../../ports/http';
import { ThreePlNoAnswer } from '../../threepl/no-answer';
import { AdapterError } from '../../threepl/types';
import { providerName } from '../../threepl/names';
import { MINTSOFT_SESSION_KEY } from '../../threepl/mintsoft/http';
import { ConfigError, amazonClient, threePlAdapter } from '../kit/connections';
import { createRedactor } from '../kit/redaction';
import { AMAZON_TOKEN_REFUSED, lwaAdvice, noAnswerAdvice, SHIPBOB_ADVICE, sellerAdvice } from './plain-words';
import { connectionFingerprint, saveTestRecord } from './connection-record';
import { notParticipating } from './marketplaces-view';
import type { System } from './connection-record';

export interface ConnectionTestResult {
  system: System;
  ok: boolean;
  /** What happened and what to do, in plain words; never a credential. */
  message: string;
  /** The technical text (status, code, request id), for support. */
  details: string | null;
  /** Failed because of what people saved (credentials, seller ID, settings); false: the service was busy or down, nothing to fix. */
  refused?: boolean;
  /** ISO time of the test. */
  at: string;
}

/** A person waits for the answer: a minute is enough for a few retries, never a whole run's budget. */
const TEST_BUDGET_MS = 60_000;

/** Amazon: the token exchange and one listings item of this seller in this marketplace. */
function testAmazon(ports: Ports, settings: Settings): string {
  const clientId = ports.store.get(SECRET_KEYS.amazonClientId);
  const refreshToken = ports.store.get(SECRET_KEYS.amazonRefreshToken);
  if (clientId && refreshToken) ports.cache.remove(lwaCacheKey({ clientId, refreshToken }));
  const amazon = amazonClient(ports, deadlineFrom(ports.clock, TEST_BUDGET_MS), settings);
  const page = amazon.searchListingsItems({ pageSize: 1, includedData: ['summaries'] });
  const listings = page.numberOfResults === 1 ? '1 listing' : `${page.numberOfResults} listings`;
  const connected = `Connected: Amazon accepted the credentials and shows seller ${amazon.sellerId} ${listings} in marketplace ${settings.marketplace} (${amazon.marketplaceId}).`;
  if (settings.marketplaces.length <= 1) return connected;
  // Several marketplaces share the one token: Amazon says which of them the seller sells in.
  const missing = notParticipating(settings.marketplaces, amazon.getMarketplaceParticipations());
  if (missing.length) {
    throw new ConfigError(
      `Amazon accepted the credentials, but seller ${amazon.sellerId} does not sell in ${missing.join(', ')} (Settings "Marketplaces": ${settings.marketplaces.join(', ')}). ` +
        'Amazon refuses orders and listings of a marketplace the seller does not sell in: remove it from "Marketplaces", or register it in Seller Central first.',
      'settings',
    );
  }
  return `${connected.slice(0, -1)}; it sells in ${settings.marketplaces.join(', ')}, all with this one connection.`;
}

function testThreePl(ports: Ports, settings: Settings): string {
  // As for Amazon's cached token: the test proves the saved login, not a key an earlier login left.
  if (settings.threePlProvider === 'mintsoft' && !ports.store.get(SECRET_KEYS.threePlToken)) ports.store.delete(MINTSOFT_SESSION_KEY);
  const info = threePlAdapter(ports, deadlineFrom(ports.clock, TEST_BUDGET_MS), settings).testConnection();
  const active = info.warehouses.filter((w) => w.active);
  const where = active.length ? `${active.length} active warehouse${active.length === 1 ? '' : 's'} (${active.slice(0, 4).map((w) => w.name).join(', ')}${active.length > 4 ? ', …' : ''})` : 'no active warehouse';
  if (info.provider === 'mintsoft') return `Connected: Mintsoft accepted the login; ${where}. Orders ship from warehouse ${settings.threePlLocations[0] ?? '(none yet: put its ID in Settings "3PL locations")'}.`;
  return `Connected: ${providerName(info.provider)} accepted the token; orders go to channel "${info.accountName}" (${info.accountKey}); ${where}.`;
}

/** What went wrong in plain words, chosen by the error's class and fields (never its text). */
export function explainFailure(e: unknown, system: System, settings: Settings): { message: string; details: string | null; refused: boolean } {
  const plain = explainPlain(e, system, settings);
  return { ...plain, refused: refusal(e, settings) };
}

/**
 * Whether the failure says something about what people saved (credentials, seller ID, settings), as
 * opposed to the service being busy, down or unreadable: only a refusal marks the connection failing
 * ("Refused" in the guide). A 429 or an outage says nothing about the credentials.
 */
function refusal(e: unknown, settings: Settings): boolean {
  if (e instanceof ConfigError || e instanceof SpApiAuthError) return true;
  if (e instanceof SpApiError) return e.status !== 429 && e.status < 500;
  if (e instanceof AdapterError) {
    if (e.code === 'AUTH' || e.code === 'FORBIDDEN') return true;
    return settings.threePlProvider !== 'mintsoft' && (e.code === 'VALIDATION' || e.code === 'NOT_FOUND');
  }
  return false;
}

function explainPlain(e: unknown, system: System, settings: Settings): { message: string; details: string | null } {
  const details = e instanceof Error ? e.message : String(e);
  if (e instanceof ConfigError) return { message: e.message, details: null };
  if (e instanceof SpApiAuthError) return { message: lwaAdvice(e.lwaError.split(/\s/)[0] ?? ''), details };
  if (e instanceof SpApiError) {
    if ((e.status === 401 || e.status === 403) && e.tokenRejected) return { message: AMAZON_TOKEN_REFUSED, details };
    if (e.status === 401 || e.status === 403) return { message: sellerAdvice(settings.sellerId), details };
    if (e.status === 429) return { message: 'Amazon is limiting calls right now (429 Too Many Requests), even after waiting. Nothing is wrong with the connection; try again in a minute.', details };
    if (e.status >= 500) return { message: `Amazon's service had a problem (${e.status}) even after retries. Nothing is wrong with your settings; try again in a few minutes.`, details };
    return { message: `Amazon refused the test request (${e.code ?? e.status}). Check the Settings "Marketplace" and "Amazon seller ID".`, details };
  }
  if (e instanceof SpApiSchemaError) return { message: 'Amazon answered in a form the add-on does not know. Try again later; if it stays so, send the details to support.', details };
  // Login with Amazon kept answering, with 429s or errors: it did answer, so the network is not the cause.
  if (e instanceof SpApiTransportError && e.lastStatus === 429) return { message: 'Login with Amazon is limiting sign-ins right now (429 Too Many Requests), even after waiting. Nothing is wrong with the connection; try again in a minute.', details };
  if (e instanceof SpApiTransportError && e.lastStatus !== null && e.lastStatus >= 500) return { message: `Login with Amazon had a problem (${e.lastStatus}) even after retries. Nothing is wrong with your settings; try again in a few minutes.`, details };
  if (e instanceof SpApiTransportError && e.lastStatus !== null) return { message: 'Login with Amazon answered in a form the add-on does not know. Try again later; if it stays so, send the details to support.', details };
  if (e instanceof SpApiTransportError || (e instanceof HttpTransportError && system === 'amazon')) return { message: noAnswerAdvice('Amazon'), details };
  // Before the AdapterError branches: silence says nothing about the token or the settings.
  if (e instanceof ThreePlNoAnswer) return { message: noAnswerAdvice(settings.threePlProvider === 'mintsoft' ? 'Mintsoft' : 'ShipBob'), details };
  if (e instanceof AdapterError && settings.threePlProvider === 'mintsoft') return mintsoftAdvice(e, details);
  if (e instanceof AdapterError) {
    if (e.code === 'AUTH') return { message: SHIPBOB_ADVICE.auth, details };
    // The adapter's own refusal (no status): the channel in Settings, or no channel it may write to.
    if (e.code === 'FORBIDDEN' && e.status === null) {
      return settings.threePlChannelId
        ? { message: `ShipBob accepted the token, but channel ${settings.threePlChannelId} (Settings "3PL channel ID") is not one it can see. Clear that setting to use the first channel the token may write to, or enter another channel ID.`, details }
        : { message: 'ShipBob accepted the token, but it may not create orders in any channel (it needs the orders_write scope). Create a token with write access and save it here.', details };
    }
    if (e.code === 'FORBIDDEN') return { message: SHIPBOB_ADVICE.forbidden, details };
    if (e.code === 'RATE_LIMITED') return { message: 'ShipBob is limiting calls right now (150 a minute per token). Try again in a minute.', details };
    if (e.code === 'VALIDATION' || e.code === 'NOT_FOUND') return { message: `ShipBob refused the test request. Check the Settings "3PL API version" (${settings.threePlApiVersion || 'empty'}).`, details };
    return { message: `ShipBob had a problem answering${e.status ? ` (${e.status})` : ''}. Nothing is wrong with your settings; try again in a few minutes.`, details };
  }
  if (e instanceof HttpTransportError) return { message: noAnswerAdvice('ShipBob'), details };
  if (e instanceof DeadlineExceeded) return { message: `${system === 'amazon' ? 'Amazon' : 'ShipBob'} did not answer within a minute. Nothing was changed; try again in a few minutes.`, details };
  return { message: `The test stopped on an unexpected problem: ${details}`, details: null };
}

/**
 * Runs the test for one system and records it. Everything it returns or keeps passes the redaction
 * point, with the credentials the test itself sent or received registered in it.
 */
export function runConnectionTest(ports: Ports, settings: Settings, system: System, secrets: ReadonlyArray<string | null>): ConnectionTestResult {
  const redactor = createRedactor(secrets);
  const own = redactor.ports(ports);
  const at = ports.clock.now();
  let ok = true;
  let message: string;
  let details: string | null = null;
  let refused = false;
  try {
    message = system === 'amazon' ? testAmazon(own, settings) : testThreePl(own, settings);
  } catch (e) {
    ok = false;
    ({ message, details, refused } = explainFailure(e, system, settings));
  }
  const result: ConnectionTestResult = redactor.value({ system, ok, message, details, at: new Date(at).toISOString(), ...(ok ? {} : { refused }) });
  saveTestRecord(ports.store, system, { ok, at, fp: connectionFingerprint(ports.store, settings, system), message: result.message, details: result.details, ...(ok ? {} : { refused }) });
  return result;
}

/** Mintsoft's failures in plain words. Its refused logins are 401s with an empty body (DISCOVERY.md), so the advice covers the likely causes. */
function mintsoftAdvice(e: AdapterError, details: string): { message: string; details: string | null } {
  if (e.code === 'AUTH') {
    return { message: 'Mintsoft refused the login (401): check the username and password of your Mintsoft API user (not the Access Evo login), or ask your 3PL whether the static key was revoked, and save them here again.', details };
  }
  if (e.code === 'FORBIDDEN') return { message: 'Mintsoft accepted the login but shows this user no warehouse, or does not let it call this. Ask your 3PL to give the API user access to your client account.', details };
  if (e.code === 'RATE_LIMITED') return { message: 'Mintsoft (through Cloudflare) is limiting calls right now. Try again in a minute.', details };
  return { message: `Mintsoft had a problem answering${e.status ? ` (${e.status})` : ''}. Nothing is wrong with your settings; try again in a few minutes.`, details };
}
