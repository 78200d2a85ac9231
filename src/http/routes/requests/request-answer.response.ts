// What the request-answer routes (a request's cases and evidence) answer with, as zod schemas: Fastify
// serialises through them and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { CASE_STATUSES } from '../../../domain/case/index.js';
import { ZBilingualSchema } from '../common.schema.js';
import { ZEvidenceSchema } from '../cases/cases.response.js';

export const ZRequestCaseSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    status: z.enum(CASE_STATUSES),
    /** Null when the viewer sees the membership only (an admin who is not a member). */
    title: ZBilingualSchema.nullable(),
    mayAddEvidence: z.boolean(),
  })
  .meta({ id: 'RequestCase' });

export const ZRequestCaseOpenedSchema = z
  .object({ case: ZRequestCaseSchema, opened: z.boolean() })
  .meta({ id: 'RequestCaseOpened' });

export const ZRequestEvidenceItemSchema = z
  .object({
    evidence: ZEvidenceSchema,
    case: z.object({ id: z.string(), reference: z.string(), title: ZBilingualSchema }),
    state: z.enum(['received', 'sent', 'ready']),
    received: z
      .object({
        from: z.string(),
        at: z.string(),
        sentSha256: z.string(),
        receivedSha256: z.string(),
        transferredBy: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'RequestEvidenceItem' });

/** Items in cases the viewer is not a member of are only counted (`notShown`). */
export const ZRequestEvidenceSchema = z
  .object({ items: z.array(ZRequestEvidenceItemSchema), notShown: z.number() })
  .meta({ id: 'RequestEvidence' });

export const ZResponseEvidenceFiledSchema = z
  .object({
    evidence: ZEvidenceSchema,
    case: ZRequestCaseSchema,
    caseOpened: z.boolean(),
  })
  .meta({ id: 'ResponseEvidenceFiled' });
