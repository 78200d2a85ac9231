// What the director's node measured for each inject: read from its OWN copies of the injected
// calls and requests, which the participant's normal step messages keep up to date. Their clocks
// ran at the exercise's pace, so a deadline in exercise minutes is the record's real period times
// the time scale (the workflow's own period: 15 minutes for an emergency call).
import type { InjectDelivery, InjectObservation } from '../../domain/exercise/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import { MINUTE_MS } from '../../domain/shared/time.js';
import type { Queryable } from '../../storage/db.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { CallRecord } from '../../domain/call/index.js';

export type ObservedInject = InjectObservation & {
  call: CallRecord | null;
  request: RequestRecord | null;
  delivery: InjectDelivery;
};

export async function observeInjects(
  db: Queryable,
  deliveries: readonly InjectDelivery[],
  timeScale: number,
): Promise<ObservedInject[]> {
  const out: ObservedInject[] = [];
  // Real milliseconds → exercise minutes, rounded once (to 0.1) at the end.
  const exerciseMinutes = (realMs: number) => Math.round(((realMs * timeScale) / MINUTE_MS) * 10) / 10;
  const between = (from: string | null, to: string | null) =>
    from && to ? exerciseMinutes(Date.parse(to) - Date.parse(from)) : null;
  for (const d of deliveries) {
    const call = d.callId ? await findCall(db, d.callId) : null;
    const request = d.requestId ? await findRequest(db, d.requestId) : null;
    const base = {
      injectId: d.injectId,
      party: d.party,
      kind: d.kind,
      sentAt: d.error ? null : d.firedAt,
      call,
      request,
      delivery: d,
    };
    if (d.kind === 'call') {
      const deadline = call ? exerciseMinutes(call.ackPeriodMs) : null;
      out.push({
        ...base,
        steps: { acknowledge: { doneAt: call?.acknowledgedAt ?? null, deadlineMinutes: deadline } },
      });
    } else if (d.kind === 'request') {
      const start = request?.submittedAt ?? null;
      out.push({
        ...base,
        steps: {
          acknowledge: {
            doneAt: request?.acknowledgedAt ?? null,
            deadlineMinutes: between(start, request?.clocks.ackDueAt ?? null),
          },
          accept: { doneAt: request?.acceptedAt ?? null, deadlineMinutes: null },
          fulfil: {
            doneAt: request?.fulfilledAt ?? request?.partiallyFulfilledAt ?? null,
            deadlineMinutes: between(start, request?.clocks.responseDueAt ?? null),
          },
        },
      });
    } else {
      out.push({ ...base, steps: {} });
    }
  }
  return out;
}
