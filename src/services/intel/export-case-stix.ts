// Use case: a case's observables as a STIX 2.1 bundle (SCOs + indicators with TLP markings), for
// members who may see the case content; observables kept from this viewer by TLP stay out.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { caseObservablesToStix } from '../../intel/stix/case-export.js';
import type { StixBundle } from '../../intel/stix/types.js';
import { getCase } from '../case/get-case.js';
import type { ServiceContext } from '../context.js';

export type CaseStixBundle = { bundle: StixBundle; skipped: { id: string; type: string }[] };

export async function exportCaseStix(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseStixBundle> {
  const detail = await getCase(ctx, actor, caseId);
  if (!detail.content) throw new AppError('CASE_FORBIDDEN', { details: { id: caseId } });
  const { objects, skipped } = caseObservablesToStix(caseId, detail.record.reference, detail.content.observables);
  return { bundle: { type: 'bundle', id: `bundle--${randomUUID()}`, objects }, skipped };
}
