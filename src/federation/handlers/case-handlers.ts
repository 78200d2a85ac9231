// Inbound case-cooperation messages: `case.shared` and `evidence.transferred`, one schema per body
// version (reusing the case domain's enums and TLP shape), applied through the case use cases inside
// the inbox transaction (so the copy, the stored item and the receipt commit together, and a
// refusal leaves nothing behind).
import { z } from 'zod';
import {
  CASE_CONFIDENTIALITY,
  CRIME_CATEGORIES,
  CUSTODY_KINDS,
  OBSERVABLE_TYPES,
  ZTlpSchema,
} from '../../domain/case/index.js';
import type { ServiceContext } from '../../services/context.js';
import {
  CASE_SHARED,
  EVIDENCE_TRANSFERRED,
  type CaseSharedBody,
  type EvidenceTransferredBody,
} from '../../services/case/case-share-messages.js';
import { receiveEvidence } from '../../services/case/receive-evidence.js';
import { receiveSharedCase } from '../../services/case/receive-shared-case.js';
import type { Queryable } from '../../storage/db.js';
import { joinTransaction } from '../../storage/join-transaction.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

const Id = z.string().min(1).max(128);
const Party = z.string().min(1).max(128);
const Iso = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Bilingual = (max: number) => z.object({ en: Text(max), zh: Text(max) });
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const ZOrigin = z.object({ party: Party, caseId: Id }).nullable();

const ZSource = z.object({
  party: Party,
  ref: Text(300),
  tlp: ZTlpSchema,
  namedRecipients: z.array(Party).max(100),
  at: Iso,
});
const ZObservable = z.object({
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string().min(1).max(4096),
  display: Text(4096),
  subtype: Text(64).nullable(),
  flags: z.array(Text(64)).max(50),
  attributes: z.record(z.string().max(64), Text(1000)),
  related: z.array(z.object({ type: z.enum(OBSERVABLE_TYPES), value: Text(4096) })).max(50),
  tags: z.array(Text(64)).max(50),
  note: Text(2000).nullable(),
  firstSeenAt: Iso,
  lastSeenAt: Iso,
  sources: z.array(ZSource).min(1).max(100),
});
const ZCaseSharedV1: z.ZodType<CaseSharedBody> = z.object({
  case: z.object({
    caseId: Id,
    reference: z.string().min(1).max(64),
    title: Bilingual(200),
    summary: Bilingual(10_000),
    crimeCategories: z.array(z.enum(CRIME_CATEGORIES)).min(1),
    leadParty: Party,
    participatingParties: z.array(Party).max(50),
    tlp: ZTlpSchema,
    confidentiality: z.enum(CASE_CONFIDENTIALITY),
    namedRecipients: z.array(Party).max(100),
  }),
  origin: ZOrigin,
  observables: z.array(ZObservable).max(10_000),
  evidence: z.array(z.object({ id: Id, filename: Text(1024), size: z.number().int().min(0), sha256: Hex64 })).max(1000),
  sharedBy: Text(300),
  sharedAt: Iso,
  note: Text(2000).nullable(),
});

const ZCustodyEvent = z.object({
  seq: z.number().int().min(1),
  evidenceId: Id,
  kind: z.enum(CUSTODY_KINDS),
  at: Iso,
  actor: Text(300),
  actorLabel: Text(300),
  party: Party,
  note: Text(2000).nullable(),
  prevHash: Hex64,
  hash: Hex64,
  signature: z.string().max(200),
  keyId: z.string().max(200),
});
const ZEvidenceTransferredV1: z.ZodType<EvidenceTransferredBody> = z.object({
  context: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('case'), caseId: Id, origin: ZOrigin }),
    z.object({ kind: z.literal('request'), requestId: Id }),
  ]),
  evidence: z.object({
    id: Id,
    filename: Text(1024),
    mediaType: Text(255),
    size: z.number().int().min(1),
    sha256: Hex64,
    description: Text(2000).nullable(),
    tlp: ZTlpSchema,
    originParty: Party,
    namedRecipients: z.array(Party).max(100),
    createdAt: Iso,
    createdBy: Text(300),
  }),
  custody: z.array(ZCustodyEvent).min(1).max(100_000),
  custodyHead: z.object({ seq: z.number().int().min(1), hash: Hex64 }),
  content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  transferredBy: Text(300),
});

export async function applyCaseShared(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<CaseSharedBody>,
): Promise<void> {
  await receiveSharedCase(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: msg.body.sharedBy },
    msg.body,
  );
}

export async function applyEvidenceTransferred(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<EvidenceTransferredBody>,
): Promise<void> {
  await receiveEvidence(
    { ...ctx, db: joinTransaction(ctx.db, tx) },
    { kind: 'peer', partyId: msg.from, name: msg.body.transferredBy },
    msg.body,
  );
}

export function registerCaseHandlers(): void {
  registerInboundHandler(CASE_SHARED, { schemas: { 1: ZCaseSharedV1 }, handler: applyCaseShared });
  registerInboundHandler(EVIDENCE_TRANSFERRED, {
    schemas: { 1: ZEvidenceTransferredV1 },
    handler: applyEvidenceTransferred,
  });
}
