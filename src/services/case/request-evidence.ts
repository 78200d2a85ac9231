// Evidence answering a request (docs/spec.md §2.5): on the requested node, the items named by a fulfil step
// are checked and turned into `evidence.transferred` bodies (publishRequestStep sends them on the
// 'requests' channel before the step, so they arrive first); on the requesting node, the case that
// receives them is found or created.
//
// Rules: an item may answer a request when it lives in a case linked to the request (or was added
// for it), the case is not secret (restricted needs a supervisor member, as for a share) and TLP
// lets it go to the requester. The request workflow itself (fulfil by the requested party, approval
// where the law requires it) is the authority for the transfer. On the requesting node the items go
// to the case linked to the request, else the case whose reference is the request's case reference
// (which then gets linked), else a new case titled after the request's subject whose members are
// the node's points of contact (see case-receivers.ts) and the officers who worked on the request.
import { AppError, validationError } from '../../errors.js';
import {
  canCase,
  caseRolesAllowedFor,
  checkShareAllowed,
  createCase,
  linkReceivedRequest,
  type CaseRecord,
  type CrimeCategory,
  type LocalMember,
} from '../../domain/case/index.js';
import type { RequestRecord } from '../../domain/request/index.js';
import type { PeerActor, SystemActor, UserActor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { findCase } from '../../storage/repositories/case.repository.js';
import { findCasesForRequest } from '../../storage/repositories/case-share.repository.js';
import { findEvidence } from '../../storage/repositories/evidence.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { saveCaseChange } from './case-support.js';
import { notifyReceivers, receivingMembers, usableReference } from './case-receivers.js';
import type { EvidenceTransferredBody } from './case-share-messages.js';
import { transferEvidence } from './evidence-transfer.js';
import { isEvidenceVisible } from './case-visibility.js';
import { requestPeople } from '../request/request-people.js';

/** Requested node: the transfer bodies for the items a fulfil step names, with custody recorded. */
export async function requestEvidenceBodies(
  ctx: ServiceContext,
  tx: Queryable,
  request: RequestRecord,
  evidenceIds: readonly string[],
  by: UserActor,
  at: Date,
  to: string,
): Promise<EvidenceTransferredBody[]> {
  const local = ctx.config.nodeId;
  const issues = [];
  const items: { kase: CaseRecord; id: string }[] = [];
  for (const [i, id] of [...new Set(evidenceIds)].entries()) {
    const path = `evidenceIds.${i}`;
    const stored = await findEvidence(tx, id);
    const kase = stored ? await findCase(tx, stored.record.caseId, true) : null;
    if (!stored || !kase || !isEvidenceVisible(local, stored.record)) {
      issues.push(
        issue(path, 'EVIDENCE_UNKNOWN', 'There is no evidence item with this id on this node.', '本节点不存在该证据。'),
      );
      continue;
    }
    const e = stored.record;
    if (!kase.linkedRequestIds.includes(request.id) && e.requestId !== request.id) {
      issues.push(
        issue(
          path,
          'EVIDENCE_REQUEST_NOT_LINKED',
          'Link the request to the evidence item’s case before sending it in answer.',
          '请先将该协助请求关联到证据所在案件，再作为答复发送。',
        ),
      );
      continue;
    }
    if (kase.confidentiality === 'secret')
      throw new AppError('CASE_SHARE_CONFIDENTIAL', { details: { caseId: kase.id, evidenceId: id } });
    if (kase.confidentiality === 'restricted' && !canCase(by, 'share_restricted', kase)) {
      throw new AppError('CASE_FORBIDDEN', {
        details: { action: 'share_restricted', caseId: kase.id, evidenceId: id },
      });
    }
    const named = e.originParty === local ? [...e.namedRecipients, to] : e.namedRecipients;
    const tlp = checkShareAllowed({
      tlp: e.tlp,
      recipientParty: to,
      originParty: e.originParty,
      senderParty: local,
      namedRecipients: named,
    });
    if (!tlp.ok) issues.push({ path, code: 'SHARE_REFUSED_EVIDENCE', message: tlp.reason });
    else items.push({ kase, id });
  }
  if (issues.length) throw validationError(issues, 'EVIDENCE_INVALID');
  const bodies: EvidenceTransferredBody[] = [];
  for (const { kase, id } of items) {
    bodies.push(
      await transferEvidence(ctx, tx, {
        actor: by,
        kase,
        evidenceId: id,
        recipient: to,
        context: { kind: 'request', requestId: request.id },
        purpose: `request ${request.reference}`,
        now: at,
      }),
    );
  }
  return bodies;
}

/**
 * Members of a case opened for the answer: the node's receivers (case-receivers.ts) and the officers
 * who wrote or worked on the request — the answer is theirs to read.
 */
async function answerReceivers(tx: Queryable, local: string, request: RequestRecord): Promise<LocalMember[]> {
  const members = await receivingMembers(tx);
  for (const u of await requestPeople(tx, local, request)) {
    if (members.some((m) => m.userId === u.id)) continue;
    const caseRole = caseRolesAllowedFor(u.roles).includes('member') ? 'member' : 'viewer';
    members.push({ userId: u.id, caseRole, userRoles: [...u.roles] });
  }
  return members;
}

/** Requesting node: the case that receives evidence answering one of our requests. */
export async function caseForRequestEvidence(
  ctx: ServiceContext,
  tx: Queryable,
  peer: PeerActor,
  requestId: string,
  now: Date,
): Promise<{ kase: CaseRecord; request: RequestRecord }> {
  const local = ctx.config.nodeId;
  const request = await findRequest(tx, requestId);
  if (!request) throw new AppError('REQUEST_NOT_FOUND', { details: { id: requestId } });
  if (request.requestingParty !== local || request.requestedParty !== peer.partyId) {
    throw new AppError('REQUEST_WRONG_PARTY', { details: { requestId, from: peer.partyId } });
  }
  const [found] = await findCasesForRequest(tx, request.id, request.caseRef);
  if (found) {
    const { record, events } = linkReceivedRequest(found, request.id, peer, now);
    await saveCaseChange(tx, peer, found, record, events, now);
    return { kase: record, request };
  }
  const id = newId();
  const system: SystemActor = { kind: 'system', partyId: local };
  const title = { en: request.subject.en.slice(0, 200), zh: request.subject.zh.slice(0, 200) };
  const { record, events } = createCase(
    {
      reference: await usableReference(ctx, tx, [request.caseRef], id, now),
      title,
      summary: {
        en: `Evidence received in answer to request ${request.reference}.`,
        zh: `协助请求 ${request.reference} 的答复证据。`,
      },
      crimeCategories: [(request.crimeCategory ?? 'other') as CrimeCategory],
      participatingParties: [peer.partyId],
      confidentiality: request.confidentiality === 'normal' ? 'normal' : 'restricted',
      linkedRequestIds: [request.id],
      members: await answerReceivers(tx, local, request),
    },
    system,
    now,
    { id, generatedReference: '', localParty: local },
  );
  await saveCaseChange(tx, peer, null, record, events, now);
  await notifyReceivers(
    tx,
    record,
    'case.request_evidence',
    {
      en: `Evidence received for request ${request.reference}: a case was opened for it`,
      zh: `收到协助请求 ${request.reference} 的证据，已为其立案`,
    },
    now,
  );
  return { kase: record, request };
}
