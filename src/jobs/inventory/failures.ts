// How a failed stock sync is reported: set-up and credential problems become exceptions people can
// act on (and resolve themselves once the sync gets past them); transport failures say which system.

import { SpApiAuthError } from '../../amazon/errors';
import { AdapterError } from '../../threepl/types';
import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { HttpTransportError } from '../../ports/http';
import { systemOf } from '../counting-http';
import { ConfigError } from '../connections';

/** Problems about the job's own set-up, resolved once the job gets past them. */
export const JOB_KEYS = {
  config: exceptionKey('CONFIG_INVALID', 'inventory'),
  amazonAuth: exceptionKey('AUTH_FAILED', 'amazon'),
  threePlAuth: exceptionKey('AUTH_FAILED', 'threePl'),
};

export function failureException(e: unknown): RaisedException | null {
  if (e instanceof ConfigError) {
    return { key: JOB_KEYS.config, type: 'CONFIG_INVALID', entity: 'Stock sync set-up', message: `${e.message} Until then the stock sync cannot run.` };
  }
  if (e instanceof SpApiAuthError || (e instanceof Error && e.name === 'SpApiError' && /HTTP 40[13]/.test(e.message))) {
    return {
      key: JOB_KEYS.amazonAuth,
      type: 'AUTH_FAILED',
      entity: 'Amazon connection',
      message: `Amazon refused the add-on's credentials (${e.message}). No stock can be read or pushed. Re-authorise the app in Seller Central and save the new refresh token in the sidebar.`,
    };
  }
  if (e instanceof AdapterError && (e.code === 'AUTH' || e.code === 'FORBIDDEN')) {
    return {
      key: JOB_KEYS.threePlAuth,
      type: 'AUTH_FAILED',
      entity: '3PL connection',
      message: `The 3PL refused the add-on's token (${e.message}). No 3PL stock can be read. Create a new personal access token and save it in the sidebar.`,
    };
  }
  return null;
}

export function errorText(e: unknown): string {
  if (e instanceof HttpTransportError) {
    // The bare transport text is a URL; say which system went quiet and what happens next.
    const url = /https?:\/\/\S+/.exec(e.message)?.[0] ?? '';
    const who = { amazon: 'Amazon', threePl: 'The 3PL (ShipBob)', other: 'A remote service' }[systemOf(url)];
    return `${who} did not answer in time, even after retries (${e.message}). The stock sync stopped; the next run tries again.`;
  }
  return e instanceof Error ? e.message : String(e);
}

