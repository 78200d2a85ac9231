// Re-checks single-sign-on sessions with their IdP (src/services/sso/recheck-sessions.ts) every
// minute; each session is asked at most every SSO_RECHECK_MS.
import type { ServiceContext } from '../services/context.js';
import { recheckSsoSessions, type SsoRecheck } from '../services/sso/recheck-sessions.js';
import { startPeriodicSweep, type PeriodicSweep } from '../shared/periodic-sweep.js';

export type SsoSessionWorker = PeriodicSweep<SsoRecheck>;

const SWEEP_MS = 60_000;

export function startSsoSessionWorker(ctx: ServiceContext): SsoSessionWorker {
  return startPeriodicSweep({
    name: 'sso-sessions',
    everyMs: SWEEP_MS,
    logger: ctx.logger,
    sweep: () => recheckSsoSessions(ctx),
    onError: () => ({ checked: 0, revoked: 0, unreachable: 0 }),
  });
}
