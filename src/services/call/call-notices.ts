// Bilingual texts of the notifications the hotline sends (new incoming call, escalation), naming
// the call's reference and topic so the reader knows what it is about without opening it.
import type { Bilingual } from '../../error-types.js';
import type { CallRecord } from '../../domain/call/index.js';
import { CALL_TOPIC_LABELS, CALL_URGENCY_LABELS, ESCALATION_ROLE_LABELS, escalationRole } from '../../domain/call/index.js';
import type { Role } from '../../domain/shared/roles.js';
import type { NotifyInput } from '../notification/notify.js';

/** Which user role hears about each rung: the deputy rung goes to the duty desk, the top to supervisors. */
export const ESCALATION_RECIPIENT: Readonly<Record<1 | 2, Role>> = { 1: 'point_of_contact', 2: 'supervisor' };

const severityOf = (call: CallRecord): NotifyInput['severity'] =>
  call.urgency === 'emergency' ? 'critical' : call.urgency === 'urgent' ? 'warning' : 'info';

export function incomingCallNotice(call: CallRecord): NotifyInput {
  const topic = CALL_TOPIC_LABELS[call.topic];
  const urgency = CALL_URGENCY_LABELS[call.urgency];
  const title: Bilingual = {
    en: `Incoming ${urgency.en.toLowerCase()} call ${call.reference} from ${call.fromParty}`,
    zh: `收到 ${call.fromParty} 的${urgency.zh}呼叫 ${call.reference}`,
  };
  const body: Bilingual = {
    en: `${topic.en}. Acknowledge by ${call.ackDueAt}.`,
    zh: `${topic.zh}。请于 ${call.ackDueAt} 前确认。`,
  };
  return { to: { role: 'point_of_contact' }, kind: 'call.incoming', subjectType: 'call', subjectId: call.id, title, body, severity: severityOf(call) };
}

export function escalationNotice(call: CallRecord, level: 1 | 2): NotifyInput {
  const topic = CALL_TOPIC_LABELS[call.topic];
  const rung = ESCALATION_ROLE_LABELS[escalationRole(level)];
  const title: Bilingual = {
    en: `Call ${call.reference} not acknowledged: escalated to ${rung.en.toLowerCase()}`,
    zh: `呼叫 ${call.reference} 未获确认，已升级至${rung.zh}`,
  };
  const body: Bilingual = {
    en: `${topic.en} from ${call.fromParty}. Acknowledgement was due at ${call.ackDueAt}; please acknowledge now.`,
    zh: `${call.fromParty} 呼叫，主题：${topic.zh}。确认时限为 ${call.ackDueAt}，请立即确认。`,
  };
  return {
    to: { role: ESCALATION_RECIPIENT[level] }, kind: 'call.escalated', subjectType: 'call', subjectId: call.id, title, body,
    severity: level === 2 || call.urgency === 'emergency' ? 'critical' : 'warning',
  };
}
