// HTTPS-only protections: whether a request reached the node over HTTPS (natively, or at a trusted
// proxy that says so in X-Forwarded-Proto, or because the node's public URL is https), and HSTS on
// every response to such a request, so browsers never fall back to plain HTTP for this origin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/**
 * One year, without includeSubDomains: the node may share its parent domain with services it
 * knows nothing about, and HSTS for them is not its decision.
 */
export const HSTS = 'max-age=31536000';

export function isHttps(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  return request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);
}

export function registerTransportSecurity(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (request, reply) => {
    if (isHttps(request, config)) void reply.header('strict-transport-security', HSTS);
  });
}
