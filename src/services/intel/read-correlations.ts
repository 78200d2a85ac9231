// Reads for correlation: the viewer's alerts, what else holds a value, and the exclusion list.
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { ObservableType } from '../../domain/case/observable-types.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { decideMatch, valueHash, type MatchDecision } from '../../intel/correlation/rules.js';
import {
  isExcluded,
  listExclusions,
  listSourcesOf,
  listVisibleAlerts,
  type AlertFilter,
  type AlertRow,
  type ExclusionRow,
  type IndexedSource,
} from '../../storage/repositories/observable-index.repository.js';
import { casesShownTo } from '../case/case-visibility.js';
import type { ServiceContext } from '../context.js';
import { alertVisibilityOf } from './alert-visibility.js';

export function listAlerts(
  ctx: ServiceContext,
  actor: UserActor,
  filter: AlertFilter,
): Promise<{ items: AlertRow[]; total: number }> {
  return listVisibleAlerts(ctx.db, alertVisibilityOf(actor), filter);
}

export type Correlations = {
  type: ObservableType;
  value: string;
  display: string;
  /** How many sources hold the value, including those this viewer may not see. */
  sourceCount: number;
  status: MatchDecision;
  sources: IndexedSource[];
};

/** Normalizes the value as a case would, then lists the sources holding it that the viewer may see. */
export async function findCorrelations(
  ctx: ServiceContext,
  actor: UserActor,
  type: ObservableType,
  raw: string,
): Promise<Correlations> {
  const n = tryNormalizeObservable(type, raw, { defaultCountry: ctx.config.country });
  if (!n.ok) throw new AppError('INTEL_CORRELATION_VALUE_INVALID', { issues: n.issues });
  const hash = valueHash(n.observable.value);
  const { sources, count } = await listSourcesOf(ctx.db, type, hash, 500);
  const v = alertVisibilityOf(actor);
  const cases = await casesShownTo(
    ctx.db,
    actor,
    sources.filter((s) => s.kind === 'case').map((s) => s.id),
  );
  const visible = sources.filter(
    (s) =>
      s.value === n.observable.value &&
      (s.kind === 'case'
        ? cases.has(s.id)
        : s.kind === 'request'
          ? v.canRequest
          : s.kind === 'report'
            ? v.canReport
            : s.kind === 'intel'
              ? v.canIntel
              : false),
  );
  const excluded = await isExcluded(ctx.db, type, hash);
  return {
    type,
    value: n.observable.value,
    display: n.observable.display,
    sourceCount: count,
    status: decideMatch(count, ctx.config.correlationCommonThreshold, excluded),
    sources: visible,
  };
}

export function listCorrelationExclusions(ctx: ServiceContext): Promise<ExclusionRow[]> {
  return listExclusions(ctx.db);
}
