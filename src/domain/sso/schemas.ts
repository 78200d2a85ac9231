// Input shapes for single-sign-on providers (admin API and OpenAPI), with bilingual rule messages.
import { z } from 'zod';
import { ruleMessage } from '../shared/bilingual.js';
import { ZRoleSchema } from '../user/schemas.js';

export const ZSsoSlugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,39}$/,
    ruleMessage(
      'Use 2–40 lower-case letters, digits or hyphens, starting with a letter or digit (it becomes part of the redirect URI).',
      '请用 2–40 个小写字母、数字或连字符，并以字母或数字开头（它将成为回调地址的一部分）。',
    ),
  );

const ZClaimNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_:./-]{1,100}$/,
    ruleMessage(
      'A claim name is 1–100 letters, digits or _ : . / -.',
      '声明名称为 1–100 个字母、数字或 _ : . / - 字符。',
    ),
  );

export const ZRoleMappingSchema = z.object({
  claim: ZClaimNameSchema,
  value: z.string().min(1).max(200),
  role: ZRoleSchema,
});
export type TRoleMapping = z.infer<typeof ZRoleMappingSchema>;

const ZScopeSchema = z
  .string()
  .regex(
    /^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/,
    ruleMessage(
      'A scope is one word of visible characters without quotes or backslashes.',
      '每个范围（scope）是一个不含引号或反斜杠的可见字符单词。',
    ),
  );

const provider = {
  issuer: z.url().max(500),
  clientId: z.string().min(1).max(200),
  scopes: z.array(ZScopeSchema).max(20),
  usernameClaim: ZClaimNameSchema,
  roleMappings: z.array(ZRoleMappingSchema).max(100),
  autoCreate: z.boolean(),
  nameEn: z.string().trim().min(1).max(100),
  nameZh: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
};

export const ZCreateSsoProviderSchema = z.object({
  slug: ZSsoSlugSchema,
  ...provider,
  clientSecret: z.string().min(1).max(500).optional(),
  scopes: provider.scopes.default(['openid', 'profile', 'email']),
  usernameClaim: provider.usernameClaim.default('preferred_username'),
  roleMappings: provider.roleMappings.default([]),
  autoCreate: provider.autoCreate.default(false),
  enabled: provider.enabled.default(true),
});
export type TCreateSsoProvider = z.infer<typeof ZCreateSsoProviderSchema>;

/** Every field optional; a client secret given replaces the sealed one (it is never read back). */
export const ZUpdateSsoProviderSchema = z.object({
  ...(Object.fromEntries(Object.entries(provider).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof provider]: z.ZodOptional<(typeof provider)[K]>;
  }),
  clientSecret: z.string().min(1).max(500).nullable().optional(),
});
export type TUpdateSsoProvider = z.infer<typeof ZUpdateSsoProviderSchema>;

export const ZSsoStartQuerySchema = z.object({ locale: z.enum(['en', 'zh-CN']).optional() });

/** What the IdP sends back to the redirect URI; anything else is ignored. */
export const ZSsoCallbackQuerySchema = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(512).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    iss: z.string().max(500).optional(),
    session_state: z.string().max(500).optional(),
  })
  .loose();
