// The federation messages of case cooperation: `case.shared` (case content and the observables that
// may go to one recipient) and `evidence.transferred` (one item's bytes, metadata and full chain of
// custody). Each recipient's body is built from its own plan, so it carries only what was chosen
// for it and what TLP allows (docs/spec.md §1.6, §4.4).
import type {
  CaseRecord,
  CustodyEvent,
  ObservableRecord,
  ObservableSource,
  RecipientPlan,
  SharedCaseContent,
  SharedObservable,
  TransferredEvidenceMeta,
} from '../../domain/case/index.js';

export const CASES_CHANNEL = 'cases';
export const CASE_SHARED = 'case.shared';
export const EVIDENCE_TRANSFERRED = 'evidence.transferred';

/** The case a copy derives from, when the sender's case is itself a copy (so it can return home). */
export type CaseOrigin = { party: string; caseId: string };

export type CaseSharedBody = {
  case: SharedCaseContent;
  origin: CaseOrigin | null;
  observables: SharedObservable[];
  /** The items that follow as `evidence.transferred` on the same channel. */
  evidence: { id: string; filename: string; size: number; sha256: string }[];
  sharedBy: string;
  sharedAt: string;
  note: string | null;
};

export type EvidenceContext =
  { kind: 'case'; caseId: string; origin: CaseOrigin | null } | { kind: 'request'; requestId: string };

export type EvidenceTransferredBody = {
  context: EvidenceContext;
  evidence: TransferredEvidenceMeta;
  /** The whole chain up to and including the sender's `transferred` event (its last event). */
  custody: CustodyEvent[];
  custodyHead: { seq: number; hash: string };
  /** The plaintext, base64; the batch it travels in is encrypted to the recipient. */
  content: string;
  transferredBy: string;
};

export function caseOrigin(kase: CaseRecord): CaseOrigin | null {
  return kase.sharedFrom ? { party: kase.sharedFrom.party, caseId: kase.sharedFrom.caseId } : null;
}

/** Our own RED contributions name the recipient they are sent to, or it could not view them. */
export function namingRecipient<T extends { party: string; tlp: string; namedRecipients: string[] }>(
  x: T,
  local: string,
  recipient: string,
): T {
  if (x.party !== local || x.tlp !== 'RED' || x.namedRecipients.includes(recipient)) return x;
  return { ...x, namedRecipients: [...x.namedRecipients, recipient] };
}

export function caseSharedBody(input: {
  kase: CaseRecord;
  plan: RecipientPlan;
  observables: readonly ObservableRecord[];
  evidence: EvidenceTransferredBody['evidence'][];
  local: string;
  sharedBy: string;
  now: Date;
  note?: string;
}): CaseSharedBody {
  const { kase, plan, local } = input;
  const byId = new Map(input.observables.map((o) => [o.id, o]));
  const named = kase.originParty === local ? [plan.party] : (kase.sharedFrom?.namedRecipients ?? []);
  // Only the parties this recipient already deals with in the case: other recipients stay unseen.
  const parties = [...new Set([kase.leadParty, local, plan.party])];
  return {
    case: {
      caseId: kase.id,
      reference: kase.reference,
      title: { ...kase.title },
      summary: { ...kase.summary },
      crimeCategories: [...kase.crimeCategories],
      leadParty: kase.leadParty,
      participatingParties: parties,
      tlp: kase.tlp,
      confidentiality: kase.confidentiality,
      namedRecipients: named,
    },
    origin: caseOrigin(kase),
    observables: plan.observables.map((p) => {
      const o = byId.get(p.id)!;
      const sources = p.sources.map((s: ObservableSource) => namingRecipient(s, local, plan.party));
      return {
        type: o.type,
        value: o.value,
        display: o.display,
        subtype: o.subtype,
        flags: [...o.flags],
        attributes: { ...o.attributes },
        related: o.related.map((r) => ({ ...r })),
        tags: [...o.tags],
        note: o.note,
        firstSeenAt: o.firstSeenAt,
        lastSeenAt: o.lastSeenAt,
        sources,
      };
    }),
    evidence: input.evidence.map((e) => ({ id: e.id, filename: e.filename, size: e.size, sha256: e.sha256 })),
    sharedBy: input.sharedBy,
    sharedAt: input.now.toISOString(),
    note: input.note?.trim() || null,
  };
}
