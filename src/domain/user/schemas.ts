// Input shapes for users, sign-in and API tokens (reused by HTTP validation and OpenAPI).
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { ROLES } from '../shared/roles.js';
import { TOKEN_SCOPES } from './token-scope.js';
import { ZAuthenticationResponseSchema } from '../passkey/schemas.js';

export const ZRoleSchema = z.enum(ROLES);
export const ZUsernameSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    ruleMessage(
      'Use 2–63 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit.',
      '请用 2–63 个小写字母、数字、点、下划线或连字符，并以字母或数字开头。',
    ),
  );
export const ZLocaleSchema = z.enum(['en', 'zh-CN']);

export const ZLoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z.string().max(16).optional(),
  /** A passkey's answer as the second step (instead of `totp`), to a `second_factor` challenge. */
  passkey: ZAuthenticationResponseSchema.optional(),
  /** The language picked on the sign-in page: this session's, the account's default unchanged. */
  locale: ZLocaleSchema.optional(),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZCreateUserSchema = z.object({
  username: ZUsernameSchema,
  displayName: z.string().min(1).max(200),
  email: z.email().max(320).optional(),
  roles: z.array(ZRoleSchema).min(1).max(7),
  password: z.string().min(1).max(1024),
  locale: ZLocaleSchema.default('en'),
  timeZone: z.string().min(1).max(64).default('UTC'),
});
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

export const ZUpdateUserSchema = z.object({
  displayName: z.string().min(1).max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  roles: z.array(ZRoleSchema).min(1).max(7).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(1024).optional(),
  unlock: z.boolean().optional(),
  /** Lost device: turn TOTP off and remove every passkey, so the user enrols again (never one's own account). */
  resetSecondFactors: z.boolean().optional(),
});
export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

/** The language of this browser session only; null returns to the account's default. */
export const ZSessionLocaleSchema = z.object({ locale: ZLocaleSchema.nullable() });

export const ZUpdateProfileSchema = z.object({
  displayName: z.string().min(1).max(200).optional(),
  locale: ZLocaleSchema.optional(),
  timeZone: z.string().min(1).max(64).optional(),
});

export const ZCreateTokenSchema = z.object({
  name: z.string().min(1).max(100),
  /** read_only: GET/HEAD only; taxii_only: /taxii2/ only; full: all the user's roles allow. */
  scope: z.enum(TOKEN_SCOPES).default('full'),
  /** Default apiTokenDefaultDays (90); at most apiTokenMaxDays (365), checked by the service. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TCreateToken = z.infer<typeof ZCreateTokenSchema>;

const TOTP_CODE = ruleMessage(
  'Enter the 6-digit code from your authenticator app.',
  '请输入身份验证器应用显示的 6 位验证码。',
);
export const ZTotpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, TOTP_CODE) });
/** Starting enrolment: while TOTP is on, a current code of the enrolled authenticator is required. */
export const ZTotpEnrolSchema = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, TOTP_CODE)
    .optional(),
});

export const MIN_PASSWORD_LENGTH = 12;
