// The guided first run: six steps, each "Done" or "To do" (a mark and a word, not colour alone); the
// first step still to do carries the one primary button.

import type { SidebarState } from '../jobs/sidebar';
import type { GuideStep } from '../jobs/sidebar/guide';
import { $, button, el, setText } from './dom';

/** Renders the steps; returns the current step's button, which is the sidebar's primary action. */
export function renderGuide(state: SidebarState, actions: (step: GuideStep) => { label: string; run: () => void } | null): HTMLButtonElement | null {
  const steps = state.steps;
  const current = steps.find((s) => !s.done);
  setText('guide-title', current ? `Get started: step ${steps.indexOf(current) + 1} of ${steps.length}` : 'Set-up: all steps done');
  let primary: HTMLButtonElement | null = null;
  const items = steps.map((s) => {
    const li = el('li', s.done ? 'done' : s === current ? 'todo current' : 'todo');
    li.dataset.step = s.id;
    li.append(
      el('span', 'mark', s.done ? '✓' : '○'),
      el('span', 'label', s.label),
      el('span', `state ${s.done ? 'secondary' : ''}`, s.done ? 'Done' : 'To do'),
      el('div', 'help', s.detail),
    );
    const action = s === current ? actions(s) : null;
    if (action) {
      primary = button(action.label, action.run, true);
      li.append(el('div', 'buttons', primary));
    }
    return li;
  });
  $('steps').replaceChildren(...items);
  // Once everything is done the list folds away; it stays readable under the section title.
  $('steps').hidden = !current;
  return primary;
}
