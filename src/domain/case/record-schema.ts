// The stored shapes of a case and what hangs off it (tasks, observables, evidence, custody) as zod
// schemas, checked against the types at compile time, with their upgrade chains
// (docs/architecture.md, "Storage").
import { z } from 'zod';
import { sameType, type SameType } from '../shared/same-type.js';
import { CRIME_CATEGORIES } from '../shared/crime-categories.js';
import { ZBilingual } from '../shared/record-schema-parts.js';
import { storedDocument } from '../shared/stored-document.js';
import { CASE_CONFIDENTIALITY, CASE_ROLES, CASE_STATUSES, type CaseRecord } from './case-types.js';
import { CUSTODY_KINDS, type CustodyEvent } from './custody.js';
import { EVIDENCE_ALG } from './evidence-crypto.js';
import type { EvidenceRecord } from './evidence.js';
import { OBSERVABLE_TYPES } from './observable-types.js';
import type { ObservableRecord } from './observables.js';
import { TASK_STATUSES, type TaskRecord } from './tasks.js';
import { TLP_LEVELS } from './tlp.js';

const nullableString = z.string().nullable();
const tlp = z.enum(TLP_LEVELS);

export const ZCaseRecord = z.object({
  id: z.string(),
  reference: z.string(),
  title: ZBilingual,
  summary: ZBilingual,
  crimeCategories: z.array(z.enum(CRIME_CATEGORIES)),
  status: z.enum(CASE_STATUSES),
  leadParty: z.string(),
  originParty: z.string(),
  participatingParties: z.array(z.string()),
  members: z.array(
    z.object({ userId: z.string(), caseRole: z.enum(CASE_ROLES), addedAt: z.string(), addedBy: z.string() }),
  ),
  linkedRequestIds: z.array(z.string()),
  linkedCallIds: z.array(z.string()),
  tlp,
  confidentiality: z.enum(CASE_CONFIDENTIALITY),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  closedAt: nullableString,
  statusReason: nullableString,
  version: z.number().int(),
  sharedFrom: z
    .object({
      party: z.string(),
      caseId: z.string(),
      namedRecipients: z.array(z.string()),
      firstReceivedAt: z.string(),
      lastReceivedAt: z.string(),
    })
    .optional(),
});
sameType<SameType<z.infer<typeof ZCaseRecord>, CaseRecord>>(true);
export const CASE_DOCUMENT = storedDocument<CaseRecord>('case', ZCaseRecord);

export const ZTaskRecord = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  description: nullableString,
  assigneeUserId: nullableString,
  dueAt: nullableString,
  status: z.enum(TASK_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  completedAt: nullableString,
  cancelledAt: nullableString,
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZTaskRecord>, TaskRecord>>(true);
export const TASK_DOCUMENT = storedDocument<TaskRecord>('case task', ZTaskRecord);

export const ZObservableRecord = z.object({
  id: z.string(),
  caseId: z.string(),
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string(),
  display: z.string(),
  subtype: nullableString,
  flags: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
  related: z.array(z.object({ type: z.enum(OBSERVABLE_TYPES), value: z.string() })),
  tlp,
  sources: z.array(
    z.object({ party: z.string(), ref: z.string(), tlp, namedRecipients: z.array(z.string()), at: z.string() }),
  ),
  tags: z.array(z.string()),
  note: nullableString,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZObservableRecord>, ObservableRecord>>(true);
export const OBSERVABLE_DOCUMENT = storedDocument<ObservableRecord>('case observable', ZObservableRecord);

export const ZEvidenceRecord = z.object({
  id: z.string(),
  caseId: z.string(),
  requestId: nullableString,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  storageKey: z.string(),
  encryption: z.object({
    alg: z.literal(EVIDENCE_ALG),
    iv: z.string(),
    tag: z.string(),
    wrappedKey: z.string(),
    masterKeyId: z.string(),
  }),
  description: nullableString,
  tlp,
  originParty: z.string(),
  namedRecipients: z.array(z.string()),
  custodyHead: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  received: z
    .object({
      from: z.string(),
      at: z.string(),
      sentSha256: z.string(),
      receivedSha256: z.string(),
      transferredBy: z.string(),
    })
    .optional(),
});
sameType<SameType<z.infer<typeof ZEvidenceRecord>, EvidenceRecord>>(true);
export const EVIDENCE_DOCUMENT = storedDocument<EvidenceRecord>('evidence item', ZEvidenceRecord);

export const ZCustodyEvent = z.object({
  seq: z.number().int(),
  evidenceId: z.string(),
  kind: z.enum(CUSTODY_KINDS),
  at: z.string(),
  actor: z.string(),
  actorLabel: z.string(),
  party: z.string(),
  note: nullableString,
  prevHash: z.string(),
  hash: z.string(),
  signature: z.string(),
  keyId: z.string(),
});
sameType<SameType<z.infer<typeof ZCustodyEvent>, CustodyEvent>>(true);
export const CUSTODY_EVENT_DOCUMENT = storedDocument<CustodyEvent>('custody event', ZCustodyEvent);
