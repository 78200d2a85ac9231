// Use case: download (or export) an evidence file. The whole item is decrypted and checked in
// memory first (GCM tag, size, SHA-256) and only then recorded and returned.
//
// Why buffer rather than stream: GCM authenticates only at the end, so a streamed download would
// hand out plaintext before knowing it is genuine. Items are capped by maxEvidenceBytes (the same
// cap the upload is buffered under), and keeping the plaintext in memory means it never touches
// the disk unencrypted, which a decrypt-to-temp-file approach would.
import { requireCaseAccess, type CustodyKind, type EvidenceRecord } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { loadCase } from './case-support.js';
import { appendCustody, loadEvidence, openStoredEvidence } from './evidence-support.js';

export type EvidencePurpose = 'view' | 'export';

export async function downloadEvidence(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  evidenceId: string,
  purpose: EvidencePurpose = 'view',
): Promise<{ evidence: EvidenceRecord; content: Buffer }> {
  const kase = await loadCase(ctx.db, actor, caseId);
  // Checked before decrypting: exports are for the lead or a supervisor, reading for any member.
  requireCaseAccess(actor, purpose === 'export' ? 'export_evidence' : 'access_evidence', kase);
  const { record } = await loadEvidence(ctx, ctx.db, kase, evidenceId);
  const content = await openStoredEvidence(ctx, record);
  const kind: CustodyKind = purpose === 'export' ? 'exported' : 'accessed';
  const now = ctx.clock();
  const evidence = await ctx.db.transaction(async (tx) => {
    const lockedCase = await loadCase(tx, actor, caseId);
    const stored = await loadEvidence(ctx, tx, lockedCase, evidenceId, true);
    return (await appendCustody(ctx, tx, actor, lockedCase, stored, kind, now)).evidence;
  });
  return { evidence, content };
}
