// Sync buttons (off until the set-up allows a run, with everything still missing said at once),
// open exceptions by severity, the schedule and the recent runs in the viewer's local time.

import type { SidebarState } from '../jobs/sidebar';
import { explainMessage } from '../jobs/sidebar/plain-words';
import { $, button, el, setText } from './dom';
import { ICON, fullTime, jobLabel, localTime, outcomeLevel } from './format';

const SYNC_WORDS: Record<string, string> = { inventory: 'stock', orders: 'orders', settlements: 'settlements', fbaShipments: 'FBA shipments' };

/** Renders the sync buttons; returns "Sync all now". */
export function renderSync(state: SidebarState, syncNow: (job: string) => void): HTMLButtonElement {
  const blocked = state.syncBlockers;
  $('sync-blocked').hidden = blocked.length === 0;
  setText('sync-blocked', blocked.length ? `Before syncing: ${blocked.join('; ')}.` : '');
  const buttons = ['all', ...state.jobs].map((name) => {
    const b = button(name === 'all' ? 'Sync all now' : `Sync ${SYNC_WORDS[name] ?? name} now`, () => syncNow(name));
    b.dataset.job = name;
    b.disabled = blocked.length > 0;
    if (blocked.length) b.title = `Before syncing: ${blocked.join('; ')}.`;
    return b;
  });
  $('jobs').replaceChildren(...buttons);
  return buttons[0]!;
}

/** The manual's heading of an exception type ("#### AUTH_FAILED (High)" → auth_failed-high, GitHub's anchors). */
function manualSection(type: string, severity: string): string {
  return `${type}-${severity}`.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export function renderExceptions(state: SidebarState, openManual: (section: string) => void): void {
  const { open, acknowledged, top } = state.exceptions;
  const total = open.High + open.Medium + open.Low;
  const counts = $('exceptions-counts');
  if (total === 0) {
    counts.replaceChildren(el('span', 'status level-ok', `${ICON.ok} None open`));
  } else {
    counts.replaceChildren(
      el('span', `status ${open.High ? 'level-error' : 'level-todo'}`, `${open.High ? ICON.error : ''} ${open.High} High`.trim()),
      el('span', `status ${open.Medium ? 'level-attention' : 'level-todo'}`, `${open.Medium ? ICON.attention : ''} ${open.Medium} Medium`.trim()),
      el('span', 'status level-todo', `${open.Low} Low`),
    );
  }
  if (acknowledged) counts.append(el('span', 'small secondary', ` · ${acknowledged} acknowledged`));
  $('exceptions-top').replaceChildren(
    ...top.map((x) => {
      const help = el('a', 'small', 'What to do');
      help.href = '#';
      help.addEventListener('click', (e) => {
        e.preventDefault();
        openManual(manualSection(x.type, x.severity));
      });
      return el('li', '', el('b', x.severity === 'High' ? 'error' : '', `${x.severity} · ${x.type}`), ' ', el('span', 'small secondary', x.entity), el('div', 'msg', explainMessage(x.message).text), help);
    }),
  );
  $('exceptions-link').hidden = state.missingTabs.includes('Exceptions');
}

export function renderSchedule(state: SidebarState): void {
  const s = state.schedule;
  const badge = $('schedule-state');
  // Off although someone turned it on (its trigger is gone): attention, with why, never a quiet "Off".
  badge.className = `status ${s.enabled ? 'level-ok' : s.note ? 'level-attention' : 'level-todo'}`;
  badge.textContent = s.enabled ? `${ICON.ok} On` : s.note ? `${ICON.attention} Off` : `${ICON.todo} Off`;
  setText('schedule-text', s.enabled ? `Runs every job about every ${s.everyMinutes} min${s.owner ? `; set up by ${s.owner}` : ''}.` : (s.note ?? 'Nothing runs by itself: use the Sync buttons, or turn the schedule on.'));
  setText('schedule-toggle', s.enabled ? 'Turn off' : 'Turn on');
}

export function renderRuns(state: SidebarState): void {
  const runs = state.recentRuns;
  if (runs.length === 0) {
    $('runs').replaceChildren(el('li', 'secondary', 'No runs yet.'));
    return;
  }
  $('runs').replaceChildren(
    ...runs.map((r) => {
      const level = outcomeLevel(r.outcome);
      const audit = r.job === 'audit';
      const li = el(
        'li',
        audit ? 'secondary' : '',
        audit ? '' : el('span', `status level-${level}`, `${ICON[level]} ${r.outcome}`),
        ' ',
        el('b', '', jobLabel(r.job)),
        ' ',
        el('span', 'when', localTime(r.end)),
        el('div', 'msg', explainMessage(r.message).text),
      );
      li.title = `${r.runId} · ${fullTime(r.end)}`;
      return li;
    }),
  );
}
