// The audit log: search it, and verify its hash chain.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit, type AuditEntry } from '../../../audit/audit-log.js';
import { AUDIT_SUBJECT_LABELS, auditActionText } from '../../../domain/audit/action-labels.js';
import { verifyAuditChain } from '../../../audit/verify-audit.js';
import type { ServiceContext } from '../../../services/context.js';
import { answers, itemsOf } from '../common.schema.js';
import { ZAuditEntrySchema, ZAuditMetaSchema, ZAuditVerificationSchema } from './audit.response.js';

const ZAuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  subjectType: z.string().max(50).optional(),
  subjectId: z.string().max(100).optional(),
  reference: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  beforeSeq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** An entry as people read it: the action in words and the record's reference, next to the stored facts. */
function present(e: AuditEntry) {
  const reference = typeof e.data.reference === 'string' ? e.data.reference : null;
  return {
    ...e,
    label: auditActionText(e.action, e.subjectType),
    subjectLabel: AUDIT_SUBJECT_LABELS[e.subjectType] ?? null,
    reference,
  };
}

export function auditRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audit'];
    app.get(
      '/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags,
          summary: 'Search the audit log (newest first)',
          querystring: ZAuditQuerySchema,
          response: answers(itemsOf(ZAuditEntrySchema)),
        },
      },
      async (request) => ({ items: (await listAudit(ctx.db, request.query)).map(present) }),
    );

    app.get(
      '/audit/meta',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags,
          summary: 'The record types audit entries are about, in both languages (for the filter)',
          response: answers(ZAuditMetaSchema),
        },
      },
      async () => ({ subjectTypes: AUDIT_SUBJECT_LABELS }),
    );

    app.get(
      '/audit/verify',
      {
        config: { permission: 'audit:verify' },
        schema: { tags, summary: 'Verify the whole hash chain', response: answers(ZAuditVerificationSchema) },
      },
      async () => verifyAuditChain(ctx.db),
    );
  };
}
