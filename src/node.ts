// Starts and stops one node: config → database → migrations → secrets → workers → HTTP.
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { registerInboundHandlers } from './federation/handlers/index.js';
import { buildApp, type App } from './http/app.js';
import { createLogger } from './logger.js';
import { startMetricsListener, type MetricsListener } from './http/metrics-listener.js';
import type { Clock, ServiceContext } from './services/context.js';
import { loadNodeSecrets } from './services/federation/node-key-ring.js';
import { reindexIfOutdated } from './services/search/reindex-search.js';
import { secureDataDirMode } from './storage/data-dir-modes.js';
import { openDb, type Db } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { holdProcessLiveness } from './storage/process-liveness.js';
import { startWorkers, type Workers } from './workers/index.js';
import { startTaxiiFeedWorker } from './workers/taxii-feed-worker.js';

export type RunningNode = {
  ctx: ServiceContext;
  app: App;
  workers: Workers;
  url: string;
  /** Where the separate metrics listener answers (`metricsPort` set), else undefined. */
  metricsUrl?: string;
  stop(): Promise<void>;
};

export type OpenNodeOptions = { clock?: Clock; logger?: Logger };

/** Opens storage and runs migrations: what `init`, `users add` and `start` all need. */
export async function openNodeContext(config: Config, options: OpenNodeOptions = {}): Promise<ServiceContext> {
  const logger = options.logger ?? createLogger(config.logLevel, config.nodeId);
  // The embedded store sets the data dir's mode when it prepares its server; with an external one
  // the data dir (keys, evidence) must be just as private.
  if (config.databaseUrl) await secureDataDirMode(config.dataDir, false);
  const db: Db = await openDb({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    poolSize: config.databasePoolSize,
    warn: (message) => logger.warn(message),
    info: (message) => logger.info(message),
  });
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  const secrets = await loadNodeSecrets(db, config.dataDir, process.env, new Date(), logger);
  return { db, config, secrets, clock: options.clock ?? (() => new Date()), logger };
}

export async function startNode(config: Config, options: OpenNodeOptions = {}): Promise<RunningNode> {
  const ctx = await openNodeContext(config, options);
  // Claims this process makes are taken over by another process the moment this one is gone.
  const liveness = await holdProcessLiveness(ctx.db, ctx.logger);
  ctx.processOwner = liveness.owner;
  let stopping = false;
  // What each inbound federation message type does here: the inbox (served by the app) dispatches to these.
  registerInboundHandlers();
  const app = await buildApp({ ctx, isReady: () => !stopping });
  const workers: Workers = startWorkers(ctx, app.metrics);
  const taxiiFeeds = startTaxiiFeedWorker(ctx);
  // An index built by older rules is rebuilt once, in the background; searches work meanwhile.
  const reindexing = new AbortController();
  const reindexed = reindexIfOutdated(ctx, reindexing.signal).catch((err: unknown) => {
    if (!reindexing.signal.aborted) ctx.logger.error({ err }, 'search index rebuild failed');
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const scheme = config.tlsCertFile ? 'https' : 'http';
  const url = `${scheme}://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const metricsListener: MetricsListener | undefined =
    config.metricsPort !== undefined ? await startMetricsListener(app.metrics, config) : undefined;
  ctx.logger.info(
    { url, database: ctx.db.store, ...(metricsListener ? { metrics: metricsListener.url } : {}) },
    'node started',
  );
  return {
    ctx,
    app,
    url,
    workers,
    metricsUrl: metricsListener?.url,
    async stop() {
      if (stopping) return;
      stopping = true;
      // Order matters: stop taking requests, let workers finish their transaction, then close storage.
      await metricsListener?.close();
      await app.close();
      await workers.stop();
      await taxiiFeeds.stop();
      reindexing.abort();
      await reindexed;
      await liveness.stop();
      await ctx.db.close();
      ctx.logger.info('node stopped');
    },
  };
}
