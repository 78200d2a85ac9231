// HTTP shapes for cases: the domain's schemas plus list filters, action bodies, route parameters
// and the evidence upload / download query strings.
import { z } from 'zod';
import { PARTY_ID } from '../common.schema.js';
import { commaList } from '../common.schema.js';
import {
  CASE_STATUSES,
  CRIME_CATEGORIES,
  OBSERVABLE_TYPES,
  ZAddObservablesSchema,
  ZCaseMemberSchema,
  ZCaseRoleSchema,
  ZCaseStatusActionSchema,
  ZCreateCaseSchema,
  ZEvidenceMetadataSchema,
  ZObservableInputSchema,
  ZTlpSchema,
} from '../../../domain/case/index.js';

export const ZCaseListQuerySchema = z.object({
  status: commaList(CASE_STATUSES, 'statuses'),
  category: commaList(CRIME_CATEGORIES, 'crime categories'),
  q: z.string().max(200).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only cases I lead'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZCreateCaseBodySchema = ZCreateCaseSchema.extend({
  members: z.array(ZCaseMemberSchema).max(50).optional(),
});

const Id = z.string().trim().min(1).max(128);
const PartyId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, PARTY_ID);

export const ZCaseActionBodySchema = z.discriminatedUnion('action', [
  ...ZCaseStatusActionSchema.options,
  z.object({ action: z.enum(['add_member', 'set_member_role']), userId: Id, caseRole: ZCaseRoleSchema }),
  z.object({ action: z.literal('remove_member'), userId: Id }),
  z.object({ action: z.enum(['link_request', 'unlink_request']), requestId: Id }),
  z.object({ action: z.enum(['link_call', 'unlink_call']), callId: Id }),
  z.object({ action: z.enum(['add_party', 'remove_party']), partyId: PartyId }),
]);

export const ZObservablesBodySchema = z.union([
  ZAddObservablesSchema,
  z.object({
    paste: z.object({
      type: z.enum(OBSERVABLE_TYPES),
      text: z.string().min(1).max(200_000).describe('one value per line'),
      tlp: ZTlpSchema.optional(),
      tags: ZObservableInputSchema.shape.tags,
      options: ZObservableInputSchema.shape.options,
    }),
    atomic: z.boolean().optional(),
  }),
  ZObservableInputSchema.extend({ atomic: z.boolean().optional() }),
]);

export const ZObservableListQuerySchema = z.object({ type: z.enum(OBSERVABLE_TYPES).optional() });

export const ZCaseTaskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() });
export const ZCaseEvidenceParamsSchema = z.object({ id: z.uuid(), evidenceId: z.uuid() });

/** Metadata of a raw upload travels in the query string; the body is the file itself. */
export const ZEvidenceUploadQuerySchema = ZEvidenceMetadataSchema.omit({ size: true }).extend({
  mediaType: ZEvidenceMetadataSchema.shape.mediaType.default('application/octet-stream'),
});

export const ZEvidenceContentQuerySchema = z.object({
  purpose: z
    .enum(['view', 'export'])
    .default('view')
    .describe('export: records `exported` (lead or supervisor) instead of `accessed`'),
});

export const ZCustodyStepBodySchema = z.object({
  kind: z.enum(['verified', 'transferred', 'exported']),
  note: z.string().max(2000).optional(),
});
