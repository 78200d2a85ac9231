import { describe, expect, it } from 'vitest';
import { classifyPeerHealth, countPeerHealth, healthRank, STALE_QUEUE_MS, UNREACHABLE_AFTER } from './peer-health.js';
import { matchesPeerQuery } from './peer-search.js';
import { groupByRegion, regionCountries, regionOf, REGIONS } from './regions.js';

describe('regionOf', () => {
  it('places countries of each region, case-insensitively, and unknown codes in "other"', () => {
    expect(regionOf('CN')).toBe('asia_pacific');
    expect(regionOf('au')).toBe('asia_pacific');
    expect(regionOf('FR')).toBe('europe');
    expect(regionOf('TR')).toBe('europe');
    expect(regionOf('BR')).toBe('americas');
    expect(regionOf('US')).toBe('americas');
    expect(regionOf('NG')).toBe('africa');
    expect(regionOf('EG')).toBe('africa');
    expect(regionOf('AE')).toBe('middle_east');
    expect(regionOf('XX')).toBe('other');
    expect(regionOf('')).toBe('other');
  });
  it('lists each country once, as a two-letter code', () => {
    const all = REGIONS.flatMap(regionCountries);
    expect(all.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(190);
  });
  it('groups items by region in display order, keeping their order inside a region', () => {
    const items = [
      { id: 'us', c: 'US' },
      { id: 'jp', c: 'JP' },
      { id: 'ca', c: 'CA' },
      { id: 'zz', c: 'XX' },
      { id: 'fr', c: 'FR' },
    ];
    expect(groupByRegion(items, (i) => i.c).map((g) => [g.region, g.items.map((i) => i.id)])).toEqual([
      ['asia_pacific', ['jp']],
      ['europe', ['fr']],
      ['americas', ['us', 'ca']],
      ['other', ['zz']],
    ]);
  });
});

describe('classifyPeerHealth', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const base = { status: 'active', consecutiveFailures: 0, oldestUndeliveredAt: null };
  it('reads suspension, repeated failures, a failure or a stale queue, else healthy', () => {
    expect(classifyPeerHealth({ ...base, status: 'suspended', consecutiveFailures: 9 }, now)).toBe('suspended');
    expect(classifyPeerHealth({ ...base, consecutiveFailures: UNREACHABLE_AFTER }, now)).toBe('unreachable');
    expect(classifyPeerHealth({ ...base, consecutiveFailures: UNREACHABLE_AFTER - 1 }, now)).toBe('degraded');
    const stale = new Date(now.getTime() - STALE_QUEUE_MS - 1000).toISOString();
    const fresh = new Date(now.getTime() - 1000).toISOString();
    expect(classifyPeerHealth({ ...base, oldestUndeliveredAt: stale }, now)).toBe('degraded');
    expect(classifyPeerHealth({ ...base, oldestUndeliveredAt: fresh }, now)).toBe('healthy');
    expect(classifyPeerHealth(base, now)).toBe('healthy');
  });
  it('counts every class and ranks the unhealthy first', () => {
    expect(countPeerHealth(['healthy', 'unreachable', 'healthy'])).toEqual({
      unreachable: 1,
      degraded: 0,
      suspended: 0,
      healthy: 2,
    });
    const sorted = (['healthy', 'suspended', 'unreachable', 'degraded'] as const)
      .slice()
      .sort((a, b) => healthRank(a) - healthRank(b));
    expect(sorted).toEqual(['unreachable', 'degraded', 'suspended', 'healthy']);
  });
});

describe('matchesPeerQuery', () => {
  const peer = { id: 'fr-ocl', name: { en: 'French Cybercrime Office', zh: '法国网络犯罪办公室' }, country: 'FR' };
  it('matches the name in either language, the id, the country code or a given country name', () => {
    expect(matchesPeerQuery(peer, 'cybercrime')).toBe(true);
    expect(matchesPeerQuery(peer, '法国')).toBe(true);
    expect(matchesPeerQuery(peer, 'FR-OCL')).toBe(true);
    expect(matchesPeerQuery(peer, 'fr')).toBe(true);
    expect(matchesPeerQuery(peer, 'france')).toBe(false);
    expect(matchesPeerQuery(peer, 'France', ['France'])).toBe(true);
    expect(matchesPeerQuery(peer, '  ')).toBe(true);
  });
  it('needs every word typed, and folds full-width letters', () => {
    expect(matchesPeerQuery(peer, 'french office')).toBe(true);
    expect(matchesPeerQuery(peer, 'french police')).toBe(false);
    expect(matchesPeerQuery(peer, 'ＦＲＥＮＣＨ')).toBe(true);
  });
});
