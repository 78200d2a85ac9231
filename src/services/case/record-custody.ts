// Use case: record a custody step done outside the download path: verified (the content is
// checked here first), transferred or exported (e.g. handed over on sealed media).
import { requireCaseAccess, type CustodyEvent, type EvidenceRecord } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { loadCase } from './case-support.js';
import { appendCustody, loadEvidence, openStoredEvidence } from './evidence-support.js';

export type CustodyStep = { kind: 'verified' | 'transferred' | 'exported'; note?: string };

export async function recordCustodyStep(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  evidenceId: string,
  step: CustodyStep,
): Promise<{ evidence: EvidenceRecord; event: CustodyEvent }> {
  const kase = await loadCase(ctx.db, actor, caseId);
  requireCaseAccess(actor, step.kind === 'verified' ? 'access_evidence' : 'export_evidence', kase);
  const { record } = await loadEvidence(ctx, ctx.db, kase, evidenceId);
  // "Verified" must mean something: the stored bytes still match the recorded hash.
  if (step.kind === 'verified') await openStoredEvidence(ctx, record);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const lockedCase = await loadCase(tx, actor, caseId);
    const stored = await loadEvidence(ctx, tx, lockedCase, evidenceId, true);
    return appendCustody(ctx, tx, actor, lockedCase, stored, step.kind, now, step.note);
  });
}
