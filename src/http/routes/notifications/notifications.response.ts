// What the notification routes answer with (zod schemas Fastify serialises through; the OpenAPI
// document and the web client's types come from them). Who a notification was addressed to stays home.
import { z } from 'zod';
import { ZBilingualSchema } from '../common.schema.js';

export const ZNotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: ZBilingualSchema,
    body: ZBilingualSchema,
    severity: z.enum(['info', 'warning', 'critical']),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
