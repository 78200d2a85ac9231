// Paging options of the node configuration (spread into ZConfigSchema in src/config.ts), each with its
// environment variable: the SMTP relay pages are sent through, what a page may say, and retries.
import { z } from 'zod';
import { DEFAULT_PAGE_CONTENT, PAGE_CONTENT_FIELDS } from './page-content.js';

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : v;
const bool = (v: unknown) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v);

export const PAGING_CONFIG = {
  /** SMTP relay for e-mail pages; absent: e-mail pages fail visibly (and escalate) instead of vanishing. */
  smtpHost: z.string().min(1).optional(),
  smtpPort: z.coerce.number().int().min(1).max(65535).default(587),
  /** `starttls` (required, the default), `tls` (implicit TLS, port 465) or `none` (a local relay or mail catcher only). */
  smtpSecurity: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  smtpUser: z.string().min(1).optional(),
  smtpPassword: z.string().min(1).optional(),
  smtpFrom: z.string().min(3).default('Crossline <crossline@localhost>'),
  /** PEM file of a private CA the relay's certificate is issued by (trusted besides the system CAs). */
  smtpCaFile: z.string().min(1).optional(),
  /** What a page may say beyond the link: default reference, urgency and deadline — no case details. */
  pagingContent: z.preprocess(list, z.array(z.enum(PAGE_CONTENT_FIELDS))).default([...DEFAULT_PAGE_CONTENT]),
  /** Attempts per page before it counts as undeliverable (and escalates). */
  pagingMaxAttempts: z.coerce.number().int().min(1).max(50).default(6),
  pagingRetryBaseSeconds: z.coerce.number().min(0.01).default(5),
  pagingRetryCapSeconds: z.coerce.number().min(0.01).default(300),
  /**
   * Hosts a user's webhook may point at (`gateway.mps.example`, or `.mps.example` for any host under
   * it). Empty (the default): no webhooks — a webhook makes the node POST to an address a user typed,
   * so the administrator names the agency's gateways.
   */
  pagingWebhookHosts: z.preprocess(list, z.array(z.string().min(1).max(253))).default([]),
  /** Allow plain-HTTP webhook URLs (tests, a gateway on the same host); HTTPS only otherwise. */
  pagingAllowHttpWebhooks: z.preprocess(bool, z.boolean()).default(false),
  /** A request whose response deadline is this many hours away pages its officers and supervisors (once). */
  pagingDeadlineSoonHours: z.coerce.number().int().min(1).max(168).default(4),
};

export const PAGING_ENV = {
  CROSSLINE_SMTP_HOST: 'smtpHost',
  CROSSLINE_SMTP_PORT: 'smtpPort',
  CROSSLINE_SMTP_SECURITY: 'smtpSecurity',
  CROSSLINE_SMTP_USER: 'smtpUser',
  CROSSLINE_SMTP_PASSWORD: 'smtpPassword',
  CROSSLINE_SMTP_FROM: 'smtpFrom',
  CROSSLINE_SMTP_CA_FILE: 'smtpCaFile',
  CROSSLINE_PAGING_CONTENT: 'pagingContent',
  CROSSLINE_PAGING_MAX_ATTEMPTS: 'pagingMaxAttempts',
  CROSSLINE_PAGING_WEBHOOK_HOSTS: 'pagingWebhookHosts',
  CROSSLINE_PAGING_ALLOW_HTTP_WEBHOOKS: 'pagingAllowHttpWebhooks',
  CROSSLINE_PAGING_DEADLINE_SOON_HOURS: 'pagingDeadlineSoonHours',
} as const satisfies Record<string, keyof typeof PAGING_CONFIG>;
