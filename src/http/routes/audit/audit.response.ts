// What the audit routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { ZBilingualSchema } from '../common.schema.js';

export const ZAuditEntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    actorLabel: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    data: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
    /** The action in words, the record type's name and the record's reference. */
    label: ZBilingualSchema,
    subjectLabel: ZBilingualSchema.nullable(),
    reference: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const ZAuditMetaSchema = z
  .object({ subjectTypes: z.record(z.string(), ZBilingualSchema) })
  .meta({ id: 'AuditMeta' });

const ZCheckpointVerificationSchema = z
  .object({
    checked: z.number(),
    verified: z.number(),
    unverifiable: z.number(),
    failure: z
      .object({
        seq: z.number(),
        peer: z.string(),
        reason: z.enum(['checkpoint_mismatch', 'bad_countersignature']),
        detail: z.string(),
      })
      .optional(),
  })
  .meta({ id: 'CheckpointVerification' });

const AUDIT_FAILURES = [
  'hash_mismatch',
  'broken_link',
  'missing_entry',
  'head_mismatch',
  'checkpoint_mismatch',
  'bad_countersignature',
] as const;

export const ZAuditVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      entries: z.number(),
      headHash: z.string(),
      checkpoints: ZCheckpointVerificationSchema,
    }),
    z.object({
      ok: z.literal(false),
      entries: z.number(),
      firstBadSeq: z.number(),
      reason: z.enum(AUDIT_FAILURES),
      detail: z.string(),
      checkpoints: ZCheckpointVerificationSchema.optional(),
    }),
  ])
  .meta({ id: 'AuditVerification' });
