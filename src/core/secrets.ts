// Where credentials live: document properties only (docs/design.md §7), under these keys. They are
// entered in the sidebar and never written to a cell, a log line or an exception message.

import { amazonCredentialShape } from './credential-shape';

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

/** HTML's named entities for the characters servers escape in error pages. */
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Every way a character of a secret may come back from a service that escapes what it echoes: as
 * sent, backslash-escaped (JSON's "\/", RFC 8259 §7), as a JSON "\u007C" (System.Text.Json, behind
 * ASP.NET error bodies, escapes "+", "&", "'", "<", ">" this way by default:
 * https://learn.microsoft.com/en-us/dotnet/standard/serialization/system-text-json/character-encoding),
 * percent-encoded in either case (RFC 3986 §2.1: "%7c" equals "%7C"), or as an HTML entity. Letters
 * and digits pass through every one of these unchanged.
 */
function charForms(c: string): string {
  if (/[A-Za-z0-9]/.test(c)) return c;
  const code = c.codePointAt(0) ?? 0;
  const hex4 = code.toString(16).padStart(4, '0');
  const forms = [
    escapeRegex(c),
    `\\\\${escapeRegex(c)}`,
    `\\\\u${hex4}`,
    encodeURIComponent(c) !== c ? encodeURIComponent(c) : `%${code.toString(16).padStart(2, '0')}`,
    `&#${code};`,
    `&#x0*${code.toString(16)};`,
  ];
  if (c === ' ') forms.push('\\+');
  if (HTML_NAMED[c]) forms.push(HTML_NAMED[c]!);
  if (c === "'") forms.push('&#0*39;');
  return `(?:${forms.join('|')})`;
}

/** The longest run of letters and digits: every escaped spelling contains it, so it is looked for first. */
function anchor(secret: string): string {
  return (secret.match(/[A-Za-z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
}

const patterns = new Map<string, RegExp>();

/** One pattern per secret for all its spellings (case-insensitive: hex digits come in either case, and removing more is safe). */
function pattern(secret: string): RegExp {
  let p = patterns.get(secret);
  if (!p) {
    p = new RegExp([...secret].map(charForms).join(''), 'gi');
    patterns.set(secret, p);
  }
  return p;
}

/** How many characters of a secret's beginning are public: Amazon's documented prefixes ("Atza|", "amzn1.oa2-cs.v1."…). */
function publicPrefixLength(secret: string): number {
  return amazonCredentialShape(secret) ? (secret.match(/^(?:amzn1\.[a-z0-9-]+\.(?:v\d+\.)?|Atz[ar]\|)/i)?.[0].length ?? 0) : 0;
}

/**
 * Fewer private characters than this are no use to anyone; more are removed even when the rest is
 * missing. Only machine-made secrets this long are looked for so: a person's short password's first
 * characters may well be a brand or SKU word, which must not vanish from the cells.
 */
const CUT_SECRET_MIN_PRIVATE = 16;
const CUT_SECRET_MIN_LENGTH = 32;

/**
 * A secret cut short by a length limit on the way (an error body quoted to 200 characters, a clipped
 * message) no longer equals the secret, yet its beginning is still the secret's: any run of its first
 * characters reaching past the public prefix by CUT_SECRET_MIN_PRIVATE goes too.
 */
function withoutCutSecret(text: string, secret: string): string {
  const min = publicPrefixLength(secret) + CUT_SECRET_MIN_PRIVATE;
  if (secret.length < CUT_SECRET_MIN_LENGTH || secret.length <= min) return text;
  const head = secret.slice(0, min);
  let out = text;
  for (let i = out.indexOf(head); i >= 0; i = out.indexOf(head, i + 1)) {
    let j = min;
    while (j < secret.length && i + j < out.length && out[i + j] === secret[j]) j++;
    out = `${out.slice(0, i)}[redacted]${out.slice(i + j)}`;
  }
  return out;
}

/**
 * Removes every known secret value, and the query of every pre-signed URL, from a text before it
 * goes to a cell, a log, a mail or the sidebar, in any spelling a service may echo it in (above).
 * Longer secrets go first, so one that contains another is removed whole.
 */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  const known = secrets.filter((s): s is string => !!s && s.length >= 4).sort((a, b) => b.length - a.length);
  for (const s of known) {
    if (out.includes(s)) out = out.split(s).join('[redacted]');
    // Every cell of a big tab passes here: the pattern runs only when the secret's longest plain run is there.
    const a = anchor(s);
    if (a.length < s.length && (a.length < 4 || out.includes(a))) out = out.replace(pattern(s), '[redacted]');
    out = withoutCutSecret(out, s);
  }
  // Every cell of a big tab passes here: the regular expressions run only when they can match.
  if (/amazonaws\.com/i.test(out)) out = out.replace(PRESIGNED_URL, '$1?[redacted]');
  if (/X-Amz-/i.test(out)) out = out.replace(SIGNING_PARAM, '$1=[redacted]');
  return out;
}
