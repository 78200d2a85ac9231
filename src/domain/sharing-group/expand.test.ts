import { describe, expect, it } from 'vitest';
import { expandRecipients } from './expand.js';
import type { SharingGroup } from './schemas.js';

const group = (id: string, members: string[]): SharingGroup => ({
  id,
  name: { en: id, zh: id },
  region: null,
  members,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});
const peers = [
  { id: 'jp', status: 'active' as const },
  { id: 'kr', status: 'active' as const },
  { id: 'sg', status: 'suspended' as const },
  { id: 'us', status: 'active' as const },
];

describe('expandRecipients', () => {
  it('expands groups to their active peer members, removing duplicates in order of first mention', () => {
    const out = expandRecipients({
      parties: ['us', 'jp'],
      groupIds: ['apac', 'fraud'],
      localParty: 'cn',
      peers,
      groups: [group('apac', ['jp', 'kr', 'sg', 'cn']), group('fraud', ['kr', 'us', 'au'])],
    });
    expect(out.recipients).toEqual(['us', 'jp', 'kr']);
    expect(out.groups).toEqual([
      {
        id: 'apac',
        members: ['jp', 'kr'],
        skipped: [
          { party: 'sg', reason: 'suspended' },
          { party: 'cn', reason: 'self' },
        ],
      },
      { id: 'fraud', members: ['kr', 'us'], skipped: [{ party: 'au', reason: 'not_a_peer' }] },
    ]);
    expect(out.unknownGroups).toEqual([]);
  });

  it('names groups that do not exist and expands a group asked for twice once', () => {
    const out = expandRecipients({
      parties: [],
      groupIds: ['apac', 'apac', 'gone'],
      localParty: 'cn',
      peers,
      groups: [group('apac', ['kr'])],
    });
    expect(out.recipients).toEqual(['kr']);
    expect(out.groups).toHaveLength(1);
    expect(out.unknownGroups).toEqual(['gone']);
  });

  it('keeps directly named parties even when they are not active peers (the send refuses them itself)', () => {
    const out = expandRecipients({ parties: ['sg', 'sg'], groupIds: [], localParty: 'cn', peers, groups: [] });
    expect(out.recipients).toEqual(['sg']);
  });
});
