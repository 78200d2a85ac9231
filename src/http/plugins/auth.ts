// Authentication and route-level authorization: every /api route declares `config.permission`
// (or 'public'); a route without one makes the app refuse to start. Both are decided in onRequest,
// before any body is read (body-gate.ts); a call authenticated by the session cookie must also be
// the node's own page's (same-origin.ts: the CSRF rule).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Permission } from '../../domain/user/permissions.js';
import { rolesHave } from '../../domain/user/permissions.js';
import { scopeAllows, type Surface, type TokenScope } from '../../domain/user/token-scope.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { authenticate, type Authenticated } from '../../services/user/authenticate.js';
import { assertPasskeyPolicy } from '../../services/passkey/passkey-gate.js';
import type { ServiceContext } from '../../services/context.js';
import { registerBodyGate } from './body-gate.js';
import { assertSameOriginCall } from './same-origin.js';

/**
 * One cookie name per node: browsers ignore the port, so two nodes on one host (the demo) would
 * otherwise overwrite each other's session.
 */
export function sessionCookieName(nodeId: string): string {
  return `crossline_session_${nodeId.replace(/[^a-z0-9]/gi, '_')}`;
}

export type RoutePermission = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

/** One row per API route: what the role × route test and the docs enumerate. */
export type RouteEntry = { method: string; url: string; permission: RoutePermission };

export function registerAuth(app: FastifyInstance, ctx: ServiceContext): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (!isApi) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, permission });
    }
  });
  // onRequest: before the body is read. A refused request costs a header parse and (for a token)
  // one lookup, whatever body it announces; see body-gate.ts for what happens to that body.
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    const bearer = bearerToken(request);
    const cookie = bearer === undefined ? request.cookies?.[sessionCookieName(ctx.config.nodeId)] : undefined;
    const token = bearer ?? cookie;
    if (!token) throw new AppError('UNAUTHENTICATED');
    // The browser attaches the cookie to requests other pages make too: those must be our own.
    if (cookie !== undefined) assertSameOriginCall(request, ctx.config);
    request.auth = await authenticate(ctx, token);
    assertTokenScope(request.auth.scope, 'api', request.method);
    // An external party's account speaks TAXII; on /api it may only look after itself (profile,
    // password, tokens), whatever roles it was given.
    if (request.auth.boundParty && permission !== 'self') {
      throw new AppError('AUTH_PARTY_ACCOUNT_TAXII_ONLY', { details: { party: request.auth.boundParty } });
    }
    if (!rolesHave(request.auth.actor.roles, permission)) {
      throw new AppError('FORBIDDEN', { details: { permission } });
    }
    // The node's passkey policy: without a required passkey only the user's own account is open.
    assertPasskeyPolicy(request.auth, permission);
  });
  // The TAXII server authenticates in its own onRequest hook (its credentials and error shape);
  // the token's scope is enforced here, after every onRequest hook and still before the body.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.taxii) assertTokenScope(request.taxii.scope, 'taxii', request.method);
    return payload;
  });
  // Last: its preParsing hook invites a body (100 Continue) only once everything above has passed.
  registerBodyGate(app);
  return routes;
}

/** A token's scope against the request (src/domain/user/token-scope.ts); sessions are `full`. */
export function assertTokenScope(scope: TokenScope, surface: Surface, method: string): void {
  if (!scopeAllows(scope, surface, method))
    throw new AppError('AUTH_TOKEN_SCOPE', { details: { scope, surface, method } });
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED');
  return match[1];
}

/** The signed-in user; only call on routes with a permission (never on public ones). */
export function actorOf(request: FastifyRequest): UserActor {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth.actor;
}
