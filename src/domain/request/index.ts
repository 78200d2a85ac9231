// Public API of the request domain (docs/spec.md §2): types, legal bases, validation, workflow, clocks, policy, schemas.
export * from './types.js';
export * from './labels.js';
export {
  LEGAL_BASES,
  LEGAL_BASIS_IDS,
  ALLOWED_LEGAL_BASES_BY_TYPE,
  DATA_TRANSFER_TYPES,
  JURISDICTION_LABELS,
  allowedLegalBases,
  getLegalBasis,
  isApprovalRequired,
  isLegalBasisId,
  type Jurisdiction,
  type LegalBasis,
  type LegalBasisId,
  type PreservationClock,
} from './legal-bases.js';
export {
  checkIdentifierValue,
  isIsoInstant,
  isValidDomain,
  isValidEmail,
  isValidIp,
  isValidPhone,
  isValidTimeZone,
  isValidUrl,
  isValidWallet,
} from './identifiers.js';
export {
  IDENTIFIER_REQUIRED_TYPES,
  assertSubmittable,
  validateRequestContent,
  type ValidationMode,
} from './validate-request.js';
export { validateActionParams, validateOverrideValues, type ActionParams } from './action-params.js';
export {
  DEFAULT_CLOCK_POLICY,
  EMPTY_CLOCKS,
  computeSubmitClocks,
  defaultResponseHours,
  preservationTerms,
  resolveClockPolicy,
  type ClockPolicy,
  type ClockPolicyInput,
} from './clocks.js';
export {
  clockEventToRequestEvent,
  dueClockEvents,
  evaluateClocks,
  RESPONSE_OPEN,
  type ClockEvaluationOptions,
  type ClockEvent,
  type ClockEventKind,
  type ClockStatus,
  type EscalationLevel,
} from './clock-status.js';
export { RESPONSE_DUE_SOON, dueSoonKey, responseDueSoon, type DueSoonEvent } from './due-soon.js';
export { ACTION_FROM, actionsFromStatus, allowedActions } from './transitions.js';
export { ANSWERABLE_STATUSES, requireResponseEvidence } from './response-evidence.js';
export { peerStepNotice, type StepNotice } from './step-notices.js';
export { ACTION_ORDER, expectedStep, nextActionFor, orderActions, type ExpectedStep } from './next-step.js';
export {
  ACTION_EVENT,
  applyRequestAction,
  applyRequestCommand,
  type ApplyOptions,
  type ApplyResult,
} from './state-machine.js';
export {
  createRequestDraft,
  updateRequestDraft,
  type DraftResult,
  type RequestDraftInput,
  type RequestDraftPatch,
} from './draft.js';
export {
  REQUEST_POLICY,
  canRequest,
  requireRequestAccess,
  sideOf,
  type PolicyRule,
  type RequestPolicyAction,
} from './policy.js';
export { REQUEST_ERRORS } from './errors.js';
export * from './schemas.js';
export { receiveSubmittedRequest, toSubmittedSnapshot, type SubmittedRequestSnapshot } from './receive.js';
