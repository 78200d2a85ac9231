// Use cases: read the node's passkey policy, and set it (a supervisor or an administrator; audited).
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Role } from '../../domain/shared/roles.js';
import { canSetPasskeyPolicy, rolesSeeingRed, type PasskeyPolicy } from '../../domain/passkey/policy.js';
import { appendAudit } from '../../audit/audit-log.js';
import { findPasskeyPolicy, savePasskeyPolicy } from '../../storage/repositories/passkey-policy.repository.js';
import type { ServiceContext } from '../context.js';

export type PasskeyPolicyView = PasskeyPolicy & { coveredRoles: Role[]; canChange: boolean };

export async function readPasskeyPolicy(ctx: ServiceContext, actor: UserActor): Promise<PasskeyPolicyView> {
  const policy = await findPasskeyPolicy(ctx.db);
  return { ...policy, coveredRoles: rolesSeeingRed(), canChange: canSetPasskeyPolicy(actor.roles) };
}

export async function setPasskeyPolicy(
  ctx: ServiceContext,
  actor: UserActor,
  input: { requireForRedRoles: boolean },
): Promise<PasskeyPolicyView> {
  if (!canSetPasskeyPolicy(actor.roles)) throw new AppError('PASSKEY_POLICY_FORBIDDEN');
  const now = ctx.clock();
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await findPasskeyPolicy(tx, true);
    const next: PasskeyPolicy = {
      requireForRedRoles: input.requireForRedRoles,
      updatedAt: now.toISOString(),
      updatedBy: actor.name,
    };
    await savePasskeyPolicy(tx, next);
    await appendAudit(
      tx,
      {
        actor,
        action: 'auth.passkey_policy_changed',
        subjectType: 'node',
        subjectId: ctx.config.nodeId,
        data: {
          requireForRedRoles: { from: before.requireForRedRoles, to: next.requireForRedRoles },
          roles: rolesSeeingRed(),
        },
      },
      now,
    );
    return next;
  });
  return { ...saved, coveredRoles: rolesSeeingRed(), canChange: true };
}
