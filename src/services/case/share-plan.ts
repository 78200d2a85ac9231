// The selective-share plan of a case (docs/spec.md §4.4) from what this node holds and may show its users,
// shared by the preview and the share itself so both always agree.
import {
  planCaseShare,
  type CaseRecord,
  type EvidenceRecord,
  type ObservableRecord,
  type RecipientPlan,
  type TShareCase,
} from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { listCaseObservables } from '../../storage/repositories/case-observable.repository.js';
import { listCaseEvidence } from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { isEvidenceVisible, visibleObservables } from './case-visibility.js';

export type SharePlan = { plans: RecipientPlan[]; observables: ObservableRecord[]; evidence: EvidenceRecord[] };

export async function planShare(
  ctx: ServiceContext,
  db: Queryable,
  actor: UserActor,
  kase: CaseRecord,
  input: TShareCase,
): Promise<SharePlan> {
  const local = ctx.config.nodeId;
  // Only what this node may show its own users can be considered for sending at all.
  const observables = visibleObservables(local, await listCaseObservables(db, kase.id));
  const evidence = (await listCaseEvidence(db, kase.id)).filter((e) => isEvidenceVisible(local, e));
  const plans = planCaseShare({
    kase,
    actor,
    localParty: local,
    recipients: input.recipients,
    granularity: input.granularity,
    observables,
    evidence,
    observableIds: input.observableIds,
    evidenceIds: input.evidenceIds,
    caseNamedRecipients: kase.sharedFrom?.namedRecipients,
  });
  return { plans, observables, evidence };
}
