// Use case: action items across meetings — what each party owes and by when, overdue ones on demand.
import type { ActionItemStatus } from '../../domain/dialogue/index.js';
import { requireDialogueAccess } from '../../domain/dialogue/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listActionItems as queryItems } from '../../storage/repositories/action-item.repository.js';
import type { ServiceContext } from '../context.js';
import { viewActionItem, type ActionItemView } from './dialogue-view.js';

export type ListActionItemsInput = {
  meetingId?: string;
  status?: ActionItemStatus[];
  ownerParty?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
};

export async function listActionItems(
  ctx: ServiceContext,
  actor: Actor,
  input: ListActionItemsInput,
): Promise<ActionItemView[]> {
  requireDialogueAccess(actor, 'view');
  const now = ctx.clock();
  const items = await queryItems(ctx.db, {
    party: actor.partyId,
    meetingIds: input.meetingId ? [input.meetingId] : undefined,
    status: input.status,
    ownerParty: input.ownerParty,
    overdueAt: input.overdue ? now.toISOString() : undefined,
    limit: input.limit,
    offset: input.offset,
  });
  return items.map((i) => viewActionItem(i, actor, now));
}
