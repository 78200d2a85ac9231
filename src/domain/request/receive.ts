// The requested node's side of "submit": turn the snapshot a peer sent into a local record with the same deadlines.
import { AppError, validationError } from '../../errors.js';
import { actorLabel, type Actor } from '../shared/actor.js';
import { iso } from '../shared/time.js';
import { isApprovalRequired } from './legal-bases.js';
import type { RequestContent, RequestEvent, RequestRecord } from './types.js';
import { validateRequestContent } from './validate-request.js';
import { UNTOUCHED_BY_WORKFLOW } from './fresh-record.js';

/** What the requesting node sends with `request.submitted`: the content plus the agreed-upon clocks. */
export type SubmittedRequestSnapshot = RequestContent &
  Pick<RequestRecord, 'id' | 'reference' | 'submittedAt' | 'clocks' | 'approvalRequired' | 'createdBy'>;

export function toSubmittedSnapshot(r: RequestRecord): SubmittedRequestSnapshot {
  return {
    requestingParty: r.requestingParty,
    requestedParty: r.requestedParty,
    caseRef: r.caseRef,
    subject: r.subject,
    crimeCategory: r.crimeCategory,
    facts: r.facts,
    dataRequested: r.dataRequested,
    identifiers: r.identifiers,
    type: r.type,
    legalBasis: r.legalBasis,
    ...(r.legalBasisNote !== undefined ? { legalBasisNote: r.legalBasisNote } : {}),
    urgency: r.urgency,
    confidentiality: r.confidentiality,
    requestedDeadline: r.requestedDeadline,
    contactOfficer: r.contactOfficer,
    details: r.details,
    id: r.id,
    reference: r.reference,
    submittedAt: r.submittedAt,
    clocks: r.clocks,
    approvalRequired: r.approvalRequired,
    createdBy: r.createdBy,
  };
}

/**
 * Validates against the submission time (not arrival), so a message delayed by a partition is not
 * refused for a deadline that passed in transit. The sender's deadlines are kept as they are: both
 * nodes must evaluate the same clocks. `localRequiresApproval` is this node's config (e.g. CN node).
 */
export function receiveSubmittedRequest(
  snapshot: SubmittedRequestSnapshot,
  sender: Actor,
  localPartyId: string,
  receivedAt: Date,
  localRequiresApproval: boolean,
): { record: RequestRecord; events: RequestEvent[] } {
  if (sender.partyId !== snapshot.requestingParty || snapshot.requestedParty !== localPartyId) {
    throw new AppError('REQUEST_WRONG_PARTY', {
      details: {
        requestId: snapshot.id,
        from: sender.partyId,
        requestingParty: snapshot.requestingParty,
        requestedParty: snapshot.requestedParty,
      },
    });
  }
  if (!snapshot.submittedAt || !snapshot.clocks.ackDueAt || !snapshot.clocks.responseDueAt) {
    throw new AppError('BAD_REQUEST', { details: { requestId: snapshot.id, reason: 'missing submittedAt or clocks' } });
  }
  const issues = validateRequestContent(snapshot, new Date(snapshot.submittedAt), 'submit');
  if (issues.length > 0) throw validationError(issues);

  const at = iso(receivedAt);
  const { id, reference, submittedAt, clocks, createdBy, approvalRequired: senderFlag, ...content } = snapshot;
  const approvalRequired =
    senderFlag || isApprovalRequired(snapshot.type, snapshot.legalBasis ?? '', localRequiresApproval);
  const record: RequestRecord = {
    ...content,
    ...UNTOUCHED_BY_WORKFLOW,
    id,
    reference,
    status: 'submitted',
    approvalRequired,
    clocks: { ...clocks, pausedAt: null },
    createdBy,
    createdAt: at,
    updatedAt: at,
    submittedAt,
  };
  const event: RequestEvent = {
    type: 'request.received',
    at,
    actor: actorLabel(sender),
    actorKind: sender.kind,
    partyId: sender.partyId,
    requestId: id,
    data: { reference, submittedAt, approvalRequired, ackDueAt: clocks.ackDueAt, responseDueAt: clocks.responseDueAt },
  };
  return { record, events: [event] };
}
