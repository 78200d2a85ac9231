import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { MAX_PAGE_SIZE, parseTaxiiFilters } from './filters.js';
import { acceptsTaxii, isTaxiiContentType } from './media-types.js';
import { API_ROOT_NAME, collectionAccess, servedTlpLevels, visibleApiRoots } from './access.js';

describe('TAXII filters', () => {
  it('defaults to the last version, a page of 100', () => {
    const r = parseTaxiiFilters({});
    expect(r).toMatchObject({
      ok: true,
      filters: { limit: 100, versions: { last: true, all: false }, versionsGiven: false },
    });
  });

  it('reads comma lists, repeated parameters, version mixes and clamps the limit', () => {
    const r = parseTaxiiFilters({
      'match[type]': ['indicator,malware', 'tool'],
      'match[version]': 'first,2026-03-01T10:00:00.123456Z',
      limit: '50000',
      'match[id]': 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    });
    expect(r.ok && r.filters).toMatchObject({
      types: ['indicator', 'malware', 'tool'],
      limit: MAX_PAGE_SIZE,
      ids: ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'],
      versions: { first: true, last: false, all: false, at: ['2026-03-01T10:00:00.123456Z'] },
      versionsGiven: true,
    });
  });

  it('takes match[id] with an upper-case UUID as given (the lookup compares case-insensitively), not an upper-case type', () => {
    const r = parseTaxiiFilters({ 'match[id]': 'indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F' });
    expect(r.ok && r.filters.ids).toEqual(['indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F']);
    expect(parseTaxiiFilters({ 'match[id]': 'Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' })).toMatchObject({
      ok: false,
      parameter: 'match[id]',
    });
  });

  it.each([
    [{ added_after: 'yesterday' }, 'added_after'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '-3' }, 'limit'],
    [{ next: 'not-ours' }, 'next'],
    [{ 'match[id]': 'indicator--nope' }, 'match[id]'],
    [{ 'match[type]': 'Indicator' }, 'match[type]'],
    [{ 'match[version]': 'newest' }, 'match[version]'],
    [{ 'match[spec_version]': '2.1.0' }, 'match[spec_version]'],
  ])('refuses %j naming %s', (query, parameter) => {
    expect(parseTaxiiFilters(query)).toMatchObject({ ok: false, parameter });
  });

  it('round-trips a pagination cursor and refuses forged ones', () => {
    const token = encodeCursor({ addedAt: '2026-03-02T08:00:00.123456Z', seq: 42 });
    expect(decodeCursor(token)).toEqual({ addedAt: '2026-03-02T08:00:00.123456Z', seq: 42 });
    expect(decodeCursor(Buffer.from("2026-03-02T08:00:00Z' OR 1=1|1").toString('base64url'))).toBeNull();
  });
});

describe('TAXII media types', () => {
  it.each([
    ['application/taxii+json;version=2.1', true],
    ['application/taxii+json; version="2.1"', true],
    ['application/taxii+json', true],
    ['*/*', true],
    [undefined, true],
    ['application/json', false],
    ['application/taxii+json;version=2.0', false],
    ['text/html, application/taxii+json;version=2.1;q=0', false],
  ])('Accept %s → %s', (accept, ok) => {
    expect(acceptsTaxii(accept)).toBe(ok);
  });

  it('needs the versioned TAXII type for bodies', () => {
    expect(isTaxiiContentType('application/taxii+json;version=2.1')).toBe(true);
    expect(isTaxiiContentType('application/json')).toBe(false);
    expect(isTaxiiContentType('application/taxii+json')).toBe(false);
  });
});

describe('TAXII access', () => {
  const scope = { readers: ['vn-mps'], writers: ['*'], maxTlp: 'GREEN' };
  it('gives parties only their scope, up to max TLP; local users act by role', () => {
    expect(collectionAccess(scope, { kind: 'party', userId: 'u', party: 'vn-mps' })).toEqual({
      canRead: true,
      canWrite: true,
      visible: true,
    });
    expect(collectionAccess(scope, { kind: 'party', userId: 'u', party: 'kr-knpa' })).toEqual({
      canRead: false,
      canWrite: true,
      visible: true,
    });
    expect(collectionAccess({ ...scope, writers: [] }, { kind: 'party', userId: 'u', party: 'kr-knpa' }).visible).toBe(
      false,
    );
    expect(servedTlpLevels(scope, { kind: 'party', userId: 'u', party: 'vn-mps' })).toEqual(['CLEAR', 'GREEN']);
    expect(servedTlpLevels(scope, { kind: 'local', userId: 'u', canRead: true, canWrite: false })).toBe('all');
  });

  it('names an API root only to callers who can see a collection under it; the default always', () => {
    const collections = [
      { ...scope, apiRoot: 'partners' },
      { readers: [], writers: [], maxTlp: 'AMBER', apiRoot: 'research' },
      { ...scope, apiRoot: 'api' },
    ];
    expect(visibleApiRoots(collections, null)).toEqual(['api']);
    expect(visibleApiRoots(collections, { kind: 'party', userId: 'u', party: 'vn-mps' })).toEqual(['api', 'partners']);
    expect(visibleApiRoots(collections, { kind: 'local', userId: 'u', canRead: true, canWrite: false })).toEqual([
      'api',
      'partners',
      'research',
    ]);
    expect(visibleApiRoots([], { kind: 'local', userId: 'u', canRead: false, canWrite: false })).toEqual(['api']);
    expect(['partners', 'eu-2026', 'a'].every((n) => API_ROOT_NAME.test(n))).toBe(true);
    expect(['', 'Partners', '-x', 'a/b', 'x'.repeat(64)].some((n) => API_ROOT_NAME.test(n))).toBe(false);
  });
});
