// The message box under the title: the result of what the person just did, with a level shown as
// colour, icon and words; technical text (statuses, codes, request ids) folded under "Details".

import type { Level } from '../jobs/sidebar/connection-record';
import type { Plain } from '../jobs/sidebar/plain-words';
import { $, el } from './dom';
import { ICON } from './format';

const WORD: Record<Level, string> = { ok: 'Done', attention: 'Note', error: 'Problem', todo: 'Note' };

export function showNotice(level: Level, lines: ReadonlyArray<Plain>): void {
  const box = $('notice');
  box.className = `notice level-${level}`;
  $('notice-icon').textContent = ICON[level];
  $('notice-lines').replaceChildren(...lines.map((l, i) => el('li', '', ...(i === 0 ? [el('b', '', `${WORD[level]}: `)] : []), l.text)));
  const details = lines.map((l) => l.details).filter((d): d is string => Boolean(d));
  $('notice-details').hidden = details.length === 0;
  ($('notice-details') as HTMLDetailsElement).open = false;
  $('notice-details-text').textContent = details.join('\n');
  box.hidden = false;
}

