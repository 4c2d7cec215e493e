// The Stock section: push mode, what waits for approval (with its breakdown), a push Amazon has not
// answered yet (with "Check now" when no scheduled run will read it), and undo.

import type { SidebarState } from '../jobs/sidebar';
import type { ApprovalBreakdown, UndoReview } from '../jobs/sidebar/stock-review';
import { $, el, setText } from './dom';
import { localTime, plural } from './format';

export function breakdownList(a: ApprovalBreakdown): HTMLUListElement {
  return el(
    'ul',
    'breakdown',
    el('li', '', `▲ ${a.up} up`),
    el('li', '', `▼ ${a.down} down`),
    el('li', '', `0 ${a.toZero} to zero`),
  );
}

export function largestTable(a: ApprovalBreakdown): HTMLTableElement {
  return el('table', 'changes', ...a.largest.map((c) => el('tr', '', el('td', '', c.sku), el('td', '', `${c.from ?? '?'} → ${c.to}`))));
}

export function undoWarning(u: UndoReview, provider: string): HTMLElement | null {
  if (u.overCount === 0) return null;
  const box = el('div', 'notice level-attention');
  const items = u.overPickable.map((o) => el('li', '', `${o.sku}: back to ${o.restore}, but ${provider} can pick ${o.pickable} now`));
  box.append(
    el('span', 'icon', '!'),
    el(
      'div',
      '',
      el('p', '', `${plural(u.overCount, 'offer')} would go back above what ${provider} could pick at the last stock read. The undo sets ${u.overCount === 1 ? 'it' : 'them'} to what can be picked instead:`),
      el('ul', 'breakdown', ...items),
      ...(u.overCount > items.length ? [el('p', 'small', `…and ${u.overCount - items.length} more (see the Inventory tab).`)] : []),
    ),
  );
  return box;
}

/** Returns the button that should be the primary action of this section, if any. */
export function renderStock(state: SidebarState): HTMLButtonElement | null {
  const { stock, schedule } = state;
  const select = $<HTMLSelectElement>('push-mode');
  select.value = stock.pushMode;
  select.disabled = state.missingTabs.includes('Settings');
  const waiting = [
    ...(stock.awaitingApproval ? [`${stock.awaitingApproval} await approval`] : []),
    ...(stock.heldByGuardrail ? [`${stock.heldByGuardrail} held by a guardrail`] : []),
  ];
  setText('stock-state', waiting.length ? `Stock changes: ${waiting.join(' · ')}.` : stock.pushMode === 'dry-run' ? 'Nothing is pushed: the Inventory tab shows what would be.' : 'Nothing waits for approval.');

  const a = stock.approval;
  $('approval').hidden = !a;
  if (a) {
    const held = a.held ? ` (${a.held} held by a guardrail)` : '';
    setText('approval-summary', `${plural(a.total, 'change')} wait for approval${held}: ▲ ${a.up} up · ▼ ${a.down} down · 0 ${a.toZero} to zero.`);
  }

  const p = stock.pending;
  $('pending').hidden = !p;
  if (p) {
    const what = p.kind === 'undo' ? 'the undo' : 'the stock push';
    setText(
      'pending-text',
      schedule.enabled
        ? `Amazon is still processing ${what} sent ${localTime(p.since)}. The next scheduled stock sync (about every ${schedule.everyMinutes} min) reads the result; "Check now" reads it now.`
        : `Amazon is still processing ${what} sent ${localTime(p.since)}. Its result is read on the next stock sync, and the schedule is off, so none will come by itself: press "Check now" in a minute or two.`,
    );
  }
  $('undo-button').hidden = !stock.undo;
  if (a) return $<HTMLButtonElement>('approve-button');
  if (p && !schedule.enabled) return $<HTMLButtonElement>('check-now');
  return null;
}
