// What the sign-in, profile, TOTP and API-token routes answer with (zod schemas Fastify serialises
// through; the OpenAPI document and the web client's types come from them). Secrets leave the node
// only where the user must see them once: a new API token, a TOTP secret being enrolled.
import { z } from 'zod';
import { PERMISSIONS } from '../../../domain/user/permissions.js';
import { ZLocaleSchema } from '../../../domain/user/schemas.js';
import { TOKEN_SCOPES } from '../../../domain/user/token-scope.js';
import { ZBilingualSchema } from '../common.schema.js';
import { ZUserSchema } from '../users/users.response.js';

export const ZSessionLanguageSchema = z
  .object({ locale: ZLocaleSchema, sessionChoice: z.boolean() })
  .meta({ id: 'SessionLanguage' });

export const ZLoginResultSchema = z
  .object({ token: z.string(), expiresAt: z.string(), user: ZUserSchema })
  .meta({ id: 'LoginResult' });

export const ZLogoutResultSchema = z
  .object({ ok: z.literal(true), endSessionUrl: z.string().nullable() })
  .meta({ id: 'LogoutResult' });

export const ZMeSchema = z
  .object({
    /** The node's policy requires a passkey of this user and they have none: only their own account is open. */
    mustEnrolPasskey: z.boolean(),
    user: ZUserSchema,
    permissions: z.array(z.enum(PERMISSIONS)),
    /** Set for an external party's TAXII account: the web UI then offers its own settings only. */
    boundParty: z.string().nullable(),
    node: z.object({ id: z.string(), name: ZBilingualSchema, country: z.string() }),
    /** The language this browser session shows (its own choice, else the account's default). */
    session: ZSessionLanguageSchema,
  })
  .meta({ id: 'Me' });

export const ZTotpEnrolmentSchema = z
  .object({ secret: z.string(), otpauthUri: z.string() })
  .meta({ id: 'TotpEnrolment' });

export const ZApiTokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/** A token just made: the only answer that carries its secret. */
export const ZNewApiTokenSchema = ZApiTokenSchema.extend({ token: z.string() }).meta({ id: 'NewApiToken' });
