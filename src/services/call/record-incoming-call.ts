// Use case: a call received from another party becomes an incoming call on this node, whose
// acknowledgement clock and escalation ladder run here. A point of contact enters calls taken
// off-platform (by phone); federation relays calls placed on a peer node through the same path.
import { AppError, validationError } from '../../errors.js';
import type { CallCallback, CallLanguage, CallTopic, CallUrgency } from '../../domain/call/index.js';
import { ackPeriodMs, placeCall as decidePlaceCall } from '../../domain/call/index.js';
import type { Actor, PeerActor } from '../../domain/shared/actor.js';
import { actorLabel } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { newId } from '../../shared/ids.js';
import { findCall, insertCall } from '../../storage/repositories/call.repository.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { partyNames } from '../federation/list-parties.js';
import { markExerciseNotice } from '../notification/exercise-notice.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';
import { requireCallPermission } from './call-access.js';
import { incomingCallNotice } from './call-notices.js';
import { nextCallCheckAt, viewCall, type CallView } from './call-view.js';

export type IncomingCallInput = {
  fromParty: string;
  topic: CallTopic;
  urgency: CallUrgency;
  message: string;
  language: CallLanguage;
  callback: CallCallback;
  /** When the call was taken (default now); the acknowledgement clock starts then. */
  receivedAt?: string;
  /** The person who called, when not the callback contact. */
  callerName?: string;
  /** From federation only: the caller node's id, reference and clock, so both copies agree. */
  relayed?: { id: string; reference: string; placedBy: string; placedAt: string; ackPeriodMs: number };
  /** From federation only: the exercise the caller's node placed this call in (docs/spec.md §7.2). */
  exerciseId?: string;
};

/** A call taken by phone is entered soon after, never ahead of the clock (skew allowed). */
const FUTURE_SKEW_MS = 5 * 60_000;
const LATE_ENTRY_MS = 7 * 24 * 3_600_000;

export async function recordIncomingCall(
  ctx: ServiceContext,
  actor: Actor,
  input: IncomingCallInput,
): Promise<CallView> {
  const now = ctx.clock();
  const nodeId = ctx.config.nodeId;
  if (actor.kind === 'user') requireCallPermission(actor, 'call:ack', 'record_incoming');
  else if (actor.kind !== 'peer' || !input.relayed)
    throw new AppError('CALL_FORBIDDEN', { details: { action: 'record_incoming', actorKind: actor.kind } });
  const received = input.receivedAt ? Date.parse(input.receivedAt) : now.getTime();
  if (received > now.getTime() + FUTURE_SKEW_MS) {
    throw validationError(
      [
        issue(
          'receivedAt',
          'in_future',
          'The call cannot have been received in the future.',
          '接听时间不能晚于当前时间。',
        ),
      ],
      'CALL_VALIDATION_FAILED',
    );
  }
  if (received < now.getTime() - LATE_ENTRY_MS) {
    throw validationError(
      [
        issue(
          'receivedAt',
          'too_old',
          'A call must be entered within 7 days of receiving it.',
          '呼叫须在接听后 7 天内录入。',
        ),
      ],
      'CALL_VALIDATION_FAILED',
    );
  }
  const { exerciseId, ...rest } = input;
  const call = { ...rest, toParty: nodeId };
  return ctx.db.transaction(async (tx) => {
    if (input.relayed) {
      // A relayed call already stored is the same call delivered twice: answer as for the first.
      const existing = await findCall(tx, input.relayed.id);
      if (existing) return viewCall(existing, actor, nodeId, now);
    }
    // The caller's side placed the call; this node records it as that party's act, with the clock it started.
    const caller: PeerActor = actor.kind === 'peer' ? actor : { kind: 'peer', partyId: input.fromParty };
    const id = input.relayed?.id ?? newId();
    const reference =
      input.relayed?.reference ??
      (await nextReference(tx, nodeId, exerciseId && actor.kind === 'peer' ? 'EX-CALL' : 'CALL', now));
    const relay = input.relayed ?? {
      placedBy: input.callerName?.trim() || input.callback?.name,
      placedAt: input.receivedAt ?? now.toISOString(),
      ackPeriodMs: ackPeriodMs(input.urgency),
    };
    const result = decidePlaceCall(call, caller, now, { id, reference, relay });
    const record = exerciseId && actor.kind === 'peer' ? { ...result.record, exerciseId } : result.record;
    const events =
      actor.kind !== 'user'
        ? result.events
        : result.events.map((e) => ({
            ...e,
            actorLabel: actorLabel(actor),
            data: { ...e.data, recordedBy: actorLabel(actor), channel: 'off_platform' },
          }));
    await insertCall(tx, record, 'incoming', nextCallCheckAt(record, nodeId));
    await recordChange(
      tx,
      { actor, subjectType: 'call', subjectId: id, events, auditData: { reference, direction: 'incoming' } },
      now,
    );
    const callerName = (await partyNames(ctx, tx))(record.fromParty);
    await notify(
      tx,
      markExerciseNotice(
        incomingCallNotice(record, { caller: callerName, timeZone: ctx.config.timeZone }),
        record.exerciseId,
      ),
      now,
    );
    return viewCall(record, actor, nodeId, now);
  });
}
