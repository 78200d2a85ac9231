// API token scopes and lifetimes: what each scope allows, and that a token never mints a wider or
// longer-lived one.
import { describe, expect, it } from 'vitest';
import { decideTokenLifetime, scopeAllows, scopeWithin } from './token-scope.js';

const DAY = 86_400_000;
const now = new Date('2026-03-02T00:00:00Z');
const rule = { defaultDays: 90, maxDays: 365 };

describe('token scopes', () => {
  it('read_only reads anywhere, taxii_only stays on TAXII, full does all', () => {
    expect(scopeAllows('read_only', 'api', 'GET')).toBe(true);
    expect(scopeAllows('read_only', 'taxii', 'HEAD')).toBe(true);
    expect(scopeAllows('read_only', 'api', 'POST')).toBe(false);
    expect(scopeAllows('read_only', 'taxii', 'POST')).toBe(false);
    expect(scopeAllows('taxii_only', 'api', 'GET')).toBe(false);
    expect(scopeAllows('taxii_only', 'taxii', 'POST')).toBe(true);
    expect(scopeAllows('full', 'api', 'DELETE')).toBe(true);
  });

  it('a child scope is within its parent only when equal or under full', () => {
    expect(scopeWithin('read_only', 'full')).toBe(true);
    expect(scopeWithin('full', 'read_only')).toBe(false);
    expect(scopeWithin('taxii_only', 'read_only')).toBe(false);
    expect(scopeWithin('read_only', 'read_only')).toBe(true);
  });
});

describe('token lifetimes', () => {
  it('defaults, caps, and keeps a child within its parent', () => {
    expect(decideTokenLifetime(now, undefined, rule, null)).toEqual({
      ok: true,
      expiresAt: new Date(now.getTime() + 90 * DAY).toISOString(),
    });
    expect(decideTokenLifetime(now, 366, rule, null)).toMatchObject({
      ok: false,
      code: 'AUTH_TOKEN_LIFETIME_TOO_LONG',
    });
    const parent = new Date(now.getTime() + 10 * DAY).toISOString();
    expect(decideTokenLifetime(now, 11, rule, parent)).toMatchObject({ ok: false, code: 'AUTH_TOKEN_EXCEEDS_PARENT' });
    expect(decideTokenLifetime(now, undefined, rule, parent)).toEqual({ ok: true, expiresAt: parent });
    expect(decideTokenLifetime(now, 3, rule, parent)).toEqual({
      ok: true,
      expiresAt: new Date(now.getTime() + 3 * DAY).toISOString(),
    });
  });
});
