// Shapes of the case area's API answers (cases, observables, evidence, custody, tasks, timeline),
// mirroring src/http/routes/cases/*.presenter.ts.
import type { Bilingual, Labels } from './types';

export type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
export type CaseMeta = {
  statuses: Labels; crimeCategories: Labels; confidentiality: Labels; caseRoles: Labels;
  tlp: Record<Tlp, { label: string; description: Bilingual }>; observableTypes: Labels; custodyKinds: Labels; taskStatuses: Labels;
  actions: string[]; taskActions: string[]; shareGranularities: string[];
  limits: { maxEvidenceBytes: number; maxObservablesPerBatch: number };
};
/** `displayName` comes with the case page (GET /api/cases/:id); lists carry ids only. */
export type CaseMember = { userId: string; caseRole: string; addedAt: string; addedBy: string; displayName?: string | null };
export type CaseSummary = {
  id: string; reference: string; status: string; access: 'full' | 'membership'; updatedAt: string;
  title?: Bilingual; crimeCategories?: string[]; leadParty?: string; tlp?: Tlp; confidentiality?: string; myRole?: string | null; createdAt?: string;
};
export type Observable = {
  id: string; type: string; value: string; display: string; subtype: string | null; flags: string[]; tlp: Tlp;
  sources: { party: string; ref: string; tlp: Tlp; at: string }[]; tags: string[]; note: string | null;
  firstSeenAt: string; lastSeenAt: string; createdBy: string;
};
export type Evidence = {
  id: string; caseId: string; requestId: string | null; filename: string; mediaType: string; size: number; sha256: string;
  description: string | null; tlp: Tlp; originParty: string; encryptedAtRest: { alg: string; masterKeyId: string };
  custodyHead: { seq: number; hash: string } | null; createdAt: string; createdBy: string;
  /** For an item received from a peer: the SHA-256 the sender declared and the one computed here. */
  received: { from: string; at: string; sentSha256: string; receivedSha256: string; transferredBy: string } | null;
};
export type CustodyEvent = {
  seq: number; kind: string; at: string; actor: string; actorLabel: string; party: string; note: string | null;
  prevHash: string; hash: string; signature: string; keyId: string;
};
export type Custody = {
  evidenceId: string; events: CustodyEvent[];
  verification: { ok: true; length: number; headHash: string } | { ok: false; firstBadSeq: number; reason: string; message: Bilingual };
};
export type CaseTask = {
  id: string; title: string; description: string | null; assigneeUserId: string | null; dueAt: string | null; status: string;
  createdAt: string; completedAt: string | null; dueState: 'none' | 'on_track' | 'due_soon' | 'overdue'; isOverdue: boolean;
  allowedActions: string[]; version: number;
};
export type TimelineEntry = { at: string; kind: string; actor: string; summary: Bilingual; ref: { type: string; id: string } };
export type CaseDetail = CaseSummary & {
  summary?: Bilingual; statusReason?: string | null; originParty?: string; participatingParties?: string[];
  linkedRequestIds?: string[]; linkedCallIds?: string[]; closedAt?: string | null; createdBy?: string;
  allowedActions: string[]; members: CaseMember[]; version: number;
  observables?: Observable[]; evidence?: Evidence[]; tasks?: CaseTask[]; timeline?: TimelineEntry[];
};
export type ObservableOutcome = {
  added: Observable[]; merged: Observable[]; duplicates: { key: string; keptId: string }[];
  rejected: { index: number; value: string; issues: { path: string; code: string; message: Bilingual }[] }[];
};
export type SharePreview = {
  party: string; caseContent: boolean; observables: { id: string; tlp: Tlp }[]; evidenceIds: string[];
  refused: { kind: string; id: string; reason: Bilingual }[]; peer: { id: string; name: Bilingual; status: string } | null;
};
