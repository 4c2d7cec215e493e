// The last connection test of each system, kept in document properties, and how the sidebar reads a
// connection's state from it and from the Exceptions tab: error (refused in a test or a run),
// attention (saved, not tested since it changed), ok (tested with what is saved now), to do.

import { SECRET_KEYS } from '../../core/secrets';
import type { Settings } from '../../core/settings';
import type { KeyValueStore } from '../../ports/store';

export type System = 'amazon' | 'threePl';

interface TestRecord {
  ok: boolean;
  /** ms since the epoch */
  at: number;
  /** What was tested: a change of credentials or of the settings it used makes the record stale. */
  fp: string;
  message: string;
  details: string | null;
  /** A failed test: false when the service was busy or down (nothing people saved is wrong); absent in older records, read as refused. */
  refused?: boolean;
}

const RECORD_KEY: Record<System, string> = { amazon: 'sidebar.connectionTest.amazon', threePl: 'sidebar.connectionTest.threePl' };

/** FNV-1a: notices a change of the tested values without keeping them (as amazon/lwa.ts does for its cache key). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The credentials and the settings a test of `system` depends on. */
export function connectionFingerprint(store: KeyValueStore, settings: Settings, system: System): string {
  const values =
    system === 'amazon'
      ? [store.get(SECRET_KEYS.amazonClientId), store.get(SECRET_KEYS.amazonClientSecret), store.get(SECRET_KEYS.amazonRefreshToken), settings.sellerId, settings.marketplaces.join(',') || settings.marketplace]
      : [
          store.get(SECRET_KEYS.threePlToken),
          settings.threePlProvider,
          settings.threePlApiVersion,
          settings.threePlChannelId,
          // Mintsoft's login is part of what was tested (a ShipBob fingerprint stays as it was).
          ...(settings.threePlProvider === 'mintsoft' ? [store.get(SECRET_KEYS.threePlUsername), store.get(SECRET_KEYS.threePlPassword)] : []),
        ];
  return fnv(values.map((v) => v ?? '').join('\u0000'));
}

export function saveTestRecord(store: KeyValueStore, system: System, record: TestRecord): void {
  store.set(RECORD_KEY[system], JSON.stringify(record));
}

function loadTestRecord(store: KeyValueStore, system: System): TestRecord | null {
  const raw = store.get(RECORD_KEY[system]);
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as Partial<TestRecord>;
    return typeof r.ok === 'boolean' && typeof r.at === 'number' && typeof r.fp === 'string' && typeof r.message === 'string'
      ? { ok: r.ok, at: r.at, fp: r.fp, message: r.message, details: typeof r.details === 'string' ? r.details : null, ...(r.refused === false ? { refused: false } : {}) }
      : null;
  } catch {
    return null;
  }
}

/** Forgets a system's test (Disconnect). */
export function clearTestRecord(store: KeyValueStore, system: System): void {
  store.delete(RECORD_KEY[system]);
}

export type Level = 'ok' | 'attention' | 'error' | 'todo';

export interface ConnectionView {
  level: Level;
  /** One line: "Connected", "Saved, not tested", "Refused in the last run"… */
  label: string;
  /** Plain words: what the last test or run found and what to do. */
  text: string;
  details: string | null;
  /** ISO time of the last test of what is saved now, or null. */
  testedAt: string | null;
  /** A test of what is saved now succeeded. */
  tested: boolean;
}

/**
 * `saved`: every credential is stored. `refusedAt`: Last Seen of the open AUTH_FAILED row of this
 * system (a run was refused), with its message.
 */
export function connectionView(
  store: KeyValueStore,
  settings: Settings,
  system: System,
  saved: boolean,
  refused: { at: number; message: string } | null,
  explain: (message: string) => { text: string; details: string | null },
): ConnectionView {
  if (!saved) return { level: 'todo', label: 'Not connected', text: '', details: null, testedAt: null, tested: false };
  const record = loadTestRecord(store, system);
  const current = record && record.fp === connectionFingerprint(store, settings, system) ? record : null;
  const testedAt = current ? new Date(current.at).toISOString() : null;
  // A test the service could not answer (busy, down, unreadable) says nothing against what is saved: attention, not error.
  if (current && !current.ok && current.refused === false) return { level: 'attention', label: 'Could not test now', text: current.message, details: current.details, testedAt, tested: false };
  if (current && !current.ok) return { level: 'error', label: 'Connection test failed', text: current.message, details: current.details, testedAt, tested: false };
  // A run refused after the last good test (or with no test) wins: the credentials stopped working since.
  if (refused && (!current || refused.at >= current.at)) {
    const plain = explain(refused.message);
    return { level: 'error', label: 'Refused in the last run', text: plain.text, details: plain.details, testedAt, tested: false };
  }
  if (current) return { level: 'ok', label: 'Connected', text: current.message, details: null, testedAt, tested: true };
  return { level: 'attention', label: 'Saved, not tested', text: 'Press "Test connection" to check the saved credentials with one harmless call.', details: null, testedAt: null, tested: false };
}
