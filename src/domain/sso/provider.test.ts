// Rules of single sign-on: issuers, role mapping, user names from claims, who signs in.
import { describe, expect, it } from 'vitest';
import {
  claimAt,
  decideSsoLogin,
  issuerAllowed,
  mapRoles,
  normalizeScopes,
  refusalCodeOf,
  usernameFromClaims,
  type SsoLoginFacts,
} from './provider.js';

describe('issuerAllowed', () => {
  it('takes https anywhere and plain http only on this machine', () => {
    expect(issuerAllowed('https://sso.police.example/realms/cyber')).toBe(true);
    expect(issuerAllowed('http://127.0.0.1:8080')).toBe(true);
    expect(issuerAllowed('http://localhost:8080/realms/x')).toBe(true);
    expect(issuerAllowed('http://sso.police.example')).toBe(false);
    expect(issuerAllowed('https://sso.police.example/?x=1')).toBe(false);
    expect(issuerAllowed('https://user:pw@sso.police.example')).toBe(false);
    expect(issuerAllowed('ftp://sso.police.example')).toBe(false);
    expect(issuerAllowed('not a url')).toBe(false);
  });
});

describe('mapRoles', () => {
  const mappings = [
    { claim: 'groups', value: 'cyber-duty', role: 'point_of_contact' as const },
    { claim: 'groups', value: 'cyber-analysts', role: 'analyst' as const },
    { claim: 'realm_access.roles', value: 'crossline-admin', role: 'admin' as const },
    { claim: 'dept', value: 'supervision', role: 'supervisor' as const },
  ];
  it('grants each role whose claim holds the value, list or string, nested by dotted path', () => {
    expect(mapRoles({ groups: ['cyber-duty', 'other'] }, mappings)).toEqual(['point_of_contact']);
    expect(mapRoles({ groups: 'cyber-analysts', dept: 'supervision' }, mappings)).toEqual(['analyst', 'supervisor']);
    expect(mapRoles({ realm_access: { roles: ['crossline-admin'] } }, mappings)).toEqual(['admin']);
    expect(mapRoles({ groups: ['cyber-duty', 'cyber-duty'], 'realm_access.roles': ['x'] }, mappings)).toEqual([
      'point_of_contact',
    ]);
  });
  it('grants nothing for absent, differently cased or non-text claims', () => {
    expect(mapRoles({}, mappings)).toEqual([]);
    expect(mapRoles({ groups: ['Cyber-Duty'] }, mappings)).toEqual([]);
    expect(mapRoles({ groups: { 'cyber-duty': true } }, mappings)).toEqual([]);
  });
  it('reads a claim whose name contains dots as it is first', () => {
    expect(claimAt({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
  });
});

describe('usernameFromClaims', () => {
  it('lower-cases and keeps the domain of e-mail-like names apart', () => {
    expect(usernameFromClaims({ preferred_username: 'Li.Wei' }, 'preferred_username')).toBe('li.wei');
    expect(usernameFromClaims({ upn: 'li.wei@police.example' }, 'upn')).toBe('li.wei.at.police.example');
    expect(usernameFromClaims({ sam: 'AGENCY\\liwei' }, 'sam')).toBe('agency.liwei');
  });
  it('gives null for a missing, empty or unusable value', () => {
    expect(usernameFromClaims({}, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ preferred_username: 'x' }, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ preferred_username: '李伟' }, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ preferred_username: 42 }, 'preferred_username')).toBeNull();
  });
});

describe('decideSsoLogin', () => {
  const base: SsoLoginFacts = {
    linked: null,
    sameName: null,
    mappedRoles: ['analyst'],
    hasMappings: true,
    autoCreate: true,
  };
  it('creates an unknown user only with auto-create and a mapped role', () => {
    expect(decideSsoLogin(base)).toEqual({ kind: 'create', roles: ['analyst'] });
    expect(decideSsoLogin({ ...base, autoCreate: false })).toEqual({ kind: 'refuse', code: 'SSO_UNKNOWN_USER' });
    expect(decideSsoLogin({ ...base, mappedRoles: [] })).toEqual({ kind: 'refuse', code: 'SSO_NO_ROLE' });
    expect(decideSsoLogin({ ...base, hasMappings: false, mappedRoles: [] })).toEqual({
      kind: 'refuse',
      code: 'SSO_NO_ROLE',
    });
  });
  it('signs a linked user in with the mapped roles, or keeps local roles without mappings', () => {
    const linked = { disabled: false, roles: ['investigator' as const] };
    expect(decideSsoLogin({ ...base, linked })).toEqual({ kind: 'sign_in', link: false, roles: ['analyst'] });
    expect(decideSsoLogin({ ...base, linked, hasMappings: false, mappedRoles: [] })).toEqual({
      kind: 'sign_in',
      link: false,
      roles: null,
    });
    expect(decideSsoLogin({ ...base, linked: { ...linked, disabled: true } })).toEqual({
      kind: 'refuse',
      code: 'SSO_ACCOUNT_DISABLED',
    });
    // Out of every mapped group: refused even when linked.
    expect(decideSsoLogin({ ...base, linked, mappedRoles: [] })).toEqual({ kind: 'refuse', code: 'SSO_NO_ROLE' });
  });
  it('links a local account of the same name, never an administrator’s or one linked elsewhere', () => {
    const sameName = { disabled: false, roles: ['investigator' as const], linkedToProvider: false };
    expect(decideSsoLogin({ ...base, sameName, autoCreate: false })).toEqual({
      kind: 'sign_in',
      link: true,
      roles: ['analyst'],
    });
    expect(decideSsoLogin({ ...base, sameName: { ...sameName, roles: ['admin'] } })).toEqual({
      kind: 'refuse',
      code: 'SSO_ACCOUNT_LINKED_ELSEWHERE',
    });
    expect(decideSsoLogin({ ...base, sameName: { ...sameName, linkedToProvider: true } })).toEqual({
      kind: 'refuse',
      code: 'SSO_ACCOUNT_LINKED_ELSEWHERE',
    });
    expect(decideSsoLogin({ ...base, sameName: { ...sameName, disabled: true } })).toEqual({
      kind: 'refuse',
      code: 'SSO_ACCOUNT_DISABLED',
    });
  });
});

describe('scopes and refusal codes', () => {
  it('always asks for openid, first and once', () => {
    expect(normalizeScopes(['profile', 'openid', 'email', 'profile'])).toEqual(['openid', 'profile', 'email']);
    expect(normalizeScopes([])).toEqual(['openid']);
  });
  it('turns any code it does not know into SSO_IDP_ERROR', () => {
    expect(refusalCodeOf('SSO_UNKNOWN_USER')).toBe('SSO_UNKNOWN_USER');
    expect(refusalCodeOf('INTERNAL')).toBe('SSO_IDP_ERROR');
    expect(refusalCodeOf('<script>')).toBe('SSO_IDP_ERROR');
  });
});
