// Shapes the API answers with. Record shapes come from the server's domain types (type-only
// imports, erased at build time) so the client follows the server; the rest mirror presenters.
import type { Bilingual, ApiIssue } from './client';
import type { ClockStatus } from '../../../src/domain/request/clock-status';
import type { LegalBasis } from '../../../src/domain/request/legal-bases';
import type { RequestAction, RequestRecord } from '../../../src/domain/request/types';
import type { CallAction, CallRecord } from '../../../src/domain/call/types';
import type { EscalationRole } from '../../../src/domain/call/topics';
import type { ActionItem, Meeting, Outcome } from '../../../src/domain/dialogue/types';
import type { ActionItemAction } from '../../../src/domain/dialogue/action-item';
import type { MeetingAction } from '../../../src/domain/dialogue/meeting';
import type { ActionItemEvaluation } from '../../../src/domain/dialogue/clock';
import type { ProgressCounts } from '../../../src/domain/dialogue/progress';
import type { Role } from '../../../src/domain/shared/roles';
import type { Permission } from '../../../src/domain/user/permissions';

export type { Bilingual, ApiIssue, Role, Permission, RequestAction, CallAction, LegalBasis };
export type Labels = Record<string, Bilingual>;
export type Locale = 'en' | 'zh-CN';

export type User = {
  id: string; username: string; displayName: string; email: string | null; roles: Role[];
  locale: Locale; timeZone: string; totpEnabled: boolean; disabled: boolean; lockedUntil: string | null;
  createdAt: string; updatedAt: string;
};
export type Me = {
  user: User; permissions: Permission[]; node: { id: string; name: Bilingual; country: string };
  /** Set for an external party's TAXII account: the web UI then offers its own settings only. */
  boundParty: string | null;
  /** The language this browser session shows (its own choice, else the account's default `user.locale`). */
  session?: { locale: Locale; sessionChoice: boolean };
};
/** read_only: GET/HEAD only; taxii_only: /taxii2/ only; full: all the user's roles allow. */
export type TokenScope = 'read_only' | 'taxii_only' | 'full';

export type ApiToken = {
  id: string; userId: string; name: string; prefix: string; scope: TokenScope; createdAt: string;
  expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null; token?: string;
};

export type RequestView = RequestRecord & {
  direction: 'outgoing' | 'incoming';
  clock: ClockStatus;
  /** Exactly what this user may do now, the expected next step first. */
  allowedActions: RequestAction[];
  /** The step the workflow expects next when this user may take it: the primary button. */
  nextAction: RequestAction | null;
  /** Who owes the next step (null once the request is finished). */
  expectedStep: { side: 'requesting' | 'requested'; action: RequestAction; roles: Role[] } | null;
  /** Steps of an off-federation counterpart this user may record for it. */
  counterpartActions: RequestAction[];
  /** On drafts: what still stops it from being submitted. */
  issues?: ApiIssue[];
};
export type RequestHistoryEntry = { at: string; type: string; actorLabel: string; party: string; data: Record<string, unknown>; auditSeq: number | null };
export type RequestDetail = RequestView & { history: RequestHistoryEntry[] };
export type RequestMeta = {
  types: Labels; urgencies: Labels; confidentiality: Labels; crimeCategories: Labels; identifierKinds: Labels;
  statuses: Labels; actions: Labels; legalBases: LegalBasis[]; legalBasesByType: Record<string, string[]>;
};

export type CallClock = {
  isAwaitingAck: boolean; isOverdue: boolean; overdueByMs: number; timeLeftMs: number | null; ackDueAt: string;
  escalationLevel: 0 | 1 | 2; escalationRole: EscalationRole; nextEscalationAt: string | null; isProminent: boolean;
  timeToAcknowledgeMs: number | null; acknowledgedLate: boolean;
};
export type CallView = CallRecord & { direction: 'outgoing' | 'incoming'; clock: CallClock; allowedActions: CallAction[] };
export type ContactLogEntry = { at: string; direction: 'in' | 'out'; kind: string; by: string; text: string | null; label: Bilingual };
export type CallDetail = CallView & { contactLog: ContactLogEntry[] };
export type CallMeta = {
  topics: Labels; urgencies: Labels; statuses: Labels; escalationRoles: Labels; contactLogKinds: Labels;
  defaultAckMinutes: Record<string, number>;
};
export type ZonedSpan = { timeZone: string; start: string; end: string };
export type Shift = {
  id: string; userId: string; role: EscalationRole; start: string; end: string; timeZone: string;
  officer: { name: string; timeZone: string } | null; durationMs: number; crossesOffsetChange: boolean;
  shiftZone: ZonedSpan; viewerZone: ZonedSpan;
};
export type Roster = { from: string; to: string; viewerTimeZone: string; shifts: Shift[]; gaps: Record<string, { start: string; end: string }[]> };
export type OnDuty = { at: string; viewerTimeZone: string; viewerTimeNow: string; onDuty: Record<string, (Shift & { localTimeNow: string })[]> };

export type MeetingView = Omit<Meeting, never> & {
  allowedActions: MeetingAction[];
  progress: ProgressCounts & { completionRate: number | null; byParty: Record<string, ProgressCounts> };
};
export type ActionItemView = ActionItem & { clock: ActionItemEvaluation; allowedActions: ActionItemAction[] };
export type HistoryEntry = { id: string; at: string; type: string; actorLabel: string; party: string; data: Record<string, unknown> };
export type MeetingDetail = MeetingView & { outcomes: Omit<Outcome, 'parties'>[]; actionItems: ActionItemView[]; history: HistoryEntry[] };
export type DialogueMeta = { meetingKinds: Labels; meetingStatuses: Labels; actionItemStatuses: Labels };

export type AuditEntry = {
  seq: number; at: string; actorKind: string; actorId: string | null; actorLabel: string; action: string;
  subjectType: string | null; subjectId: string | null; data: Record<string, unknown>; prevHash: string; hash: string;
  /** The action in words, the record type's name and the record's reference (added by GET /api/audit). */
  label: Bilingual; subjectLabel: Bilingual | null; reference: string | null;
};
export type Notification = {
  id: string; kind: string; subjectType: string; subjectId: string; title: Bilingual; body: Bilingual;
  severity: 'info' | 'warning' | 'critical'; createdAt: string; readAt?: string | null;
};
/** Mirrors src/audit/verify-audit.ts (not imported: that module pulls in storage). */
export type AuditVerify =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: string; detail: string };
