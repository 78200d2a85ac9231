// Turns the parties and sharing groups a person chose into the recipients of one send, inside the
// sender's transaction (docs/federation.md §19): groups expand to their current active peer members,
// duplicates go, an unknown group or an empty result is refused (4xx), and the expansion is returned
// for the audit entry of the send.
import { expandRecipients, type GroupExpansion } from '../../domain/sharing-group/index.js';
import { AppError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import { listPeers } from '../../storage/repositories/peer.repository.js';
import { listSharingGroups } from '../../storage/repositories/sharing-group.repository.js';

export type RecipientChoice = { parties?: readonly string[]; groups?: readonly string[]; allPeers?: boolean };

export async function resolveRecipients(
  db: Queryable,
  localParty: string,
  choice: RecipientChoice,
): Promise<GroupExpansion> {
  const peers = await listPeers(db);
  const groupIds = choice.groups ?? [];
  const groups = groupIds.length ? await listSharingGroups(db) : [];
  const parties = [
    ...(choice.parties ?? []),
    ...(choice.allPeers ? peers.filter((p) => p.status === 'active').map((p) => p.id) : []),
  ];
  const expansion = expandRecipients({
    parties,
    groupIds,
    groups,
    localParty,
    peers: peers.map((p) => ({ id: p.id, status: p.status })),
  });
  if (expansion.unknownGroups.length)
    throw new AppError('GROUP_UNKNOWN', { details: { groups: expansion.unknownGroups } });
  if (expansion.recipients.length === 0) throw new AppError('GROUP_NO_RECIPIENTS', { details: { groups: groupIds } });
  return expansion;
}
