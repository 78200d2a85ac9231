// How a TAXII 2.1 client walks the pages of one pull: which request comes after a page, when the
// pull is complete (the server said `more: false`) and when it must stop early and say why. Pure.
//
// TAXII 2.1 leaves the `next` token to the server: some hand out a new one per page, some the same
// token on every page of a query (the position is kept server-side), some none at all, so clients
// page with the X-TAXII-Date-Added-Last of the last page as the next `added_after`. A repeated
// token is therefore no sign of the end; only `more: false` is. What guards against a server that
// never ends is a page limit, a run of empty pages, and a page that is the previous one again.
import { createHash } from 'node:crypto';

export type PageRequest = { addedAfter?: string; next?: string };

/** What the client needs to know about a page it received. */
export type PageSeen = {
  count: number;
  more: boolean;
  next?: string;
  dateAddedLast?: string;
  /** pageFingerprint() of the page, to notice a server replaying the same page. */
  fingerprint: string;
};

export type PagingState = { request: PageRequest; pages: number; emptyPages: number; lastFingerprint: string | null };

export type PagingStep = { kind: 'done' } | { kind: 'fetch'; state: PagingState } | { kind: 'stop'; reason: string };

export type PagingLimits = { maxPages: number; maxEmptyPages: number };

export const DEFAULT_PAGING_LIMITS: PagingLimits = { maxPages: 10_000, maxEmptyPages: 3 };

export function firstPage(addedAfter: string | null): PagingState {
  return { request: addedAfter ? { addedAfter } : {}, pages: 0, emptyPages: 0, lastFingerprint: null };
}

/** Identifies a page by its objects (id and version) and its last date_added. */
export function pageFingerprint(
  objects: readonly Record<string, unknown>[],
  dateAddedLast: string | undefined,
): string {
  const h = createHash('sha256');
  for (const o of objects) h.update(`${String(o.id)}\u0000${String(o.modified ?? o.created ?? '')}\u0001`);
  return h.update(dateAddedLast ?? '').digest('hex');
}

/** The step after `page`, received in answer to `state.request`. */
export function afterPage(
  state: PagingState,
  page: PageSeen,
  limits: PagingLimits = DEFAULT_PAGING_LIMITS,
): PagingStep {
  if (!page.more) return { kind: 'done' };
  const pages = state.pages + 1;
  if (page.count > 0 && page.fingerprint === state.lastFingerprint) {
    return { kind: 'stop', reason: 'the server returned the same page again while saying there is more' };
  }
  const emptyPages = page.count === 0 ? state.emptyPages + 1 : 0;
  if (emptyPages >= limits.maxEmptyPages) {
    return { kind: 'stop', reason: `the server sent ${emptyPages} empty pages in a row while saying there is more` };
  }
  if (pages >= limits.maxPages) {
    return { kind: 'stop', reason: `page limit of ${limits.maxPages} reached while the server still has more` };
  }
  const base = { pages, emptyPages, lastFingerprint: page.fingerprint };
  // With a token, the query stays the same (its added_after repeats, as TAXII 2.1 pagination expects).
  if (page.next)
    return {
      kind: 'fetch',
      state: {
        ...base,
        request: { ...(state.request.addedAfter ? { addedAfter: state.request.addedAfter } : {}), next: page.next },
      },
    };
  // Without one, a new query starts after the newest object of this page.
  if (page.dateAddedLast && page.dateAddedLast !== state.request.addedAfter) {
    return { kind: 'fetch', state: { ...base, request: { addedAfter: page.dateAddedLast } } };
  }
  return {
    kind: 'stop',
    reason: 'the server said there is more but sent neither a next token nor a newer X-TAXII-Date-Added-Last',
  };
}
