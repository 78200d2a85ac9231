// What changed between two directory versions, member by member.
import { describe, expect, it } from 'vitest';
import { diffDirectories } from './diff.js';
import type { DirectoryDocument, DirectoryMember } from './document.js';

const fp = (c: string) => c.repeat(52);
const m = (party: string, fingerprint: string, over: Partial<DirectoryMember> = {}): DirectoryMember => ({
  party,
  name: { en: party, zh: party },
  country: 'CN',
  endpoint: `https://${party}.example.org`,
  fingerprint,
  roles: [],
  ...over,
});
const doc = (members: DirectoryMember[], over: Partial<DirectoryDocument> = {}): DirectoryDocument => ({
  v: 1,
  federation: 'net',
  version: 1,
  issuedAt: '2026-01-01T00:00:00.000Z',
  previous: null,
  founders: [{ party: 'aa', fingerprint: fp('a') }],
  threshold: 1,
  members,
  ...over,
});

describe('directory diff', () => {
  it('lists every member as added when there is no previous version', () => {
    expect(diffDirectories(null, doc([m('aa', fp('a')), m('bb', fp('b'))]))).toEqual({
      added: ['aa', 'bb'],
      rotated: [],
      removed: [],
      updated: [],
      foundersChanged: false,
    });
  });

  it('tells added, rotated, removed, updated members and a founder change apart', () => {
    const before = doc([m('aa', fp('a')), m('bb', fp('b')), m('cc', fp('c')), m('dd', fp('d'))]);
    const after = doc(
      [m('aa', fp('a')), m('bb', fp('e')), m('dd', fp('d'), { roles: ['secretariat'] }), m('ff', fp('f'))],
      {
        threshold: 1,
        founders: [
          { party: 'aa', fingerprint: fp('a') },
          { party: 'dd', fingerprint: fp('d') },
        ],
      },
    );
    expect(diffDirectories(before, after)).toEqual({
      added: ['ff'],
      rotated: [{ party: 'bb', from: fp('b'), to: fp('e') }],
      removed: ['cc'],
      updated: ['dd'],
      foundersChanged: true,
    });
    expect(diffDirectories(before, before)).toEqual({
      added: [],
      rotated: [],
      removed: [],
      updated: [],
      foundersChanged: false,
    });
  });
});
