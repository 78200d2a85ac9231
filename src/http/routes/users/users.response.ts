// What the user administration routes answer with (zod schemas Fastify serialises through; the
// OpenAPI document and the web client's types come from them). Password and TOTP secrets stay home.
import { z } from 'zod';
import { ZLocaleSchema, ZRoleSchema } from '../../../domain/user/schemas.js';

export const ZUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(ZRoleSchema),
    locale: ZLocaleSchema,
    timeZone: z.string(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });

/** A user as the administration list shows it: with the number of passkeys. */
export const ZAdminUserSchema = ZUserSchema.extend({ passkeys: z.number().int() }).meta({ id: 'AdminUser' });
