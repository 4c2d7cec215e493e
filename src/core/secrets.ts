// Where credentials live: document properties only (docs/design.md §7), under these keys. They are
// entered in the sidebar and never written to a cell, a log line or an exception message.

export const SECRET_KEYS = {
  amazonClientId: 'secret.amazon.clientId',
  amazonClientSecret: 'secret.amazon.clientSecret',
  amazonRefreshToken: 'secret.amazon.refreshToken',
  threePlToken: 'secret.threePl.token',
  /** Mintsoft: the user POST /api/Auth logs in as (help-mintsoft 12087865), instead of a static key in threePlToken. */
  threePlUsername: 'secret.threePl.username',
  threePlPassword: 'secret.threePl.password',
} as const;

/**
 * What a person may see of a stored credential. An identifier (the LWA client id, which Seller
 * Central shows openly) keeps at most its last four characters, and none when short; a secret
 * (client secret, refresh token, 3PL token) shows no character at all, only whether it is saved.
 */
export function maskSecret(value: string | null, kind: 'id' | 'secret'): string {
  if (!value) return kind === 'id' ? '' : 'not saved';
  if (kind === 'secret') return 'saved';
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

/**
 * Query strings of pre-signed URLs: whoever holds one can read or write the document until it expires.
 * Amazon's report and feed documents live on S3 (sp-api.md §reports/feeds; AWS SigV4 query auth:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html puts X-Amz-Credential,
 * X-Amz-Signature and X-Amz-Security-Token in the query), so everything after "?" on an amazonaws.com
 * host goes, and so does any X-Amz-* signing parameter wherever it appears.
 */
const PRESIGNED_URL = /(https?:\/\/[A-Za-z0-9.-]*amazonaws\.com(?::\d+)?[^\s?#"'<>]*)\?[^\s"'<>]*/gi;
const SIGNING_PARAM = /\b(X-Amz-(?:Credential|Signature|Security-Token|Date|Expires|SignedHeaders|Algorithm))=[^&\s"'<>]*/gi;

/** The spellings a secret may be echoed in: as sent in a form or URL, and inside a JSON string. */
function spellings(secret: string): string[] {
  const out = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...out];
}

/**
 * Removes every known secret value, and the query of every pre-signed URL, from a text before it
 * goes to a cell, a log, a mail or the sidebar. Longer secrets go first, so one that contains
 * another is removed whole.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  const known = secrets.filter((s): s is string => !!s && s.length >= 4).sort((a, b) => b.length - a.length);
  for (const s of known) {
    for (const form of spellings(s)) if (out.includes(form)) out = out.split(form).join('[redacted]');
  }
  // Every cell of a big tab passes here: the regular expressions run only when they can match.
  if (/amazonaws\.com/i.test(out)) out = out.replace(PRESIGNED_URL, '$1?[redacted]');
  if (/X-Amz-/i.test(out)) out = out.replace(SIGNING_PARAM, '$1=[redacted]');
  return out;
}
