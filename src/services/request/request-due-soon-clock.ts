// Fires "response deadline within N hours" (issue 19, paging) exactly once per deadline, also with
// several processes (the fired key is unique in clock_events): the request's officers and its
// supervisors are told in the app and paged. N is the node's paging setting (the administrator's,
// else `pagingDeadlineSoonHours`), read at every sweep, so a change applies at the next one.
import {
  RESPONSE_DUE_SOON,
  RESPONSE_OPEN,
  dueSoonKey,
  responseDueSoon,
  type RequestRecord,
} from '../../domain/request/index.js';
import { humanInstant } from '../../domain/shared/human-time.js';
import type { Role } from '../../domain/shared/roles.js';
import { recordClockEvent } from '../../storage/repositories/notification.repository.js';
import { dueSoonRequestIds, findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { markExerciseNotice } from '../notification/exercise-notice.js';
import { notify } from '../notification/notify.js';
import { loadEffectivePaging } from '../paging/node-paging-settings.js';
import type { ClockSource } from '../shared/clock-source.js';
import { recordChange } from '../shared/record-change.js';
import { REQUEST_SUBJECT } from './request-support.js';

/** Who is warned: the officers on the request (the role when none is left) and the supervisors. */
const WARNED: readonly Role[] = ['point_of_contact', 'supervisor'];

async function fire(ctx: ServiceContext, id: string, now: Date): Promise<string[]> {
  const hours = (await loadEffectivePaging(ctx)).deadlineSoonHours;
  return ctx.db.transaction(async (tx) => {
    const record = await findRequest(tx, id, true);
    if (!record) return [];
    const event = responseDueSoon(record, ctx.config.nodeId, hours, now);
    if (!event || !(await recordClockEvent(tx, REQUEST_SUBJECT, id, event.key, now.toISOString()))) return [];
    await recordChange(
      tx,
      {
        actor: { kind: 'system', partyId: ctx.config.nodeId },
        subjectType: REQUEST_SUBJECT,
        subjectId: id,
        events: [
          {
            type: `clock.${RESPONSE_DUE_SOON}`,
            at: now.toISOString(),
            data: { key: event.key, dueAt: event.dueAt, hours, reference: record.reference },
          },
        ],
        auditData: { reference: record.reference, status: record.status },
      },
      now,
    );
    for (const role of WARNED) {
      await notify(
        tx,
        markExerciseNotice(
          {
            ...notice(record, event.dueAt, event.hoursLeft, ctx.config.timeZone),
            to: { role },
            subjectType: REQUEST_SUBJECT,
            subjectId: id,
          },
          record.exerciseId,
        ),
        now,
      );
    }
    return [event.key];
  });
}

function notice(r: RequestRecord, dueAt: string, hoursLeft: number, timeZone: string) {
  const at = humanInstant(dueAt, timeZone);
  return {
    kind: `request.${RESPONSE_DUE_SOON}`,
    severity: 'warning' as const,
    title: {
      en: `${r.reference}: response due within ${hoursLeft} h`,
      zh: `${r.reference}：答复将在 ${hoursLeft} 小时内到期`,
    },
    body: {
      en: `Our response is due ${at.en}. Answer, or agree new deadlines with the requesting party.`,
      zh: `我方答复时限为 ${at.zh}。请及时答复，或与请求方商定新的时限。`,
    },
  };
}

export const requestDueSoonClockSource: ClockSource = {
  subjectType: REQUEST_SUBJECT,
  async due(ctx, now, limit) {
    const hours = (await loadEffectivePaging(ctx)).deadlineSoonHours;
    return dueSoonRequestIds(ctx.db, {
      ownParty: ctx.config.nodeId,
      statuses: RESPONSE_OPEN,
      now: now.toISOString(),
      until: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      keyPrefix: dueSoonKey(''),
      limit,
    });
  },
  fire,
};
