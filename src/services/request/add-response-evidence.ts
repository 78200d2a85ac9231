// Use case: the requested party's officer adds a file answering a request straight from the request
// (the fulfilment form), without first finding or opening a case: the file is filed in the request's
// case (request-cases.ts: the linked case they work on, or one opened from the request) and marked as
// added for the request, so a fulfilment may name it. The upload itself is the case upload
// (add-evidence.ts: streamed, sealed, custody recorded), so every evidence rule applies unchanged.
// Every refusal that needs no byte of the file (request side, role, status; case rights) comes first.
import { requireResponseEvidence } from '../../domain/request/index.js';
import type { EvidenceRecord } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { addEvidence, type EvidenceBody, type EvidenceUpload } from '../case/add-evidence.js';
import { openRequestCase, type RequestCase } from './request-cases.js';

export type ResponseEvidenceUpload = Omit<EvidenceUpload, 'requestId'>;

export async function addResponseEvidence(
  ctx: ServiceContext,
  user: UserActor,
  requestId: string,
  meta: ResponseEvidenceUpload,
  body: EvidenceBody,
): Promise<{ evidence: EvidenceRecord; case: RequestCase; caseOpened: boolean }> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw new AppError('REQUEST_NOT_FOUND', { details: { id: requestId } });
  requireResponseEvidence(user, request);
  const { case: kase, opened } = await openRequestCase(ctx, user, requestId);
  const evidence = await addEvidence(ctx, user, kase.id, { ...meta, requestId }, body);
  return { evidence, case: kase, caseOpened: opened };
}
