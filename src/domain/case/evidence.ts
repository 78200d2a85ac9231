// Evidence item metadata (docs/spec.md §4.3): validation of uploads, the stored record, and custody
// events recorded against it (with the custody head kept on the record to detect truncation).
import type { KeyObject } from 'node:crypto';
import type { ValidationIssue } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { normalizeMediaType as normalizeSharedMediaType, parseMediaType } from '../shared/media-type.js';
import type { CaseRecord } from './case-types.js';
import type { CustodyEvent, CustodyKind } from './custody.js';
import { appendCustodyEvent } from './custody.js';
import type { EvidenceEncryption } from './evidence-crypto.js';
import type { CaseDomainEvent } from './events.js';
import { actorId, makeEvent } from './events.js';
import type { CasePolicyAction } from './policy.js';
import { requireCaseAccess } from './policy.js';
import type { Tlp } from './tlp.js';

export type EvidenceLimits = { maxBytes: number; maxFilenameBytes: number; maxDescriptionChars: number };
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxFilenameBytes: 255,
  maxDescriptionChars: 2000,
};

export type EvidenceRecord = {
  id: string;
  caseId: string;
  requestId: string | null;
  /** Original file name as collected (not used for storage; sanitise when downloading). */
  filename: string;
  mediaType: string;
  size: number;
  /** SHA-256 hex of the plaintext. */
  sha256: string;
  /** Object-store key of the ciphertext; contains no file name. */
  storageKey: string;
  encryption: EvidenceEncryption;
  description: string | null;
  tlp: Tlp;
  /** Party that first held the item (TLP originator); a peer when received in a response. */
  originParty: string;
  namedRecipients: string[];
  /** Last custody event (seq + hash); updated with every append, checked on verify. */
  custodyHead: { seq: number; hash: string } | null;
  createdAt: string;
  createdBy: string;
  /**
   * For an item received from a peer: the SHA-256 the sender declared and the one this node
   * computed over the bytes it received (a transfer whose two differ is refused), so both sides'
   * hashes can be shown. Absent for items collected here and for items received before this existed.
   */
  received?: EvidenceReceipt;
};

export type EvidenceReceipt = {
  from: string;
  at: string;
  sentSha256: string;
  receivedSha256: string;
  transferredBy: string;
};

export type EvidenceInput = {
  filename: string;
  mediaType: string;
  size: number;
  /** When the uploader states the digest, it must match what was stored. */
  sha256?: string;
  requestId?: string;
  tlp?: Tlp;
  description?: string;
};

// Control characters and the path separator: the name must be one path segment.
const BAD_FILENAME = /[\u0000-\u001f\u007f/]/;

export function validateEvidenceInput(
  input: EvidenceInput,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const name = input.filename.trim();
  if (name === '' || name === '.' || name === '..' || BAD_FILENAME.test(name)) {
    out.push(
      issue(
        'filename',
        'EVIDENCE_FILENAME_INVALID',
        'The file name must be a single name without “/” or control characters.',
        '文件名须为单个名称，不得包含“/”或控制字符。',
      ),
    );
  } else if (Buffer.byteLength(name, 'utf8') > limits.maxFilenameBytes) {
    out.push(
      issue(
        'filename',
        'EVIDENCE_FILENAME_TOO_LONG',
        `The file name may be at most ${limits.maxFilenameBytes} bytes.`,
        `文件名最长 ${limits.maxFilenameBytes} 字节。`,
      ),
    );
  }
  if (parseMediaType(input.mediaType) === null) {
    out.push(
      issue(
        'mediaType',
        'EVIDENCE_MEDIA_TYPE_INVALID',
        'The media type must look like “type/subtype” (e.g. image/png).',
        '媒体类型格式应为“类型/子类型”（如 image/png）。',
      ),
    );
  }
  if (!Number.isSafeInteger(input.size) || input.size < 1) {
    out.push(issue('size', 'EVIDENCE_EMPTY', 'The file is empty.', '文件为空。'));
  }
  if (input.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(input.sha256)) {
    out.push(
      issue(
        'sha256',
        'EVIDENCE_SHA256_INVALID',
        'The SHA-256 must be 64 hexadecimal characters.',
        'SHA-256 值须为 64 位十六进制字符。',
      ),
    );
  }
  if ((input.description?.length ?? 0) > limits.maxDescriptionChars) {
    out.push(
      issue(
        'description',
        'EVIDENCE_DESCRIPTION_TOO_LONG',
        `The description may have at most ${limits.maxDescriptionChars} characters.`,
        `说明最多 ${limits.maxDescriptionChars} 个字符。`,
      ),
    );
  }
  return out;
}

export function evidenceStorageKey(caseId: string, evidenceId: string): string {
  return `evidence/${caseId}/${evidenceId}`;
}

/** Lower-cases the type/subtype essence and parameter names, keeps values as given (the shared parser). */
export function normalizeMediaType(mt: string): string {
  const normalized = normalizeSharedMediaType(mt);
  // Callers validate first (validateEvidenceInput); this guards a record built without that check.
  if (normalized === null) throw new RangeError('not a media type');
  return normalized;
}

export type CreateEvidenceContext = {
  kase: CaseRecord;
  input: EvidenceInput;
  /** What encryption produced (sealEvidence / createSealStream). */
  sealed: { sha256: string; size: number; encryption: EvidenceEncryption };
  actor: Actor;
  now: Date;
  id: string;
  localParty: string;
  originParty?: string;
  namedRecipients?: string[];
  limits?: EvidenceLimits;
};

/**
 * Every rule that can be decided before the bytes arrive (who may add to the case, its status, the
 * metadata, a declared size over the limit), so a refused upload is answered before its body is read.
 * `declaredSize`: the request's Content-Length, when it has one.
 */
export function checkEvidenceUpload(
  kase: CaseRecord,
  input: Omit<EvidenceInput, 'size'>,
  actor: Actor,
  declaredSize: number | undefined,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): void {
  requireCaseAccess(actor, 'edit', kase);
  if (kase.status === 'closed') throw new AppError('CASE_CLOSED', { details: { caseId: kase.id } });
  if (declaredSize !== undefined && declaredSize > limits.maxBytes) {
    throw new AppError('EVIDENCE_TOO_LARGE', { details: { maxBytes: limits.maxBytes, size: declaredSize } });
  }
  const issues = validateEvidenceInput({ ...input, size: declaredSize ?? 1 }, limits);
  if (issues.length) throw validationError(issues, 'EVIDENCE_INVALID');
}

/** Builds the record after the bytes were sealed; refuses a size or digest that differs from the declared one. */
export function createEvidenceRecord(ctx: CreateEvidenceContext): {
  record: EvidenceRecord;
  events: CaseDomainEvent[];
} {
  const { kase, input, sealed, actor, now } = ctx;
  const limits = ctx.limits ?? DEFAULT_EVIDENCE_LIMITS;
  requireCaseAccess(actor, 'edit', kase);
  if (kase.status === 'closed') throw new AppError('CASE_CLOSED', { details: { caseId: kase.id } });
  if (input.size > limits.maxBytes || sealed.size > limits.maxBytes) {
    throw new AppError('EVIDENCE_TOO_LARGE', {
      details: { maxBytes: limits.maxBytes, size: Math.max(input.size, sealed.size) },
    });
  }
  const issues = validateEvidenceInput(input, limits);
  if (issues.length) throw validationError(issues, 'EVIDENCE_INVALID');
  if (sealed.size !== input.size)
    throw new AppError('EVIDENCE_INTEGRITY_FAILED', {
      details: { reason: 'size', declared: input.size, stored: sealed.size },
    });
  if (input.sha256 && input.sha256.toLowerCase() !== sealed.sha256) {
    throw new AppError('EVIDENCE_INTEGRITY_FAILED', {
      details: { reason: 'sha256', declared: input.sha256.toLowerCase(), stored: sealed.sha256 },
    });
  }
  const at = now.toISOString();
  const record: EvidenceRecord = {
    id: ctx.id,
    caseId: kase.id,
    requestId: input.requestId ?? null,
    filename: input.filename.trim(),
    mediaType: normalizeMediaType(input.mediaType),
    size: sealed.size,
    sha256: sealed.sha256,
    storageKey: evidenceStorageKey(kase.id, ctx.id),
    encryption: sealed.encryption,
    description: input.description?.trim() || null,
    tlp: input.tlp ?? kase.tlp,
    originParty: ctx.originParty ?? ctx.localParty,
    namedRecipients: ctx.namedRecipients ?? [],
    custodyHead: null,
    createdAt: at,
    createdBy: actorId(actor),
  };
  const event = makeEvent('evidence.added', actor, now, {
    caseId: kase.id,
    evidenceId: record.id,
    filename: record.filename,
    size: record.size,
    sha256: record.sha256,
  });
  return { record, events: [event] };
}

const CUSTODY_POLICY: Record<CustodyKind, CasePolicyAction> = {
  collected: 'edit',
  received: 'edit',
  verified: 'access_evidence',
  accessed: 'access_evidence',
  transferred: 'export_evidence',
  exported: 'export_evidence',
};

/** Appends a signed custody event for `actor` and moves the record's custody head. */
export function recordCustody(ctx: {
  kase: CaseRecord;
  evidence: EvidenceRecord;
  chain: readonly CustodyEvent[];
  kind: CustodyKind;
  actor: Actor;
  now: Date;
  party: string;
  note?: string;
  signingKey: KeyObject;
  keyId: string;
}): { evidence: EvidenceRecord; chain: CustodyEvent[]; event: CustodyEvent; events: CaseDomainEvent[] } {
  requireCaseAccess(ctx.actor, CUSTODY_POLICY[ctx.kind], ctx.kase);
  const { chain, event } = appendCustodyEvent(
    ctx.chain,
    {
      evidenceId: ctx.evidence.id,
      kind: ctx.kind,
      at: ctx.now,
      actor: actorId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
      party: ctx.party,
      note: ctx.note,
    },
    ctx.signingKey,
    ctx.keyId,
  );
  const evidence = { ...ctx.evidence, custodyHead: { seq: event.seq, hash: event.hash } };
  const domainEvent = makeEvent('evidence.custody', ctx.actor, ctx.now, {
    caseId: ctx.kase.id,
    evidenceId: evidence.id,
    filename: evidence.filename,
    kind: event.kind,
    seq: event.seq,
    hash: event.hash,
  });
  return { evidence, chain, event, events: [domainEvent] };
}
