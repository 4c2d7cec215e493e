// The busy indicator: while any server call is out, a spinner says what is happening and every
// control is disabled (one disabled <fieldset>), so nobody starts a second run or saves twice.

import { $, setText } from './dom';

let outstanding = 0;

export function isBusy(): boolean {
  return outstanding > 0;
}

export async function whileBusy<T>(label: string, work: () => Promise<T>): Promise<T> {
  outstanding++;
  setText('busy-text', label);
  $('busy').hidden = false;
  $<HTMLFieldSetElement>('main').disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    outstanding--;
    if (outstanding === 0) {
      $('busy').hidden = true;
      $<HTMLFieldSetElement>('main').disabled = false;
      document.body.removeAttribute('aria-busy');
    }
  }
}
