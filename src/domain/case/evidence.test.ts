import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import { verifyCustodyChain } from './custody.js';
import type { EvidenceInput } from './evidence.js';
import {
  DEFAULT_EVIDENCE_LIMITS,
  createEvidenceRecord,
  evidenceStorageKey,
  normalizeMediaType,
  recordCustody,
  validateEvidenceInput,
} from './evidence.js';
import { sealEvidence } from './evidence-crypto.js';
import { LOCAL, NOW, PEER_US, buildCase, codeOf, lead, member, viewer } from './test-fixtures.js';

const master = randomBytes(32);
const bytes = Buffer.from('%PDF-1.7 subscriber records');
const sealed = sealEvidence(bytes, master, { masterKeyId: 'mk-1', aad: 'ev-1' });
const input: EvidenceInput = { filename: '调取结果.pdf', mediaType: 'Application/PDF', size: bytes.length };

describe('validateEvidenceInput', () => {
  it.each([
    [{}, []],
    [{ filename: '' }, ['EVIDENCE_FILENAME_INVALID']],
    [{ filename: '..' }, ['EVIDENCE_FILENAME_INVALID']],
    [{ filename: 'dir/evil.exe' }, ['EVIDENCE_FILENAME_INVALID']],
    [{ filename: 'a\u0000b' }, ['EVIDENCE_FILENAME_INVALID']],
    [{ filename: '证'.repeat(86) }, ['EVIDENCE_FILENAME_TOO_LONG']],
    [{ filename: 'back\\slash.txt' }, []],
    [{ mediaType: 'pdf' }, ['EVIDENCE_MEDIA_TYPE_INVALID']],
    [{ mediaType: 'text/plain; charset=utf-8' }, []],
    [{ mediaType: 'application/x-msdownload' }, []],
    [{ size: 0 }, ['EVIDENCE_EMPTY']],
    [{ size: 1.5 }, ['EVIDENCE_EMPTY']],
    [{ sha256: 'abc' }, ['EVIDENCE_SHA256_INVALID']],
    [{ description: 'x'.repeat(2001) }, ['EVIDENCE_DESCRIPTION_TOO_LONG']],
  ])('%j → %j', (patch, codes) => {
    expect(validateEvidenceInput({ ...input, ...patch }).map((i) => i.code)).toEqual(codes);
  });
  it('normalizes media types and derives storage keys without file names', () => {
    expect(normalizeMediaType(' Text/Plain ; charset=UTF-8')).toBe('text/plain; charset=UTF-8');
    expect(evidenceStorageKey('case-1', 'ev-1')).toBe('evidence/case-1/ev-1');
  });
});

describe('createEvidenceRecord', () => {
  const base = { kase: buildCase(), input, sealed, actor: lead, now: NOW, id: 'ev-1', localParty: LOCAL };

  it('builds the record from what was sealed', () => {
    const { record, events } = createEvidenceRecord({
      ...base,
      input: { ...input, sha256: sealed.sha256.toUpperCase(), requestId: 'req-1' },
    });
    expect(record).toMatchObject({
      id: 'ev-1',
      caseId: 'case-1',
      requestId: 'req-1',
      filename: '调取结果.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sealed.sha256,
      storageKey: 'evidence/case-1/ev-1',
      tlp: 'AMBER',
      originParty: LOCAL,
      custodyHead: null,
      encryption: { alg: 'A256GCM', masterKeyId: 'mk-1' },
      createdBy: lead.userId,
      createdAt: NOW.toISOString(),
    });
    expect(events[0]).toMatchObject({ type: 'evidence.added', data: { evidenceId: 'ev-1', sha256: sealed.sha256 } });
  });

  it.each([
    [
      'declared size differs from stored bytes',
      { input: { ...input, size: bytes.length + 1 } },
      'EVIDENCE_INTEGRITY_FAILED',
    ],
    ['declared digest differs', { input: { ...input, sha256: 'a'.repeat(64) } }, 'EVIDENCE_INTEGRITY_FAILED'],
    ['file over the limit', { limits: { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: 10 } }, 'EVIDENCE_TOO_LARGE'],
    ['invalid metadata', { input: { ...input, filename: 'a/b' } }, 'EVIDENCE_INVALID'],
    ['viewer adds', { actor: viewer }, 'CASE_FORBIDDEN'],
    ['closed case', { kase: buildCase({ status: 'closed' }) }, 'CASE_CLOSED'],
  ])('refuses: %s', (_n, patch, code) => {
    expect(codeOf(() => createEvidenceRecord({ ...base, ...patch } as never))).toBe(code);
  });

  it('too-large maps to HTTP 413', () => {
    try {
      createEvidenceRecord({ ...base, limits: { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: 10 } });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).status).toBe(413);
    }
  });
});

describe('recordCustody', () => {
  const keys = generateKeyPairSync('ed25519');
  const kase = buildCase();
  const { record } = createEvidenceRecord({
    kase,
    input,
    sealed,
    actor: lead,
    now: NOW,
    id: 'ev-1',
    localParty: LOCAL,
    originParty: PEER_US,
  });
  const common = { kase, party: LOCAL, signingKey: keys.privateKey, keyId: 'k1' };

  it('appends signed events and moves the custody head', () => {
    const a = recordCustody({ ...common, evidence: record, chain: [], kind: 'received', actor: lead, now: NOW });
    expect(a.evidence.custodyHead).toEqual({ seq: 1, hash: a.event.hash });
    expect(a.event).toMatchObject({ actor: lead.userId, actorLabel: lead.name, party: LOCAL, kind: 'received' });
    expect(a.events[0]).toMatchObject({
      type: 'evidence.custody',
      data: { kind: 'received', filename: '调取结果.pdf', seq: 1 },
    });
    const b = recordCustody({
      ...common,
      evidence: a.evidence,
      chain: a.chain,
      kind: 'accessed',
      actor: viewer,
      now: new Date(NOW.getTime() + 1000),
    });
    expect(b.evidence.custodyHead?.seq).toBe(2);
    expect(verifyCustodyChain(b.chain, () => keys.publicKey, { expectedHead: b.evidence.custodyHead! }).ok).toBe(true);
  });

  it('checks who may record each kind', () => {
    const first = recordCustody({ ...common, evidence: record, chain: [], kind: 'collected', actor: member, now: NOW });
    const later = new Date(NOW.getTime() + 1000);
    expect(
      codeOf(() =>
        recordCustody({ ...common, evidence: record, chain: [], kind: 'collected', actor: viewer, now: NOW }),
      ),
    ).toBe('CASE_FORBIDDEN');
    expect(
      codeOf(() =>
        recordCustody({
          ...common,
          evidence: first.evidence,
          chain: first.chain,
          kind: 'exported',
          actor: member,
          now: later,
        }),
      ),
    ).toBe('CASE_FORBIDDEN');
    expect(
      codeOf(() =>
        recordCustody({
          ...common,
          evidence: first.evidence,
          chain: first.chain,
          kind: 'exported',
          actor: lead,
          now: later,
        }),
      ),
    ).toBe('none');
    expect(
      codeOf(() =>
        recordCustody({
          ...common,
          evidence: first.evidence,
          chain: first.chain,
          kind: 'verified',
          actor: viewer,
          now: later,
        }),
      ),
    ).toBe('none');
  });
});
