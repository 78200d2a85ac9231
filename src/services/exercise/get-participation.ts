// Use case: a participant's view of an exercise another node directs: its briefing, the injects
// announced and received, and links to the injected calls and requests on this node.
import { AppError } from '../../errors.js';
import type { ParticipantExercise } from '../../domain/exercise/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listCalls } from '../../storage/repositories/call.repository.js';
import { findParticipation } from '../../storage/repositories/exercise.repository.js';
import { listRequests } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { requireExercisePermission } from './exercise-access.js';

export type InjectedRecord = { kind: 'call' | 'request'; id: string; reference: string; status: string; at: string };
export type ParticipationView = ParticipantExercise & { records: InjectedRecord[] };

export async function getParticipation(ctx: ServiceContext, actor: Actor, id: string): Promise<ParticipationView> {
  requireExercisePermission(actor, 'exercise:read');
  const p = await findParticipation(ctx.db, id);
  if (!p) throw new AppError('EXERCISE_NOT_FOUND', { details: { id } });
  const calls = await listCalls(ctx.db, { exercise: id, limit: 500, offset: 0 });
  const requests = await listRequests(ctx.db, {
    exercise: id,
    ownParty: ctx.config.nodeId,
    excludeDraftsOfOthers: true,
    limit: 500,
    offset: 0,
  });
  const records: InjectedRecord[] = [
    ...calls.map((c) => ({
      kind: 'call' as const,
      id: c.id,
      reference: c.reference,
      status: c.status,
      at: c.placedAt,
    })),
    ...requests.map((r) => ({
      kind: 'request' as const,
      id: r.id,
      reference: r.reference,
      status: r.status,
      at: r.submittedAt ?? r.createdAt,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { ...p, records };
}
