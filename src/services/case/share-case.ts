// Use case: share a case with chosen peers at a chosen granularity (docs/spec.md §4.4, §1.6). All or
// nothing: if TLP or confidentiality refuses any chosen item for any recipient, nothing is sent and
// every refusal is listed (the preview shows the same plan beforehand) — a share never "succeeds"
// while part of it silently stays behind. Otherwise, in one transaction with the outbox rows: per
// recipient a `case.shared`, then one `evidence.transferred` per item with a signed `transferred`
// custody event, and a `case.shared` timeline/audit entry naming who, when, to whom and what.
import { AppError, validationError } from '../../errors.js';
import { makeEvent, type RecipientPlan, type TShareCase } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import { updateCase } from '../../storage/repositories/case.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import { insertRecordMessage } from '../../storage/repositories/record-message.repository.js';
import type { ServiceContext } from '../context.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';
import { CASE_SUBJECT } from './case-deliveries.js';
import { loadCase, recordCaseEvents } from './case-support.js';
import {
  CASE_SHARED,
  CASES_CHANNEL,
  EVIDENCE_TRANSFERRED,
  caseOrigin,
  caseSharedBody,
  type EvidenceTransferredBody,
} from './case-share-messages.js';
import { transferEvidence } from './evidence-transfer.js';
import { planShare } from './share-plan.js';

export type ShareOutcome = {
  caseId: string;
  sharedAt: string;
  recipients: { party: string; observableIds: string[]; evidenceIds: string[]; messageIds: string[] }[];
};

export async function shareCase(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  input: TShareCase,
): Promise<ShareOutcome> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const kase = await loadCase(tx, actor, caseId, true);
    // Sharing groups become their current active peer members, each party once (docs/federation.md §19).
    const expansion = input.groups?.length
      ? await resolveRecipients(tx, ctx.config.nodeId, { parties: input.recipients, groups: input.groups })
      : null;
    const { plans, observables } = await planShare(
      ctx,
      tx,
      actor,
      kase,
      expansion ? { ...input, recipients: expansion.recipients } : input,
    );
    await requirePeers(tx, plans);
    requireNothingRefused(plans);
    const opened = new Map<string, Buffer>();
    const recipients: ShareOutcome['recipients'] = [];
    for (const plan of plans) {
      const context = { kind: 'case' as const, caseId: kase.id, origin: caseOrigin(kase) };
      const transfers: EvidenceTransferredBody[] = [];
      for (const evidenceId of plan.evidenceIds) {
        transfers.push(
          await transferEvidence(ctx, tx, {
            actor,
            kase,
            evidenceId,
            recipient: plan.party,
            context,
            purpose: `case share ${kase.reference}`,
            now,
            opened,
          }),
        );
      }
      const body = caseSharedBody({
        kase,
        plan,
        observables,
        evidence: transfers.map((t) => t.evidence),
        local: ctx.config.nodeId,
        sharedBy: actor.name,
        now,
        note: input.note,
      });
      // The case goes first on the channel: the receiver attaches each item to the copy it created.
      const sent = [
        await enqueueMessage(tx, ctx, { to: plan.party, channel: CASES_CHANNEL, type: CASE_SHARED, schema: 1, body }),
      ];
      for (const t of transfers)
        sent.push(
          await enqueueMessage(tx, ctx, {
            to: plan.party,
            channel: CASES_CHANNEL,
            type: EVIDENCE_TRANSFERRED,
            schema: 1,
            body: t,
          }),
        );
      // Filed under the case, so its per-recipient delivery status can be shown (GET /cases/:id/deliveries).
      for (const [i, m] of sent.entries()) {
        await insertRecordMessage(tx, {
          mid: m.mid,
          subjectType: CASE_SUBJECT,
          subjectId: kase.id,
          mtype: i === 0 ? CASE_SHARED : EVIDENCE_TRANSFERRED,
          createdAt: now.toISOString(),
        });
      }
      recipients.push({
        party: plan.party,
        observableIds: plan.observables.map((o) => o.id),
        evidenceIds: [...plan.evidenceIds],
        messageIds: sent.map((m) => m.mid),
      });
    }
    const events = recipients.map((r) =>
      makeEvent('case.shared', actor, now, {
        caseId: kase.id,
        recipient: r.party,
        granularity: input.granularity,
        observableIds: r.observableIds,
        evidenceIds: r.evidenceIds,
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
        ...(expansion
          ? {
              viaGroups: expansion.groups.filter((g) => g.members.includes(r.party)).map((g) => g.id),
              groupExpansion: expansion.groups,
            }
          : {}),
      }),
    );
    // A party the case was shared with takes part in it (and may send information back to it).
    const parties = [...new Set([...kase.participatingParties, ...recipients.map((r) => r.party)])];
    const after = { ...kase, participatingParties: parties, updatedAt: now.toISOString(), version: kase.version + 1 };
    await updateCase(tx, after, kase.version);
    await recordCaseEvents(tx, actor, after, events, now);
    return { caseId: kase.id, sharedAt: now.toISOString(), recipients };
  });
}

async function requirePeers(tx: Queryable, plans: readonly RecipientPlan[]): Promise<void> {
  const issues = [];
  for (const [i, plan] of plans.entries()) {
    const peer = await findPeer(tx, plan.party);
    if (!peer)
      issues.push(
        issue(
          `recipients.${i}`,
          'SHARE_NOT_A_PEER',
          'This party is not a federation peer of this node.',
          '该参与方不是本节点的联邦对等节点。',
        ),
      );
    else if (peer.status !== 'active')
      issues.push(
        issue(
          `recipients.${i}`,
          'SHARE_PEER_SUSPENDED',
          'This peer is suspended; nothing can be sent to it.',
          '该对等节点已暂停，无法向其发送。',
        ),
      );
  }
  if (issues.length) throw validationError(issues, 'CASE_INVALID');
}

function requireNothingRefused(plans: readonly RecipientPlan[]): void {
  const refused = plans.flatMap((p) =>
    p.refused.map((r) => ({ party: p.party, kind: r.kind, id: r.id, reason: r.reason })),
  );
  if (refused.length === 0) return;
  throw new AppError('CASE_SHARE_TLP_REFUSED', {
    message: {
      en: `Nothing was shared: ${refused.length} of the chosen items may not go to the recipients named. Deselect them and share again.`,
      zh: `未共享任何内容：所选事项中有 ${refused.length} 项不得发送给指定接收方。请取消选择这些事项后重新共享。`,
    },
    issues: refused.map((r) => ({
      path: `${r.party}.${r.kind}.${r.id}`,
      code: `SHARE_REFUSED_${r.kind.toUpperCase()}`,
      message: r.reason,
    })),
    details: { refused },
  });
}
