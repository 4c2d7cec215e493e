// Whether a value people typed into the sheet looks like a credential, so that no message, log line
// or exception quotes it back. The shapes are Amazon's documented formats: the LWA client identifier
// "amzn1.application-oa2-client.…", the client secret "amzn1.oa2-cs.v1.…" and the refresh token
// "Atzr|…" (Seller Central "LWA credentials",
// https://developer-docs.amazon.com/sp-api/docs/viewing-your-application-information-and-credentials);
// other services' tokens have no published shape, so a key that names one, or a long unbroken run
// of letters and digits, counts too.

export const LWA_CLIENT_ID_PREFIX = 'amzn1.application-oa2-client.';
export const LWA_REFRESH_TOKEN_PREFIX = 'Atzr|';
export const LWA_CLIENT_SECRET_PREFIX = 'amzn1.oa2-cs.';
/** An LWA access token (Amazon's example "Atza|…"): it lasts an hour, so it is never what is saved. */
const LWA_ACCESS_TOKEN_PREFIX = 'Atza|';

export type AmazonCredentialShape = 'clientId' | 'clientSecret' | 'refreshToken' | 'accessToken';

/** Which of Amazon's credentials a value has the documented shape of, if any (prefixes compared in any case). */
export function amazonCredentialShape(value: string): AmazonCredentialShape | null {
  const v = value.toLowerCase();
  if (v.startsWith(LWA_CLIENT_ID_PREFIX.toLowerCase())) return 'clientId';
  if (v.startsWith(LWA_CLIENT_SECRET_PREFIX.toLowerCase())) return 'clientSecret';
  if (v.startsWith(LWA_REFRESH_TOKEN_PREFIX.toLowerCase())) return 'refreshToken';
  if (v.startsWith(LWA_ACCESS_TOKEN_PREFIX.toLowerCase())) return 'accessToken';
  return null;
}

const CREDENTIAL_WORDS = /token|secret|passw|api[\s_-]*key|credential|client[\s_-]*id/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeCredential(key: string, value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  if ([LWA_CLIENT_ID_PREFIX, LWA_CLIENT_SECRET_PREFIX, LWA_REFRESH_TOKEN_PREFIX].some((p) => v.toLowerCase().startsWith(p.toLowerCase()))) return true;
  if (/\s/.test(v) || EMAIL.test(v)) return false;
  if (CREDENTIAL_WORDS.test(key) && v.length >= 12) return true;
  // Tokens are long runs mixing letters and digits; no setting's value looks like that.
  return v.length >= 32 && /[a-z]/i.test(v) && /\d/.test(v);
}
