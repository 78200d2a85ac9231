// What the director's node measured for each inject: read from its OWN copies of the injected
// calls and requests, which the participant's normal step messages keep up to date.
import type { InjectDelivery, InjectObservation } from '../../domain/exercise/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import { MINUTE_MS } from '../../domain/shared/time.js';
import type { Queryable } from '../../storage/db.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { CallRecord } from '../../domain/call/index.js';

export type ObservedInject = InjectObservation & { call: CallRecord | null; request: RequestRecord | null; delivery: InjectDelivery };

const minutesBetween = (from: string | null, to: string | null): number | null =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / MINUTE_MS * 10) / 10 : null;

export async function observeInjects(db: Queryable, deliveries: readonly InjectDelivery[]): Promise<ObservedInject[]> {
  const out: ObservedInject[] = [];
  for (const d of deliveries) {
    const call = d.callId ? await findCall(db, d.callId) : null;
    const request = d.requestId ? await findRequest(db, d.requestId) : null;
    const base = { injectId: d.injectId, party: d.party, kind: d.kind, sentAt: d.error ? null : d.firedAt, call, request, delivery: d };
    if (d.kind === 'call') {
      const deadline = call ? call.ackPeriodMs / MINUTE_MS : null;
      out.push({ ...base, steps: { acknowledge: { doneAt: call?.acknowledgedAt ?? null, deadlineMinutes: deadline } } });
    } else if (d.kind === 'request') {
      const start = request?.submittedAt ?? null;
      out.push({
        ...base,
        steps: {
          acknowledge: { doneAt: request?.acknowledgedAt ?? null, deadlineMinutes: minutesBetween(start, request?.clocks.ackDueAt ?? null) },
          accept: { doneAt: request?.acceptedAt ?? null, deadlineMinutes: null },
          fulfil: {
            doneAt: request?.fulfilledAt ?? request?.partiallyFulfilledAt ?? null,
            deadlineMinutes: minutesBetween(start, request?.clocks.responseDueAt ?? null),
          },
        },
      });
    } else {
      out.push({ ...base, steps: {} });
    }
  }
  return out;
}
