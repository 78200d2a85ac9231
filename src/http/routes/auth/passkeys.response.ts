// Shapes of the passkey routes' answers (docs/api.md, "Response shapes"). The WebAuthn options are
// the browser's own format (WebAuthn Level 3 JSON): their parts are declared, and further top-level
// options (authenticatorSelection, attestation, extensions, hints) pass unchanged (loose).
import { z } from 'zod';
import { ZRoleSchema } from '../../../domain/user/schemas.js';

/** WebAuthn's authenticator transports and user-verification levels (its fixed value lists). */
const ZTransport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const ZUserVerification = z.enum(['required', 'preferred', 'discouraged']);

export const ZPasskeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    backedUp: z.boolean(),
    multiDevice: z.boolean(),
    transports: z.array(z.string()),
  })
  .meta({ id: 'Passkey' });

export const ZOwnPasskeysSchema = z
  .object({
    items: z.array(ZPasskeySchema),
    required: z.boolean(),
    mustEnrol: z.boolean(),
    rpId: z.string(),
  })
  .meta({ id: 'OwnPasskeys' });

const ZCredentialDescriptor = z.object({
  id: z.string(),
  type: z.literal('public-key'),
  transports: z.array(ZTransport).optional(),
});

export const ZPasskeyCreationOptionsSchema = z
  .looseObject({
    challenge: z.string(),
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number() })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(ZCredentialDescriptor).optional(),
  })
  .meta({ id: 'PasskeyCreationOptions' });

export const ZPasskeyRequestOptionsSchema = z
  .looseObject({
    challenge: z.string(),
    rpId: z.string().optional(),
    timeout: z.number().optional(),
    allowCredentials: z.array(ZCredentialDescriptor).optional(),
    userVerification: ZUserVerification.optional(),
  })
  .meta({ id: 'PasskeyRequestOptions' });

export const ZPasskeyPolicySchema = z
  .object({
    requireForRedRoles: z.boolean(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    coveredRoles: z.array(ZRoleSchema),
    canChange: z.boolean(),
  })
  .meta({ id: 'PasskeyPolicy' });
