// Turns scenario input into stored participants and injects: sharing groups expanded to their active
// peer members at save time (docs/federation.md §19), then validated by the domain rules against this
// node's active peers, each inject given a stable id (kept when the editor sends it back).
import { validationError } from '../../errors.js';
import { validateScenario, type Inject, type TScenarioInput } from '../../domain/exercise/index.js';
import type { GroupExpansion } from '../../domain/sharing-group/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { listPeers } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';

export type CheckedScenario = {
  participants: string[];
  injects: Inject[];
  /** What each chosen group contributed or skipped, for the audit entry; null when none was chosen. */
  groupExpansion: GroupExpansion['groups'] | null;
};

export async function checkedScenario(
  db: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  input: TScenarioInput,
  now: Date,
): Promise<CheckedScenario> {
  const expansion = input.groups?.length
    ? await resolveRecipients(db, ctx.config.nodeId, { parties: input.participants, groups: input.groups })
    : null;
  // Parties named one by one keep their places (and their issues' paths); group members follow.
  const participants = expansion
    ? [...input.participants, ...expansion.recipients.filter((p) => !input.participants.includes(p))]
    : input.participants;
  const peers = (await listPeers(db)).filter((p) => p.status === 'active').map((p) => p.id);
  const issues = validateScenario(
    { ...input, participants },
    { ownParty: ctx.config.nodeId, peers, author: actor, now },
  );
  if (issues.length) throw validationError(issues, 'EXERCISE_VALIDATION_FAILED');
  const seen = new Set<string>();
  const injects = input.injects.map((i) => {
    const id = i.id && !seen.has(i.id) ? i.id : newId();
    seen.add(id);
    return { ...i, id } as Inject;
  });
  return { participants, injects, groupExpansion: expansion?.groups ?? null };
}
