// Turns scenario input into stored injects: validated by the domain rules against this node's
// active peers, each inject given a stable id (kept when the editor sends it back).
import { validationError } from '../../errors.js';
import { validateScenario, type Inject, type TScenarioInput } from '../../domain/exercise/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { listPeers } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';

export async function checkedInjects(
  db: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  input: TScenarioInput,
  now: Date,
): Promise<Inject[]> {
  const peers = (await listPeers(db)).filter((p) => p.status === 'active').map((p) => p.id);
  const issues = validateScenario(input, { ownParty: ctx.config.nodeId, peers, author: actor, now });
  if (issues.length) throw validationError(issues, 'EXERCISE_VALIDATION_FAILED');
  const seen = new Set<string>();
  return input.injects.map((i) => {
    const id = i.id && !seen.has(i.id) ? i.id : newId();
    seen.add(id);
    return { ...i, id } as Inject;
  });
}
