// Use case: prefilled request or case drafts from a call (docs/spec.md §3.3), for the UI to open the
// request or case form; creating it and linking it back (link_request / link_case) come after.
import { AppError } from '../../errors.js';
import type { CaseDraftFromCall, RequestDraftFromCall } from '../../domain/call/index.js';
import { draftCaseFromCall, draftRequestFromCall, requireCallAccess } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import type { ServiceContext } from '../context.js';

export type CallDraft = { kind: 'request'; draft: RequestDraftFromCall } | { kind: 'case'; draft: CaseDraftFromCall };

export type RequestCallDraft = Extract<CallDraft, { kind: 'request' }>;
export type CaseCallDraft = Extract<CallDraft, { kind: 'case' }>;

export async function draftFromCall(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  kind: 'request',
): Promise<RequestCallDraft>;
export async function draftFromCall(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  kind: 'case',
): Promise<CaseCallDraft>;
export async function draftFromCall(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  kind: 'request' | 'case',
): Promise<CallDraft> {
  const call = await findCall(ctx.db, id);
  if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id } });
  requireCallAccess(actor, 'view', call);
  // The node opening the case leads it; a request is always from the caller to the called party.
  return kind === 'request'
    ? { kind, draft: draftRequestFromCall(call) }
    : { kind, draft: draftCaseFromCall(call, ctx.config.nodeId) };
}
