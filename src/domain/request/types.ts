// Types of a request for assistance (docs/spec.md §2): kinds, fields, workflow statuses and the stored record.
import type { Bilingual } from '../../error-types.js';

export const REQUEST_TYPES = [
  'preservation',
  'expedited_disclosure',
  'subscriber_info',
  'traffic_data',
  'content_data',
  'emergency_disclosure',
  'takedown',
  'freeze_assets',
  'interview',
  'other',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Handling levels of a request; `restricted` limits it to named officers (need-to-know). */
export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential', 'restricted'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export { CRIME_CATEGORIES, type CrimeCategory } from '../shared/crime-categories.js';
import type { CrimeCategory } from '../shared/crime-categories.js';

export const IDENTIFIER_KINDS = ['account', 'domain', 'ip', 'wallet', 'phone', 'email', 'url', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * One identifier the request concerns. `from`/`to` are ISO-8601 instants (with Z or an offset);
 * `timeZone` is the IANA zone the requester's evidence uses, so the provider can match its logs
 * and the UI can show the original local time. A time range needs a zone.
 */
export type Identifier = {
  kind: IdentifierKind;
  value: string;
  from?: string;
  to?: string;
  timeZone?: string;
  /** Platform or service the identifier belongs to, e.g. "WeChat", "Gmail". */
  service?: string;
  note?: string;
};

export type ContactOfficer = { name: string; email: string; phone: string };

export const TAKEDOWN_CONTENT_KINDS = [
  'csam',
  'terrorist_content',
  'fraud_site',
  'phishing',
  'malware',
  'other',
] as const;
export type TakedownContentKind = (typeof TAKEDOWN_CONTENT_KINDS)[number];

export const ASSET_KINDS = ['funds', 'crypto'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const INTERVIEW_ROLES = ['witness', 'suspect'] as const;
export type InterviewRole = (typeof INTERVIEW_ROLES)[number];

/** Type-specific fields; only the block matching the request's type is required and kept. */
export type RequestDetails = {
  preservation?: { dataToPreserve: string; provider: string };
  /** Art. 30 discloses traffic data that is already preserved: name that preservation. */
  expeditedDisclosure?: { preservationReference: string };
  emergency?: { threatDescription: string };
  takedown?: { urls: string[]; contentKind: TakedownContentKind; hostingProvider?: string };
  /** `amount` is a decimal string so money never passes through floating point. */
  freeze?: { assetKind: AssetKind; account: string; institution: string; amount: string; currency: string };
  interview?: {
    personName: string;
    role: InterviewRole;
    language?: string;
    videoConference?: boolean;
    questions?: string;
  };
};

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'needs_information',
  'accepted',
  'declined',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
  'fulfilled',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TERMINAL_STATUSES: readonly RequestStatus[] = ['declined', 'closed', 'withdrawn'];

export const REQUEST_ACTIONS = [
  'submit',
  'acknowledge',
  'accept',
  'request_information',
  'provide_information',
  'decline',
  'request_approval',
  'record_approval',
  'start_work',
  'partially_fulfil',
  'fulfil',
  'close',
  'withdraw',
  'renew_preservation',
  'propose_clock_override',
  'agree_clock_override',
  'reject_clock_override',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Deadlines as stored; evaluation never needs config to decide what is overdue. */
export type RequestClocks = {
  /** Start of the acknowledgement clock (submission; moved forward by information pauses). */
  ackClockStartAt: string | null;
  ackDueAt: string | null;
  /** Start of the response clock (submission; moved forward by information pauses). */
  responseClockStartAt: string | null;
  responseDueAt: string | null;
  /** Set while the request waits for information from the requester; the clocks stand still. */
  pausedAt: string | null;
  /** Preservation runs from acceptance by the requested party. */
  preservationStartedAt: string | null;
  preservationExpiresAt: string | null;
  renewalCount: number;
};

/** Values two parties may agree to replace the defaults with. Absolute dates for ack/response. */
export type ClockOverrideValues = {
  ackDueAt?: string;
  responseDueAt?: string;
  preservationDays?: number;
  renewalDays?: number;
  /** null = unlimited renewals. */
  maxRenewals?: number | null;
  renewalReminderDays?: number;
};

export type RequestSide = 'requesting' | 'requested';

export type AgreedClockOverrides = ClockOverrideValues & {
  agreedAt: string;
  proposedBy: RequestSide;
  note?: string;
};

export type PendingClockOverride = {
  values: ClockOverrideValues;
  proposedBy: RequestSide;
  proposedAt: string;
  proposedByLabel: string;
  note?: string;
};

export type ApprovalDecision = 'granted' | 'refused';

export type ApprovalRecord = {
  requestedAt: string;
  decidedAt: string | null;
  decision: ApprovalDecision | null;
  authority?: string;
  reference?: string;
  note?: string;
};

export type InformationRequest = {
  questions: string;
  requestedAt: string;
  /** Where provide_information returns the request to. */
  previousStatus: RequestStatus;
};

/** The editable content of a request (what a draft holds and a submit validates). */
export type RequestContent = {
  requestingParty: string;
  requestedParty: string;
  caseRef: string;
  subject: Bilingual;
  /** null while a draft has not chosen one yet; required to submit. */
  crimeCategory: CrimeCategory | null;
  facts: string;
  dataRequested: string;
  identifiers: Identifier[];
  type: RequestType;
  /** Id from the legal-basis catalogue; null while a draft has not chosen one yet. */
  legalBasis: string | null;
  /** Names the agreement or provision when the legal basis is "bilateral" or "other". */
  legalBasisNote?: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  requestedDeadline: string | null;
  contactOfficer: ContactOfficer;
  details: RequestDetails;
};

export type RequestRecord = RequestContent & {
  id: string;
  reference: string;
  status: RequestStatus;
  /** The requested party's law requires a competent authority's approval before data leaves. */
  approvalRequired: boolean;
  approval: ApprovalRecord | null;
  clocks: RequestClocks;
  clockOverrides: AgreedClockOverrides | null;
  pendingClockOverride: PendingClockOverride | null;
  informationRequest: InformationRequest | null;
  declineReason: string | null;
  withdrawReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  workStartedAt: string | null;
  partiallyFulfilledAt: string | null;
  fulfilledAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  /** Set when a tabletop exercise created the request (docs/spec.md §7.2): kept out of real lists and statistics. */
  exerciseId?: string | null;
  /** Incremented by every change; the storage layer uses it for optimistic locking. */
  version: number;
};

/** What a transition emits; the service turns it into audit entries, timeline rows and messages. */
export type RequestEvent = {
  type: string;
  at: string;
  actor: string;
  actorKind: 'user' | 'peer' | 'system';
  partyId: string;
  requestId: string;
  data: Record<string, unknown>;
};
