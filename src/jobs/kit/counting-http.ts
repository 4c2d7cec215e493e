// Wraps the HTTP port to count calls per system for the Sync Log's "API calls per system" columns.

import type { HttpPort } from '../../ports/http';

type ApiSystem = 'amazon' | 'threePl' | 'other';

interface CallCounts {
  amazon: number;
  threePl: number;
  other: number;
}

export function systemOf(url: string): ApiSystem {
  const host = (/^https?:\/\/([^/?#:]+)/i.exec(url)?.[1] ?? '').toLowerCase();
  if (host.endsWith('amazon.com') || host.endsWith('amazonaws.com')) return 'amazon';
  if (host.endsWith('shipbob.com') || host.endsWith('mintsoft.co.uk')) return 'threePl';
  return 'other';
}

export function countingHttp(inner: HttpPort): { http: HttpPort; counts: CallCounts } {
  const counts: CallCounts = { amazon: 0, threePl: 0, other: 0 };
  return {
    counts,
    http: {
      fetch(req) {
        counts[systemOf(req.url)]++;
        return inner.fetch(req);
      },
    },
  };
}
