// The browser side of a new session, one way for every sign-in route (password, passkey, single
// sign-on): the session cookie, and the Retry-After of a rate-limited attempt.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.js';
import { isAppError } from '../../../errors.js';
import { sessionCookieName } from '../../plugins/auth.js';
import { isHttps } from '../../plugins/transport-security.js';

/** Sets the session cookie; Secure whenever the browser reaches the node over HTTPS (natively, via a trusted proxy, or per publicUrl). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  session: { token: string; expiresAt: string },
): void {
  void reply.setCookie(sessionCookieName(config.nodeId), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(request, config),
    expires: new Date(session.expiresAt),
  });
}

/** Runs a sign-in; a rate-limited one answers with Retry-After before its error is thrown on. */
export async function withRetryAfter<T>(reply: FastifyReply, signIn: Promise<T>): Promise<T> {
  try {
    return await signIn;
  } catch (e) {
    if (isAppError(e) && e.code === 'AUTH_RATE_LIMITED')
      void reply.header('retry-after', String(e.details?.retryAfterSeconds ?? 60));
    throw e;
  }
}
