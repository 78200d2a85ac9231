// Use case: per recipient, what became of the federation messages a case share sent (docs/federation.md
// §19): queued, sent, refused, and the peer's signed receipt — the same view requests have.
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { recordDeliveryViews, type RecordDeliveryView } from '../federation/record-deliveries.js';
import { loadCase } from './case-support.js';

export const CASE_SUBJECT = 'case';

export type CaseDeliveryView = RecordDeliveryView;

export async function getCaseDeliveries(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
): Promise<CaseDeliveryView[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  return recordDeliveryViews(ctx, CASE_SUBJECT, kase.id);
}
