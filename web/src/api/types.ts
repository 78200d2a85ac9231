// Shapes the API answers with, generated from the node's OpenAPI document (generated/api.d.ts, written by
// `npm run gen:api-types` from the routes' response schemas): the client cannot drift from the server.
import type { Bilingual, ApiIssue } from './client';
import type { RequestAction } from '../../../src/domain/request/types';
import type { components, paths } from './generated/api';
import type { CallAction } from '../../../src/domain/call/types';
import type { Role } from '../../../src/domain/shared/roles';
import type { Permission } from '../../../src/domain/user/permissions';

export type { Bilingual, ApiIssue, Role, Permission, RequestAction, CallAction };
/** The API's shapes, generated from its OpenAPI document (npm run gen:api-types). */
type Schemas = components['schemas'];
/** The query a GET route takes, as its schema declares it. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;
/** The JSON body a route takes, as its schema declares it. */
export type JsonBody<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type Labels = Record<string, Bilingual>;
export type Locale = 'en' | 'zh-CN';

export type User = Schemas['User'];
export type Me = Schemas['Me'];
export type TokenScope = Schemas['ApiToken']['scope'];
/** A token as listed; `token` (the secret) only on the answer that created it. */
export type ApiToken = Schemas['ApiToken'] & { token?: string };
export type NewApiToken = Schemas['NewApiToken'];

// Request shapes: generated from the node's OpenAPI document (src/http/routes/requests/requests.response.ts).
export type RequestView = Schemas['RequestView'];
export type RequestHistoryEntry = Schemas['RequestHistoryEntry'];
export type RequestDetail = Schemas['RequestDetail'];
export type RequestMeta = Schemas['RequestMeta'];
export type LegalBasis = Schemas['LegalBasis'];
export type RequestDelivery = Schemas['RecordDelivery'];
/** A signed receipt as the server decoded and verified it when the list was read. */
export type ReceiptView = Schemas['Receipt'];

// Hotline, roster and dialogue shapes: generated from the node's OpenAPI document
// (src/http/routes/calls/calls.response.ts, dialogue/dialogue.response.ts).
export type CallClock = Schemas['CallClock'];
export type CallView = Schemas['CallView'];
export type ContactLogEntry = Schemas['ContactLogEntry'];
export type CallDetail = Schemas['CallDetail'];
export type CallMeta = Schemas['CallMeta'];
export type CallRequestDraft = Schemas['CallRequestDraft'];
export type CallCaseDraft = Schemas['CallCaseDraft'];
export type ZonedSpan = Schemas['ZonedSpan'];
export type Shift = Schemas['Shift'];
export type SavedShift = Schemas['SavedShift'];
export type Roster = Schemas['Roster'];
export type OnDuty = Schemas['OnDuty'];

export type MeetingView = Schemas['MeetingView'];
export type OutcomeView = Schemas['OutcomeView'];
export type ActionItemView = Schemas['ActionItemView'];
export type HistoryEntry = Schemas['MeetingHistoryEntry'];
export type MeetingDetail = Schemas['MeetingDetail'];
export type DialogueMeta = Schemas['DialogueMeta'];

// Audit and notification shapes: generated (src/http/routes/audit, notifications/*.response.ts).
/** An entry with the action in words, the record type's name and the record's reference. */
export type AuditEntry = Schemas['AuditEntry'];
export type AuditMeta = Schemas['AuditMeta'];
export type Notification = Schemas['Notification'];
export type AuditVerify = Schemas['AuditVerification'];
