// Options of the node configuration for passkeys (spread into ZConfigSchema in src/config.ts). The
// relying party is derived from `publicUrl` (src/domain/passkey/relying-party.ts); `passkeyRpId`
// only widens it to a parent domain of the public host. See docs/operations.md, "Passkeys".
import { z } from 'zod';
import { rpIdFitsHost } from '../domain/passkey/relying-party.js';

export const PASSKEY_CONFIG = {
  /** The WebAuthn RP ID, when it should be a parent domain of publicUrl's host (default: that host). */
  passkeyRpId: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i, 'a domain name such as police.example')
    .optional(),
};

export const PASSKEY_ENV = {
  CROSSLINE_PASSKEY_RP_ID: 'passkeyRpId',
} as const satisfies Record<string, keyof typeof PASSKEY_CONFIG>;

/** An RP ID a browser would refuse for the node's own pages is a configuration error. */
export function checkPasskeyConfig(c: { passkeyRpId?: string; publicUrl?: string }, ctx: z.RefinementCtx): void {
  if (!c.passkeyRpId) return;
  const host = c.publicUrl ? new URL(c.publicUrl).hostname : null;
  if (!host || !rpIdFitsHost(c.passkeyRpId, host)) {
    ctx.addIssue({
      code: 'custom',
      path: ['passkeyRpId'],
      message: 'must be the host of publicUrl or a parent domain of it (and needs publicUrl)',
    });
  }
}
