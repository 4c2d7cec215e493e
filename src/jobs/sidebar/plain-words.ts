// Plain words for the failures people meet in the sidebar: what went wrong and what to do, with the
// technical text kept aside as "details". The connection test picks its advice from the error's
// fields (connection-test.ts); a run's message reaches the sidebar only as text, so explainMessage
// recognises the wordings this add-on's own error classes produce. The browser bundle imports this
// file too, so it imports nothing.

export interface Plain {
  text: string;
  /** The technical text (codes, statuses, request ids), shown folded; null when there is none. */
  details: string | null;
}

/**
 * Login with Amazon answers a refused token exchange with an OAuth 2.0 error code (RFC 6749 §5.2,
 * https://www.rfc-editor.org/rfc/rfc6749#section-5.2; LWA token endpoint, shared/reference/sp-api.md
 * §1.1). Where the credentials come from: Seller Central → Apps and Services → Develop Apps (LWA
 * credentials, https://developer-docs.amazon.com/sp-api/docs/viewing-your-application-information-and-credentials);
 * client secrets must be rotated every 180 days
 * (https://developer-docs.amazon.com/sp-api/docs/rotating-your-apps-lwa-credentials).
 */
export function lwaAdvice(code: string): string {
  switch (code) {
    case 'invalid_grant':
      return 'Amazon refused the refresh token (invalid_grant): it was revoked, belongs to another app, or was copied incompletely. Authorise the app again in Seller Central → Apps and Services → Develop Apps → Authorize, and save the new refresh token here.';
    case 'invalid_client':
      return 'Amazon did not accept the LWA client ID and client secret (invalid_client): the secret may have been rotated (Amazon asks for a new one every 180 days) or one of them was copied incompletely. Copy both again from Seller Central → Apps and Services → Develop Apps → View (LWA credentials).';
    case 'unauthorized_client':
      return 'Amazon says this app may not use that refresh token (unauthorized_client): it was made for another app. Authorise this app in Seller Central → Apps and Services → Develop Apps → Authorize and save its refresh token.';
    case 'invalid_request':
      return 'Login with Amazon refused the request as it was sent (invalid_request): one of the three values is probably empty or has stray characters. Paste the client ID, client secret and refresh token again.';
    default:
      return `Login with Amazon refused the credentials${code ? ` (${code})` : ''}. Check the LWA client ID, client secret and refresh token, or authorise the app again in Seller Central → Apps and Services → Develop Apps.`;
  }
}

/**
 * ShipBob's personal access tokens: dashboard → Integrations → API Tokens (README "Connecting real
 * credentials"); a 401 is "Authorization missing or invalid", a 403 "The provided credentials are not
 * authorized to access this resource" (ShipBob OpenAPI 2026-01, response descriptions; securityScheme PAT).
 */
export const SHIPBOB_ADVICE = {
  auth: 'ShipBob refused the personal access token (401 Unauthorized): it was deleted or has expired, or it was copied incompletely. Create a new one in the ShipBob dashboard → Integrations → API Tokens and save it here.',
  forbidden: 'ShipBob accepted the token but does not let it do this (403 Forbidden): create the token as the account\'s main user, with access to the channel the add-on writes orders to.',
} as const;

/** A 401/403 whose details name the access token (expired, invalid) even after the add-on renewed it: the login, not the seller ID. */
export const AMAZON_TOKEN_REFUSED =
  'Login with Amazon issued an access token, but Amazon refused it (expired or invalid) even after the add-on asked for a new one. This is usually brief: try again in a few minutes. If it stays so, authorise the app again in Seller Central → Apps and Services → Develop Apps → Authorize and save the new refresh token here.';

/**
 * A 403 from a listings call after Login with Amazon accepted the credentials: a seller ID that is not
 * the token's, or a missing role, look the same (shared/reference/sp-api.md §10).
 */
export function sellerAdvice(sellerId: string): string {
  return `Amazon accepted the login but refused the listings of seller ID "${sellerId}" (403 Unauthorized). Either the Settings "Amazon seller ID" is not the merchant token of the account that authorised the app (Seller Central → Settings → Account Info → Merchant Token), or the app lacks the Product Listing role (Develop Apps → Edit App, then authorise again).`;
}

const NO_ANSWER = (who: string) => `${who} did not answer, even after several tries: the network, a DNS problem or an outage at ${who}. Nothing was changed; try again in a few minutes.`;

export function noAnswerAdvice(who: 'Amazon' | 'ShipBob' | 'Mintsoft'): string {
  return NO_ANSWER(who);
}

/** A technical fragment in parentheses: an HTTP status, a request id or an address. */
const TECHNICAL = /\s*\((?=[^()]*(?:HTTP \d{3}|request id|https?:\/\/|\b[45]\d\d\)))[^()]*\)/g;

/**
 * A run's message in plain words. Failures this add-on words itself (see the classes in
 * src/amazon/errors.ts and src/threepl/shipbob/errors.ts) get their advice; otherwise technical
 * fragments in parentheses are folded into the details and the sentence is kept.
 */
export function explainMessage(message: string): Plain {
  const lwa = /Login with Amazon refused the token exchange \(HTTP \d{3}, ([a-z_]+)/.exec(message);
  if (lwa) return { text: lwaAdvice(lwa[1]!), details: message };
  if (/ShipBob rejected the access token/.test(message)) return { text: SHIPBOB_ADVICE.auth, details: message };
  if (/ShipBob token lacks permission/.test(message)) return { text: SHIPBOB_ADVICE.forbidden, details: message };
  const folded = message.replace(TECHNICAL, '').replace(/\s+([.,;:])/g, '$1').trim();
  return folded === message.trim() || !folded ? { text: message, details: null } : { text: folded, details: message };
}
