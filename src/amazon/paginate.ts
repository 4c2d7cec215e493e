// One way to walk any token-paged SP-API operation (octokit's paginate, synchronous for Apps Script).
// Each paged operation is described once, next to its call, so loops never re-learn which field
// holds the token, how it is sent back, or that Amazon sometimes returns an empty string for "done".

/**
 * A token-paged operation. `fetch` gets the query without any token plus the token of the page to
 * read (undefined for the first); the descriptor decides how the token is sent (some operations
 * want it alone, without the filters). `next` reads the following page's token from a page.
 */
export interface PagedOp<Params, Page> {
  fetch(params: Params, token: string | undefined): Page;
  next(page: Page): string | undefined;
}

/** What `onPage` may answer: 'stop' or false ends the walk after this page; anything else goes on. */
export type PageVerdict = 'stop' | boolean | void;

export interface PaginateResult {
  /** True when the last page was reached: nothing was left unread (even if onPage said stop on it). */
  complete: boolean;
  /** Pages fetched and handed to onPage. */
  pages: number;
}

/**
 * Fetches page after page and hands each to `onPage` straight away, because some tokens expire
 * within seconds (getInventorySummaries: 30 s). Errors, DeadlineExceeded included, propagate from
 * `fetch` unchanged: a caller that must resume keeps its own cursor from the pages it has seen.
 */
export function paginate<Params, Page>(op: PagedOp<Params, Page>, params: Params, onPage: (page: Page) => PageVerdict): PaginateResult {
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    const page = op.fetch(params, token);
    pages++;
    const verdict = onPage(page);
    // An empty string is Amazon's "no more pages" on some operations, never a real token.
    token = op.next(page) || undefined;
    if (token === undefined) return { complete: true, pages };
    if (verdict === 'stop' || verdict === false) return { complete: false, pages };
  }
}
