// An in-page confirmation dialog (not window.confirm: HtmlService serves the sidebar in a sandboxed
// iframe, where modal browser dialogs are not a given). Resolves true only for the confirm button.

import { $, setText } from './dom';

export function confirmDialog(title: string, body: Node[], confirmLabel: string): Promise<boolean> {
  setText('dialog-title', title);
  $('dialog-body').replaceChildren(...body);
  setText('dialog-ok', confirmLabel);
  const backdrop = $('dialog-backdrop');
  backdrop.hidden = false;
  $('dialog-ok').focus();
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      backdrop.hidden = true;
      $('dialog-ok').removeEventListener('click', yes);
      $('dialog-cancel').removeEventListener('click', no);
      document.removeEventListener('keydown', key);
      resolve(answer);
    };
    const yes = () => done(true);
    const no = () => done(false);
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') done(false);
    };
    $('dialog-ok').addEventListener('click', yes);
    $('dialog-cancel').addEventListener('click', no);
    document.addEventListener('keydown', key);
  });
}
