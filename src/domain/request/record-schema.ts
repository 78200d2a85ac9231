// The stored shape of a request for assistance (RequestRecord) as a zod schema, checked against the
// type at compile time, and its upgrade chain (docs/architecture.md, "Storage").
import { z } from 'zod';
import { ZBilingual } from '../shared/record-schema-parts.js';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import {
  ASSET_KINDS,
  CONFIDENTIALITY_LEVELS,
  CRIME_CATEGORIES,
  IDENTIFIER_KINDS,
  INTERVIEW_ROLES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  TAKEDOWN_CONTENT_KINDS,
  URGENCIES,
  type RequestRecord,
} from './types.js';

const side = z.enum(['requesting', 'requested']);

const ZIdentifier = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  timeZone: z.string().optional(),
  service: z.string().optional(),
  note: z.string().optional(),
});

const ZDetails = z.object({
  preservation: z.object({ dataToPreserve: z.string(), provider: z.string() }).optional(),
  expeditedDisclosure: z.object({ preservationReference: z.string() }).optional(),
  emergency: z.object({ threatDescription: z.string() }).optional(),
  takedown: z
    .object({
      urls: z.array(z.string()),
      contentKind: z.enum(TAKEDOWN_CONTENT_KINDS),
      hostingProvider: z.string().optional(),
    })
    .optional(),
  freeze: z
    .object({
      assetKind: z.enum(ASSET_KINDS),
      account: z.string(),
      institution: z.string(),
      amount: z.string(),
      currency: z.string(),
    })
    .optional(),
  interview: z
    .object({
      personName: z.string(),
      role: z.enum(INTERVIEW_ROLES),
      language: z.string().optional(),
      videoConference: z.boolean().optional(),
      questions: z.string().optional(),
    })
    .optional(),
});

const ZOverrideValues = z.object({
  ackDueAt: z.string().optional(),
  responseDueAt: z.string().optional(),
  preservationDays: z.number().optional(),
  renewalDays: z.number().optional(),
  maxRenewals: z.number().nullable().optional(),
  renewalReminderDays: z.number().optional(),
});

const nullableString = z.string().nullable();

export const ZRequestRecord = z.object({
  requestingParty: z.string(),
  requestedParty: z.string(),
  caseRef: z.string(),
  subject: ZBilingual,
  crimeCategory: z.enum(CRIME_CATEGORIES).nullable(),
  facts: z.string(),
  dataRequested: z.string(),
  identifiers: z.array(ZIdentifier),
  type: z.enum(REQUEST_TYPES),
  legalBasis: nullableString,
  legalBasisNote: z.string().optional(),
  urgency: z.enum(URGENCIES),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  requestedDeadline: nullableString,
  contactOfficer: z.object({ name: z.string(), email: z.string(), phone: z.string() }),
  details: ZDetails,
  id: z.string(),
  reference: z.string(),
  status: z.enum(REQUEST_STATUSES),
  approvalRequired: z.boolean(),
  approval: z
    .object({
      requestedAt: z.string(),
      decidedAt: nullableString,
      decision: z.enum(['granted', 'refused']).nullable(),
      authority: z.string().optional(),
      reference: z.string().optional(),
      note: z.string().optional(),
    })
    .nullable(),
  clocks: z.object({
    ackClockStartAt: nullableString,
    ackDueAt: nullableString,
    responseClockStartAt: nullableString,
    responseDueAt: nullableString,
    pausedAt: nullableString,
    preservationStartedAt: nullableString,
    preservationExpiresAt: nullableString,
    renewalCount: z.number(),
  }),
  clockOverrides: ZOverrideValues.extend({
    agreedAt: z.string(),
    proposedBy: side,
    note: z.string().optional(),
  }).nullable(),
  pendingClockOverride: z
    .object({
      values: ZOverrideValues,
      proposedBy: side,
      proposedAt: z.string(),
      proposedByLabel: z.string(),
      note: z.string().optional(),
    })
    .nullable(),
  informationRequest: z
    .object({ questions: z.string(), requestedAt: z.string(), previousStatus: z.enum(REQUEST_STATUSES) })
    .nullable(),
  declineReason: nullableString,
  withdrawReason: nullableString,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: nullableString,
  acknowledgedAt: nullableString,
  acceptedAt: nullableString,
  declinedAt: nullableString,
  workStartedAt: nullableString,
  partiallyFulfilledAt: nullableString,
  fulfilledAt: nullableString,
  closedAt: nullableString,
  withdrawnAt: nullableString,
  exerciseId: nullableString.optional(),
  version: z.number().int(),
});

sameType<SameType<z.infer<typeof ZRequestRecord>, RequestRecord>>(true);

export const REQUEST_DOCUMENT = storedDocument<RequestRecord>('request', ZRequestRecord);
