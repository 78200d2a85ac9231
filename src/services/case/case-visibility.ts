// What this node's users may see of a case and what it holds. The case itself: the domain's
// caseAccess decides (full, membership, none) for every read path, and an admin's membership view
// is the record cut down to membershipRecord. Items: TLP on view (docs/spec.md §4.4) — information a peer
// marked RED for other parties stays hidden even from case members; everything else is shown.
import {
  caseAccess,
  checkViewAllowed,
  effectiveTlp,
  type CaseRecord,
  type EvidenceRecord,
  type ObservableRecord,
} from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findCasesByIds } from '../../storage/repositories/case.repository.js';

/** All an admin who is not a member may know of a case (the case page's membership view). */
export type CaseMembershipRecord = Pick<
  CaseRecord,
  'id' | 'reference' | 'status' | 'members' | 'version' | 'updatedAt'
>;

export function membershipRecord(kase: CaseRecord): CaseMembershipRecord {
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    members: kase.members,
    version: kase.version,
    updatedAt: kase.updatedAt,
  };
}

/** True when the actor sees the content of the case (title, summary, items, timeline). */
export function seesCaseContent(actor: Actor, kase: Pick<CaseRecord, 'members'>): boolean {
  return caseAccess(actor, kase) === 'full';
}

/** Observables with only the sources a local user may see; an observable with none left is dropped. */
export function visibleObservables(localParty: string, all: readonly ObservableRecord[]): ObservableRecord[] {
  const out: ObservableRecord[] = [];
  for (const o of all) {
    const sources = o.sources.filter(
      (s) =>
        checkViewAllowed({
          tlp: s.tlp,
          viewerParty: localParty,
          holderParty: localParty,
          originParty: s.party,
          namedRecipients: s.namedRecipients,
        }).ok,
    );
    if (sources.length === 0) continue;
    out.push(sources.length === o.sources.length ? o : { ...o, sources, tlp: effectiveTlp(sources) });
  }
  return out;
}

export function isEvidenceVisible(localParty: string, e: EvidenceRecord): boolean {
  return checkViewAllowed({
    tlp: e.tlp,
    viewerParty: localParty,
    holderParty: localParty,
    originParty: e.originParty,
    namedRecipients: e.namedRecipients,
  }).ok;
}

/**
 * Of the case ids a read path is about to name (search hits, notifications, correlation sources),
 * those whose content this actor sees — each decided by caseAccess on the stored case, so a list
 * filtered in SQL for speed is checked by the same rule as the case page before anything is shown.
 */
export async function casesShownTo(db: Queryable, actor: Actor, caseIds: readonly string[]): Promise<Set<string>> {
  const cases = await findCasesByIds(db, caseIds);
  return new Set(cases.filter((k) => seesCaseContent(actor, k)).map((k) => k.id));
}
