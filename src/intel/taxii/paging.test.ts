import { describe, expect, it } from 'vitest';
import { afterPage, firstPage, pageFingerprint, type PageSeen, type PagingState } from './paging.js';

const T1 = '2026-03-01T00:00:01.000000Z';
const T2 = '2026-03-01T00:00:02.000000Z';
const seen = (n: number, extra: Partial<PageSeen> = {}): PageSeen => ({
  count: 1,
  more: true,
  fingerprint: `page-${n}`,
  ...extra,
});
const fetchState = (step: ReturnType<typeof afterPage>): PagingState => {
  if (step.kind !== 'fetch') throw new Error(`expected fetch, got ${JSON.stringify(step)}`);
  return step.state;
};

describe('TAXII client paging', () => {
  it('ends only when the server says more is false, whatever the token', () => {
    let state = firstPage(T1);
    for (let n = 1; n <= 5; n++) {
      state = fetchState(afterPage(state, seen(n, { next: 'same-token', dateAddedLast: T2 })));
      // The same token again is followed, with the query's added_after repeated.
      expect(state.request).toEqual({ addedAfter: T1, next: 'same-token' });
    }
    expect(afterPage(state, seen(6, { more: false, next: 'same-token' }))).toEqual({ kind: 'done' });
  });

  it('pages by X-TAXII-Date-Added-Last when the server sends no next, and stops when it does not advance', () => {
    const state = fetchState(afterPage(firstPage(null), seen(1, { dateAddedLast: T1 })));
    expect(state.request).toEqual({ addedAfter: T1 });
    const stuck = afterPage(state, seen(2, { dateAddedLast: T1 }));
    expect(stuck).toMatchObject({ kind: 'stop', reason: expect.stringMatching(/neither a next token nor a newer/) });
    expect(afterPage(firstPage(null), seen(1))).toMatchObject({ kind: 'stop' });
  });

  it('stops a server that replays the same page, sends empty pages forever, or never ends', () => {
    const state = fetchState(afterPage(firstPage(null), seen(1, { next: 'x' })));
    expect(afterPage(state, seen(1, { next: 'x' }))).toMatchObject({
      kind: 'stop',
      reason: expect.stringMatching(/same page/),
    });

    let empty = firstPage(null);
    empty = fetchState(afterPage(empty, seen(0, { count: 0, next: 'x' })));
    empty = fetchState(afterPage(empty, seen(0, { count: 0, next: 'x' })));
    expect(afterPage(empty, seen(0, { count: 0, next: 'x' }))).toMatchObject({
      kind: 'stop',
      reason: expect.stringMatching(/3 empty pages/),
    });

    let long = firstPage(null);
    long = fetchState(afterPage(long, seen(1, { next: 'a' }), { maxPages: 2, maxEmptyPages: 3 }));
    expect(afterPage(long, seen(2, { next: 'b' }), { maxPages: 2, maxEmptyPages: 3 })).toMatchObject({
      kind: 'stop',
      reason: expect.stringMatching(/page limit of 2/),
    });
  });

  it('fingerprints a page by its objects, their versions and its last date_added', () => {
    const a = [{ id: 'indicator--1', modified: T1 }];
    expect(pageFingerprint(a, T1)).toBe(pageFingerprint([{ id: 'indicator--1', modified: T1 }], T1));
    expect(pageFingerprint(a, T1)).not.toBe(pageFingerprint([{ id: 'indicator--1', modified: T2 }], T1));
    expect(pageFingerprint(a, T1)).not.toBe(pageFingerprint(a, T2));
  });
});
