// The offers the SKU Map builder has proposed, kept so that a proposed row a person deletes is not
// proposed again by the next build (a deleted row leaves nothing in the SKU Map to go by). Kept in
// the hidden Sync Staging tab under its own source, one JSON list (the tab cuts it into cells of
// 45,000 characters: about 20 characters an offer, so 20,000 offers take some ten cells); document
// properties would not hold a large catalogue's list. A list that is gone or cannot be read is
// simply empty: the next build then proposes deleted offers once more, as it did before.

import type { StagingTab } from '../../sheet/staging-tab';

const SOURCE = 'onboarding.proposed';

export function rememberedOffers(staging: StagingTab): Set<string> {
  const [text] = staging.parts(SOURCE, 1);
  if (!text) return new Set();
  try {
    const list: unknown = JSON.parse(text);
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export function rememberOffers(staging: StagingTab, keys: readonly string[], before: ReadonlySet<string>): void {
  if (keys.length === before.size && keys.every((k) => before.has(k))) return;
  staging.put(SOURCE, 0, [JSON.stringify(keys)]);
}
