// Public API of the case area: cases, observables, TLP, evidence, custody, tasks, timeline.
export * from './case-types.js';
export { CASE_LIMITS, createCase, validateCaseFields, validateMemberRole, validateReason } from './case-validation.js';
export type { CaseFieldsInput, CreateCaseContext, CreateCaseInput } from './case-validation.js';
export { CASE_ACTIONS, CASE_ACTION_SPECS, allowedCaseActions, applyCaseAction } from './case-machine.js';
export type { CaseAction, CaseActionParams, CaseTransition, CaseUpdate } from './case-machine.js';
export {
  CASE_POLICY,
  CASE_POLICY_ACTIONS,
  CASE_WORKER_ROLES,
  canCase,
  canEditCase,
  canManageCaseMembership,
  canViewCase,
  caseAccess,
  caseRolesAllowedFor,
  requireCaseAccess,
} from './policy.js';
export type { CaseAccess, CasePolicyAction } from './policy.js';
export { actorId, makeEvent } from './events.js';
export type { CaseDomainEvent, CaseEventType } from './events.js';

export * from './tlp.js';
export { SHARE_GRANULARITIES, planCaseShare } from './share.js';
export type { PlanShareInput, RecipientPlan, ShareGranularity, ShareRefusal } from './share.js';
export {
  linkReceivedRequest,
  newSharedCaseCopy,
  sharedObservableRecords,
  updateSharedCaseCopy,
} from './share-receive.js';
export type { LocalMember, SharedCaseContent, SharedObservable } from './share-receive.js';
export {
  checkReceivedChain,
  custodyTransferInvalid,
  handoverCustody,
  handoverNote,
  receivedEvidenceRecord,
} from './evidence-handover.js';
export type { HandoverInput, ReceivedChainFailure, TransferredEvidenceMeta } from './evidence-handover.js';

export * from './observable-types.js';
export {
  MAX_RAW_OBSERVABLE_CHARS,
  dedupeKey,
  normalizeObservable,
  tryNormalizeObservable,
} from './normalize-observable.js';
export { classifyIPv4, classifyIPv6, formatIPv6, parseIPv6 } from './normalize-ip.js';
export { toChecksumAddress } from './normalize-wallet.js';
export { ibanValid, luhnValid } from './normalize-ids.js';
export { refang } from './text-clean.js';
export {
  MAX_OBSERVABLES_PER_BATCH,
  addObservables,
  buildObservable,
  effectiveTlp,
  mergeObservables,
} from './observables.js';
export type {
  AddObservablesContext,
  AddObservablesResult,
  MergeResult,
  ObservableInput,
  ObservableRecord,
  ObservableSource,
} from './observables.js';

export {
  EVIDENCE_ALG,
  decryptEvidence,
  encryptEvidence,
  generateDataKey,
  openEvidence,
  sealEvidence,
  sha256Hex,
  unwrapKey,
  wrapKey,
} from './evidence-crypto.js';
export type { EncryptedEvidence, EvidenceEncryption, SealedEvidence } from './evidence-crypto.js';
export { EvidenceDecryptStream, EvidenceEncryptStream, createOpenStream, createSealStream } from './evidence-stream.js';
export type { EncryptSummary } from './evidence-stream.js';
export {
  DEFAULT_EVIDENCE_LIMITS,
  checkEvidenceUpload,
  createEvidenceRecord,
  evidenceStorageKey,
  normalizeMediaType,
  recordCustody,
  validateEvidenceInput,
} from './evidence.js';
export type {
  CreateEvidenceContext,
  EvidenceInput,
  EvidenceLimits,
  EvidenceReceipt,
  EvidenceRecord,
} from './evidence.js';
export {
  CUSTODY_FAILURES,
  CUSTODY_GENESIS,
  CUSTODY_KINDS,
  CUSTODY_KIND_LABELS,
  appendCustodyEvent,
  custodyEventHash,
  verifyCustodyChain,
} from './custody.js';
export type {
  CustodyEvent,
  CustodyEventInput,
  CustodyFailure,
  CustodyKind,
  CustodyVerification,
  PublicKeyResolver,
} from './custody.js';
export { canonicalJson } from '../shared/canonical-json.js';
export { keccak256 } from './keccak.js';

export {
  TASK_ACTIONS,
  TASK_ACTION_SPECS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  allowedTaskActions,
  applyTaskAction,
  createTask,
  isTaskOverdue,
  taskDueState,
} from './tasks.js';
export type { CreateTaskInput, TaskAction, TaskActionParams, TaskDueState, TaskRecord, TaskStatus } from './tasks.js';
export { formatBytes, timelineEntry } from './timeline.js';
export type { TimelineEntry, TimelineNames, TimelineRef } from './timeline.js';
export * from './schemas.js';
export { CASE_ERRORS } from './errors.js';
