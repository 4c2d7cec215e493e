// What every fake service needs for one execution context: the world, the bundle's realm and the
// manifest, plus the shared checks (auth mode, manifest scopes) and byte helpers Apps Script's
// Java-backed services imply (bytes are signed, -128..127).

import type { AuthMode, ExecutionState, World } from '../world';
import { gasError, type Realm } from './realm';

export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
}

export interface Ctx {
  world: World;
  realm: Realm;
  manifest: Manifest;
}

export const SCOPES = {
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export function fail(ctx: Ctx, message: string): never {
  throw gasError(ctx.realm, message);
}

/**
 * Refuses a call the execution's auth mode or the manifest's explicit scopes don't allow.
 * Text observed in the wild: "You do not have permission to call UrlFetchApp.fetch. Required
 * permissions: https://www.googleapis.com/auth/script.external_request" (apps-script.md §2.9; e.g.
 * github.com/enuchi/React-Google-Apps-Script/issues/44). An explicit `oauthScopes` list turns off
 * scope detection, so a scope missing there fails the same way (https://developers.google.com/apps-script/manifest).
 */
export function requireAuth(
  ctx: Ctx,
  ex: ExecutionState,
  method: string,
  opts: { modes: readonly AuthMode[]; scope?: string },
): void {
  const scopeMissing = opts.scope !== undefined && ctx.manifest.oauthScopes !== undefined
    && !ctx.manifest.oauthScopes.includes(opts.scope);
  if (!opts.modes.includes(ex.authMode) || scopeMissing) {
    fail(ctx, `You do not have permission to call ${method}.${opts.scope ? ` Required permissions: ${opts.scope}` : ''}`);
  }
}

/** AuthMode table (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). */
export const MODES = {
  /** Document and properties: everything but NONE. */
  document: ['LIMITED', 'FULL', 'CUSTOM_FUNCTION'] as const,
  /** Services needing full authorization (UrlFetch, triggers, mail). Custom functions may fetch. */
  full: ['FULL'] as const,
  fetch: ['FULL', 'CUSTOM_FUNCTION'] as const,
};

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Bytes as Apps Script hands them to scripts: Java bytes, signed (apps-script.md §2.3). */
export function signedBytes(realm: Realm, bytes: Uint8Array): number[] {
  return realm.Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts Byte[] from scripts (signed or unsigned numbers) or a Uint8Array. */
export function bytesFrom(values: ArrayLike<number>): Uint8Array {
  return Uint8Array.from(Array.from(values, (v) => Number(v) & 0xff));
}

export function realmArray<T>(realm: Realm, items: readonly T[]): T[] {
  return realm.Array.from(items) as T[];
}

export function realmObject<T>(realm: Realm, entries: Iterable<[string, T]>): Record<string, T> {
  const o = new realm.Object() as Record<string, T>;
  for (const [k, v] of entries) o[k] = v;
  return o;
}

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A small stable hash (FNV-1a) for deterministic choices: trigger offsets, UUIDs, user keys. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
