// Sign-in, sign-out, own profile, TOTP enrolment and own API tokens.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCreateTokenSchema,
  ZLoginSchema,
  ZSessionLocaleSchema,
  ZTotpCodeSchema,
  ZTotpEnrolSchema,
  ZUpdateProfileSchema,
} from '../../../domain/user/schemas.js';
import type { ServiceContext } from '../../../services/context.js';
import { createApiToken, listTokens, revokeToken } from '../../../services/user/api-tokens.js';
import { login } from '../../../services/user/login.js';
import { logout } from '../../../services/user/logout.js';
import { presentUser } from '../../../services/user/present-user.js';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from '../../../services/user/totp-enrolment.js';
import { updateProfile } from '../../../services/user/update-profile.js';
import { mustUserEnrolPasskey } from '../../../services/passkey/passkey-gate.js';
import { chooseSessionLocale, sessionLanguage } from '../../../services/user/session-locale.js';
import { actorOf, sessionCookieName } from '../../plugins/auth.js';
import { isHttps } from '../../plugins/transport-security.js';
import { permissionsOf } from '../../../domain/user/permissions.js';
import { answers, itemsOf, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';
import { setSessionCookie, withRetryAfter } from './session-cookie.js';
import {
  ZApiTokenSchema,
  ZLoginResultSchema,
  ZLogoutResultSchema,
  ZMeSchema,
  ZNewApiTokenSchema,
  ZSessionLanguageSchema,
  ZTotpEnrolmentSchema,
} from './auth.response.js';
import { ZUserSchema } from '../users/users.response.js';
import { nodeBaseUrl } from './oidc.routes.js';

export function authRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.post(
      '/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Sign in (password, then TOTP code when enrolled)',
          body: ZLoginSchema,
          response: answers(ZLoginResultSchema),
        },
      },
      async (request, reply) => {
        const result = await withRetryAfter(reply, login(ctx, request.body, { ip: request.ip }));
        setSessionCookie(request, reply, ctx.config, result);
        return result;
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'End this session (endSessionUrl: where to end a single-sign-on session at the IdP, or null)',
          response: answers(ZLogoutResultSchema),
        },
      },
      async (request, reply) => {
        const { endSessionUrl } = await logout(
          ctx,
          actorOf(request),
          request.auth!.tokenHash,
          `${nodeBaseUrl(request, ctx)}/`,
        );
        void reply.clearCookie(sessionCookieName(ctx.config.nodeId), {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: isHttps(request, ctx.config),
        });
        return { ok: true as const, endSessionUrl };
      },
    );

    app.get(
      '/auth/me',
      {
        config: { permission: 'self' },
        schema: { tags, summary: 'The signed-in user and permissions', response: answers(ZMeSchema) },
      },
      async (request) => ({
        // The node's policy requires a passkey of this user and they have none: only their own account is open.
        mustEnrolPasskey: mustUserEnrolPasskey(request.auth!),
        user: presentUser(request.auth!.user),
        // An external party's account may only look after itself on /api, whatever its roles.
        permissions: request.auth!.boundParty ? ['self' as const] : [...permissionsOf(request.auth!.user.roles)],
        boundParty: request.auth!.boundParty,
        node: { id: ctx.config.nodeId, name: ctx.config.nodeName, country: ctx.config.country },
        // The language this browser session shows: its own choice, else the account's default (user.locale).
        session: sessionLanguage(request.auth!),
      }),
    );

    app.put(
      '/auth/session/locale',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Choose the language of this browser session only (null: follow the account default)',
          body: ZSessionLocaleSchema,
          response: answers(ZSessionLanguageSchema),
        },
      },
      async (request) => chooseSessionLocale(ctx, request.auth!, request.body.locale),
    );

    app.patch(
      '/auth/me',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Change own name, language, time zone',
          body: ZUpdateProfileSchema,
          response: answers(ZUserSchema),
        },
      },
      async (request) => updateProfile(ctx, actorOf(request), request.body),
    );

    app.post(
      '/auth/totp/enrol',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Start TOTP enrolment (while TOTP is on: with a current code, to replace the authenticator)',
          body: ZTotpEnrolSchema.nullish(),
          response: answers(ZTotpEnrolmentSchema),
        },
      },
      async (request) => startTotpEnrolment(ctx, actorOf(request), request.body ?? {}),
    );

    app.post(
      '/auth/totp/confirm',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Confirm TOTP with a first code',
          body: ZTotpCodeSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await confirmTotpEnrolment(ctx, actorOf(request), request.body.code);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/totp/disable',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Turn TOTP off (needs a current code)',
          body: ZTotpCodeSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await disableTotp(ctx, actorOf(request), request.body.code);
        return { ok: true as const };
      },
    );

    app.get(
      '/tokens',
      {
        config: { permission: 'self' },
        schema: {
          tags: ['tokens'],
          summary: 'List API tokens (own; all for admins)',
          response: answers(itemsOf(ZApiTokenSchema)),
        },
      },
      async (request) => ({ items: await listTokens(ctx, actorOf(request)) }),
    );

    app.post(
      '/tokens',
      {
        config: { permission: 'self' },
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token (secret shown once) with a scope and an expiry',
          body: ZCreateTokenSchema,
          response: answers(ZNewApiTokenSchema, 201),
        },
      },
      async (request, reply) => {
        const auth = request.auth!;
        // Made with a token: no wider scope, no longer life than that token's (token-scope.ts).
        const parent =
          auth.via === 'api_token' && auth.tokenExpiresAt
            ? { scope: auth.scope, expiresAt: auth.tokenExpiresAt }
            : null;
        return reply.status(201).send(await createApiToken(ctx, actorOf(request), request.body, parent));
      },
    );

    app.delete(
      '/tokens/:id',
      {
        config: { permission: 'self' },
        schema: {
          tags: ['tokens'],
          summary: 'Revoke an API token',
          params: ZIdParamsSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await revokeToken(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
