// One typed configuration for a node: from an optional JSON file, then environment variables,
// then explicit (CLI) overrides; validated once at start so a bad value fails early and clearly.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FEDERATION_CONFIG, FEDERATION_ENV } from './federation/federation-config.js';
import {
  OBJECT_STORE_CONFIG,
  OBJECT_STORE_ENV,
  checkObjectStoreConfig,
} from './storage/object-store/object-store-config.js';
import { AUTH_CONFIG, AUTH_ENV, checkAuthConfig } from './security/auth-config.js';
import { PASSKEY_CONFIG, PASSKEY_ENV, checkPasskeyConfig } from './security/passkey-config.js';
import { METRICS_CONFIG, METRICS_ENV } from './http/metrics-config.js';
import { RECEIPT_CONFIG, RECEIPT_ENV } from './domain/public-report/receipt-config.js';
import { PAGING_CONFIG, PAGING_ENV } from './domain/paging/paging-config.js';
import { isValidTimeZone } from './domain/shared/time.js';

export const ZConfigSchema = z
  .object({
    /** Where the embedded PostgreSQL server, node keys and encrypted evidence live. */
    dataDir: z.string().min(1),
    /** HTTP port; 0 picks a free one (tests). */
    port: z.coerce.number().int().min(0).max(65535).default(7400),
    host: z.string().default('127.0.0.1'),
    /** PostgreSQL URL; when absent the node runs its own embedded PostgreSQL server under dataDir/postgres. */
    databaseUrl: z.string().url().optional(),
    /** PostgreSQL schema to use (tests isolate runs with one schema each). */
    databaseSchema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    /**
     * PostgreSQL connections per process. Writers of one federation channel queue on its seq lock and
     * all writers on the audit head; more connections than the database has cores only lengthens that
     * queue under load.
     */
    databasePoolSize: z.coerce.number().int().min(1).max(100).default(10),
    /** This node's party identity (used until federation node cards take over). */
    nodeId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .default('local'),
    nodeName: z.object({ en: z.string(), zh: z.string() }).default({ en: 'Crossline node', zh: 'Crossline 节点' }),
    country: z.string().length(2).default('XX'),
    /** The node's own time zone (IANA): server-written texts and PDF reports state their times in it. */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isValidTimeZone, 'an IANA time zone such as Asia/Shanghai')
      .default('UTC'),
    /** Public base URL peers and users reach this node at. */
    publicUrl: z.string().url().optional(),
    /** True where this party's law requires a competent authority's approval before data leaves (PRC DSL Art. 36). */
    approvalRequiredForOutgoingData: z.boolean().default(false),
    sessionTtlMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(8 * 60),
    lockoutThreshold: z.coerce.number().int().min(1).default(5),
    lockoutMinutes: z.coerce.number().int().min(1).default(15),
    /** How often the deadline worker re-evaluates stored clocks. */
    deadlineSweepSeconds: z.coerce.number().min(0.05).default(30),
    /** Days before a preservation lapses that the renewal reminder fires. */
    preservationReminderDays: z.coerce.number().int().min(1).default(14),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Largest accepted evidence upload, bytes. */
    maxEvidenceBytes: z.coerce
      .number()
      .int()
      .min(1)
      .default(100 * 1024 * 1024),
    /** Sources holding one value past which it is "common" and stops raising correlation alerts (docs/spec.md §4.5). */
    correlationCommonThreshold: z.coerce.number().int().min(2).default(25),
    ...FEDERATION_CONFIG,
    ...OBJECT_STORE_CONFIG,
    ...AUTH_CONFIG,
    ...PASSKEY_CONFIG,
    ...METRICS_CONFIG,
    ...RECEIPT_CONFIG,
    ...PAGING_CONFIG,
  })
  .superRefine(checkObjectStoreConfig)
  .superRefine(checkAuthConfig)
  .superRefine(checkPasskeyConfig);

export type Config = z.infer<typeof ZConfigSchema>;
export type ConfigInput = z.input<typeof ZConfigSchema>;

const ENV_MAP: Record<string, keyof ConfigInput> = {
  CROSSLINE_DATA_DIR: 'dataDir',
  CROSSLINE_PORT: 'port',
  CROSSLINE_HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  CROSSLINE_DATABASE_SCHEMA: 'databaseSchema',
  CROSSLINE_DATABASE_POOL_SIZE: 'databasePoolSize',
  CROSSLINE_NODE_ID: 'nodeId',
  CROSSLINE_TIME_ZONE: 'timeZone',
  CROSSLINE_PUBLIC_URL: 'publicUrl',
  CROSSLINE_LOG_LEVEL: 'logLevel',
  CROSSLINE_SESSION_TTL_MINUTES: 'sessionTtlMinutes',
  CROSSLINE_DEADLINE_SWEEP_SECONDS: 'deadlineSweepSeconds',
  CROSSLINE_CORRELATION_COMMON_THRESHOLD: 'correlationCommonThreshold',
  ...FEDERATION_ENV,
  ...OBJECT_STORE_ENV,
  ...AUTH_ENV,
  ...PASSKEY_ENV,
  ...METRICS_ENV,
  ...RECEIPT_ENV,
  ...PAGING_ENV,
};

/** Reads `<dataDir>/crossline.json` (or CROSSLINE_CONFIG), then env, then overrides. */
export function loadConfig(overrides: Partial<ConfigInput> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const fromEnv: Partial<Record<keyof ConfigInput, string>> = {};
  for (const [name, key] of Object.entries(ENV_MAP)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const dataDir = overrides.dataDir ?? fromEnv.dataDir ?? './data/node';
  const file = env.CROSSLINE_CONFIG ?? path.join(dataDir, 'crossline.json');
  const fromFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ConfigInput>) : {};
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = ZConfigSchema.safeParse({ ...fromFile, ...fromEnv, ...defined, dataDir });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
