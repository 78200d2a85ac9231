// Builds the Fastify app for one node (no listen(): tests use inject(), http/server.ts listens).
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context.js';
import { registerAuth, sessionCookieName, type RouteEntry } from './plugins/auth.js';
import { registerTransportSecurity } from './plugins/transport-security.js';
import { transportOptions } from './transport-options.js';
import { registerErrorHandling, toAppError } from './plugins/errors.js';
import { registerInputGuard } from './plugins/input-guard.js';
import { registerBodyBudgets } from './plugins/body-budget.js';
import { INBOX_PATH } from '../federation/deliver-batch.js';
import { createMetrics, registerMetrics, type Metrics } from './plugins/metrics.js';
import { registerWeb, withSecurityHeaders } from './plugins/web.js';
import { apiRoutes } from './routes/index.js';
import { registerPublicReportMetrics } from './routes/public-reports/public-report-metrics.js';
import { federationWireRoutes } from './routes/federation/federation-wire.routes.js';
import { directoryWireRoutes } from './routes/federation/directory.routes.js';
import { systemRoutes } from './routes/system/system.routes.js';
import { TAXII_PREFIX, taxiiRoutes } from './routes/taxii/taxii.routes.js';

export type AppDeps = { ctx: ServiceContext; metrics?: Metrics; isReady?: () => boolean; webDir?: string };

export type App = FastifyInstance & { metrics: Metrics; routeTable: RouteEntry[] };

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    // Trusted reverse proxies and native TLS (src/http/transport-options.ts).
    ...transportOptions(deps.ctx.config),
    loggerInstance: deps.ctx.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Ids in URLs are UUIDs; anything longer is refused by the router instead of parsed.
    routerOptions: { maxParamLength: 200 },
    // Router-level refusals (bad URL encoding, over-long parameters) get the same JSON error shape.
    frameworkErrors: (error, _request, reply) => {
      const appError = toAppError(error);
      void (reply as unknown as { code(n: number): { send(b: unknown): void } })
        .code(appError.status)
        .send(appError.toJSON());
    },
  }).withTypeProvider<ZodTypeProvider>();
  const metrics = deps.metrics ?? createMetrics();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  const routeTable = registerAuth(app, deps.ctx);
  registerTransportSecurity(app, deps.ctx.config);
  registerInputGuard(app);
  // The inbox reads bodies of up to federationMaxBatchBytes from senders not yet authenticated: at
  // most one such batch at a time in memory (smaller ones alongside), the rest are asked to retry.
  registerBodyBudgets(app, [
    {
      method: 'POST',
      url: INBOX_PATH,
      maxBytes: deps.ctx.config.federationMaxBatchBytes,
      bodyLimit: deps.ctx.config.federationMaxBatchBytes,
      code: 'FED_UNAVAILABLE',
      retryAfterSeconds: 2,
    },
  ]);
  registerMetrics(app, metrics, deps.ctx.config.metricsToken);
  registerPublicReportMetrics(metrics, deps.ctx);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Crossline node API',
        version: '1',
        description:
          'REST API of one Crossline node. Every error is `{ error: { code, message: { en, zh }, issues? } }`.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Session token from /api/auth/login or an API token (clt_…)',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName(deps.ctx.config.nodeId) },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas named with .meta({ id }) become components/schemas, which the web client's types are generated from.
    transformObject: jsonSchemaTransformObject,
  });
  // The docs are a page a browser renders: the same CSP and frame headers as the web app.
  await app.register(async (docs) => {
    docs.addHook('onRequest', async (_request, reply) => {
      withSecurityHeaders(reply);
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(systemRoutes(deps));
  await app.register(apiRoutes(deps.ctx), { prefix: '/api' });
  await app.register(federationWireRoutes(deps.ctx, metrics));
  await app.register(directoryWireRoutes(deps.ctx));
  // TAXII 2.1 for standard threat-intelligence clients: its own auth, media types and error shape.
  await app.register(taxiiRoutes(deps.ctx), { prefix: TAXII_PREFIX });
  await registerWeb(app, deps.webDir);
  return Object.assign(app, { metrics, routeTable }) as unknown as App;
}
