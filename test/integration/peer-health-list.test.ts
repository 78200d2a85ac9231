// The federation page's health figures for many peers, read in a few statements for all of them
// (listPeerStatuses, the directory view), equal what the one-peer path reads for each peer: queue,
// oldest undelivered, sent / refused counts, latency, messages sent without a receipt, failures,
// inbound and outbound channels, status — on a node with peers in every state.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildNodeCard, createKeyRing } from '../../src/federation/crypto/index.js';
import { recordFailure } from '../../src/federation/record-failure.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { applyDirectory } from '../../src/services/federation/directory/apply-directory.js';
import { directoryView } from '../../src/services/federation/directory/directory-view.js';
import { signDirectoryDraft } from '../../src/services/federation/directory/sign-directory.js';
import { setPeerStatus } from '../../src/services/federation/manage-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { listPeerStatuses, peerStatus } from '../../src/services/federation/peer-status.js';
import { pingPeer } from '../../src/services/federation/ping-peer.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('peer health for many peers (%s)', (store) => {
  let t: TestContext;
  const system = { kind: 'system' as const, partyId: 'cn-test' };
  const ids = ['p-quiet', 'p-busy', 'p-failing', 'p-suspended', 'p-inbound'];
  let cards: ReturnType<typeof buildNodeCard>[];

  beforeEach(async () => {
    t = await createTestContext(store);
    const now = t.clock.now();
    cards = ids.map((id, i) =>
      buildNodeCard(
        { id, name: { en: `Agency ${i}`, zh: `机构 ${i}` }, country: 'FR', endpoint: `http://127.0.0.1:9/${id}` },
        createKeyRing(now),
        now,
      ),
    );
    for (const card of cards) await addPeer(t.ctx, system, { card, fingerprint: card.fingerprint });
    // p-busy: 6 messages, 4 delivered (3 with a stored receipt, 1 without), 2 waiting.
    await pingPeer(t.ctx, system, 'p-busy', 6);
    await t.ctx.db.query(
      `UPDATE federation_outbox SET state = 'sent', result = 'accepted', sent_at = created_at + (seq * interval '10 ms'),
         bid = CASE WHEN seq = 4 THEN 'b-missing' ELSE 'b-busy' END WHERE peer_id = 'p-busy' AND seq <= 4`,
    );
    await t.ctx.db.query(
      `INSERT INTO federation_receipts (bid, peer_id, jws, received_at, stored_at) VALUES ('b-busy', 'p-busy', 'x', now(), now())`,
    );
    // p-failing: 1 waiting message and 3 failed attempts in a row.
    await pingPeer(t.ctx, system, 'p-failing', 1);
    for (let i = 0; i < 2; i++) await recordFailure(t.ctx, 'p-failing', [], 'NETWORK', 'connection refused');
    // The peer answered with a code of the error catalogue: the list says what it means.
    await recordFailure(t.ctx, 'p-failing', [], 'FED_PEER_SUSPENDED', 'this node is suspended there');
    await setPeerStatus(t.ctx, system, 'p-suspended', 'suspended');
    await t.ctx.db.query(
      `INSERT INTO federation_in_channels (from_node, channel, next_seq, held_count, gap_since) VALUES
         ('p-inbound', 'cases', 7, 2, $1), ('p-inbound', 'ops', 3, 0, NULL)`,
      [now.toISOString()],
    );
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('reads for all peers what the one-peer path reads for each', async () => {
    const all = await listPeerStatuses(t.ctx);
    expect(all.map((p) => p.id)).toEqual([...ids].sort());
    for (const p of all) expect(p).toEqual(await peerStatus(t.ctx, p.id));
    const busy = all.find((p) => p.id === 'p-busy')!.health;
    expect([busy.queueDepth, busy.sent, busy.sentWithoutReceipt, busy.latencyMs.samples]).toEqual([2, 4, 1, 4]);
    expect(busy.latencyMs.p50).toBeCloseTo(25, 5);
    const failing = all.find((p) => p.id === 'p-failing')!.health;
    expect([failing.failures.consecutive, failing.failures.lastCode, failing.queueDepth]).toEqual([
      3,
      'FED_PEER_SUSPENDED',
      1,
    ]);
    expect(failing.failures.lastReason?.en).toMatch(/\w/);
    expect(failing.failures.lastReason?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(all.find((p) => p.id === 'p-busy')!.health.failures.lastReason).toBeNull();
    const inbound = all.find((p) => p.id === 'p-inbound')!.health.inbound;
    expect(inbound.map((c) => [c.channel, c.nextSeq, c.held])).toEqual([
      ['cases', 7, 2],
      ['ops', 3, 0],
    ]);
    expect(all.find((p) => p.id === 'p-suspended')!.status).toBe('suspended');
  });

  it("the directory view shows each member's peer as the peer list does", async () => {
    const own = ownNodeCard(t.ctx);
    const member = (c: typeof own) => ({
      party: c.id,
      name: c.name,
      country: c.country,
      endpoint: c.endpoint,
      fingerprint: c.fingerprint,
      roles: [],
    });
    const draft = {
      v: 1 as const,
      federation: 'test-net',
      version: 1,
      issuedAt: t.clock.now().toISOString(),
      previous: null,
      founders: [{ party: own.id, fingerprint: own.fingerprint }],
      threshold: 1,
      members: [member(own), ...cards.map(member)],
    };
    await applyDirectory(t.ctx, system, await signDirectoryDraft(t.ctx, system, draft), 'upload');
    const view = await directoryView(t.ctx);
    const statuses = new Map((await listPeerStatuses(t.ctx)).map((p) => [p.id, p]));
    for (const m of view.current!.members) {
      if (m.self) {
        expect(m.peer).toBeNull();
        continue;
      }
      const p = statuses.get(m.party)!;
      expect(m.peer).toEqual({
        status: p.status,
        fingerprintMatches: true,
        lastContactAt: p.health.lastContactAt,
        queueDepth: p.health.queueDepth,
        consecutiveFailures: p.health.failures.consecutive,
        lastErrorCode: p.health.failures.lastCode,
        lastErrorReason: p.health.failures.lastReason,
      });
    }
    expect(view.current!.members.find((m) => m.party === 'p-failing')!.peer!.consecutiveFailures).toBe(3);
  });
});
