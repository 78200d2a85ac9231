// Input shapes of the paging API (reused by HTTP and OpenAPI).
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { isWallClock } from './rules.js';

const wallClock = z
  .string()
  .refine(
    isWallClock,
    ruleMessage('Enter a local time as HH:MM, e.g. 22:00.', '请按 HH:MM 格式填写当地时间，例如 22:00。'),
  );

export const ZQuietHoursSchema = z.object({ start: wallClock, end: wallClock });

export const ZPagingSettingsUpdateSchema = z.object({
  email: z.email().max(254).nullable().optional(),
  emailEnabled: z.boolean().optional(),
  webhookUrl: z.url().max(2000).nullable().optional(),
  webhookEnabled: z.boolean().optional(),
  /** A new signing secret for the webhook (shown once in the answer). */
  rotateWebhookSecret: z.boolean().optional(),
  quietHours: ZQuietHoursSchema.nullable().optional(),
});
export type PagingSettingsUpdate = z.infer<typeof ZPagingSettingsUpdateSchema>;

export const ZAckLinkSchema = z.object({ token: z.string().min(10).max(200) });

export const ZPageListQuerySchema = z.object({
  state: z.enum(['pending', 'sent', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
