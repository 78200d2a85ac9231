// Use case: dismiss (acknowledge) a correlation alert the user may see. A later value shared by
// the same pair re-opens it.
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import {
  findVisibleAlert,
  setAlertAcked,
  type AlertRow,
} from '../../storage/repositories/observable-index.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { alertVisibilityOf } from './alert-visibility.js';

export async function ackAlert(ctx: ServiceContext, actor: UserActor, id: string): Promise<AlertRow> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const alert = await findVisibleAlert(tx, alertVisibilityOf(actor), id);
    if (!alert) throw new AppError('INTEL_CORRELATION_ALERT_NOT_FOUND', { details: { id } });
    if (alert.ackedAt) return alert;
    await setAlertAcked(tx, id, actor.name, now);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'correlation_alert',
        subjectId: id,
        events: [{ type: 'acknowledged', at: now.toISOString() }],
      },
      now,
    );
    return { ...alert, ackedAt: now.toISOString(), ackedBy: actor.name };
  });
}
