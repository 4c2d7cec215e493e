// A credential pasted into the Settings tab (an LWA refresh token or client secret under a key of
// its own, a ShipBob token, a token pasted over the seller ID) is never quoted back in a problem:
// the message says it looks like one and asks for it to be moved into the sidebar.

import { describe, expect, it } from 'vitest';
import { looksLikeCredential } from '../../src/core/credential-shape';
import { parseSettings } from '../../src/core/settings';

const TOKEN = 'Atzr|IwEBIPersonPastedRefreshToken0123456789abcdef';
const SECRET = 'amzn1.oa2-cs.v1.0123456789abcdef0123456789abcdef0123456789abcdef';
const PAT = 'pat_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

describe('credentials typed into Settings', () => {
  it('are named as credentials and never quoted, whatever the key', () => {
    const { problems } = parseSettings([
      ['Refresh token', TOKEN],
      ['LWA client secret', SECRET],
      ['ShipBob API token', PAT],
      ['Amazon seller ID', TOKEN],
    ]);
    expect(problems).toHaveLength(4);
    for (const p of problems) {
      expect(p.message).toMatch(/looks like a credential \(not shown here\).*sidebar/);
      for (const secret of [TOKEN, SECRET, PAT, 'IwEBI', '9f8e7d6c']) expect(p.message).not.toContain(secret);
      expect(p.value).toBe('');
    }
  });

  it('leaves ordinary values as they are: a wrong one is still quoted so people can find it', () => {
    const { problems } = parseSettings([['Push mode', 'automatic'], ['Alert email', 'someone.with.a.long.address@example-company.co.uk'], ['Sync every (minutes)', '15 mins']]);
    expect(problems.map((p) => p.value)).toEqual(['automatic', '15 mins']);
    expect(looksLikeCredential('3PL locations', '10, 11')).toBe(false);
    expect(looksLikeCredential('Removals to 3PL', 'RMV-, 3PL-')).toBe(false);
    expect(looksLikeCredential('Marketplaces', 'UK, DE, FR')).toBe(false);
  });
});
