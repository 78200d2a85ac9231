// Expanding chosen parties and sharing groups into the recipients of one send (docs/federation.md
// §19): groups resolve to their *current active* peer members, this node never sends to itself,
// and a party named twice (directly and through a group, or by two groups) is sent to once.
// Pure: callers pass the groups and peers they loaded; the result says where each recipient came from,
// for the audit entry.
import type { SharingGroup } from './schemas.js';

export type PeerState = { id: string; status: 'active' | 'suspended' };

export type GroupExpansion = {
  /** The recipients in order of first mention, no duplicates. */
  recipients: string[];
  /** Per group: who it contributed and which members it skipped, and why. */
  groups: {
    id: string;
    members: string[];
    skipped: { party: string; reason: 'not_a_peer' | 'suspended' | 'self' }[];
  }[];
  /** Group ids asked for that do not exist. */
  unknownGroups: string[];
};

export function expandRecipients(input: {
  parties: readonly string[];
  groupIds: readonly string[];
  groups: readonly SharingGroup[];
  peers: readonly PeerState[];
  localParty: string;
}): GroupExpansion {
  const byId = new Map(input.groups.map((g) => [g.id, g]));
  const peers = new Map(input.peers.map((p) => [p.id, p.status]));
  const seen = new Set<string>();
  const recipients: string[] = [];
  const add = (party: string): void => {
    if (seen.has(party)) return;
    seen.add(party);
    recipients.push(party);
  };
  // Parties named one by one are kept as given: the send itself refuses one that is not an active peer.
  for (const p of input.parties) add(p);
  const groups: GroupExpansion['groups'] = [];
  const unknownGroups: string[] = [];
  for (const id of new Set(input.groupIds)) {
    const group = byId.get(id);
    if (!group) {
      unknownGroups.push(id);
      continue;
    }
    const members: string[] = [];
    const skipped: GroupExpansion['groups'][number]['skipped'] = [];
    for (const party of group.members) {
      const status = peers.get(party);
      if (party === input.localParty) skipped.push({ party, reason: 'self' });
      else if (status === undefined) skipped.push({ party, reason: 'not_a_peer' });
      else if (status !== 'active') skipped.push({ party, reason: 'suspended' });
      else {
        members.push(party);
        add(party);
      }
    }
    groups.push({ id, members, skipped });
  }
  return { recipients, groups, unknownGroups };
}
