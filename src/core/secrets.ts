// Where credentials live: document properties only (PRODUCT.md §7), under these keys. They are
// entered in the sidebar and never written to a cell, a log line or an exception message.

export const SECRET_KEYS = {
  amazonClientId: 'secret.amazon.clientId',
  amazonClientSecret: 'secret.amazon.clientSecret',
  amazonRefreshToken: 'secret.amazon.refreshToken',
  threePlToken: 'secret.threePl.token',
} as const;

/** Shows that a secret is set without revealing it: "••••1234" (last four characters at most, none for short values). */
export function maskSecret(value: string | null): string {
  if (!value) return '';
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

/** Removes every known secret value from a text before it goes to a cell, a log or an exception. */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  return out;
}
