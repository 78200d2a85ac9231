// Placing a hotline call: the caller's record with its acknowledgement clock started.
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { iso } from '../shared/time.js';
import type { CallAckAgreement } from './clock.js';
import { ackPeriodMs, computeAckDueAt } from './clock.js';
import { requireCallAccess } from './policy.js';
import type { CallRecord, CallResult } from './types.js';
import type { NewCallInput } from './validation.js';
import { isIsoInstant, validateNewCall } from './validation.js';

export type PlaceCallOptions = {
  id: string;
  reference: string;
  /** The ack periods agreed with the called party, if any (else docs/spec.md §3.1 defaults). */
  agreement?: CallAckAgreement | null;
  /**
   * Required when a peer relays a call placed on its node: the caller's own clock is copied so
   * both nodes show the same deadline even if their agreements were configured differently.
   */
  relay?: { placedBy: string; placedAt: string; ackPeriodMs: number };
  /**
   * Exercise speed (docs/spec.md §7.2): a call injected by an exercise run at N× gets an acknowledgement
   * period N times shorter (at least a second), so its deadline and escalation ladder run at the
   * exercise's pace on both nodes (the period travels with the call).
   */
  timeScale?: number;
};

export function placeCall(input: NewCallInput, actor: Actor, now: Date, opts: PlaceCallOptions): CallResult {
  requireCallAccess(actor, 'place', input);
  const issues = validateNewCall(input);
  const relay = actor.kind === 'peer' ? opts.relay : undefined;
  if (actor.kind === 'peer') {
    if (!relay) {
      issues.push(
        issue(
          'relay',
          'required',
          'A relayed call must carry the caller’s clock.',
          '转发的呼叫必须附带呼叫方的计时信息。',
        ),
      );
    } else {
      if (!isIsoInstant(relay.placedAt))
        issues.push(issue('relay.placedAt', 'invalid_instant', 'Not a valid time.', '时间无效。'));
      if (!(relay.ackPeriodMs > 0))
        issues.push(issue('relay.ackPeriodMs', 'invalid_period', 'Must be positive.', '必须为正数。'));
      if (!relay.placedBy?.trim())
        issues.push(issue('relay.placedBy', 'required', 'Who placed the call?', '请注明呼叫人。'));
    }
  }
  if (issues.length > 0) throw validationError(issues, 'CALL_VALIDATION_FAILED');
  if (!opts.id || !opts.reference)
    throw new AppError('CALL_VALIDATION_FAILED', { details: { missing: 'id/reference' } });

  const placedAt = relay ? iso(relay.placedAt) : iso(now);
  const period = relay
    ? relay.ackPeriodMs
    : Math.max(1000, Math.round(ackPeriodMs(input.urgency, opts.agreement) / (opts.timeScale ?? 1)));
  const placedBy = relay ? relay.placedBy.trim() : actorLabel(actor);
  const record: CallRecord = {
    id: opts.id,
    reference: opts.reference,
    fromParty: input.fromParty,
    toParty: input.toParty,
    topic: input.topic,
    urgency: input.urgency,
    message: input.message.trim(),
    language: input.language,
    callback: {
      name: input.callback.name.trim(),
      phone: input.callback.phone?.trim() || null,
      email: input.callback.email?.trim() || null,
      timeZone: input.callback.timeZone,
    },
    status: 'placed',
    placedAt,
    placedBy,
    ackPeriodMs: period,
    ackDueAt: computeAckDueAt(placedAt, period),
    deliveredAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    answeredAt: null,
    answeredBy: null,
    answer: null,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    escalationLevel: 0,
    escalatedAt: null,
    linkedRequestId: null,
    linkedCaseId: null,
    version: 1,
  };
  return {
    record,
    events: [
      {
        type: 'call.placed',
        at: placedAt,
        actorLabel: actorLabel(actor),
        data: {
          callId: record.id,
          originParty: record.fromParty,
          by: placedBy,
          reference: record.reference,
          toParty: record.toParty,
          topic: record.topic,
          urgency: record.urgency,
          message: record.message,
          ackDueAt: record.ackDueAt,
        },
      },
    ],
  };
}
