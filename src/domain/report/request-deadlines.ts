// The two deadlines a request for assistance carries, read as SLA outcomes: acknowledge, and respond
// (any answer: a decline answers too, as in the request clocks). One reading for the request report,
// the period report and the web dashboard, so a deadline counts the same wherever it is shown.
import type { RequestRecord, RequestStatus } from '../request/types.js';
import { RESPONSE_OPEN } from '../request/clock-status.js';
import { deadlineOutcome, type DeadlineOutcome } from './sla.js';

/** What the outcomes need of a request: its status, when it was acknowledged and answered, and its deadlines. */
export type RequestDeadlines = {
  status: string;
  acknowledgedAt: string | null;
  fulfilledAt: string | null;
  declinedAt: string | null;
  ackDueAt: string | null;
  responseDueAt: string | null;
};

/** Statuses in which a request may still wait for its acknowledgement (an acknowledged one has its time). */
const ACK_OPEN: readonly RequestStatus[] = ['submitted', 'needs_information'];

const isIn = (list: readonly RequestStatus[], status: string): boolean => (list as readonly string[]).includes(status);

/** A stored request's deadline facts (its deadlines live with its clocks). */
export function requestDeadlines(
  r: Pick<RequestRecord, 'status' | 'acknowledgedAt' | 'fulfilledAt' | 'declinedAt' | 'clocks'>,
): RequestDeadlines {
  return {
    status: r.status,
    acknowledgedAt: r.acknowledgedAt,
    fulfilledAt: r.fulfilledAt,
    declinedAt: r.declinedAt,
    ackDueAt: r.clocks.ackDueAt,
    responseDueAt: r.clocks.responseDueAt,
  };
}

export function requestAckOutcome(r: RequestDeadlines, now: Date): DeadlineOutcome {
  return deadlineOutcome({ dueAt: r.ackDueAt, doneAt: r.acknowledgedAt, isOpen: isIn(ACK_OPEN, r.status) }, now);
}

/** A declined request was answered too (as in the request clocks): the response deadline is about any answer. */
export function requestResponseOutcome(r: RequestDeadlines, now: Date): DeadlineOutcome {
  return deadlineOutcome(
    { dueAt: r.responseDueAt, doneAt: r.fulfilledAt ?? r.declinedAt, isOpen: isIn(RESPONSE_OPEN, r.status) },
    now,
  );
}
