// Clock source for the deadline worker: climbs the escalation ladder of incoming calls left
// unacknowledged (docs/spec.md §3.1). Each rung fires once: the stored level, the once-only clock_events
// row and the row lock all say so, so a second sweep, a second process or a restart fires nothing twice.
import type { CallRecord } from '../../domain/call/index.js';
import { applyCallAction, dueCallEvents, escalationKey } from '../../domain/call/index.js';
import type { SystemActor } from '../../domain/shared/actor.js';
import { dueCallIds, findCall, setCallNextCheck, updateCall } from '../../storage/repositories/call.repository.js';
import { firedClockEvents, recordClockEvent } from '../../storage/repositories/notification.repository.js';
import type { ClockSource } from '../shared/clock-source.js';
import type { ServiceContext } from '../context.js';
import { partyNames, type PartyNames } from '../federation/list-parties.js';
import { markExerciseNotice } from '../notification/exercise-notice.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';
import { escalationNotice } from './call-notices.js';
import { directionOf, nextCallCheckAt } from './call-view.js';

async function fireEscalations(ctx: ServiceContext, id: string, now: Date): Promise<string[]> {
  const nodeId = ctx.config.nodeId;
  const system: SystemActor = { kind: 'system', partyId: nodeId };
  return ctx.db.transaction(async (tx) => {
    const stored = await findCall(tx, id, true);
    if (!stored) return [];
    let call: CallRecord = stored;
    const fired: string[] = [];
    const due = dueCallEvents(call, now, await firedClockEvents(tx, 'call', id));
    let names: PartyNames | undefined; // read once, and only when an escalation fires
    for (const event of due) {
      const level = event.data.level as 1 | 2;
      const key = escalationKey(level);
      if (!(await recordClockEvent(tx, 'call', id, key, now.toISOString()))) continue;
      const result = applyCallAction(call, 'escalate', system, now, { level });
      call = result.record;
      await recordChange(
        tx,
        {
          actor: system,
          subjectType: 'call',
          subjectId: id,
          events: result.events,
          auditData: { reference: call.reference },
        },
        now,
      );
      const caller = (names ??= await partyNames(ctx, tx))(call.fromParty);
      await notify(
        tx,
        markExerciseNotice(escalationNotice(call, level, { caller, timeZone: ctx.config.timeZone }), call.exerciseId),
        now,
      );
      fired.push(key);
    }
    const next = nextCallCheckAt(call, nodeId);
    if (call.version !== stored.version) await updateCall(tx, call, stored.version, directionOf(call, nodeId), next);
    else await setCallNextCheck(tx, id, next);
    return fired;
  });
}

export const CALL_CLOCK: ClockSource = {
  subjectType: 'call',
  due: (ctx, now, limit) => dueCallIds(ctx.db, now.toISOString(), limit),
  fire: fireEscalations,
};
