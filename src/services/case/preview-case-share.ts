// Use case: preview a selective share (SPEC §4.4): per recipient, what would be sent and what TLP
// or confidentiality refuses. Sending belongs to the federation layer; nothing leaves the node here.
import { planCaseShare, type RecipientPlan, type TShareCase } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../errors.js';
import { listCaseObservables } from '../../storage/repositories/case-observable.repository.js';
import { listCaseEvidence } from '../../storage/repositories/evidence.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { loadCase } from './case-support.js';
import { isEvidenceVisible, visibleObservables } from './case-visibility.js';

/** `peer` is null when the recipient is not (yet) a federation peer: the plan is still shown. */
export type SharePreview = RecipientPlan & { peer: { id: string; name: Bilingual; status: string } | null };

export async function previewCaseShare(ctx: ServiceContext, actor: UserActor, caseId: string, input: TShareCase): Promise<SharePreview[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  const local = ctx.config.nodeId;
  // Only what this node may show its own users can be considered for sending at all.
  const observables = visibleObservables(local, await listCaseObservables(ctx.db, caseId));
  const evidence = (await listCaseEvidence(ctx.db, caseId)).filter((e) => isEvidenceVisible(local, e));
  const plans = planCaseShare({
    kase, actor, localParty: local, recipients: input.recipients, granularity: input.granularity,
    observables, evidence, observableIds: input.observableIds, evidenceIds: input.evidenceIds,
  });
  const out: SharePreview[] = [];
  for (const plan of plans) {
    const peer = await findPeer(ctx.db, plan.party);
    out.push({ ...plan, peer: peer ? { id: peer.id, name: peer.name, status: peer.status } : null });
  }
  return out;
}
