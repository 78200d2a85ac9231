// Receiving a shared case (docs/spec.md §4.4, §1.6): the local copy created or updated from what a peer sent,
// the peer's observables turned into local records that keep the peer's provenance and marking, and
// the request link received request evidence needs. The peer's signed share is the authority here;
// the case's local life (status, members, tasks) stays local and is never overwritten by an update.
import type { PeerActor, SystemActor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import type { CaseConfidentiality, CaseRecord, CaseRole, CrimeCategory } from './case-types.js';
import { createCase } from './case-validation.js';
import type { CaseDomainEvent } from './events.js';
import { makeEvent } from './events.js';
import type { ObservableRecord, ObservableSource } from './observables.js';
import { effectiveTlp } from './observables.js';
import type { Tlp } from './tlp.js';

/** The case content a share carries. */
export type SharedCaseContent = {
  caseId: string;
  reference: string;
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
  crimeCategories: CrimeCategory[];
  leadParty: string;
  participatingParties: string[];
  tlp: Tlp;
  confidentiality: CaseConfidentiality;
  /** For RED content: the parties the sender named. */
  namedRecipients: string[];
};

/** An observable as shared: canonical value, and only the sources the recipient may receive. */
export type SharedObservable = Pick<
  ObservableRecord,
  | 'type'
  | 'value'
  | 'display'
  | 'subtype'
  | 'flags'
  | 'attributes'
  | 'related'
  | 'tags'
  | 'note'
  | 'firstSeenAt'
  | 'lastSeenAt'
> & { sources: ObservableSource[] };

export type LocalMember = { userId: string; caseRole: CaseRole; userRoles: Role[] };

export function newSharedCaseCopy(
  content: SharedCaseContent,
  peer: PeerActor,
  now: Date,
  ctx: { id: string; reference: string; localParty: string; members: LocalMember[] },
): { record: CaseRecord; events: CaseDomainEvent[] } {
  const system: SystemActor = { kind: 'system', partyId: ctx.localParty };
  const { record, events } = createCase(
    {
      reference: ctx.reference,
      title: content.title,
      summary: content.summary,
      crimeCategories: content.crimeCategories,
      leadParty: content.leadParty,
      participatingParties: content.participatingParties,
      tlp: content.tlp,
      confidentiality: content.confidentiality,
      members: ctx.members,
    },
    system,
    now,
    { id: ctx.id, generatedReference: ctx.reference, localParty: ctx.localParty, originParty: peer.partyId },
  );
  const at = now.toISOString();
  const sharedFrom = {
    party: peer.partyId,
    caseId: content.caseId,
    namedRecipients: [...content.namedRecipients],
    firstReceivedAt: at,
    lastReceivedAt: at,
  };
  return { record: { ...record, sharedFrom }, events };
}

/** A later share of the same case: its content replaces ours; status, members, links and tasks stay. */
export function updateSharedCaseCopy(
  record: CaseRecord,
  content: SharedCaseContent,
  peer: PeerActor,
  now: Date,
  reference: string,
): { record: CaseRecord; events: CaseDomainEvent[] } {
  const at = now.toISOString();
  const changes = {
    reference,
    title: content.title,
    summary: content.summary,
    crimeCategories: [...content.crimeCategories],
    leadParty: content.leadParty,
    tlp: content.tlp,
    confidentiality: content.confidentiality,
  };
  const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
    (k) => JSON.stringify(changes[k]) !== JSON.stringify(record[k]),
  );
  const participatingParties = [
    ...new Set([...record.participatingParties, content.leadParty, ...content.participatingParties]),
  ];
  const sharedFrom = { ...record.sharedFrom!, namedRecipients: [...content.namedRecipients], lastReceivedAt: at };
  const next: CaseRecord = {
    ...record,
    ...changes,
    participatingParties,
    sharedFrom,
    updatedAt: at,
    version: record.version + 1,
  };
  const events =
    changed.length === 0
      ? []
      : [
          makeEvent('case.updated', peer, now, {
            caseId: record.id,
            fields: changed,
            from: Object.fromEntries(changed.map((k) => [k, record[k]])),
            to: Object.fromEntries(changed.map((k) => [k, changes[k]])),
          }),
        ];
  return { record: next, events };
}

/** Evidence answering a request is attached to a case linked to it; the link is made if missing. */
export function linkReceivedRequest(
  record: CaseRecord,
  requestId: string,
  peer: PeerActor,
  now: Date,
): { record: CaseRecord; events: CaseDomainEvent[] } {
  if (record.linkedRequestIds.includes(requestId)) return { record, events: [] };
  const at = now.toISOString();
  return {
    record: {
      ...record,
      linkedRequestIds: [...record.linkedRequestIds, requestId],
      updatedAt: at,
      version: record.version + 1,
    },
    events: [makeEvent('case.request_linked', peer, now, { caseId: record.id, requestId })],
  };
}

/** Local records for shared observables (new ids; merging with what the case holds is mergeObservables'). */
export function sharedObservableRecords(
  items: readonly SharedObservable[],
  caseId: string,
  peer: PeerActor,
  now: Date,
  newId: () => string,
): ObservableRecord[] {
  const at = now.toISOString();
  return items.map((o) => ({
    id: newId(),
    caseId,
    type: o.type,
    value: o.value,
    display: o.display,
    subtype: o.subtype,
    flags: [...o.flags],
    attributes: { ...o.attributes },
    related: o.related.map((r) => ({ ...r })),
    tlp: effectiveTlp(o.sources),
    sources: o.sources.map((s) => ({ ...s, namedRecipients: [...s.namedRecipients] })),
    tags: [...o.tags],
    note: o.note,
    firstSeenAt: o.firstSeenAt,
    lastSeenAt: o.lastSeenAt,
    createdAt: at,
    createdBy: `peer:${peer.partyId}`,
    updatedAt: at,
    version: 1,
  }));
}
