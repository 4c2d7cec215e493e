// How the settlements import words what it did: money with its currency, a source ("report 51…",
// a file's name) at the start of a sentence, and what a file left out.

import type { ParsedSettlement } from '../../core/settlements/types';

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`.trim();

/**
 * What was left out of a file: settlements of their own first (a file holding two: only the
 * first is imported, and the Difference column cannot show the others), then unreadable lines.
 */
export function leftOutMessage(problems: ParsedSettlement['problems'], id: string, source: string): string {
  const others = new Map<string, number>();
  for (const p of problems) if (p.otherSettlement) others.set(p.otherSettlement, (others.get(p.otherSettlement) ?? 0) + 1);
  const copies = problems.filter((p) => p.copyFrom !== undefined);
  const unread = problems.filter((p) => !p.otherSettlement && p.copyFrom === undefined);
  const parts: string[] = [];
  if (copies.length) {
    parts.push(`${source} holds settlement ${id} twice (its header again at line ${copies[0]!.copyFrom}, then the same summary and lines): the ${copies.length} line(s) of the second copy (lines ${copies[0]!.lineNo}–${copies[copies.length - 1]!.lineNo}) were left out, so the settlement is counted once and nothing of it is missing.`);
  }
  if (others.size) {
    const named = [...others].map(([other, n]) => `settlement ${other} (${n} line(s))`).join(', ');
    parts.push(
      `${source} holds more than one settlement: only settlement ${id}, the first, was imported; ${named} ${others.size > 1 ? 'were' : 'was'} left out and ${others.size > 1 ? 'are' : 'is'} in no tab. ` +
        `Download ${others.size > 1 ? 'each of them' : 'it'} as a file of its own from Seller Central (Payments → Reports repository) and import it from the sidebar.`,
    );
  }
  if (unread.length) {
    // Each problem's message already starts "Line N:"; it is said once.
    const shown = unread.slice(0, 5).map((p) => `line ${p.lineNo}: ${p.message.replace(/^Line \d+: /, '')}`).join('; ');
    parts.push(`${unread.length} line(s) of ${source} could not be read or used and are not in the Settlement Lines tab (${shown}${unread.length > 5 ? '; …' : ''}). The other lines were imported; the Difference column shows what is missing.`);
  }
  return parts.join(' ');
}
