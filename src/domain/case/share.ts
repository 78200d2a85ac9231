// Selective sharing (docs/spec.md §4.4): decide, per recipient and per item, what may be sent given the
// case's confidentiality and each item's TLP and originator. The service sends what is allowed
// and shows the refusals; nothing here sends anything.
import type { Bilingual } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import type { CaseRecord } from './case-types.js';
import type { EvidenceRecord } from './evidence.js';
import type { ObservableRecord, ObservableSource } from './observables.js';
import { effectiveTlp } from './observables.js';
import { requireCaseAccess } from './policy.js';
import type { Tlp } from './tlp.js';
import { checkShareAllowed } from './tlp.js';

export const SHARE_GRANULARITIES = ['whole_case', 'selected'] as const;
export type ShareGranularity = (typeof SHARE_GRANULARITIES)[number];

export type ShareRefusal = { kind: 'case' | 'observable' | 'evidence'; id: string; reason: Bilingual };

export type RecipientPlan = {
  party: string;
  /** Whether the case summary (reference, title, summary, categories) may go. */
  caseContent: boolean;
  /** Observables that may go, each with only the sources the recipient may see and their resulting TLP. */
  observables: { id: string; tlp: Tlp; sources: ObservableSource[] }[];
  evidenceIds: string[];
  refused: ShareRefusal[];
};

export type PlanShareInput = {
  kase: CaseRecord;
  actor: Actor;
  localParty: string;
  recipients: readonly string[];
  granularity: ShareGranularity;
  /** The case's observables and evidence (all of them; selection is by the id lists). */
  observables: readonly ObservableRecord[];
  evidence: readonly EvidenceRecord[];
  observableIds?: readonly string[];
  evidenceIds?: readonly string[];
  /** For a case received from a peer: the parties its originator named (RED). */
  caseNamedRecipients?: readonly string[];
};

const NO_SOURCE: Bilingual = { en: 'The observable has no recorded source.', zh: '该可观测数据没有来源记录。' };

export function planCaseShare(input: PlanShareInput): RecipientPlan[] {
  const { kase, actor, localParty } = input;
  if (kase.confidentiality === 'secret')
    throw new AppError('CASE_SHARE_CONFIDENTIAL', { details: { caseId: kase.id } });
  requireCaseAccess(actor, kase.confidentiality === 'restricted' ? 'share_restricted' : 'share', kase);
  const recipients = [...new Set(input.recipients)];
  const issues = [];
  if (recipients.length === 0)
    issues.push(issue('recipients', 'SHARE_NO_RECIPIENT', 'Choose at least one recipient.', '请至少选择一个接收方。'));
  if (recipients.includes(localParty))
    issues.push(
      issue('recipients', 'SHARE_SELF', 'A case cannot be shared with your own agency.', '不能与本机构共享案件。'),
    );
  const obs = select(input.observables, input.granularity, input.observableIds, 'observableIds', issues);
  const evs = select(input.evidence, input.granularity, input.evidenceIds, 'evidenceIds', issues);
  if (issues.length) throw validationError(issues, 'CASE_INVALID');

  // What we originate and send now, we name: the share's recipients are its named recipients.
  const named = (origin: string, namedByOrigin: readonly string[]) =>
    origin === localParty ? [...namedByOrigin, ...recipients] : namedByOrigin;
  return recipients.map((party) => {
    const refused: ShareRefusal[] = [];
    const check = (tlp: Tlp, origin: string, namedByOrigin: readonly string[]) =>
      checkShareAllowed({
        tlp,
        recipientParty: party,
        originParty: origin,
        senderParty: localParty,
        namedRecipients: named(origin, namedByOrigin),
      });
    const c = check(kase.tlp, kase.originParty, input.caseNamedRecipients ?? []);
    if (!c.ok) refused.push({ kind: 'case', id: kase.id, reason: c.reason });
    const observables: RecipientPlan['observables'] = [];
    for (const o of obs) {
      const results = o.sources.map((src) => ({ src, r: check(src.tlp, src.party, src.namedRecipients) }));
      const allowed = results.filter((x) => x.r.ok).map((x) => x.src);
      if (allowed.length > 0) {
        observables.push({ id: o.id, tlp: effectiveTlp(allowed), sources: allowed });
        continue;
      }
      const fail = results.map((x) => x.r).find((r) => !r.ok);
      refused.push({ kind: 'observable', id: o.id, reason: fail && !fail.ok ? fail.reason : NO_SOURCE });
    }
    const evidenceIds: string[] = [];
    for (const e of evs) {
      const r = check(e.tlp, e.originParty, e.namedRecipients);
      if (r.ok) evidenceIds.push(e.id);
      else refused.push({ kind: 'evidence', id: e.id, reason: r.reason });
    }
    return { party, caseContent: c.ok, observables, evidenceIds, refused };
  });
}

function select<T extends { id: string }>(
  all: readonly T[],
  granularity: ShareGranularity,
  ids: readonly string[] | undefined,
  path: string,
  issues: ReturnType<typeof issue>[],
): T[] {
  if (granularity === 'whole_case') return [...all];
  const byId = new Map(all.map((x) => [x.id, x]));
  const out: T[] = [];
  (ids ?? []).forEach((id, i) => {
    const x = byId.get(id);
    if (x) out.push(x);
    else
      issues.push(
        issue(`${path}.${i}`, 'SHARE_ITEM_UNKNOWN', 'This item does not belong to the case.', '该事项不属于本案。'),
      );
  });
  return out;
}
