// Use case: an administrator excludes a value from correlation (a shared CDN, a public resolver).
// Existing alerts stay; no new ones are raised for the value.
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { ObservableType } from '../../domain/case/observable-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { valueHash } from '../../intel/correlation/rules.js';
import { insertExclusion, type ExclusionRow } from '../../storage/repositories/observable-index.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';

export async function addExclusion(
  ctx: ServiceContext,
  actor: UserActor,
  input: { type: ObservableType; value: string; reason: string },
): Promise<ExclusionRow> {
  const n = tryNormalizeObservable(input.type, input.value, { defaultCountry: ctx.config.country });
  if (!n.ok) throw new AppError('INTEL_CORRELATION_VALUE_INVALID', { issues: n.issues });
  const now = ctx.clock();
  const row: ExclusionRow = {
    type: input.type,
    valueHash: valueHash(n.observable.value),
    value: n.observable.value,
    reason: input.reason.trim(),
    createdBy: actor.name,
    createdAt: now.toISOString(),
  };
  return ctx.db.transaction(async (tx) => {
    if (!(await insertExclusion(tx, row)))
      throw new AppError('INTEL_CORRELATION_EXCLUSION_EXISTS', { details: { type: row.type, value: row.value } });
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'correlation_exclusion',
        subjectId: `${row.type}:${row.valueHash}`,
        events: [{ type: 'added', at: row.createdAt, data: { value: row.value, reason: row.reason } }],
      },
      now,
    );
    return row;
  });
}
