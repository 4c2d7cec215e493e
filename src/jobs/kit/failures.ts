// How a job that threw is reported, the same for every job: set-up and credential problems become
// exceptions people can act on (resolved once a job gets past them); transport failures say which
// system went quiet. Branches on error fields (RemoteError.system / kind), never on message text.

import { SpApiError } from '../../amazon/errors';
import { ConfigInvalidError } from '../../core/config-invalid';
import { exceptionKey } from '../../core/exceptions';
import type { RaisedException } from '../../core/exceptions';
import { RemoteError } from '../../ports/errors';
import { isNoAnswer, ThreePlNoAnswer } from '../../threepl/no-answer';
import { providerName } from '../../threepl/names';
import { ConfigError } from './connections';
import { systemOf } from './counting-http';
import type { Job } from './job';

/** The keys of set-up problems: per job for its settings, per system for credentials. */
export const SETUP_KEYS = {
  config: (job: string) => exceptionKey('CONFIG_INVALID', job),
  amazonAuth: exceptionKey('AUTH_FAILED', 'amazon'),
  threePlAuth: exceptionKey('AUTH_FAILED', 'threePl'),
};

const isAuth = (e: RemoteError) => e.kind === 'auth' || e.kind === 'forbidden';

/**
 * The SP-API operations whose path carries the seller ID (/listings/2021-08-01/items/{sellerId}…).
 * Amazon answers a seller ID that is not the token's with the same 403 "Unauthorized / Access to
 * requested resource is denied." it gives a missing role (shared/reference/sp-api.md §10;
 * amzn/selling-partner-api-models#826, #2250). By then Login with Amazon has accepted the
 * credentials (a refusal there is SpApiAuthError), so re-authorising is not the fix.
 */
const SELLER_SCOPED_OPERATIONS: ReadonlySet<string> = new Set(['searchListingsItems', 'getListingsItem', 'patchListingsItem']);

function isSellerRefusal(e: unknown): e is SpApiError {
  // A token Amazon says is expired or invalid (even just after renewal) is the login's problem: the seller ID is not to blame.
  return e instanceof SpApiError && e.status === 403 && SELLER_SCOPED_OPERATIONS.has(e.operation) && !e.tokenRejected;
}

/** What the job that was refused cannot do meanwhile: the row is shared by every job, so each says its own. */
function withoutAccess(job: Pick<Job, 'label' | 'withoutAccess'>, system: 'amazon' | 'threePl'): string {
  return job.withoutAccess?.[system] ?? `Until then "${job.label}" cannot run.`;
}

export function failureException(e: unknown, job: Pick<Job, 'name' | 'label' | 'withoutAccess'>, settings?: { sellerId: string; threePlProvider?: string }): RaisedException | null {
  if (e instanceof ConfigInvalidError) {
    return { key: exceptionKey('CONFIG_INVALID', job.name, e.subject), type: 'CONFIG_INVALID', entity: e.entity, message: `${e.message} Until then the ${job.label.toLowerCase()} cannot run.` };
  }
  if (isSellerRefusal(e)) {
    const id = settings?.sellerId ? ` "${settings.sellerId}"` : '';
    return {
      key: exceptionKey('CONFIG_INVALID', job.name, 'Amazon seller ID'),
      type: 'CONFIG_INVALID',
      entity: 'Settings: Amazon seller ID',
      message:
        `Amazon accepted the add-on's login but refused the listings of seller ID${id} (${e.message}). ` +
        'The Settings value "Amazon seller ID" is most likely not the merchant token of the account that authorised the app: copy it from Seller Central → Settings → Account Info → Merchant Token. ' +
        `If it is right, check that the app has the Product Listing role. Until then the ${job.label.toLowerCase()} reads and pushes no listings.`,
    };
  }
  if (e instanceof ConfigError) {
    return { key: SETUP_KEYS.config(job.name), type: 'CONFIG_INVALID', entity: `${job.label} set-up`, message: `${e.message} Until then the ${job.label.toLowerCase()} cannot run.` };
  }
  if (e instanceof RemoteError && isAuth(e) && (e.system === 'amazon' || e.system === 'lwa')) {
    return {
      key: SETUP_KEYS.amazonAuth,
      type: 'AUTH_FAILED',
      entity: 'Amazon connection',
      message: `Amazon refused the add-on's credentials (${e.message}). ${withoutAccess(job, 'amazon')} Re-authorise the app in Seller Central and save the new refresh token in the sidebar.`,
    };
  }
  if (e instanceof RemoteError && isAuth(e) && e.system === 'threePl') {
    return {
      key: SETUP_KEYS.threePlAuth,
      type: 'AUTH_FAILED',
      entity: '3PL connection',
      message: `The 3PL refused the add-on's credentials (${e.message}). ${withoutAccess(job, 'threePl')} ${renewal(settings?.threePlProvider)}`,
    };
  }
  return null;
}

/** How to renew the 3PL's credentials: ShipBob takes a token, Mintsoft a user's login or a static key. */
function renewal(provider: string | undefined): string {
  return provider === 'mintsoft'
    ? "Save the Mintsoft API user's current username and password (or a new static key from your 3PL) in the sidebar."
    : 'Create a new personal access token and save it in the sidebar.';
}

/** The Sync Log text of a failure. */
export function errorText(e: unknown, job: Pick<Job, 'label'>, threePlProvider: string): string {
  if (isSellerRefusal(e)) return `Amazon refused the listings of the Settings "Amazon seller ID" (HTTP 403). The ${job.label.toLowerCase()} stopped; see Exceptions.`;
  if (isNoAnswer(e)) {
    // The bare transport text is a URL; say which system went quiet and what happens next.
    const said = e instanceof ThreePlNoAnswer ? e.transportMessage : e.message;
    const url = /https?:\/\/\S+/.exec(said)?.[0] ?? '';
    const who = { amazon: 'Amazon', threePl: `The 3PL (${providerName(threePlProvider)})`, other: 'A remote service' }[systemOf(url)];
    return `${who} did not answer in time, even after retries (${said}). The ${job.label.toLowerCase()} stopped; the next run tries again.`;
  }
  return e instanceof Error ? e.message : String(e);
}
