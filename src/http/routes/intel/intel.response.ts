// What the intel routes (extraction, correlation, STIX objects, TAXII administration) answer with,
// as zod schemas: Fastify serialises through them (only these fields leave the node) and the OpenAPI
// document — and so the web client's types — come from them. A feed's sealed secret is never among them.
import { z } from 'zod';
import { OBSERVABLE_TYPES } from '../../../domain/case/observable-types.js';
import { SOURCE_KINDS } from '../../../intel/correlation/rules.js';
import { ZBilingualSchema } from '../common.schema.js';

const ZSpanSchema = z.object({ start: z.number(), end: z.number(), raw: z.string() });

// Extraction

/** `cue`: for an account named by a cue word (微信, QQ, TG …), where that word is. */
const ZIndicatorSpanSchema = ZSpanSchema.extend({ cue: ZSpanSchema.optional() }).meta({ id: 'IndicatorSpan' });

export const ZExtractedIndicatorSchema = z
  .object({
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string(),
    flags: z.array(z.string()),
    spans: z.array(ZIndicatorSpanSchema),
  })
  .meta({ id: 'ExtractedIndicator' });

export const ZExtractResultSchema = z
  .object({
    indicators: z.array(ZExtractedIndicatorSchema),
    occurrences: z.number(),
    chars: z.number(),
  })
  .meta({ id: 'ExtractResult' });

// Correlation

const ZAlertSourceSchema = z
  .object({ kind: z.enum(SOURCE_KINDS), id: z.string(), label: z.string().nullable() })
  .meta({ id: 'AlertSource' });

export const ZCorrelationAlertSchema = z
  .object({
    id: z.string(),
    a: ZAlertSourceSchema,
    b: ZAlertSourceSchema,
    matches: z.array(z.object({ type: z.string(), value: z.string() })),
    matchCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ackedAt: z.string().nullable(),
    ackedBy: z.string().nullable(),
  })
  .meta({ id: 'CorrelationAlert' });

export const ZAlertPageSchema = z
  .object({
    items: z.array(ZCorrelationAlertSchema),
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
  })
  .meta({ id: 'AlertPage' });

export const ZCorrelationsSchema = z
  .object({
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string(),
    display: z.string(),
    /** How many sources hold the value, including those this viewer may not see. */
    sourceCount: z.number(),
    status: z.enum(['alert', 'common', 'excluded']),
    sources: z.array(ZAlertSourceSchema.extend({ firstSeen: z.string() })),
  })
  .meta({ id: 'Correlations' });

export const ZCorrelationExclusionSchema = z
  .object({
    type: z.enum(OBSERVABLE_TYPES),
    value: z.string(),
    hash: z.string(),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CorrelationExclusion' });

// STIX objects

export const ZIntelObjectSummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.string(),
    tlp: z.string().nullable(),
    modified: z.string(),
    addedAt: z.string(),
    collectionId: z.string(),
    source: z.string(),
  })
  .meta({ id: 'IntelObjectSummary' });

export const ZIntelObjectPageSchema = z
  .object({
    items: z.array(ZIntelObjectSummarySchema),
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
  })
  .meta({ id: 'IntelObjectPage' });

const ZIntelObjectVersionSchema = ZIntelObjectSummarySchema.extend({
  specVersion: z.string(),
  created: z.string().nullable(),
  /** The STIX object as stored, every property kept. */
  object: z.looseObject({ type: z.string(), id: z.string() }),
}).meta({ id: 'IntelObjectVersion' });

export const ZIntelObjectVersionsSchema = z
  .object({ versions: z.array(ZIntelObjectVersionSchema) })
  .meta({ id: 'IntelObjectVersions' });

const ZStixIssueSchema = z
  .object({ path: z.string(), code: z.string(), message: ZBilingualSchema })
  .meta({ id: 'StixIssue' });

export const ZStixImportResultSchema = z
  .object({
    collectionId: z.string(),
    total: z.number(),
    imported: z.number(),
    duplicates: z.number(),
    invalidCount: z.number(),
    invalid: z.array(
      z
        .object({
          index: z.number(),
          id: z.string().optional(),
          type: z.string().optional(),
          issues: z.array(ZStixIssueSchema),
        })
        .meta({ id: 'InvalidStixObject' }),
    ),
  })
  .meta({ id: 'StixImportResult' });

// TAXII administration

export const ZTaxiiInfoSchema = z
  .object({
    discoveryUrl: z.string(),
    apiRootUrl: z.string(),
    maxContentLength: z.number(),
    apiRoots: z.array(z.object({ name: z.string(), url: z.string() })),
  })
  .meta({ id: 'TaxiiInfo' });

export const ZTaxiiCollectionSchema = z
  .object({
    id: z.string(),
    alias: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    readers: z.array(z.string()),
    writers: z.array(z.string()),
    maxTlp: z.string(),
    apiRoot: z.string(),
    createdAt: z.string(),
    /** In lists: how many objects the collection holds. */
    objectCount: z.number().optional(),
  })
  .meta({ id: 'TaxiiCollection' });

/** `complete` is false when the run ended early (the feed's lastError says why and what was kept). */
const ZTaxiiFeedResultSchema = z
  .object({
    imported: z.number(),
    duplicates: z.number(),
    invalid: z.number(),
    requests: z.number(),
    complete: z.boolean().optional(),
  })
  .meta({ id: 'TaxiiFeedResult' });

export const ZTaxiiFeedSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    collection: z.string(),
    targetCollectionId: z.string(),
    auth: z.object({
      kind: z.enum(['none', 'bearer', 'basic']),
      username: z.string().optional(),
      hasSecret: z.boolean(),
    }),
    intervalMinutes: z.number(),
    enabled: z.boolean(),
    watermark: z.string().nullable(),
    nextRunAt: z.string(),
    running: z.boolean(),
    lastRunAt: z.string().nullable(),
    lastResult: ZTaxiiFeedResultSchema.nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TaxiiFeed' });

export const ZTaxiiPullResultSchema = z
  .object({
    feed: ZTaxiiFeedSchema,
    ran: z.boolean(),
    error: z.string().nullable(),
    summary: z
      .object({
        imported: z.number(),
        duplicates: z.number(),
        /** The first 100 objects refused; invalidCount counts them all. */
        invalid: z.array(z.object({ id: z.string().optional(), reason: z.string() })),
        invalidCount: z.number(),
        requests: z.number(),
        pages: z.number(),
        watermark: z.string().nullable(),
        complete: z.boolean(),
        error: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'TaxiiPullResult' });

export const ZTaxiiFeedDeletedSchema = z.object({ deleted: z.literal(true) }).meta({ id: 'TaxiiFeedDeleted' });

export const ZPartyAccountSchema = z
  .object({ userId: z.string(), username: z.string(), party: z.string() })
  .meta({ id: 'PartyAccount' });

/** A binding as changed: `party` null once removed. */
export const ZPartyBindingSchema = z
  .object({ userId: z.string(), party: z.string().nullable() })
  .meta({ id: 'PartyBinding' });
