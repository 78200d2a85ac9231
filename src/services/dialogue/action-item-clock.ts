// Clock source for the deadline worker: warns once when an action item's due day has ended
// everywhere and it is still open. The once-only key carries the due date, so a commitment
// postponed by agreement and then missed again warns again.
import type { Bilingual } from '../../error-types.js';
import type { ActionItem } from '../../domain/dialogue/index.js';
import { evaluateActionItem } from '../../domain/dialogue/index.js';
import type { SystemActor } from '../../domain/shared/actor.js';
import {
  dueActionItemIds,
  findActionItem,
  setActionItemNextCheck,
} from '../../storage/repositories/action-item.repository.js';
import { recordClockEvent } from '../../storage/repositories/notification.repository.js';
import type { ClockSource } from '../shared/clock-source.js';
import type { ServiceContext } from '../context.js';
import { humanDate } from '../../domain/shared/human-time.js';
import { partyNames } from '../federation/list-parties.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';

function overdueNotice(item: ActionItem, ownParty: string, owner: Bilingual): { title: Bilingual; body: Bilingual } {
  const ours = item.ownerParty === ownParty;
  const due = humanDate(item.dueDate);
  return {
    title: { en: `Action item overdue: ${item.title.en}`, zh: `行动事项已逾期：${item.title.zh}` },
    body: ours
      ? {
          en: `Our commitment (${item.ownerName}) was due on ${due.en}.`,
          zh: `本方承诺事项（${item.ownerName}）应于 ${due.zh} 完成。`,
        }
      : {
          en: `${owner.en}'s commitment (${item.ownerName}) was due on ${due.en}; follow up with them.`,
          zh: `${owner.zh}的承诺事项（${item.ownerName}）应于 ${due.zh} 完成，请跟进。`,
        },
  };
}

async function fireOverdue(ctx: ServiceContext, id: string, now: Date): Promise<string[]> {
  const system: SystemActor = { kind: 'system', partyId: ctx.config.nodeId };
  return ctx.db.transaction(async (tx) => {
    const item = await findActionItem(tx, id, true);
    if (!item) return [];
    const clock = evaluateActionItem(item, now);
    if (!clock.isOverdue) {
      // Closed meanwhile, or picked up early: look again at the due instant, or never.
      await setActionItemNextCheck(tx, id, clock.isOpen ? clock.dueAt : null);
      return [];
    }
    await setActionItemNextCheck(tx, id, null);
    const key = `overdue:${item.dueDate}`;
    if (!(await recordClockEvent(tx, 'action_item', id, key, now.toISOString()))) return [];
    await recordChange(
      tx,
      {
        actor: system,
        subjectType: 'action_item',
        subjectId: id,
        auditData: { meetingId: item.meetingId },
        events: [
          {
            type: 'dialogue.action_item_overdue',
            at: clock.dueAt,
            data: { meetingId: item.meetingId, actionItemId: id, dueDate: item.dueDate, ownerParty: item.ownerParty },
          },
        ],
      },
      now,
    );
    await notify(
      tx,
      {
        to: { role: 'supervisor' },
        kind: 'dialogue.action_item_overdue',
        subjectType: 'action_item',
        subjectId: id,
        severity: 'warning',
        ...overdueNotice(item, ctx.config.nodeId, (await partyNames(ctx, tx))(item.ownerParty)),
      },
      now,
    );
    return [key];
  });
}

export const ACTION_ITEM_CLOCK: ClockSource = {
  subjectType: 'action_item',
  due: (ctx, now, limit) => dueActionItemIds(ctx.db, now.toISOString(), limit),
  fire: fireOverdue,
};
