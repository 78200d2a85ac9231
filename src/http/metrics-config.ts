// Metrics options of the node configuration (spread into ZConfigSchema in src/config.ts), each with
// its environment variable. /metrics names peers and traffic volumes, so it is never public: a scrape
// token on the node's own port, or a listener of its own on a private address — by default neither,
// and then nobody can scrape it.
import { z } from 'zod';

export const METRICS_CONFIG = {
  /**
   * Bearer token a Prometheus scraper sends (`authorization: Bearer …`) to read /metrics on the
   * node's port (and on the metrics listener). At least 24 visible ASCII characters.
   */
  metricsToken: z
    .string()
    .min(24)
    .max(512)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .optional(),
  /** Port of a separate listener that serves /metrics only; absent: no such listener (0 picks a free port). */
  metricsPort: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address of that listener: loopback unless a private scrape network is named. */
  metricsHost: z.string().min(1).default('127.0.0.1'),
};

export const METRICS_ENV = {
  CROSSLINE_METRICS_TOKEN: 'metricsToken',
  CROSSLINE_METRICS_PORT: 'metricsPort',
  CROSSLINE_METRICS_HOST: 'metricsHost',
} as const satisfies Record<string, keyof typeof METRICS_CONFIG>;
