// Zod shapes of request inputs (create/update draft, workflow actions), reused by HTTP validation and OpenAPI.
// Shape only: the bilingual business rules live in validate-request.ts and action-params.ts.
import { z } from 'zod';
import { LEGAL_BASIS_IDS } from './legal-bases.js';
import {
  ASSET_KINDS,
  CONFIDENTIALITY_LEVELS,
  CRIME_CATEGORIES,
  IDENTIFIER_KINDS,
  INTERVIEW_ROLES,
  REQUEST_ACTIONS,
  REQUEST_TYPES,
  TAKEDOWN_CONTENT_KINDS,
  URGENCIES,
} from './types.js';

const text = (max: number) => z.string().max(max);
const instant = z.iso.datetime({ offset: true });
const note = { note: text(4000).optional() };

export const ZIdentifierSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  value: text(1000),
  from: instant.optional(),
  to: instant.optional(),
  timeZone: text(64).optional(),
  service: text(200).optional(),
  note: text(2000).optional(),
});

export const ZRequestDetailsSchema = z.object({
  preservation: z.object({ dataToPreserve: text(4000), provider: text(300) }).optional(),
  expeditedDisclosure: z.object({ preservationReference: text(200) }).optional(),
  emergency: z.object({ threatDescription: text(8000) }).optional(),
  takedown: z
    .object({
      urls: z.array(text(2000)).max(500),
      contentKind: z.enum(TAKEDOWN_CONTENT_KINDS),
      hostingProvider: text(300).optional(),
    })
    .optional(),
  freeze: z
    .object({
      assetKind: z.enum(ASSET_KINDS),
      account: text(300),
      institution: text(300),
      amount: text(40),
      currency: text(10),
    })
    .optional(),
  interview: z
    .object({
      personName: text(300),
      role: z.enum(INTERVIEW_ROLES),
      language: text(50).optional(),
      videoConference: z.boolean().optional(),
      questions: text(8000).optional(),
    })
    .optional(),
});

const draftFields = {
  caseRef: text(100),
  subject: z.object({ en: text(300), zh: text(300) }),
  crimeCategory: z.enum(CRIME_CATEGORIES).nullable(),
  facts: text(20000),
  dataRequested: text(10000),
  identifiers: z.array(ZIdentifierSchema).max(200),
  legalBasis: z.enum(LEGAL_BASIS_IDS).nullable(),
  legalBasisNote: text(1000),
  urgency: z.enum(URGENCIES),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  requestedDeadline: instant.nullable(),
  contactOfficer: z.object({ name: text(200), email: text(254), phone: text(40) }),
  details: ZRequestDetailsSchema,
};

const ZDraftFieldsSchema = z.object(draftFields);

/**
 * A draft may still lack its requested party: submitting checks it together with every other
 * required field (validate-request.ts), so one try names all that is missing.
 */
export const ZCreateRequestDraftSchema = ZDraftFieldsSchema.partial().extend({
  type: z.enum(REQUEST_TYPES),
  requestedParty: z.string().max(200),
});
export type TCreateRequestDraft = z.infer<typeof ZCreateRequestDraftSchema>;

/** `requestedParty` and `type` may change while the request is a draft. */
export const ZUpdateRequestDraftSchema = ZCreateRequestDraftSchema.partial().extend({
  /** Optimistic locking: the version the editor started from. */
  expectedVersion: z.number().int().positive().optional(),
});
export type TUpdateRequestDraft = z.infer<typeof ZUpdateRequestDraftSchema>;

export const ZClockOverrideValuesSchema = z.object({
  ackDueAt: instant.optional(),
  responseDueAt: instant.optional(),
  preservationDays: z.number().int().min(1).max(3650).optional(),
  renewalDays: z.number().int().min(1).max(3650).optional(),
  maxRenewals: z.number().int().min(0).max(100).nullable().optional(),
  renewalReminderDays: z.number().int().min(0).max(365).optional(),
});

const evidence = { evidenceIds: z.array(z.string().max(100)).max(1000).optional() };

/** One workflow action with its parameters, discriminated by `action`. */
export const ZRequestActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), ...note }),
  z.object({ action: z.literal('acknowledge'), ...note }),
  z.object({ action: z.literal('accept'), ...note }),
  z.object({ action: z.literal('request_information'), questions: text(8000) }),
  z.object({ action: z.literal('provide_information'), information: text(20000) }),
  z.object({ action: z.literal('decline'), reason: text(4000) }),
  z.object({ action: z.literal('request_approval'), authority: text(300).optional(), ...note }),
  z.object({
    action: z.literal('record_approval'),
    decision: z.enum(['granted', 'refused']),
    authority: text(300).optional(),
    reference: text(200).optional(),
    reason: text(4000).optional(),
  }),
  z.object({ action: z.literal('start_work'), ...note }),
  z.object({ action: z.literal('partially_fulfil'), ...note, ...evidence }),
  z.object({ action: z.literal('fulfil'), ...note, ...evidence }),
  z.object({ action: z.literal('close'), ...note }),
  z.object({ action: z.literal('withdraw'), reason: text(4000) }),
  z.object({ action: z.literal('renew_preservation'), ...note }),
  z.object({ action: z.literal('propose_clock_override'), values: ZClockOverrideValuesSchema, ...note }),
  z.object({ action: z.literal('agree_clock_override'), ...note }),
  z.object({ action: z.literal('reject_clock_override'), ...note }),
]);
export type TRequestAction = z.infer<typeof ZRequestActionSchema>;

/** Every action name, for route params and OpenAPI enums. */
export const ZRequestActionNameSchema = z.enum(REQUEST_ACTIONS);

/** Deadlines as the requesting node stored them at submission (both nodes then evaluate the same clocks). */
export const ZSubmittedClocksSchema = z.object({
  ackClockStartAt: instant.nullable(),
  ackDueAt: instant,
  responseClockStartAt: instant.nullable(),
  responseDueAt: instant,
  pausedAt: instant.nullable(),
  preservationStartedAt: instant.nullable(),
  preservationExpiresAt: instant.nullable(),
  renewalCount: z.number().int().min(0).max(10_000),
});

/**
 * The body of `request.submitted` (docs/federation.md §17): the request's content, as a draft holds
 * it, plus the identity and clocks the requesting node gave it at submission. The content rules
 * (required fields per type, legal basis …) are checked again by receiveSubmittedRequest.
 */
export const ZSubmittedRequestSnapshotSchema = z.object({
  ...draftFields,
  legalBasisNote: text(1000).optional(),
  requestingParty: z.string().min(1).max(200),
  requestedParty: z.string().min(1).max(200),
  type: z.enum(REQUEST_TYPES),
  id: z.uuid(),
  reference: z.string().min(1).max(200),
  submittedAt: instant,
  clocks: ZSubmittedClocksSchema,
  approvalRequired: z.boolean(),
  createdBy: z.string().min(1).max(300),
});
