// Chain of custody (docs/spec.md §4.3): append-only events, each hash-linked to the previous one and
// signed with the acting node's Ed25519 key, so edits, deletions, reorders and forged
// signatures are all detected by verifyCustodyChain.
import type { KeyObject } from 'node:crypto';
import { createHash, sign, verify } from 'node:crypto';
import type { Bilingual } from '../../error-types.js';
import { validationError } from '../../errors.js';
import { issue } from '../shared/bilingual.js';
import { canonicalJson } from '../shared/canonical-json.js';

export const CUSTODY_KINDS = ['collected', 'received', 'transferred', 'accessed', 'exported', 'verified'] as const;
export type CustodyKind = (typeof CUSTODY_KINDS)[number];

export const CUSTODY_KIND_LABELS: Record<CustodyKind, Bilingual> = {
  collected: { en: 'Collected', zh: '提取' },
  received: { en: 'Received', zh: '接收' },
  transferred: { en: 'Transferred', zh: '移交' },
  accessed: { en: 'Accessed', zh: '查阅' },
  exported: { en: 'Exported', zh: '导出' },
  verified: { en: 'Verified', zh: '核验' },
};

/** A chain starts where the item entered custody: seized here, or received from a peer. */
const FIRST_KINDS: readonly CustodyKind[] = ['collected', 'received'];
export const CUSTODY_GENESIS = '0'.repeat(64);
export const CUSTODY_NOTE_MAX = 2000;

export type CustodyEventInput = {
  evidenceId: string;
  kind: CustodyKind;
  at: Date | string;
  /** Stable id of who acted (user id, `peer:<party>`, `system`). */
  actor: string;
  actorLabel?: string;
  /** Party (node) on whose behalf the event is recorded; its key signs it. */
  party: string;
  note?: string | null;
};

export type CustodyEvent = {
  seq: number;
  evidenceId: string;
  kind: CustodyKind;
  at: string;
  actor: string;
  actorLabel: string;
  party: string;
  note: string | null;
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of every other field except `signature`. */
  hash: string;
  /** base64url Ed25519 signature over the 32 hash bytes. */
  signature: string;
  keyId: string;
};

export function custodyEventHash(e: Omit<CustodyEvent, 'hash' | 'signature'>): string {
  const body = {
    seq: e.seq,
    evidenceId: e.evidenceId,
    kind: e.kind,
    at: e.at,
    actor: e.actor,
    actorLabel: e.actorLabel,
    party: e.party,
    note: e.note,
    prevHash: e.prevHash,
    keyId: e.keyId,
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function appendCustodyEvent(
  chain: readonly CustodyEvent[],
  input: CustodyEventInput,
  signingKey: KeyObject,
  keyId: string,
): { chain: CustodyEvent[]; event: CustodyEvent } {
  if (signingKey.type !== 'private' || signingKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('appendCustodyEvent: signingKey must be an Ed25519 private key');
  }
  const prev = chain[chain.length - 1];
  const at = new Date(input.at).toISOString();
  const note = input.note?.trim() || null;
  const issues = [];
  if (!prev && !FIRST_KINDS.includes(input.kind)) {
    issues.push(
      issue(
        'kind',
        'CUSTODY_FIRST_EVENT',
        'A chain of custody starts with “collected” or “received”.',
        '证据保管链须以“提取”或“接收”开始。',
      ),
    );
  }
  if (prev && prev.evidenceId !== input.evidenceId) {
    issues.push(
      issue(
        'evidenceId',
        'CUSTODY_OTHER_ITEM',
        'This event belongs to another evidence item.',
        '该事件属于另一件证据。',
      ),
    );
  }
  if (prev && at < prev.at) {
    issues.push(
      issue(
        'at',
        'CUSTODY_TIME_ORDER',
        'A custody event cannot be earlier than the previous one.',
        '保管事件的时间不能早于上一事件。',
      ),
    );
  }
  if (note && note.length > CUSTODY_NOTE_MAX) {
    issues.push(
      issue(
        'note',
        'CUSTODY_NOTE_TOO_LONG',
        `The note may have at most ${CUSTODY_NOTE_MAX} characters.`,
        `备注最多 ${CUSTODY_NOTE_MAX} 个字符。`,
      ),
    );
  }
  if (issues.length) throw validationError(issues, 'EVIDENCE_CUSTODY_INVALID');
  const body = {
    seq: chain.length + 1,
    evidenceId: input.evidenceId,
    kind: input.kind,
    at,
    actor: input.actor,
    actorLabel: input.actorLabel ?? input.actor,
    party: input.party,
    note,
    prevHash: prev ? prev.hash : CUSTODY_GENESIS,
    keyId,
  };
  const hash = custodyEventHash(body);
  const signature = sign(null, Buffer.from(hash, 'hex'), signingKey).toString('base64url');
  const event: CustodyEvent = { ...body, hash, signature };
  return { chain: [...chain, event], event };
}

export const CUSTODY_FAILURES = {
  empty: { en: 'The chain of custody is empty.', zh: '证据保管链为空。' },
  sequence: { en: 'An event is missing or out of order.', zh: '有事件缺失或顺序错乱。' },
  first_event: { en: 'The chain does not start with “collected” or “received”.', zh: '保管链未以“提取”或“接收”开始。' },
  evidence_mismatch: { en: 'An event belongs to another evidence item.', zh: '有事件属于另一件证据。' },
  prev_hash: { en: 'An event is not linked to the one before it.', zh: '有事件未与前一事件正确链接。' },
  hash: { en: 'An event was altered after it was recorded.', zh: '有事件在记录后被修改。' },
  unknown_key: { en: 'An event is signed with an unknown key.', zh: '有事件使用未知密钥签名。' },
  signature: { en: 'An event’s signature is not valid.', zh: '有事件的签名无效。' },
  time_order: { en: 'An event is dated before the previous one.', zh: '有事件的时间早于前一事件。' },
  truncated: { en: 'Events are missing from the end of the chain.', zh: '保管链末尾有事件缺失。' },
  head_mismatch: {
    en: 'The chain does not match the head recorded for this item.',
    zh: '保管链与该证据记录的链头不一致。',
  },
  unanchored: {
    en: 'The chain has events that were never recorded against the item.',
    zh: '保管链中存在未在证据记录中登记的事件。',
  },
} as const satisfies Record<string, Bilingual>;
export type CustodyFailure = keyof typeof CUSTODY_FAILURES;

export type CustodyVerification =
  | { ok: true; length: number; headHash: string }
  | { ok: false; firstBadSeq: number; reason: CustodyFailure; message: Bilingual };

/** Resolves a signer's public key; old (rotated) keys must still resolve for old events. */
export type PublicKeyResolver = (keyId: string, party: string) => KeyObject | undefined;

/**
 * Checks every link. Deleting the *last* events leaves a valid shorter chain, so pass the head
 * recorded elsewhere (evidence record, audit log) as `expectedHead`: the chain must end exactly there.
 */
export function verifyCustodyChain(
  chain: readonly CustodyEvent[],
  publicKeyFor: PublicKeyResolver,
  opts: { expectedHead?: { seq: number; hash: string } } = {},
): CustodyVerification {
  const bad = (seq: number, reason: CustodyFailure): CustodyVerification => ({
    ok: false,
    firstBadSeq: seq,
    reason,
    message: CUSTODY_FAILURES[reason],
  });
  if (chain.length === 0) return bad(1, 'empty');
  for (let i = 0; i < chain.length; i++) {
    const e = chain[i]!;
    const seq = i + 1;
    const prev = chain[i - 1];
    if (e.seq !== seq) return bad(seq, 'sequence');
    if (i === 0 && !FIRST_KINDS.includes(e.kind)) return bad(seq, 'first_event');
    if (e.evidenceId !== chain[0]!.evidenceId) return bad(seq, 'evidence_mismatch');
    if (e.prevHash !== (prev ? prev.hash : CUSTODY_GENESIS)) return bad(seq, 'prev_hash');
    const { hash, signature, ...body } = e;
    if (custodyEventHash(body) !== hash) return bad(seq, 'hash');
    const key = publicKeyFor(e.keyId, e.party);
    if (!key) return bad(seq, 'unknown_key');
    let valid: boolean;
    try {
      valid = verify(null, Buffer.from(hash, 'hex'), key, Buffer.from(signature, 'base64url'));
    } catch {
      valid = false;
    }
    if (!valid) return bad(seq, 'signature');
    if (prev && e.at < prev.at) return bad(seq, 'time_order');
  }
  const head = chain[chain.length - 1]!;
  const expected = opts.expectedHead;
  if (expected) {
    if (expected.seq > chain.length) return bad(chain.length + 1, 'truncated');
    if (expected.seq < 1 || chain[expected.seq - 1]!.hash !== expected.hash)
      return bad(Math.max(expected.seq, 1), 'head_mismatch');
    if (expected.seq < chain.length) return bad(expected.seq + 1, 'unanchored');
  }
  return { ok: true, length: chain.length, headHash: head.hash };
}
