// Options of the node configuration for transport and credentials (spread into ZConfigSchema in
// src/config.ts), each with its environment variable: which reverse proxies are trusted, native TLS,
// and the lifetime of API tokens. See docs/operations.md, "Behind a reverse proxy, and TLS".
import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for address groups, accepted as Fastify's trustProxy accepts them. */
const PROXY_GROUPS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or one of PROXY_GROUPS. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_GROUPS.has(entry) || isIP(entry) !== 0) return true;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!m) return false;
  const family = isIP(m[1]!);
  const bits = Number(m[2]);
  return (family === 4 && bits <= 32) || (family === 6 && bits <= 128);
}

const days = (def: number) => z.coerce.number().int().min(1).max(3650).default(def);

export const AUTH_CONFIG = {
  /**
   * Addresses of the reverse proxies in front of the node (IPs, CIDR ranges, or loopback /
   * linklocal / uniquelocal); a comma-separated list in the environment. Only a request arriving
   * from one of them has its X-Forwarded-For / -Proto / -Host honoured. Default: none.
   */
  trustProxy: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(z.string().refine(isProxyAddress, 'not an IP address, CIDR range, loopback, linklocal or uniquelocal')),
    )
    .default([]),
  /** PEM certificate (chain) for native HTTPS; with tlsKeyFile. Without both the node speaks plain HTTP. */
  tlsCertFile: z.string().min(1).optional(),
  /** PEM private key for native HTTPS; with tlsCertFile. */
  tlsKeyFile: z.string().min(1).optional(),
  /** Lifetime of an API token created without `expiresInDays`. */
  apiTokenDefaultDays: days(90),
  /** Longest lifetime an API token may be given. */
  apiTokenMaxDays: days(365),
};

export const AUTH_ENV = {
  CROSSLINE_TRUST_PROXY: 'trustProxy',
  CROSSLINE_TLS_CERT: 'tlsCertFile',
  CROSSLINE_TLS_KEY: 'tlsKeyFile',
  CROSSLINE_API_TOKEN_DEFAULT_DAYS: 'apiTokenDefaultDays',
  CROSSLINE_API_TOKEN_MAX_DAYS: 'apiTokenMaxDays',
} as const satisfies Record<string, keyof typeof AUTH_CONFIG>;

type AuthOptions = { tlsCertFile?: string; tlsKeyFile?: string; apiTokenDefaultDays: number; apiTokenMaxDays: number };

/** Combinations no single option can refuse on its own. */
export function checkAuthConfig(c: AuthOptions, ctx: z.RefinementCtx): void {
  if (Boolean(c.tlsCertFile) !== Boolean(c.tlsKeyFile)) {
    ctx.addIssue({
      code: 'custom',
      path: [c.tlsCertFile ? 'tlsKeyFile' : 'tlsCertFile'],
      message: 'TLS needs both a certificate and a key (--tls-cert and --tls-key)',
    });
  }
  if (c.apiTokenDefaultDays > c.apiTokenMaxDays) {
    ctx.addIssue({
      code: 'custom',
      path: ['apiTokenDefaultDays'],
      message: `must not exceed apiTokenMaxDays (${c.apiTokenMaxDays})`,
    });
  }
}
