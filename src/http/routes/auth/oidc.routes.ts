// Single sign-on with OpenID Connect: the sign-in page's provider buttons, the redirect to the IdP
// and its callback (public: the browser arrives here from the IdP), and the admin's provider
// settings. A refused SSO sign-in redirects to the sign-in page with `?sso_error=<CODE>`, which the
// page shows in the user's language; it never ends on an error page of the API.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/shared/roles.js';
import { isAppError } from '../../../errors.js';
import { refusalCodeOf } from '../../../domain/sso/provider.js';
import {
  ZCreateSsoProviderSchema,
  ZSsoCallbackQuerySchema,
  ZSsoSlugSchema,
  ZSsoStartQuerySchema,
  ZUpdateSsoProviderSchema,
} from '../../../domain/sso/schemas.js';
import type { ServiceContext } from '../../../services/context.js';
import { finishSsoLogin } from '../../../services/sso/finish-login.js';
import {
  createProvider,
  deleteProvider,
  listProviderButtons,
  listProviders,
  updateProvider,
} from '../../../services/sso/providers.js';
import { startSsoLogin } from '../../../services/sso/start-login.js';
import { backchannelLogout } from '../../../services/sso/backchannel-logout.js';
import { actorOf } from '../../plugins/auth.js';
import { isHttps } from '../../plugins/transport-security.js';
import { answers, itemsOf, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';
import { setSessionCookie } from './session-cookie.js';

const ZProviderParamsSchema = z.object({ provider: ZSsoSlugSchema });

/** What an admin reads of a provider: everything but the client secret (only whether one is set). */
const ZPublicSsoProviderSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    scopes: z.array(z.string()),
    usernameClaim: z.string(),
    roleMappings: z.array(z.object({ claim: z.string(), value: z.string(), role: z.enum(ROLES) })),
    autoCreate: z.boolean(),
    nameEn: z.string(),
    nameZh: z.string(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'SsoProvider' });
const ZSsoButtonSchema = z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() });

/** The address the browser reaches this node at: `publicUrl` when set (production), else this request's. */
export function nodeBaseUrl(request: FastifyRequest, ctx: ServiceContext): string {
  return (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

export function ssoRedirectUri(request: FastifyRequest, ctx: ServiceContext, slug: string): string {
  return `${nodeBaseUrl(request, ctx)}/api/auth/oidc/${slug}/callback`;
}

/** The cookie that binds a sign-in in flight to the browser that started it. */
function bindingCookieName(nodeId: string): string {
  return `crossline_sso_${nodeId.replace(/[^a-z0-9]/gi, '_')}`;
}

// Lax, not Strict: the browser must send it on the top-level navigation back from the IdP's site.
const bindingCookie = (request: FastifyRequest, ctx: ServiceContext) =>
  ({ path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: isHttps(request, ctx.config) }) as const;

function refuse(reply: FastifyReply, request: FastifyRequest, ctx: ServiceContext, e: unknown): FastifyReply {
  if (!isAppError(e)) throw e;
  if (e.code.startsWith('SSO_'))
    request.log.info(
      { code: e.code, cause: e.cause instanceof Error ? e.cause.message : undefined },
      'sso sign-in refused',
    );
  else request.log.error({ err: e.cause ?? e }, 'sso sign-in failed');
  void reply.clearCookie(bindingCookieName(ctx.config.nodeId), bindingCookie(request, ctx));
  return reply.redirect(`/?sso_error=${encodeURIComponent(refusalCodeOf(e.code))}`, 303);
}

export function oidcRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.get(
      '/auth/oidc/providers',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Single-sign-on providers for the sign-in page (names and slugs)',
          response: answers(itemsOf(ZSsoButtonSchema)),
        },
      },
      async () => ({ items: await listProviderButtons(ctx) }),
    );

    app.get(
      '/auth/oidc/:provider/start',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Start signing in at an identity provider (redirects there; authorization code with PKCE)',
          params: ZProviderParamsSchema,
          querystring: ZSsoStartQuerySchema,
        },
      },
      async (request, reply) => {
        try {
          const { provider } = request.params;
          const started = await startSsoLogin(ctx, provider, {
            redirectUri: ssoRedirectUri(request, ctx, provider),
            locale: request.query.locale,
            client: request.ip,
          });
          void reply.setCookie(bindingCookieName(ctx.config.nodeId), started.binding, {
            ...bindingCookie(request, ctx),
            expires: new Date(started.expiresAt),
          });
          return reply.redirect(started.authorizationUrl, 302);
        } catch (e) {
          return refuse(reply, request, ctx, e);
        }
      },
    );

    app.get(
      '/auth/oidc/:provider/callback',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Redirect URI: the identity provider returns here; opens a session and redirects into the app',
          params: ZProviderParamsSchema,
          querystring: ZSsoCallbackQuerySchema,
        },
      },
      async (request, reply) => {
        try {
          const raw = request.raw.url ?? '';
          const query = raw.includes('?') ? raw.slice(raw.indexOf('?') + 1) : '';
          const result = await finishSsoLogin(ctx, {
            slug: request.params.provider,
            query,
            binding: request.cookies?.[bindingCookieName(ctx.config.nodeId)],
            ip: request.ip,
          });
          void reply.clearCookie(bindingCookieName(ctx.config.nodeId), bindingCookie(request, ctx));
          setSessionCookie(request, reply, ctx.config, result);
          return reply.redirect('/', 303);
        } catch (e) {
          return refuse(reply, request, ctx, e);
        }
      },
    );

    // The IdP posts its logout token as a form (Back-Channel Logout 1.0); only these routes read forms.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    app.post(
      '/auth/oidc/:provider/backchannel-logout',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary:
            'Back-channel logout: the identity provider ends sessions (form field logout_token, a JWT it signed)',
          params: ZProviderParamsSchema,
          body: z.object({ logout_token: z.string().min(1).max(8192) }),
          response: answers(ZOkSchema),
        },
      },
      async (request, reply) => {
        await backchannelLogout(ctx, request.params.provider, request.body.logout_token);
        void reply.header('cache-control', 'no-store');
        return { ok: true as const };
      },
    );

    const admin = ['sso'];
    app.get(
      '/sso/providers',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags: admin,
          summary: 'List single-sign-on providers (client secrets are never shown)',
          response: answers(itemsOf(ZPublicSsoProviderSchema)),
        },
      },
      async () => ({ items: await listProviders(ctx) }),
    );

    app.post(
      '/sso/providers',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags: admin,
          summary: 'Add a single-sign-on provider (OpenID Connect)',
          body: ZCreateSsoProviderSchema,
          response: answers(ZPublicSsoProviderSchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await createProvider(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/sso/providers/:id',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags: admin,
          summary: 'Change a single-sign-on provider (a client secret given replaces the stored one)',
          params: ZIdParamsSchema,
          body: ZUpdateSsoProviderSchema,
          response: answers(ZPublicSsoProviderSchema),
        },
      },
      async (request) => updateProvider(ctx, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/sso/providers/:id',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags: admin,
          summary: 'Remove a single-sign-on provider (ends the sessions signed in through it)',
          params: ZIdParamsSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await deleteProvider(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
