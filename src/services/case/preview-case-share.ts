// Use case: preview a selective share (docs/spec.md §4.4): per recipient, what would be sent and what TLP
// or confidentiality refuses. Nothing leaves the node here (share-case.ts sends).
import type { RecipientPlan, TShareCase } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../errors.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';
import { loadCase } from './case-support.js';
import { planShare } from './share-plan.js';

/** `peer` is null when the recipient is not (yet) a federation peer: the plan is still shown. */
export type SharePreview = RecipientPlan & { peer: { id: string; name: Bilingual; status: string } | null };

export async function previewCaseShare(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  input: TShareCase,
): Promise<SharePreview[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  const expansion = input.groups?.length
    ? await resolveRecipients(ctx.db, ctx.config.nodeId, { parties: input.recipients, groups: input.groups })
    : null;
  const { plans } = await planShare(
    ctx,
    ctx.db,
    actor,
    kase,
    expansion ? { ...input, recipients: expansion.recipients } : input,
  );
  const out: SharePreview[] = [];
  for (const plan of plans) {
    const peer = await findPeer(ctx.db, plan.party);
    out.push({ ...plan, peer: peer ? { id: peer.id, name: peer.name, status: peer.status } : null });
  }
  return out;
}
