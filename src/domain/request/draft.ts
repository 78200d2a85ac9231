// Creating and editing draft requests. Drafts may be incomplete; the issues found are returned for display
// and enforced only when the draft is submitted.
import type { ValidationIssue } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { actorLabel, type Actor } from '../shared/actor.js';
import { iso } from '../shared/time.js';
import { EMPTY_CLOCKS } from './clocks.js';
import { requireRequestAccess } from './policy.js';
import type { RequestContent, RequestEvent, RequestRecord, RequestType } from './types.js';
import { validateRequestContent } from './validate-request.js';
import { UNTOUCHED_BY_WORKFLOW } from './fresh-record.js';

/** What a user fills in; the requesting party is always the actor's own node. */
export type RequestDraftInput = Partial<Omit<RequestContent, 'requestingParty'>> & {
  type: RequestType;
  requestedParty: string;
};

export type RequestDraftPatch = Partial<Omit<RequestContent, 'requestingParty'>>;

const EDITABLE = [
  'requestedParty',
  'caseRef',
  'subject',
  'crimeCategory',
  'facts',
  'dataRequested',
  'identifiers',
  'type',
  'legalBasis',
  'legalBasisNote',
  'urgency',
  'confidentiality',
  'requestedDeadline',
  'contactOfficer',
  'details',
] as const satisfies readonly (keyof RequestDraftPatch)[];

export type DraftResult = { record: RequestRecord; events: RequestEvent[]; issues: ValidationIssue[] };

function contentFrom(input: RequestDraftInput, requestingParty: string): RequestContent {
  return {
    requestingParty,
    requestedParty: input.requestedParty,
    caseRef: input.caseRef ?? '',
    subject: input.subject ?? { en: '', zh: '' },
    crimeCategory: input.crimeCategory ?? null,
    facts: input.facts ?? '',
    dataRequested: input.dataRequested ?? '',
    identifiers: input.identifiers ?? [],
    type: input.type,
    legalBasis: input.legalBasis ?? null,
    ...(input.legalBasisNote !== undefined ? { legalBasisNote: input.legalBasisNote } : {}),
    urgency: input.urgency ?? 'routine',
    confidentiality: input.confidentiality ?? 'normal',
    requestedDeadline: input.requestedDeadline ?? null,
    contactOfficer: input.contactOfficer ?? { name: '', email: '', phone: '' },
    details: input.details ?? {},
  };
}

/**
 * `approvalRequired` comes from the service's config about the requested party (e.g. a node in
 * China); submit also turns it on when the chosen legal basis requires approval.
 */
export function createRequestDraft(
  ids: { id: string; reference: string },
  input: RequestDraftInput,
  actor: Actor,
  now: Date,
  approvalRequired = false,
): DraftResult {
  const content = contentFrom(input, actor.partyId);
  requireRequestAccess(actor, 'create_draft', content);
  const at = iso(now);
  const record: RequestRecord = {
    ...content,
    ...UNTOUCHED_BY_WORKFLOW,
    id: ids.id,
    reference: ids.reference,
    status: 'draft',
    approvalRequired,
    clocks: { ...EMPTY_CLOCKS },
    createdBy: actorLabel(actor),
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
  };
  return {
    record,
    events: [draftEvent('request.draft_created', record, actor, at, { type: record.type })],
    issues: validateRequestContent(record, now, 'draft'),
  };
}

/** Fields in the patch replace the stored ones; `details` merges per type block. */
export function updateRequestDraft(
  record: RequestRecord,
  patch: RequestDraftPatch,
  actor: Actor,
  now: Date,
): DraftResult {
  requireRequestAccess(actor, 'update_draft', record);
  if (record.status !== 'draft') {
    throw new AppError('REQUEST_NOT_EDITABLE', { details: { requestId: record.id, status: record.status } });
  }
  const at = iso(now);
  // Only content fields are taken, so transport extras (e.g. expectedVersion) never reach the record.
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([k, v]) => v !== undefined && (EDITABLE as readonly string[]).includes(k)),
  ) as RequestDraftPatch;
  const next: RequestRecord = {
    ...record,
    ...defined,
    details: { ...record.details, ...patch.details },
    updatedAt: at,
    version: record.version + 1,
  };
  return {
    record: next,
    events: [draftEvent('request.draft_updated', next, actor, at, { fields: Object.keys(defined) })],
    issues: validateRequestContent(next, now, 'draft'),
  };
}

function draftEvent(
  type: string,
  r: RequestRecord,
  actor: Actor,
  at: string,
  data: Record<string, unknown>,
): RequestEvent {
  return {
    type,
    at,
    actor: actorLabel(actor),
    actorKind: actor.kind,
    partyId: actor.partyId,
    requestId: r.id,
    data: { reference: r.reference, ...data },
  };
}
