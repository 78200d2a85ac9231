// Bilingual texts of the notifications the hotline sends (new incoming call, escalation), naming
// the call's reference, topic and calling agency (by name) so the reader knows what it is about
// without opening it; deadlines are written in the node's time zone, never as raw instants.
import type { Bilingual } from '../../error-types.js';
import { humanInstant } from '../../domain/shared/human-time.js';
import type { CallRecord } from '../../domain/call/index.js';
import {
  CALL_TOPIC_LABELS,
  CALL_URGENCY_LABELS,
  ESCALATION_ROLE_LABELS,
  escalationRole,
} from '../../domain/call/index.js';
import type { Role } from '../../domain/shared/roles.js';
import type { NotifyInput } from '../notification/notify.js';

/** Which user role hears about each rung: the deputy rung goes to the duty desk, the top to supervisors. */
export const ESCALATION_RECIPIENT: Readonly<Record<1 | 2, Role>> = { 1: 'point_of_contact', 2: 'supervisor' };

const severityOf = (call: CallRecord): NotifyInput['severity'] =>
  call.urgency === 'emergency' ? 'critical' : call.urgency === 'urgent' ? 'warning' : 'info';

/** How a notice names things: the calling agency by name, times in the node's zone. */
export type NoticeWords = { caller: Bilingual; timeZone: string };

export function incomingCallNotice(call: CallRecord, words: NoticeWords): NotifyInput {
  const topic = CALL_TOPIC_LABELS[call.topic];
  const urgency = CALL_URGENCY_LABELS[call.urgency];
  const due = humanInstant(call.ackDueAt, words.timeZone);
  const title: Bilingual = {
    en: `Incoming ${urgency.en.toLowerCase()} call ${call.reference} from ${words.caller.en}`,
    zh: `收到${words.caller.zh}的${urgency.zh}呼叫 ${call.reference}`,
  };
  const body: Bilingual = {
    en: `${topic.en}. Acknowledge by ${due.en}.`,
    zh: `${topic.zh}。请于 ${due.zh} 前确认。`,
  };
  return {
    to: { role: 'point_of_contact' },
    kind: 'call.incoming',
    subjectType: 'call',
    subjectId: call.id,
    title,
    body,
    severity: severityOf(call),
  };
}

export function escalationNotice(call: CallRecord, level: 1 | 2, words: NoticeWords): NotifyInput {
  const topic = CALL_TOPIC_LABELS[call.topic];
  const rung = ESCALATION_ROLE_LABELS[escalationRole(level)];
  const due = humanInstant(call.ackDueAt, words.timeZone);
  const title: Bilingual = {
    en: `Call ${call.reference} not acknowledged: escalated to ${rung.en.toLowerCase()}`,
    zh: `呼叫 ${call.reference} 未获确认，已升级至${rung.zh}`,
  };
  const body: Bilingual = {
    en: `${topic.en} from ${words.caller.en}. Acknowledgement was due at ${due.en}; please acknowledge now.`,
    zh: `${words.caller.zh}呼叫，主题：${topic.zh}。确认时限为 ${due.zh}，请立即确认。`,
  };
  return {
    to: { role: ESCALATION_RECIPIENT[level] },
    kind: 'call.escalated',
    subjectType: 'call',
    subjectId: call.id,
    title,
    body,
    severity: level === 2 || call.urgency === 'emergency' ? 'critical' : 'warning',
  };
}
