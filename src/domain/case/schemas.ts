// Zod shapes for the case area's inputs (reused by the HTTP layer for validation and OpenAPI).
// Domain rules with bilingual messages live in case-validation.ts, observables.ts, tasks.ts.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { ROLES } from '../shared/roles.js';
import { CASE_CONFIDENTIALITY, CASE_ROLES, CRIME_CATEGORIES } from './case-types.js';
import { CASE_LIMITS } from './case-validation.js';
import { CUSTODY_KINDS } from './custody.js';
import { MAX_OBSERVABLES_PER_BATCH } from './observables.js';
import { OBSERVABLE_TYPES } from './observable-types.js';
import { SHARE_GRANULARITIES } from './share.js';
import { TASK_DESCRIPTION_MAX, TASK_TITLE_MAX } from './tasks.js';
import { TLP_LEVELS } from './tlp.js';

const Id = z.string().trim().min(1).max(128);
const IsoDateTime = z.iso.datetime({ offset: true });

export const ZTlpSchema = z.enum(TLP_LEVELS);
export const ZCrimeCategorySchema = z.enum(CRIME_CATEGORIES);
export const ZCaseRoleSchema = z.enum(CASE_ROLES);

const ZBilingualText = (max: number) =>
  z.object({ en: z.string().max(max).optional(), zh: z.string().max(max).optional() });

export const ZCreateCaseSchema = z.object({
  reference: z.string().trim().min(1).max(CASE_LIMITS.referenceChars).optional(),
  title: ZBilingualText(CASE_LIMITS.titleChars),
  summary: ZBilingualText(CASE_LIMITS.summaryChars).optional(),
  // At least one: checked by validateCaseInput with the title, so an empty form names both at once.
  crimeCategories: z.array(ZCrimeCategorySchema).max(CRIME_CATEGORIES.length),
  leadParty: Id.optional(),
  participatingParties: z.array(Id).max(50).optional(),
  tlp: ZTlpSchema.optional(),
  confidentiality: z.enum(CASE_CONFIDENTIALITY).optional(),
  linkedRequestIds: z.array(Id).max(200).optional(),
  linkedCallIds: z.array(Id).max(200).optional(),
});
export type TCreateCase = z.infer<typeof ZCreateCaseSchema>;

export const ZUpdateCaseSchema = ZCreateCaseSchema.pick({
  reference: true,
  title: true,
  summary: true,
  crimeCategories: true,
  tlp: true,
  confidentiality: true,
}).partial();
export type TUpdateCase = z.infer<typeof ZUpdateCaseSchema>;

export const ZCaseReasonSchema = z.object({ reason: z.string().trim().min(1).max(CASE_LIMITS.reasonChars) });
export type TCaseReason = z.infer<typeof ZCaseReasonSchema>;

export const ZCaseStatusActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('activate'), note: z.string().max(CASE_LIMITS.reasonChars).optional() }),
  z.object({ action: z.literal('resume'), note: z.string().max(CASE_LIMITS.reasonChars).optional() }),
  z.object({ action: z.literal('suspend'), reason: ZCaseReasonSchema.shape.reason }),
  z.object({ action: z.literal('close'), reason: ZCaseReasonSchema.shape.reason }),
  z.object({ action: z.literal('reopen'), reason: ZCaseReasonSchema.shape.reason }),
]);
export type TCaseStatusAction = z.infer<typeof ZCaseStatusActionSchema>;

/** `userRoles` is filled in by the service from the user record, not taken from the client. */
export const ZCaseMemberSchema = z.object({ userId: Id, caseRole: ZCaseRoleSchema });
export type TCaseMember = z.infer<typeof ZCaseMemberSchema>;
export const ZUserRolesSchema = z.array(z.enum(ROLES));

/** Also used by the extraction API (src/http/routes/intel/extract.schema.ts). */
export const COUNTRY_CODE = ruleMessage(
  'Enter a two-letter country code such as CN or US.',
  '请输入两个字母的国家或地区代码，例如 CN 或 US。',
);

export const ZObservableInputSchema = z.object({
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string().min(1).max(4096),
  tlp: ZTlpSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  note: z.string().max(2000).optional(),
  options: z
    .object({
      defaultCountry: z
        .string()
        .regex(/^[A-Za-z]{2}$/, COUNTRY_CODE)
        .optional(),
      chain: z.string().trim().min(1).max(32).optional(),
      platform: z.string().trim().min(1).max(32).optional(),
    })
    .optional(),
});
export type TObservableInput = z.infer<typeof ZObservableInputSchema>;

export const ZAddObservablesSchema = z.object({
  observables: z.array(ZObservableInputSchema).min(1).max(MAX_OBSERVABLES_PER_BATCH),
  /** false: add the valid ones and report the rest; true (default): all or nothing. */
  atomic: z.boolean().optional(),
});
export type TAddObservables = z.infer<typeof ZAddObservablesSchema>;

export const ZAddTaskSchema = z.object({
  title: z.string().trim().min(1).max(TASK_TITLE_MAX),
  description: z.string().max(TASK_DESCRIPTION_MAX).optional(),
  assigneeUserId: Id.nullable().optional(),
  dueAt: IsoDateTime.nullable().optional(),
});
export type TAddTask = z.infer<typeof ZAddTaskSchema>;

export const ZTaskActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('complete'), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('cancel'), reason: z.string().max(2000).optional() }),
  z.object({ action: z.literal('reopen'), reason: z.string().max(2000).optional() }),
  z.object({ action: z.literal('reassign'), assigneeUserId: Id.nullable() }),
  z.object({ action: z.literal('reschedule'), dueAt: IsoDateTime.nullable() }),
  z.object({
    action: z.literal('edit'),
    title: z.string().trim().min(1).max(TASK_TITLE_MAX).optional(),
    description: z.string().max(TASK_DESCRIPTION_MAX).nullable().optional(),
  }),
]);
export type TTaskAction = z.infer<typeof ZTaskActionSchema>;

export const ZShareCaseSchema = z
  .object({
    recipients: z.array(Id).max(50).default([]),
    /** Sharing groups (docs/federation.md §19), expanded server-side to their current active peer members. */
    groups: z.array(Id).max(20).optional(),
    granularity: z.enum(SHARE_GRANULARITIES),
    observableIds: z.array(Id).max(MAX_OBSERVABLES_PER_BATCH).optional(),
    evidenceIds: z.array(Id).max(500).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((s) => s.granularity === 'whole_case' || (s.observableIds?.length ?? 0) + (s.evidenceIds?.length ?? 0) > 0, {
    message: ruleMessage('Select at least one observable or evidence item.', '请至少选择一条可观测数据或一件证据。'),
    path: ['observableIds'],
  })
  .refine((s) => s.recipients.length + (s.groups?.length ?? 0) > 0, {
    message: ruleMessage('Choose at least one recipient or sharing group.', '请至少选择一个接收方或共享分组。'),
    path: ['recipients'],
  });
export type TShareCase = z.infer<typeof ZShareCaseSchema>;

export const ZEvidenceMetadataSchema = z.object({
  filename: z.string().min(1).max(1024),
  mediaType: z.string().min(3).max(255),
  size: z.number().int().positive(),
  sha256: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      ruleMessage('Enter the SHA-256 hash: 64 hexadecimal characters.', '请输入 SHA-256 哈希值：64 位十六进制字符。'),
    )
    .optional(),
  requestId: Id.optional(),
  tlp: ZTlpSchema.optional(),
  description: z.string().max(2000).optional(),
});
export type TEvidenceMetadata = z.infer<typeof ZEvidenceMetadataSchema>;

export const ZCustodyActionSchema = z.object({
  kind: z.enum(CUSTODY_KINDS),
  note: z.string().max(2000).optional(),
});
export type TCustodyAction = z.infer<typeof ZCustodyActionSchema>;
