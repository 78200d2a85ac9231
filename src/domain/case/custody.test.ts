import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import type { CustodyEvent, CustodyKind } from './custody.js';
import { CUSTODY_GENESIS, appendCustodyEvent, custodyEventHash, verifyCustodyChain } from './custody.js';
import { LOCAL, NOW, PEER_US, codeOf } from './test-fixtures.js';

const cn = generateKeyPairSync('ed25519');
const us = generateKeyPairSync('ed25519');
const rogue = generateKeyPairSync('ed25519');
const KEYS: Record<string, KeyObject> = { [`${LOCAL}/k1`]: cn.publicKey, [`${PEER_US}/k1`]: us.publicKey };
const resolve = (keyId: string, party: string) => KEYS[`${party}/${keyId}`];
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);

function buildChain(): CustodyEvent[] {
  const steps: [CustodyKind, string, KeyObject, number][] = [
    ['collected', PEER_US, us.privateKey, 0],
    ['transferred', PEER_US, us.privateKey, 5],
    ['received', LOCAL, cn.privateKey, 10],
    ['accessed', LOCAL, cn.privateKey, 20],
    ['exported', LOCAL, cn.privateKey, 30],
  ];
  let chain: CustodyEvent[] = [];
  for (const [kind, party, key, min] of steps) {
    chain = appendCustodyEvent(
      chain,
      { evidenceId: 'ev-1', kind, at: at(min), actor: `${party}-officer`, party, note: `${kind} step` },
      key,
      'k1',
    ).chain;
  }
  return chain;
}

/** Re-hashes and re-signs an edited event with a key, as a forger holding that key would. */
function reseal(e: Omit<CustodyEvent, 'hash' | 'signature'>, key: KeyObject): CustodyEvent {
  const hash = custodyEventHash(e);
  return { ...e, hash, signature: sign(null, Buffer.from(hash, 'hex'), key).toString('base64url') };
}

describe('appendCustodyEvent', () => {
  it('links each event to the previous hash and signs it', () => {
    const chain = buildChain();
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]!.prevHash).toBe(CUSTODY_GENESIS);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    expect(chain[0]).toMatchObject({
      kind: 'collected',
      at: NOW.toISOString(),
      actorLabel: `${PEER_US}-officer`,
      keyId: 'k1',
    });
    expect(verifyCustodyChain(chain, resolve)).toEqual({ ok: true, length: 5, headHash: chain[4]!.hash });
  });

  it('does not modify the chain it is given', () => {
    const chain = buildChain();
    const copy = structuredClone(chain);
    appendCustodyEvent(
      chain,
      { evidenceId: 'ev-1', kind: 'verified', at: at(40), actor: 'a', party: LOCAL },
      cn.privateKey,
      'k1',
    );
    expect(chain).toEqual(copy);
  });

  it.each([
    [
      'first event must be collected or received',
      [] as CustodyEvent[],
      { kind: 'accessed' as const },
      'CUSTODY_FIRST_EVENT',
    ],
    ['events belong to one item', 'chain', { evidenceId: 'ev-2' }, 'CUSTODY_OTHER_ITEM'],
    ['time never goes backwards', 'chain', { at: at(1) }, 'CUSTODY_TIME_ORDER'],
    ['notes are bounded', 'chain', { note: 'x'.repeat(2001) }, 'CUSTODY_NOTE_TOO_LONG'],
  ] as const)('refuses: %s', (_name, chainSel, patch, issueCode) => {
    const chain = chainSel === 'chain' ? buildChain() : [];
    try {
      appendCustodyEvent(
        chain,
        { evidenceId: 'ev-1', kind: 'verified', at: at(60), actor: 'a', party: LOCAL, ...patch },
        cn.privateKey,
        'k1',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('EVIDENCE_CUSTODY_INVALID');
      expect((e as AppError).issues?.map((i) => i.code)).toContain(issueCode);
    }
  });

  it('needs an Ed25519 private key', () => {
    expect(() =>
      appendCustodyEvent(
        [],
        { evidenceId: 'e', kind: 'collected', at: NOW, actor: 'a', party: LOCAL },
        cn.publicKey,
        'k1',
      ),
    ).toThrow(TypeError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() =>
      appendCustodyEvent(
        [],
        { evidenceId: 'e', kind: 'collected', at: NOW, actor: 'a', party: LOCAL },
        rsa.privateKey,
        'k1',
      ),
    ).toThrow(TypeError);
  });
});

describe('verifyCustodyChain detects tampering', () => {
  const chain = buildChain();
  const cases: [string, () => CustodyEvent[], number, string, object?][] = [
    ['an edited note', () => chain.map((e) => (e.seq === 3 ? { ...e, note: 'nothing happened' } : e)), 3, 'hash'],
    ['an edited time', () => chain.map((e) => (e.seq === 2 ? { ...e, at: at(6).toISOString() } : e)), 2, 'hash'],
    [
      'an edit re-hashed without the key',
      () =>
        chain.map((e) => (e.seq === 4 ? { ...e, ...reseal({ ...e, actor: 'someone else' }, rogue.privateKey) } : e)),
      4,
      'signature',
    ],
    ['a deleted middle event', () => chain.filter((e) => e.seq !== 2), 2, 'sequence'],
    [
      'a deleted middle event with renumbering',
      () => chain.filter((e) => e.seq !== 2).map((e, i) => ({ ...e, seq: i + 1 })),
      2,
      'prev_hash',
    ],
    ['a deleted first event', () => chain.slice(1), 1, 'sequence'],
    ['two events swapped', () => [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!], 2, 'sequence'],
    [
      'swapped with seq numbers swapped back',
      () => [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, chain[3]!, chain[4]!],
      2,
      'prev_hash',
    ],
    [
      'a signature by another key under the same key id',
      () => chain.map((e) => (e.seq === 5 ? reseal(e, rogue.privateKey) : e)),
      5,
      'signature',
    ],
    [
      'a signature from the wrong party',
      () => chain.map((e) => (e.seq === 3 ? reseal(e, us.privateKey) : e)),
      3,
      'signature',
    ],
    ['a garbage signature', () => chain.map((e) => (e.seq === 1 ? { ...e, signature: 'AAAA' } : e)), 1, 'signature'],
    [
      'an event signed under an unknown key id',
      () => chain.map((e) => (e.seq === 4 ? reseal({ ...e, keyId: 'k9' }, cn.privateKey) : e)),
      4,
      'unknown_key',
    ],
    [
      'an event of another item',
      () => chain.map((e) => (e.seq === 2 ? reseal({ ...e, evidenceId: 'ev-2' }, us.privateKey) : e)),
      2,
      'evidence_mismatch',
    ],
    ['an empty chain', () => [], 1, 'empty'],
    [
      'the last event removed (with recorded head)',
      () => chain.slice(0, 4),
      5,
      'truncated',
      { expectedHead: { seq: 5, hash: chain[4]!.hash } },
    ],
    [
      'a replaced tail (with recorded head)',
      () => chain,
      4,
      'head_mismatch',
      { expectedHead: { seq: 4, hash: chain[3]!.prevHash } },
    ],
    ['events past the recorded head', () => chain, 5, 'unanchored', { expectedHead: { seq: 4, hash: chain[3]!.hash } }],
  ];
  it.each(cases)('%s', (_name, mutate, firstBadSeq, reason, opts) => {
    const r = verifyCustodyChain(mutate(), resolve, opts as never);
    expect(r).toMatchObject({ ok: false, firstBadSeq, reason });
    if (!r.ok) expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('detects a first event that is not collected/received', () => {
    const e1 = reseal({ ...chain[0]!, kind: 'accessed' }, us.privateKey);
    expect(verifyCustodyChain([e1], resolve)).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'first_event' });
  });

  it('detects time running backwards even when signed', () => {
    const e2 = reseal({ ...chain[1]!, at: at(-10).toISOString() }, us.privateKey);
    const e1 = chain[0]!;
    expect(verifyCustodyChain([e1, e2], resolve)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'time_order' });
  });

  it('a chain ending at the recorded head verifies', () => {
    expect(verifyCustodyChain(chain, resolve, { expectedHead: { seq: 5, hash: chain[4]!.hash } }).ok).toBe(true);
    expect(codeOf(() => verifyCustodyChain(chain, () => undefined))).toBe('none');
    expect(verifyCustodyChain(chain, () => undefined)).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: 'unknown_key',
    });
  });
});
