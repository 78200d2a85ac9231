import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendCustodyEvent, verifyCustodyChain, type CustodyEvent } from './custody.js';
import type { EvidenceRecord } from './evidence.js';
import { checkReceivedChain, handoverCustody, handoverNote } from './evidence-handover.js';
import { LOCAL, NOW, PEER_US, buildCase, peer, system } from './test-fixtures.js';

const cn = generateKeyPairSync('ed25519');
const us = generateKeyPairSync('ed25519');
const KEYS: Record<string, KeyObject> = { [`${LOCAL}/k1`]: cn.publicKey, [`${PEER_US}/k1`]: us.publicKey };
const resolve = (keyId: string, party: string) => KEYS[`${party}/${keyId}`];
const evidence = { id: 'ev-1', filename: 'log.txt', custodyHead: null } as unknown as EvidenceRecord;

/** A chain collected by the US and transferred to us, its last event at `transferAt`. */
function received(transferAt: Date): CustodyEvent[] {
  const collected = appendCustodyEvent(
    [],
    { evidenceId: 'ev-1', kind: 'collected', at: NOW, actor: 'u1', party: PEER_US },
    us.privateKey,
    'k1',
  ).chain;
  return appendCustodyEvent(
    collected,
    {
      evidenceId: 'ev-1',
      kind: 'transferred',
      at: transferAt,
      actor: 'u1',
      party: PEER_US,
      note: handoverNote('transferred', LOCAL, 'test'),
    },
    us.privateKey,
    'k1',
  ).chain;
}

describe('evidence hand-over', () => {
  it('a transferred chain verifies on the receiver, which continues it under its own key', () => {
    const chain = received(NOW);
    const head = chain[chain.length - 1]!;
    const v = verifyCustodyChain(chain, resolve, { expectedHead: { seq: head.seq, hash: head.hash } });
    expect(checkReceivedChain(chain, 'ev-1', PEER_US, v)).toBeNull();
    const h = handoverCustody({
      kase: buildCase(),
      evidence,
      chain,
      kind: 'received',
      actor: system,
      now: NOW,
      party: LOCAL,
      note: handoverNote('received', PEER_US, 'test'),
      signingKey: cn.privateKey,
      keyId: 'k1',
    });
    expect(h.event).toMatchObject({ seq: 3, kind: 'received', party: LOCAL, note: `Received from ${PEER_US} — test` });
    expect(h.evidence.custodyHead).toEqual({ seq: 3, hash: h.event.hash });
    expect(verifyCustodyChain([...chain, h.event], resolve, { expectedHead: h.evidence.custodyHead! }).ok).toBe(true);
  });

  it('never dates the next event before the sender’s last one (clock skew between nodes)', () => {
    const later = new Date(NOW.getTime() + 60_000);
    const chain = received(later);
    const h = handoverCustody({
      kase: buildCase(),
      evidence,
      chain,
      kind: 'received',
      actor: system,
      now: NOW,
      party: LOCAL,
      note: 'x',
      signingKey: cn.privateKey,
      keyId: 'k1',
    });
    expect(h.event.at).toBe(later.toISOString());
  });

  it('refuses a tampered chain, a chain cut short of the declared head, and one not handed over by the sender', () => {
    const chain = received(NOW);
    const head = { seq: 2, hash: chain[1]!.hash };
    const tampered = [{ ...chain[0]!, actorLabel: 'someone else' }, chain[1]!];
    expect(
      checkReceivedChain(tampered, 'ev-1', PEER_US, verifyCustodyChain(tampered, resolve, { expectedHead: head })),
    ).toMatchObject({ reason: 'hash', firstBadSeq: 1 });
    const cut = chain.slice(0, 1);
    expect(
      checkReceivedChain(cut, 'ev-1', PEER_US, verifyCustodyChain(cut, resolve, { expectedHead: head })),
    ).toMatchObject({ reason: 'truncated' });
    const v = verifyCustodyChain(chain, resolve, { expectedHead: head });
    expect(checkReceivedChain(chain, 'ev-1', 'sg-spf', v)).toMatchObject({
      reason: 'not_transferred_by_sender',
      firstBadSeq: 2,
    });
    expect(checkReceivedChain(chain, 'ev-2', PEER_US, v)).toMatchObject({
      reason: 'evidence_mismatch',
      firstBadSeq: 1,
    });
  });

  it('records a hand-over for any actor without a case-policy check: the share plan or request workflow decided', () => {
    const chain = received(NOW).slice(0, 1);
    const h = handoverCustody({
      kase: buildCase(),
      evidence,
      chain,
      kind: 'transferred',
      actor: peer,
      now: NOW,
      party: LOCAL,
      note: 'x',
      signingKey: cn.privateKey,
      keyId: 'k1',
    });
    expect(h.events[0]).toMatchObject({ type: 'evidence.custody', data: { kind: 'transferred', evidenceId: 'ev-1' } });
  });
});
