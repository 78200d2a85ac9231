// Correlation at write time (docs/spec.md §4.5): index a source's observable values and raise one alert
// per pair of sources sharing a value. Runs inside the caller's transaction, one statement per
// step for the whole batch, so a case, request, report or intel import can call it cheaply.
import type { ObservableType } from '../../domain/case/observable-types.js';
import { caseAccess } from '../../domain/case/policy.js';
import { ROLES, type Role } from '../../domain/shared/roles.js';
import { rolesHave, type Permission } from '../../domain/user/permissions.js';
import {
  decideMatch,
  KIND_PERMISSION,
  orderPair,
  valueHash,
  type MatchDecision,
  type SourceKind,
} from '../../intel/correlation/rules.js';
import { correlationNotice } from '../../intel/correlation/notice.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { findCasesByIds } from '../../storage/repositories/case.repository.js';
import {
  findOtherSources,
  indexSourceValues,
  listCaseMembersWithRoles,
  upsertAlert,
  type FreshValue,
  type IndexKey,
} from '../../storage/repositories/observable-index.repository.js';
import type { ServiceContext } from '../context.js';
import { notify } from '../notification/notify.js';
import { recordChange } from '../shared/record-change.js';

export type ObservableSource = { kind: 'case' | 'request' | 'report' | 'intel'; id: string; label?: string };

export type CorrelationHit = {
  type: ObservableType;
  value: string;
  /** The other source holding the value; absent for common or excluded values (not looked up). */
  other?: ObservableSource;
  decision: MatchDecision;
  /** The pair's alert (new or updated) when decision is 'alert'. */
  alertId?: string;
  sourceCount: number;
};

export async function recordObservables(
  tx: Queryable,
  ctx: ServiceContext,
  source: ObservableSource,
  observables: { type: ObservableType; value: string }[],
  now: Date,
): Promise<CorrelationHit[]> {
  const unique = new Map<string, IndexKey>();
  for (const o of observables) {
    const valueHashed = valueHash(o.value);
    unique.set(`${o.type}:${valueHashed}`, { type: o.type, valueHash: valueHashed, value: o.value });
  }
  // Index, count and exclusion check in one statement; only values new for this source count.
  const fresh = await indexSourceValues(tx, source, [...unique.values()], now);
  const shared = fresh.filter((k) => k.sourceCount >= 2);
  if (shared.length === 0) return [];
  const hits: CorrelationHit[] = [];
  const toMatch: FreshValue[] = [];
  for (const k of shared) {
    const decision = decideMatch(k.sourceCount, ctx.config.correlationCommonThreshold, k.excluded);
    if (decision === 'alert') toMatch.push(k);
    else hits.push({ type: k.type as ObservableType, value: k.value, decision, sourceCount: k.sourceCount });
  }
  const others = await findOtherSources(tx, toMatch, source);
  for (const o of others) {
    // A hash collision on value_hash is astronomically unlikely; the value check makes it impossible.
    const mine = toMatch.find((k) => k.type === o.type && k.valueHash === o.valueHash);
    if (!mine || mine.value !== o.value) continue;
    const other: ObservableSource = { kind: o.kind as SourceKind, id: o.id, ...(o.label ? { label: o.label } : {}) };
    const [a, b] = orderPair(source, other);
    const alert = await upsertPairAlert(tx, ctx, a, b, { type: o.type, value: o.value }, now);
    hits.push({
      type: o.type as ObservableType,
      value: o.value,
      other,
      decision: 'alert',
      alertId: alert,
      sourceCount: mine.sourceCount,
    });
  }
  return hits;
}

async function upsertPairAlert(
  tx: Queryable,
  ctx: ServiceContext,
  a: ObservableSource,
  b: ObservableSource,
  match: { type: string; value: string },
  now: Date,
): Promise<string> {
  const { id, isNew } = await upsertAlert(tx, newId(), a, b, match, now);
  if (isNew) {
    await recordChange(
      tx,
      {
        actor: { kind: 'system', partyId: ctx.config.nodeId },
        subjectType: 'correlation_alert',
        subjectId: id,
        events: [
          {
            type: 'raised',
            at: now.toISOString(),
            data: { a: `${a.kind}:${a.id}`, b: `${b.kind}:${b.id}`, type: match.type },
          },
        ],
      },
      now,
    );
    await notifyAudience(tx, ctx, id, a, b, match, now);
  }
  return id;
}

/** Notifies the people who may see both sources: members of the case side(s) holding the other permission, else roles. */
async function notifyAudience(
  tx: Queryable,
  ctx: ServiceContext,
  alertId: string,
  a: ObservableSource,
  b: ObservableSource,
  match: { type: string; value: string },
  now: Date,
): Promise<void> {
  const perms = [a, b]
    .filter((s) => s.kind !== 'case')
    .map((s) => KIND_PERMISSION[s.kind as Exclude<SourceKind, 'case'>]);
  const caseIds = [...new Set([a, b].filter((s) => s.kind === 'case').map((s) => s.id))];
  const { title, body } = correlationNotice(match, a, b);
  const base = {
    kind: 'intel.correlation',
    subjectType: 'correlation_alert',
    subjectId: alertId,
    title,
    body,
    severity: 'info' as const,
  };
  const allowed = (roles: readonly Role[]) => perms.every((p: Permission) => rolesHave(roles, p));
  if (caseIds.length === 0) {
    for (const role of ROLES.filter((r) => allowed([r]))) await notify(tx, { ...base, to: { role } }, now);
    return;
  }
  const members = await listCaseMembersWithRoles(tx, caseIds);
  const cases = await findCasesByIds(tx, caseIds);
  const users = new Set(members.map((m) => m.userId));
  for (const userId of users) {
    const roles = members.find((m) => m.userId === userId)!.roles as Role[];
    const actor = { kind: 'user' as const, userId, name: '', roles, partyId: ctx.config.nodeId };
    // The case page's rule decides for each case side (members who may read cases), as on every read path.
    const inAll = cases.length === caseIds.length && cases.every((k) => caseAccess(actor, k) === 'full');
    if (inAll && allowed(roles)) await notify(tx, { ...base, to: { userId } }, now);
  }
}
