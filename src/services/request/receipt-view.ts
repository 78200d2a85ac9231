// A signed delivery receipt as people read it: who signed it (the peer's agency name, the key id and
// its fingerprint as the peer's card lists it), when the peer says it received the batch, which
// messages it covers (with their sequence numbers on the channel and each one's result), and whether
// the signature verifies — checked here, when shown, against the peer's card as stored now (its
// current and retired keys), so a receipt that no longer verifies says so.
import type { Bilingual } from '../../error-types.js';
import {
  fingerprintOf,
  formatFingerprint,
  isFederationError,
  parseJws,
  resolverFromCards,
  verifyNodeCard,
  verifyReceipt,
  ZReceipt,
  type NodeCard,
  type Receipt,
} from '../../federation/crypto/index.js';
import type { PeerRow } from '../../storage/repositories/peer.repository.js';
import { refusalReason } from '../federation/refusal-reason.js';

export type ReceiptView = {
  batchId: string;
  jws: string;
  verified: boolean;
  /** Why the signature did not verify, for people (null when it did). */
  problem: Bilingual | null;
  signer: { party: string; name: Bilingual | null; keyId: string | null; fingerprint: string | null };
  /** The time the signer states it received the batch (its clock, inside the signed payload). */
  receivedAt: string | null;
  covers: { mid: string; seq: number | null; status: string; code: string | null; thisMessage: boolean }[];
};

const PROBLEMS = {
  notPeer: {
    en: 'The other node is no longer a peer of this node, so its keys are not known here.',
    zh: '对方节点已不是本节点的对等节点，本节点无从获知其密钥。',
  },
  badCard: {
    en: 'The other node’s card stored here no longer verifies, so its keys cannot be trusted.',
    zh: '本节点保存的对方节点名片已无法验证，其密钥不可信。',
  },
  unreadable: { en: 'The receipt cannot be read.', zh: '无法读取该回执。' },
  notThisMessage: { en: 'The receipt does not name this message.', zh: '该回执未列明本条消息。' },
  failed: { en: 'The signature does not verify.', zh: '签名验证未通过。' },
} satisfies Record<string, Bilingual>;

/** The payload as the peer wrote it, read without trusting it (for display next to the verdict). */
function decodeUnverified(jws: string): { kid: string | null; receipt: Receipt | null } {
  try {
    const parsed = parseJws(jws);
    const kid = typeof parsed.header.kid === 'string' ? parsed.header.kid : null;
    const payload = ZReceipt.safeParse(JSON.parse(Buffer.from(parsed.encodedPayload, 'base64url').toString('utf8')));
    return { kid, receipt: payload.success ? payload.data : null };
  } catch {
    return { kid: null, receipt: null };
  }
}

/** The message ids a receipt names, read unverified: only to look their sequence numbers up. */
export function receiptMessageIds(jws: string): string[] {
  return decodeUnverified(jws).receipt?.results.map((r) => r.mid) ?? [];
}

/** The fingerprint of the key version `kid` names on the card (current or retired), formatted for reading aloud. */
function fingerprintFor(card: NodeCard, kid: string | null): string | null {
  const version = [card.keys, ...card.previousKeys].find((k) => k.sig.kid === kid);
  return version ? formatFingerprint(fingerprintOf(version.sig, version.enc)) : null;
}

export function inspectReceipt(
  stored: { batchId: string; jws: string },
  peer: PeerRow | null,
  expected: { from: string; to: string; mid: string },
  seqs: ReadonlyMap<string, { seq: number }>,
): ReceiptView {
  const { kid, receipt: unverified } = decodeUnverified(stored.jws);
  // The card's own signature is checked too: a card edited in the database proves nothing.
  const check = peer ? verifyNodeCard(peer.card) : null;
  const card = check?.ok && check.card.id === expected.from ? check.card : null;
  let receipt: Receipt | null = null;
  let problem: Bilingual | null = null;
  if (!peer) problem = PROBLEMS.notPeer;
  else if (!card) problem = PROBLEMS.badCard;
  else {
    try {
      receipt = verifyReceipt(stored.jws, resolverFromCards([card]), {
        bid: stored.batchId,
        from: expected.from,
        to: expected.to,
      });
      if (!receipt.results.some((r) => r.mid === expected.mid)) problem = PROBLEMS.notThisMessage;
    } catch (e) {
      if (!isFederationError(e)) throw e;
      problem = refusalReason(e.code) ?? PROBLEMS.failed;
    }
  }
  const shown = receipt ?? unverified;
  if (!shown && !problem) problem = PROBLEMS.unreadable;
  return {
    batchId: stored.batchId,
    jws: stored.jws,
    verified: problem === null,
    problem,
    signer: {
      party: expected.from,
      name: peer?.name ?? null,
      keyId: kid,
      fingerprint: card ? fingerprintFor(card, kid) : null,
    },
    receivedAt: shown?.receivedAt ?? null,
    covers: (shown?.results ?? []).map((r) => ({
      mid: r.mid,
      seq: seqs.get(r.mid)?.seq ?? null,
      status: r.status,
      code: r.code ?? null,
      thisMessage: r.mid === expected.mid,
    })),
  };
}
