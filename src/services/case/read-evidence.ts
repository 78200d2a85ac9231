// Use cases: list a case's evidence metadata, read one item, and read its chain of custody with
// the result of verifying it.
import { requireCaseAccess, type CaseRecord, type EvidenceRecord } from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listCaseEvidence } from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { loadCase } from './case-support.js';
import { isEvidenceVisible } from './case-visibility.js';
import { loadEvidence, verifyCustody, type CustodyState } from './evidence-support.js';

async function readableCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseRecord> {
  const kase = await loadCase(ctx.db, actor, caseId);
  requireCaseAccess(actor, 'view', kase);
  return kase;
}

export async function listEvidence(ctx: ServiceContext, actor: Actor, caseId: string): Promise<EvidenceRecord[]> {
  await readableCase(ctx, actor, caseId);
  return (await listCaseEvidence(ctx.db, caseId)).filter((e) => isEvidenceVisible(ctx.config.nodeId, e));
}

export async function getEvidence(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  evidenceId: string,
): Promise<EvidenceRecord> {
  const kase = await readableCase(ctx, actor, caseId);
  return (await loadEvidence(ctx, ctx.db, kase, evidenceId)).record;
}

export async function getCustody(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  evidenceId: string,
): Promise<CustodyState & { evidence: EvidenceRecord }> {
  const kase = await readableCase(ctx, actor, caseId);
  const { record } = await loadEvidence(ctx, ctx.db, kase, evidenceId);
  return { evidence: record, ...(await verifyCustody(ctx, ctx.db, record)) };
}
