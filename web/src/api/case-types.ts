// Shapes of the case area's API answers (cases, observables, evidence, custody, tasks, timeline), generated
// from the node's OpenAPI document (src/http/routes/cases/cases.response.ts; npm run gen:api-types).
import type { components } from './generated/api';

type S = components['schemas'];
export type Tlp = S['Observable']['tlp'];
export type CaseMeta = S['CaseMeta'];
/** `displayName` comes with the case page (GET /api/cases/:id); lists carry ids only. */
export type CaseMember = S['CaseMember'];
export type CaseSummary = S['CaseSummary'];
export type Observable = S['Observable'];
export type Evidence = S['Evidence'];
export type CustodyEvent = S['CustodyEvent'];
export type Custody = S['Custody'];
export type CaseTask = S['CaseTask'];
export type TimelineEntry = S['CaseTimelineEntry'];
export type CaseView = S['CaseView'];
export type CaseDetail = S['CaseDetail'];
export type ObservableOutcome = S['ObservableOutcome'];
export type SharePreview = S['SharePreview'];
export type ShareOutcome = S['ShareOutcome'];
