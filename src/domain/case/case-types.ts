// Case record shape, statuses, crime categories and confidentiality levels (docs/spec.md §4.1).
import type { Bilingual } from '../../error-types.js';
import type { Tlp } from './tlp.js';

export const CASE_STATUSES = ['open', 'active', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, Bilingual> = {
  open: { en: 'Open', zh: '已立案' },
  active: { en: 'Active', zh: '侦办中' },
  suspended: { en: 'Suspended', zh: '已中止' },
  closed: { en: 'Closed', zh: '已结案' },
};

export { CRIME_CATEGORIES, type CrimeCategory } from '../shared/crime-categories.js';
import type { CrimeCategory } from '../shared/crime-categories.js';

export { CRIME_CATEGORY_LABELS } from '../shared/crime-categories.js';

/**
 * How far a case may travel, on top of TLP:
 * - normal: TLP rules alone decide;
 * - restricted: sharing with peers needs a supervisor who is a member of the case;
 * - secret: never shared with peers, whatever the TLP.
 */
export const CASE_CONFIDENTIALITY = ['normal', 'restricted', 'secret'] as const;
export type CaseConfidentiality = (typeof CASE_CONFIDENTIALITY)[number];

export const CASE_CONFIDENTIALITY_LABELS: Record<CaseConfidentiality, Bilingual> = {
  normal: { en: 'Normal', zh: '一般' },
  restricted: { en: 'Restricted', zh: '限制' },
  secret: { en: 'Secret (not shared with peers)', zh: '秘密（不向其他参与方共享）' },
};

export const CASE_ROLES = ['lead', 'member', 'viewer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_ROLE_LABELS: Record<CaseRole, Bilingual> = {
  lead: { en: 'Lead investigator', zh: '主办人' },
  member: { en: 'Member', zh: '成员' },
  viewer: { en: 'Viewer', zh: '查看者' },
};

export type CaseMember = {
  userId: string;
  caseRole: CaseRole;
  addedAt: string;
  addedBy: string;
};

export type CaseRecord = {
  id: string;
  /** Human reference, e.g. `CN-2025-000123` or the agency's own file number. */
  reference: string;
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
  crimeCategories: CrimeCategory[];
  status: CaseStatus;
  /** Party (node) id leading the case. */
  leadParty: string;
  /** Party whose node first created this record (the TLP originator of its content). */
  originParty: string;
  /** Every party in the case, always including `leadParty`. */
  participatingParties: string[];
  members: CaseMember[];
  linkedRequestIds: string[];
  linkedCallIds: string[];
  /** Default TLP marking for new observables and evidence of this case. */
  tlp: Tlp;
  confidentiality: CaseConfidentiality;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  closedAt: string | null;
  /** Reason given for the latest suspend / close / reopen. */
  statusReason: string | null;
  /** Incremented on every change; the storage layer uses it for optimistic locking. */
  version: number;
  /** Set on a local copy of a case a peer shared (absent on cases opened here). */
  sharedFrom?: CaseShareOrigin;
};

/** Where a shared copy came from: updates of the same share match on (party, caseId). */
export type CaseShareOrigin = {
  party: string;
  /** The case's id on the sender's node. */
  caseId: string;
  /** For RED case content: the parties the sender named (onward sharing is checked against them). */
  namedRecipients: string[];
  firstReceivedAt: string;
  lastReceivedAt: string;
};

export function memberOf(kase: Pick<CaseRecord, 'members'>, userId: string): CaseMember | undefined {
  return kase.members.find((m) => m.userId === userId);
}

/** `CN-2025-000123`: the node's prefix, the year of `now` (UTC) and a per-node sequence. */
export function formatCaseReference(prefix: string, now: Date, seq: number): string {
  return `${prefix.toUpperCase()}-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}
