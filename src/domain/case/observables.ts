// Observable records of a case: adding (normalize → dedupe) and merging duplicates.
//
// Merge rule: first seen is kept (its id, display and first-seen time); sources, tags and flags
// are unioned; the record's `tlp` is the strictest of its sources ("stricter wins"). Each source
// keeps its own marking and origin party, so sharing checks every contribution against its own
// originator (share.ts) — a peer's RED sighting never rides out on our GREEN record.
import type { ValidationIssue } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import type { CaseRecord } from './case-types.js';
import type { CaseDomainEvent } from './events.js';
import { actorId, makeEvent } from './events.js';
import { dedupeKey, tryNormalizeObservable } from './normalize-observable.js';
import type { NormalizeOptions, NormalizedObservable, ObservableType } from './observable-types.js';
import { requireCaseAccess } from './policy.js';
import type { Tlp } from './tlp.js';
import { stricterTlp } from './tlp.js';

/** One contribution: who reported the observable, where, under which marking. */
export type ObservableSource = {
  /** Party that originated this contribution (its TLP originator). */
  party: string;
  /** Where it came from: `manual`, `request:<id>`, `report:<id>`, `share:<id>`, `stix:<id>`… */
  ref: string;
  tlp: Tlp;
  /** For RED: parties the originator named as recipients. */
  namedRecipients: string[];
  at: string;
};

export type ObservableRecord = {
  id: string;
  caseId: string;
  type: ObservableType;
  value: string;
  display: string;
  subtype: string | null;
  flags: string[];
  attributes: Record<string, string>;
  related: { type: ObservableType; value: string }[];
  /** Strictest marking among `sources` (derived; kept for listing and filtering). */
  tlp: Tlp;
  sources: ObservableSource[];
  tags: string[];
  note: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
};

export const MAX_OBSERVABLES_PER_BATCH = 500;

const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
};
const srcKey = (s: ObservableSource) => `${s.party}|${s.ref}|${s.tlp}`;
const minIso = (a: string, b: string) => (a <= b ? a : b);
const maxIso = (a: string, b: string) => (a >= b ? a : b);

export function effectiveTlp(sources: readonly ObservableSource[]): Tlp {
  return sources.reduce<Tlp>((t, s) => stricterTlp(t, s.tlp), 'CLEAR');
}

function mergeInto(kept: ObservableRecord, dup: ObservableRecord): ObservableRecord {
  const sources = union(kept.sources, dup.sources, srcKey);
  return {
    ...kept,
    sources,
    tlp: effectiveTlp(sources),
    tags: union(kept.tags, dup.tags),
    flags: union(kept.flags, dup.flags),
    attributes: { ...dup.attributes, ...kept.attributes },
    firstSeenAt: minIso(kept.firstSeenAt, dup.firstSeenAt),
    lastSeenAt: maxIso(kept.lastSeenAt, dup.lastSeenAt),
  };
}

export type MergeResult = {
  /** Every observable after the merge, existing first, in first-seen order. */
  observables: ObservableRecord[];
  added: ObservableRecord[];
  /** Existing records that gained sources, tags or flags (version bumped once). */
  updated: ObservableRecord[];
  duplicates: { key: string; keptId: string; droppedId: string }[];
};

export function mergeObservables(
  existing: readonly ObservableRecord[],
  incoming: readonly ObservableRecord[],
  now: Date,
): MergeResult {
  const byKey = new Map<string, ObservableRecord>();
  const order: string[] = [];
  const duplicates: MergeResult['duplicates'] = [];
  const take = (rec: ObservableRecord) => {
    const key = dedupeKey(rec);
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, rec);
      order.push(key);
      return;
    }
    byKey.set(key, mergeInto(kept, rec));
    duplicates.push({ key, keptId: kept.id, droppedId: rec.id });
  };
  existing.forEach(take);
  const before = new Map(byKey);
  incoming.forEach(take);
  const updated: ObservableRecord[] = [];
  for (const [key, old] of before) {
    const cur = byKey.get(key)!;
    if (cur !== old && JSON.stringify(cur) !== JSON.stringify(old)) {
      const bumped = { ...cur, updatedAt: now.toISOString(), version: old.version + 1 };
      byKey.set(key, bumped);
      updated.push(bumped);
    } else byKey.set(key, old);
  }
  return {
    observables: order.map((k) => byKey.get(k)!),
    added: order.filter((k) => !before.has(k)).map((k) => byKey.get(k)!),
    updated,
    duplicates,
  };
}

export type ObservableInput = {
  type: string;
  value: string;
  tlp?: Tlp;
  tags?: string[];
  note?: string;
  options?: Omit<NormalizeOptions, 'path'>;
};

export type AddObservablesContext = {
  kase: CaseRecord;
  existing: readonly ObservableRecord[];
  inputs: readonly ObservableInput[];
  actor: Actor;
  now: Date;
  newId: () => string;
  /** Party of this contribution: the local party, or the peer whose share is being imported. */
  sourceParty: string;
  sourceRef: string;
  namedRecipients?: string[];
  defaultCountry?: string;
  /** true (default): any invalid input refuses the whole batch. false: valid ones are added. */
  atomic?: boolean;
};

export type AddObservablesResult = MergeResult & {
  rejected: { index: number; issues: ValidationIssue[] }[];
  events: CaseDomainEvent[];
};

export function buildObservable(
  n: NormalizedObservable,
  input: ObservableInput,
  ctx: AddObservablesContext,
): ObservableRecord {
  const at = ctx.now.toISOString();
  const tlp = input.tlp ?? ctx.kase.tlp;
  return {
    id: ctx.newId(),
    caseId: ctx.kase.id,
    type: n.type,
    value: n.value,
    display: n.display,
    subtype: n.subtype ?? null,
    flags: n.flags ?? [],
    attributes: n.attributes ?? {},
    related: n.related ?? [],
    tlp,
    sources: [{ party: ctx.sourceParty, ref: ctx.sourceRef, tlp, namedRecipients: ctx.namedRecipients ?? [], at }],
    tags: [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))],
    note: input.note?.trim() || null,
    firstSeenAt: at,
    lastSeenAt: at,
    createdAt: at,
    createdBy: actorId(ctx.actor),
    updatedAt: at,
    version: 1,
  };
}

export function addObservables(ctx: AddObservablesContext): AddObservablesResult {
  const { kase, actor, now } = ctx;
  requireCaseAccess(actor, 'edit', kase);
  if (kase.status === 'closed') throw new AppError('CASE_CLOSED', { details: { caseId: kase.id } });
  if (ctx.inputs.length > MAX_OBSERVABLES_PER_BATCH) {
    throw new AppError('OBSERVABLE_BATCH_TOO_LARGE', {
      details: { max: MAX_OBSERVABLES_PER_BATCH, got: ctx.inputs.length },
    });
  }
  const rejected: AddObservablesResult['rejected'] = [];
  const built: ObservableRecord[] = [];
  ctx.inputs.forEach((input, index) => {
    const r = tryNormalizeObservable(input.type, input.value, {
      defaultCountry: ctx.defaultCountry,
      ...input.options,
      path: `observables.${index}.value`,
    });
    if (r.ok) built.push(buildObservable(r.observable, input, ctx));
    else rejected.push({ index, issues: r.issues });
  });
  if (rejected.length > 0 && (ctx.atomic ?? true))
    throw validationError(
      rejected.flatMap((r) => r.issues),
      'OBSERVABLE_INVALID',
    );
  const merged = mergeObservables(ctx.existing, built, now);
  const events: CaseDomainEvent[] = [];
  const brief = (o: ObservableRecord) => ({ id: o.id, type: o.type, value: o.display });
  if (merged.added.length)
    events.push(
      makeEvent('observable.added', actor, now, {
        caseId: kase.id,
        count: merged.added.length,
        items: merged.added.map(brief),
      }),
    );
  if (merged.updated.length)
    events.push(
      makeEvent('observable.merged', actor, now, {
        caseId: kase.id,
        count: merged.updated.length,
        items: merged.updated.map(brief),
      }),
    );
  return { ...merged, rejected, events };
}
