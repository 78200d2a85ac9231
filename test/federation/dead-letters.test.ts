// Poison messages against a real node process, sent with a real peer's key (docs/federation.md §7,
// "Dead letters"): for EVERY registered inbound type, malformed bodies get a signed negative receipt
// FED_INVALID_BODY, land in the dead-letter table, and the next message on their channel is applied.
// The review's case — `request.submitted` whose snapshot lacks `clocks` — is among them; a domain
// refusal keeps its own code. Admins list, view, export (the signed bytes) and discard dead letters
// through the API and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSubmittedSnapshot } from '../../src/domain/request/index.js';
import { draft, validContent, walk } from '../../src/domain/request/test-fixtures.js';
import { newFederationId, type NodeCard } from '../../src/federation/crypto/index.js';
import { registerTransportHandlers, registerWorkflowHandlers } from '../../src/federation/handlers/index.js';
import { registeredInboundTypes } from '../../src/federation/inbound-handlers.js';
import { createNode, crossline, pingsFrom, type TestNode } from './support/cluster.js';
import { checkCard, startFakePeer, type FakePeer } from './support/fake-peer.js';

registerTransportHandlers();
registerWorkflowHandlers();
const TYPES = registeredInboundTypes();
/** Bodies no type's schema accepts (a null body would be the fake peer's default ping body). */
const MALFORMED: unknown[] = [{}, { unexpected: true }, [], 'text', 42, false];

describe('dead letters (node process)', () => {
  let rx: TestNode;
  let card: NodeCard;
  let fake: FakePeer;
  const target = () => ({ url: rx.url, card });
  const sent = new Map<string, string>();

  beforeAll(async () => {
    rx = await createNode({ id: 'us-dl', country: 'US', store: 'embedded' });
    await rx.start();
    card = checkCard(await (await fetch(`${rx.url}/federation/v1/card`)).json());
    fake = await startFakePeer('sg-dl', () => card);
    const preview = await rx.api('POST', '/api/federation/peers/preview', { card: fake.card });
    expect(
      (await rx.api('POST', '/api/federation/peers', { card: fake.card, fingerprint: preview.body.fingerprint }))
        .status,
    ).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
    await rx?.cleanup();
  });

  const midOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()).mid as string;
  const msg = (channel: string, seq: number, type: string, body: unknown) => {
    const jws = fake.message({ to: 'us-dl', channel, seq, type, body });
    sent.set(midOf(jws), jws);
    return jws;
  };
  const receipt = async (messages: string[]) => {
    const r = await fake.send(target(), messages);
    expect(r.status, JSON.stringify(r)).toBe(200);
    return r.receipt!.results;
  };
  const deadLetters = async (query = '') =>
    (await rx.api('GET', `/api/federation/dead-letters${query}`)).body.items as {
      mid: string;
      from: string;
      channel: string;
      seq: number;
      type: string;
      code: string;
      state: string;
      reason: { en: string; zh: string } | null;
    }[];

  it('knows the workflow and transport types', () => {
    expect(TYPES).toEqual(
      expect.arrayContaining([
        'request.submitted',
        'request.step',
        'call.placed',
        'case.shared',
        'federation.ping',
        'audit.checkpoint',
      ]),
    );
  });

  it('refuses malformed bodies of every registered type (FED_INVALID_BODY), dead-letters them, and applies the next message', async () => {
    for (const type of TYPES) {
      const channel = `dl.${type}`;
      const bad = MALFORMED.map((body, i) => msg(channel, i + 1, type, body));
      const next = msg(channel, bad.length + 1, 'federation.ping', { nonce: `after-${type}` });
      // One at a time, then the next message in a batch of its own: the channel is not blocked.
      for (const jws of bad)
        expect(await receipt([jws]), type).toEqual([{ mid: midOf(jws), status: 'rejected', code: 'FED_INVALID_BODY' }]);
      expect(await receipt([next]), type).toEqual([{ mid: midOf(next), status: 'accepted' }]);
      expect(await pingsFrom(rx, 'sg-dl', channel), type).toMatchObject({ count: 1, firstSeq: bad.length + 1 });
    }
    const listed = await deadLetters('?limit=500');
    for (const type of TYPES) {
      const mine = listed.filter((d) => d.channel === `dl.${type}`);
      expect(
        mine.map((d) => d.seq).sort((a, b) => a - b),
        type,
      ).toEqual(MALFORMED.map((_, i) => i + 1));
      expect(
        mine.every((d) => d.type === type && d.code === 'FED_INVALID_BODY' && d.from === 'sg-dl' && d.state === 'open'),
        type,
      ).toBe(true);
    }
  }, 300_000);

  it("refuses the review's poison message — a request snapshot without clocks — and keeps the channel going", async () => {
    const submitted = toSubmittedSnapshot(walk(draft(validContent('subscriber_info')), ['submit']));
    const snapshot = {
      ...submitted,
      id: newFederationId(new Date()),
      requestingParty: 'sg-dl',
      requestedParty: 'us-dl',
    };
    const { clocks: _clocks, ...withoutClocks } = snapshot;
    const poison = msg('requests', 1, 'request.submitted', { snapshot: withoutClocks });
    const wrongParty = msg('requests', 2, 'request.submitted', {
      snapshot: { ...snapshot, id: newFederationId(new Date()), requestedParty: 'xx-other' },
    });
    const good = msg('requests', 3, 'request.submitted', { snapshot });
    expect(await receipt([poison, wrongParty, good])).toEqual([
      { mid: midOf(poison), status: 'rejected', code: 'FED_INVALID_BODY' },
      { mid: midOf(wrongParty), status: 'rejected', code: 'REQUEST_WRONG_PARTY' },
      { mid: midOf(good), status: 'accepted' },
    ]);
    // The good one after them was applied: the request exists here (the admin sees its audit trail).
    const received = await rx.api('GET', `/api/audit?subjectId=${snapshot.id}`);
    expect(received.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([expect.stringMatching(/received$/)]),
    );
    const view = await rx.api('GET', `/api/federation/dead-letters/${midOf(poison)}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      mid: midOf(poison),
      from: 'sg-dl',
      channel: 'requests',
      seq: 1,
      type: 'request.submitted',
      code: 'FED_INVALID_BODY',
      reason: { en: expect.any(String), zh: expect.any(String) },
      details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'snapshot.clocks' })]) },
      header: { mid: midOf(poison), from: 'sg-dl', to: 'us-dl', mtype: 'request.submitted', seq: 1 },
    });
    expect((await rx.api('GET', `/api/federation/dead-letters/${midOf(wrongParty)}`)).body).toMatchObject({
      code: 'REQUEST_WRONG_PARTY',
      details: { details: { requestedParty: 'xx-other' } },
    });
  });

  it("exports a dead letter's signed message exactly as received, and discards it (API, audited)", async () => {
    const first = (await deadLetters()).find((d) => d.channel === 'requests' && d.seq === 1);
    const token = (
      (await (
        await fetch(`${rx.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'federation test admin password' }),
        })
      ).json()) as { token: string }
    ).token;
    const res = await fetch(`${rx.url}/api/federation/dead-letters/${first!.mid}/export`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/jose/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dead-letter-sg-dl-requests-\d+\.jws"/,
    );
    expect(await res.text()).toBe(sent.get(first!.mid));
    const exported = await rx.api('GET', `/api/audit?action=federation.dead_letter_exported&subjectId=${first!.mid}`);
    expect(exported.body.items).toHaveLength(1);

    const discarded = await rx.api('POST', `/api/federation/dead-letters/${first!.mid}/discard`);
    expect(discarded.body).toMatchObject({ mid: first!.mid, state: 'discarded', discardedBy: expect.any(String) });
    expect((await rx.api('POST', `/api/federation/dead-letters/${first!.mid}/discard`)).body.error.code).toBe(
      'FED_DEAD_LETTER_DISCARDED',
    );
    expect((await deadLetters()).some((d) => d.mid === first!.mid)).toBe(false);
    expect((await deadLetters('?state=discarded')).map((d) => d.mid)).toContain(first!.mid);
    expect(
      (await rx.api('GET', '/api/federation/dead-letters/01900000-0000-7000-8000-000000000000')).body.error.code,
    ).toBe('FED_DEAD_LETTER_NOT_FOUND');
  });

  it('lists, exports and discards dead letters from the CLI while the node runs', async () => {
    const list = await crossline(['peers', 'dead-letters', '--json', '--data-dir', rx.dataDir]);
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout) as { mid: string; channel: string; code: string }[];
    const target = items.find((d) => d.channel === 'requests' && d.code === 'REQUEST_WRONG_PARTY')!;
    expect(target).toBeTruthy();
    const text = await crossline(['peers', 'dead-letters', '--data-dir', rx.dataDir]);
    expect(text.stdout).toMatch(
      new RegExp(`^${target.mid}\\topen\\tsg-dl\\trequests#2\\trequest\\.submitted\\tREQUEST_WRONG_PARTY\\t`, 'm'),
    );

    const out = path.join(rx.dataDir, 'dead-letter.jws');
    const exported = await crossline([
      'peers',
      'dead-letters',
      'export',
      target.mid,
      '--out',
      out,
      '--data-dir',
      rx.dataDir,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(sent.get(target.mid));
    const again = await crossline([
      'peers',
      'dead-letters',
      'export',
      target.mid,
      '--out',
      out,
      '--data-dir',
      rx.dataDir,
    ]);
    expect(again.code).toBe(2);
    expect(existsSync(out)).toBe(true);

    const discarded = await crossline(['peers', 'dead-letters', 'discard', target.mid, '--data-dir', rx.dataDir]);
    expect(discarded.code, discarded.stderr).toBe(0);
    expect(discarded.stdout).toContain(`discarded ${target.mid}`);
    const missing = await crossline([
      'peers',
      'dead-letters',
      'discard',
      '01900000-0000-7000-8000-000000000000',
      '--data-dir',
      rx.dataDir,
    ]);
    expect(missing.stderr).toContain('FED_DEAD_LETTER_NOT_FOUND');
    const after = JSON.parse(
      (await crossline(['peers', 'dead-letters', '--json', '--data-dir', rx.dataDir])).stdout,
    ) as { mid: string }[];
    expect(after.some((d) => d.mid === target.mid)).toBe(false);
  }, 120_000);
});
