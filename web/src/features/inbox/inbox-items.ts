// The inbox as one list: incoming requests and hotline calls that need this node, ordered by
// urgency, then by time left (overdue items have negative time left and so come first).
import type { CallView, RequestView } from '../../api/types';
import { RESPONSE_OPEN } from '../../../../src/domain/request/clock-status';

export type InboxItem =
  | {
      kind: 'call';
      id: string;
      urgency: string;
      dueAt: string | null;
      overdue: boolean;
      periodMs: number;
      call: CallView;
    }
  | {
      kind: 'request';
      id: string;
      urgency: string;
      dueAt: string | null;
      overdue: boolean;
      periodMs: number;
      request: RequestView;
    };

const URGENCY_RANK: Record<string, number> = { emergency: 0, urgent: 1, routine: 2 };
const OPEN_CALL: readonly string[] = ['placed', 'delivered', 'acknowledged'];

export function requestDeadline(r: RequestView): { dueAt: string | null; startAt: string | null } {
  if (r.status === 'submitted') return { dueAt: r.clocks.ackDueAt, startAt: r.clocks.ackClockStartAt };
  return { dueAt: r.clocks.responseDueAt, startAt: r.clocks.responseClockStartAt };
}

export function buildInbox(requests: RequestView[], calls: CallView[]): InboxItem[] {
  const items: InboxItem[] = [];
  for (const call of calls) {
    if (call.direction !== 'incoming' || !OPEN_CALL.includes(call.status)) continue;
    const awaiting = call.clock.isAwaitingAck;
    items.push({
      kind: 'call',
      id: call.id,
      urgency: call.urgency,
      dueAt: awaiting ? call.ackDueAt : null,
      overdue: call.clock.isOverdue,
      periodMs: call.ackPeriodMs,
      call,
    });
  }
  for (const request of requests) {
    if (request.direction !== 'incoming' || !RESPONSE_OPEN.includes(request.status)) continue;
    const { dueAt, startAt } = requestDeadline(request);
    const paused = request.clock.paused;
    items.push({
      kind: 'request',
      id: request.id,
      urgency: request.urgency,
      dueAt: paused ? null : dueAt,
      overdue: request.clock.ackOverdue || request.clock.responseOverdue,
      periodMs: dueAt && startAt ? Date.parse(dueAt) - Date.parse(startAt) : 0,
      request,
    });
  }
  return items.sort((a, b) => {
    const u = (URGENCY_RANK[a.urgency] ?? 3) - (URGENCY_RANK[b.urgency] ?? 3);
    if (u !== 0) return u;
    const ta = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
    const tb = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
    return ta - tb;
  });
}

/** Items waiting for this user: calls and requests they may acknowledge now. */
export function needsAttention(items: InboxItem[]): number {
  return items.filter((i) =>
    (i.kind === 'call' ? i.call.allowedActions : i.request.allowedActions).includes('acknowledge'),
  ).length;
}
