// What the paging routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node — never a webhook secret except the one shown once, never the SMTP password)
// and the OpenAPI document, and so the web client's types, come from them.
import { z } from 'zod';
import { PAGE_CHANNELS } from '../../../domain/paging/rules.js';
import { PAGE_CONTENT_FIELDS } from '../../../domain/paging/page-content.js';
import { NO_OVERRIDES, SMTP_SECURITY } from '../../../domain/paging/node-settings.js';

const ZQuietHours = z.object({ start: z.string(), end: z.string() });
const ZContent = z.array(z.enum(PAGE_CONTENT_FIELDS));

export const ZMyPagingSchema = z
  .object({
    email: z.string().nullable(),
    emailEnabled: z.boolean(),
    webhookUrl: z.string().nullable(),
    webhookEnabled: z.boolean(),
    webhookHasSecret: z.boolean(),
    quietHours: ZQuietHours.nullable(),
    smtpConfigured: z.boolean(),
    allowedContent: ZContent,
    webhookHosts: z.array(z.string()),
    /** Only in the answer that made it. */
    webhookSecret: z.string().optional(),
  })
  .meta({ id: 'MyPagingSettings' });

export const ZPageAckTargetSchema = z
  .object({ subjectType: z.string(), subjectId: z.string(), path: z.string() })
  .meta({ id: 'PageAckTarget' });

const PAGE_STATES = ['pending', 'sent', 'failed'] as const;

export const ZPageOutboxItemSchema = z
  .object({
    id: z.string(),
    notificationId: z.string(),
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    channel: z.enum(PAGE_CHANNELS),
    emergency: z.boolean(),
    state: z.enum(PAGE_STATES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    heldUntil: z.string().nullable(),
    nextAttemptAt: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
  })
  .meta({ id: 'PageOutboxItem' });

export const ZPageOutboxSchema = z
  .object({
    counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
    items: z.array(ZPageOutboxItemSchema),
  })
  .meta({ id: 'PageOutbox' });

const OVERRIDABLE = Object.keys(NO_OVERRIDES) as [keyof typeof NO_OVERRIDES, ...(keyof typeof NO_OVERRIDES)[]];

export const ZNodePagingSchema = z
  .object({
    smtp: z.object({
      host: z.string().nullable(),
      port: z.number().int(),
      security: z.enum(SMTP_SECURITY),
      from: z.string(),
      user: z.string().nullable(),
      hasPassword: z.boolean(),
      caFile: z.string().nullable(),
    }),
    content: ZContent,
    webhookHosts: z.array(z.string()),
    deadlineSoonHours: z.number().int(),
    overridden: z.array(z.enum(OVERRIDABLE)),
    configured: z.object({
      smtpHost: z.string().nullable(),
      smtpPort: z.number().int(),
      smtpSecurity: z.string(),
      smtpFrom: z.string(),
      content: z.array(z.string()),
      webhookHosts: z.array(z.string()),
      deadlineSoonHours: z.number().int(),
    }),
    allowHttpWebhooks: z.boolean(),
  })
  .meta({ id: 'NodePagingSettings' });
