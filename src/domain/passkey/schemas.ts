// Input shapes of the passkey routes (reused by HTTP validation and OpenAPI). The ceremony answers
// are the browser's PublicKeyCredential as JSON (what @simplewebauthn/browser returns): checked
// here for shape and size, verified cryptographically by the service.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/, ruleMessage('Not base64url.', '不是 base64url 编码。'));
const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);
const attachment = z.enum(['platform', 'cross-platform']);

export const ZPasskeyNameSchema = z.string().trim().min(1).max(64);

export const ZRegistrationResponseSchema = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type TRegistrationResponse = z.infer<typeof ZRegistrationResponseSchema>;

export const ZAuthenticationResponseSchema = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type TAuthenticationResponse = z.infer<typeof ZAuthenticationResponseSchema>;

/** A sign-in challenge: `login` (the passkey alone) or `second_factor` (after the password). */
export const ZPasskeyChallengeSchema = z.object({ purpose: z.enum(['login', 'second_factor']) });
export const ZPasskeyRegisterSchema = z.object({ name: ZPasskeyNameSchema, response: ZRegistrationResponseSchema });
export const ZPasskeyRenameSchema = z.object({ name: ZPasskeyNameSchema });
/** Removing needs a proof: the account's password, or a fresh answer of one of its passkeys. */
export const ZPasskeyRemoveSchema = z.object({
  password: z.string().min(1).max(1024).optional(),
  passkey: ZAuthenticationResponseSchema.optional(),
});
export const ZPasskeyLoginSchema = z.object({
  response: ZAuthenticationResponseSchema,
  locale: z.enum(['en', 'zh-CN']).optional(),
});
export const ZPasskeyPolicySchema = z.object({ requireForRedRoles: z.boolean() });
