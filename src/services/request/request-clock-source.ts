// Fires request deadlines (ack/response overdue, escalation, preservation reminder and lapse)
// exactly once each, from the stored clocks; notifies the people who must act.
import type { Bilingual } from '../../error-types.js';
import {
  clockEventToRequestEvent,
  dueClockEvents,
  type ClockEvent,
  type RequestRecord,
} from '../../domain/request/index.js';
import type { Role } from '../../domain/shared/roles.js';
import { firedClockEvents, recordClockEvent } from '../../storage/repositories/notification.repository.js';
import { dueRequestIds, findRequest, setRequestNextCheck } from '../../storage/repositories/request.repository.js';
import type { ClockSource } from '../shared/clock-source.js';
import { humanInstant } from '../../domain/shared/human-time.js';
import { partyNames, type PartyNames } from '../federation/list-parties.js';
import { markExerciseNotice } from '../notification/exercise-notice.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';
import { REQUEST_SUBJECT, requestClockPolicy, requestTimes } from './request-support.js';

export const requestClockSource: ClockSource = {
  subjectType: REQUEST_SUBJECT,
  due: (ctx, now, limit) => dueRequestIds(ctx.db, now.toISOString(), limit),
  fire: (ctx, id, now) =>
    ctx.db.transaction(async (tx) => {
      const record = await findRequest(tx, id, true);
      if (!record) return [];
      const fired = await firedClockEvents(tx, REQUEST_SUBJECT, id);
      const due = dueClockEvents(record, now, fired, { clockPolicy: requestClockPolicy(ctx) });
      const done: string[] = [];
      const system = { kind: 'system', partyId: ctx.config.nodeId } as const;
      let names: PartyNames | undefined; // read once, and only when an event fires
      for (const event of due) {
        if (!(await recordClockEvent(tx, REQUEST_SUBJECT, id, event.key, now.toISOString()))) continue;
        const domainEvent = clockEventToRequestEvent(record, event, ctx.config.nodeId, now);
        await recordChange(
          tx,
          {
            actor: system,
            subjectType: REQUEST_SUBJECT,
            subjectId: id,
            events: [{ type: domainEvent.type.replace(/^request\./, ''), at: domainEvent.at, data: domainEvent.data }],
            auditData: { reference: record.reference, status: record.status },
          },
          now,
        );
        const message = notificationFor(record, event, ctx.config.nodeId, {
          names: (names ??= await partyNames(ctx, tx)),
          timeZone: ctx.config.timeZone,
        });
        if (message)
          await notify(
            tx,
            markExerciseNotice({ ...message, subjectType: REQUEST_SUBJECT, subjectId: id }, record.exerciseId),
            now,
          );
        done.push(event.key);
      }
      await setRequestNextCheck(tx, id, requestTimes(ctx, record, now).nextCheckAt);
      return done;
    }),
};

type Message = {
  to: { role: Role };
  kind: string;
  title: Bilingual;
  body: Bilingual;
  severity: 'info' | 'warning' | 'critical';
};

/** How a notice names things: parties by name, deadlines in the node's time zone. */
type NoticeWords = { names: PartyNames; timeZone: string };

/** Who is told: the side that owes the step is alerted; escalations reach supervisors. */
function notificationFor(r: RequestRecord, e: ClockEvent, ownParty: string, words: NoticeWords): Message | null {
  const ref = r.reference;
  const weOwe =
    e.kind === 'renewal_reminder' || e.kind === 'preservation_lapsed'
      ? r.requestingParty === ownParty
      : r.requestedParty === ownParty;
  const other = words.names(ownParty === r.requestingParty ? r.requestedParty : r.requestingParty);
  const who: Bilingual = weOwe
    ? { en: 'our side', zh: '我方' }
    : { en: `the other party (${other.en})`, zh: `对方（${other.zh}）` };
  const dueAt = humanInstant(e.dueAt, words.timeZone);
  switch (e.kind) {
    case 'ack_overdue':
      return {
        to: { role: 'point_of_contact' },
        kind: 'request.ack_overdue',
        severity: 'warning',
        title: { en: `${ref}: acknowledgement overdue`, zh: `${ref}：确认已逾期` },
        body: {
          en: `The acknowledgement was due ${dueAt.en}; it is owed by ${who.en}.`,
          zh: `确认时限为 ${dueAt.zh}，应由${who.zh}完成。`,
        },
      };
    case 'response_overdue':
      return {
        to: { role: 'point_of_contact' },
        kind: 'request.response_overdue',
        severity: 'warning',
        title: { en: `${ref}: response overdue`, zh: `${ref}：答复已逾期` },
        body: {
          en: `The response was due ${dueAt.en}; it is owed by ${who.en}.`,
          zh: `答复时限为 ${dueAt.zh}，应由${who.zh}完成。`,
        },
      };
    case 'escalated':
      return {
        to: { role: 'supervisor' },
        kind: `request.escalated.${e.level ?? 1}`,
        severity: 'critical',
        title: { en: `${ref}: escalated to level ${e.level ?? 1}`, zh: `${ref}：已升级至第 ${e.level ?? 1} 级` },
        body: {
          en: `The ${e.clock === 'ack' ? 'acknowledgement ' : e.clock === 'response' ? 'response ' : ''}deadline of ${dueAt.en} has passed without action by ${who.en}.`,
          zh: `${dueAt.zh} 的时限已过，${who.zh}尚未处理。`,
        },
      };
    case 'renewal_reminder':
      return {
        to: { role: 'investigator' },
        kind: 'request.renewal_reminder',
        severity: 'info',
        title: { en: `${ref}: preservation expires soon`, zh: `${ref}：保全即将到期` },
        body: {
          en: `The preservation expires ${dueAt.en}; renew it or follow up with a disclosure request.`,
          zh: `保全将于 ${dueAt.zh} 到期，请续展或提出调取请求。`,
        },
      };
    case 'preservation_lapsed':
      return {
        to: { role: 'supervisor' },
        kind: 'request.preservation_lapsed',
        severity: 'critical',
        title: { en: `${ref}: preservation lapsed`, zh: `${ref}：保全已失效` },
        body: { en: `The preservation expired ${dueAt.en}.`, zh: `保全已于 ${dueAt.zh} 到期。` },
      };
    default:
      return null;
  }
}
