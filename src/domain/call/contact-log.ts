// Contact log of every call and answer (docs/spec.md §3.2), built from call events; "out" means the
// step was taken on this node's side, "in" that it came from the other agency.
import type { Bilingual } from '../../error-types.js';
import type { EscalationLevel } from './topics.js';
import { ESCALATION_ROLE_LABELS, escalationRole } from './topics.js';
import type { CallEvent, CallEventType } from './types.js';

export const CONTACT_LOG_KINDS = [
  'placed',
  'delivered',
  'acknowledged',
  'answered',
  'escalated',
  'note',
  'callback_attempt',
  'closed',
  'cancelled',
  'linked',
] as const;
export type ContactLogKind = (typeof CONTACT_LOG_KINDS)[number];
export type ContactDirection = 'in' | 'out';

export type ContactLogEntry = {
  callId: string;
  at: string;
  direction: ContactDirection;
  kind: ContactLogKind;
  by: string;
  /** What was said or written (message, answer, note); may be empty. */
  text: string;
  /** A one-line bilingual description of the step, for the log view. */
  label: Bilingual;
};

export const CONTACT_LOG_KIND_LABELS: Record<ContactLogKind, Bilingual> = {
  placed: { en: 'Call placed', zh: '发出呼叫' },
  delivered: { en: 'Call delivered', zh: '呼叫已送达' },
  acknowledged: { en: 'Call acknowledged', zh: '呼叫已确认' },
  answered: { en: 'Answer given', zh: '已答复' },
  escalated: { en: 'Escalated', zh: '已升级' },
  note: { en: 'Note', zh: '备注' },
  callback_attempt: { en: 'Callback attempt', zh: '尝试回电' },
  closed: { en: 'Call closed', zh: '呼叫已关闭' },
  cancelled: { en: 'Call cancelled', zh: '呼叫已撤销' },
  linked: { en: 'Linked', zh: '已关联' },
};

const KIND_OF: Record<CallEventType, ContactLogKind> = {
  'call.placed': 'placed',
  'call.delivered': 'delivered',
  'call.acknowledged': 'acknowledged',
  'call.answered': 'answered',
  'call.escalated': 'escalated',
  'call.note_added': 'note',
  'call.callback_attempted': 'callback_attempt',
  'call.closed': 'closed',
  'call.cancelled': 'cancelled',
  'call.linked_request': 'linked',
  'call.linked_case': 'linked',
};

/** Builder for entries typed by hand (e.g. a phone conversation noted afterwards). */
export function contactLogEntry(
  fields: Omit<ContactLogEntry, 'label' | 'text'> & { text?: string; label?: Bilingual },
): ContactLogEntry {
  return {
    callId: fields.callId,
    at: new Date(fields.at).toISOString(),
    direction: fields.direction,
    kind: fields.kind,
    by: fields.by,
    text: fields.text?.trim() ?? '',
    label: fields.label ?? CONTACT_LOG_KIND_LABELS[fields.kind],
  };
}

function labelOf(event: CallEvent, kind: ContactLogKind): Bilingual {
  const d = event.data;
  if (kind === 'escalated' && typeof d.level === 'number') {
    const role = ESCALATION_ROLE_LABELS[escalationRole(d.level as EscalationLevel)];
    return { en: `Escalated to ${role.en.toLowerCase()}`, zh: `已升级至${role.zh}` };
  }
  if (event.type === 'call.linked_request')
    return { en: `Linked to request ${String(d.requestId)}`, zh: `已关联请求 ${String(d.requestId)}` };
  if (event.type === 'call.linked_case')
    return { en: `Linked to case ${String(d.caseId)}`, zh: `已关联案件 ${String(d.caseId)}` };
  return CONTACT_LOG_KIND_LABELS[kind];
}

function textOf(event: CallEvent): string {
  const d = event.data;
  for (const key of ['message', 'answer', 'text', 'reason'] as const) {
    if (typeof d[key] === 'string') return d[key];
  }
  return '';
}

/** `ownParty` is this node's party id; the same event reads "out" on one node and "in" on the other. */
export function contactLogFromEvent(event: CallEvent, ownParty: string): ContactLogEntry {
  const kind = KIND_OF[event.type];
  return contactLogEntry({
    callId: event.data.callId,
    at: event.at,
    direction: event.data.originParty === ownParty ? 'out' : 'in',
    kind,
    by: event.data.by,
    text: textOf(event),
    label: labelOf(event, kind),
  });
}

export function contactLogFromEvents(events: readonly CallEvent[], ownParty: string): ContactLogEntry[] {
  return sortContactLog(events.map((e) => contactLogFromEvent(e, ownParty)));
}

/** Chronological, stable for entries at the same instant. */
export function sortContactLog(entries: readonly ContactLogEntry[]): ContactLogEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at));
}
