// Shapes of a hotline call (docs/spec.md §3): the stored record, the actions on it and the events they emit.
import type { Bilingual } from '../../error-types.js';
import type { CallLanguage, CallTopic, CallUrgency, EscalationLevel } from './topics.js';

export const CALL_STATUSES = ['placed', 'delivered', 'acknowledged', 'answered', 'closed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_STATUS_LABELS: Record<CallStatus, Bilingual> = {
  placed: { en: 'Placed', zh: '已发出' },
  delivered: { en: 'Delivered', zh: '已送达' },
  acknowledged: { en: 'Acknowledged', zh: '已确认' },
  answered: { en: 'Answered', zh: '已答复' },
  closed: { en: 'Closed', zh: '已关闭' },
  cancelled: { en: 'Cancelled', zh: '已撤销' },
};

/** Who the receiving agency should call back; the time zone tells them when it is night there. */
export type CallCallback = {
  name: string;
  phone: string | null;
  email: string | null;
  /** IANA zone, e.g. "Asia/Shanghai". */
  timeZone: string;
};

export type CallRecord = {
  id: string;
  /** Human-readable reference, e.g. "CN-CALL-2025-0042"; issued by the service. */
  reference: string;
  fromParty: string;
  toParty: string;
  topic: CallTopic;
  urgency: CallUrgency;
  message: string;
  language: CallLanguage;
  callback: CallCallback;
  status: CallStatus;
  placedAt: string;
  placedBy: string;
  /** Acknowledgement period in force for this call (default or agreed); also the ladder step. */
  ackPeriodMs: number;
  ackDueAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answer: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** 0 = duty officer, 1 = deputy, 2 = supervisor. Persisted so each rung fires once. */
  escalationLevel: EscalationLevel;
  escalatedAt: string | null;
  linkedRequestId: string | null;
  linkedCaseId: string | null;
  /** Set when a tabletop exercise created the call (docs/spec.md §7.2): kept out of real lists and statistics. */
  exerciseId?: string | null;
  /** Incremented by every applied action; the service uses it for optimistic locking. */
  version: number;
};

export const CALL_ACTIONS = [
  'deliver',
  'acknowledge',
  'answer',
  'close',
  'cancel',
  'escalate',
  'note',
  'callback_attempt',
  'link_request',
  'link_case',
] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/**
 * Set when a peer node relays an action a person took on its side (federation mirror):
 * who did it there and when, so both copies of the call agree.
 */
export type RelayParams = { relayedBy?: string; relayedAt?: string };

type ActionParamMap = {
  deliver: object;
  acknowledge: object;
  answer: { answer: string };
  close: object;
  cancel: { reason?: string };
  /** Target rung; defaults to one above the current level. */
  escalate: { level?: EscalationLevel };
  note: { text: string };
  callback_attempt: { text?: string };
  link_request: { requestId: string };
  link_case: { caseId: string };
};

export type CallActionParams<A extends CallAction = CallAction> = ActionParamMap[A] & RelayParams;

export const CALL_EVENT_TYPES = [
  'call.placed',
  'call.delivered',
  'call.acknowledged',
  'call.answered',
  'call.closed',
  'call.cancelled',
  'call.escalated',
  'call.note_added',
  'call.callback_attempted',
  'call.linked_request',
  'call.linked_case',
] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

export type CallEventData = {
  callId: string;
  /** The party on whose side the action was taken; the contact log derives direction from it. */
  originParty: string;
  /** The person (or node label) who took the action. */
  by: string;
  [key: string]: unknown;
};

export type CallEvent = { type: CallEventType; at: string; actorLabel: string; data: CallEventData };

export type CallResult = { record: CallRecord; events: CallEvent[] };
