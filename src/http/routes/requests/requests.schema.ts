// HTTP shapes for requests: the domain's schemas plus list filters and the incoming-registration body.
import { z } from 'zod';
import { commaList, PARTY_ID } from '../common.schema.js';
import {
  REQUEST_STATUSES,
  REQUEST_TYPES,
  URGENCIES,
  ZCreateRequestDraftSchema,
  ZRequestActionSchema,
} from '../../../domain/request/index.js';
import { ZEvidenceUploadQuerySchema } from '../cases/cases.schema.js';

export const ZRequestListQuerySchema = z.object({
  status: commaList(REQUEST_STATUSES, 'statuses'),
  type: z.enum(REQUEST_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  direction: z.enum(['outgoing', 'incoming']).optional(),
  party: z.string().max(100).optional(),
  caseRef: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('only the requests whose expected next step I may take now (the count on the Requests item)'),
  exercise: z
    .union([z.uuid(), z.literal('running')])
    .optional()
    .describe(
      'only the requests of this tabletop exercise; `running`: real requests plus those of exercises running now (marked by exerciseId); left out otherwise',
    ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZRegisterIncomingRequestSchema = ZCreateRequestDraftSchema.omit({ requestedParty: true }).extend({
  requestingParty: z
    .string()
    .min(2)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/, PARTY_ID),
  senderReference: z.string().max(100).optional(),
});

/** A workflow step; `onBehalfOfCounterpart` records the step of a party that is not on the federation. */
export const ZRequestActionBodySchema = z.intersection(
  ZRequestActionSchema,
  z.object({ onBehalfOfCounterpart: z.boolean().optional() }),
);

/** A file answering the request, uploaded from its page: the case upload's metadata, the request implied. */
export const ZResponseEvidenceQuerySchema = ZEvidenceUploadQuerySchema.omit({ requestId: true });
