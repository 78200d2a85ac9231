// Audit checkpoints across two node processes: each node's signed head is countersigned by its peer;
// `crossline audit verify` checks those countersignatures, so rewriting the history (recomputing all
// hashes after an edit) is caught at home AND refused by the peer. Also: key rotation is followed by
// peers through the endorsed card, without a new fingerprint check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAuditEntry, rowToAuditEntry } from '../../src/audit/audit-log.js';
import { openDb } from '../../src/storage/db.js';
import { createNode, crossline, peerAll, ping, pingsFrom, waitFor, type TestNode } from './support/cluster.js';

type Verify = { ok: boolean; reason?: string; checkpoints?: { verified: number } };

describe('audit checkpoints and key rotation', () => {
  let a: TestNode;
  let b: TestNode;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      createNode({ id: 'cn-ckpt', country: 'CN', store: 'embedded', settings: { federationCheckpointSeconds: 1 } }),
      createNode({ id: 'us-ckpt', country: 'US', store: 'embedded', settings: { federationCheckpointSeconds: 1 } }),
    ]);
    await Promise.all([a.start(), b.start()]);
    await peerAll([a, b]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('follows a key rotation on both sides through the endorsed card', async () => {
    const before = (await b.api('GET', '/api/federation/peers/cn-ckpt')).body.fingerprint;
    const rotated = await a.api('POST', '/api/federation/keys/rotate');
    expect(rotated.status).toBe(200);
    expect((await b.api('POST', '/api/federation/keys/rotate')).status).toBe(200);
    expect(await ping(a, 'us-ckpt', 5)).toBe(5);
    expect(await ping(b, 'cn-ckpt', 5)).toBe(5);
    await waitFor(
      'pings signed with the new keys to arrive',
      async () => (await pingsFrom(b, 'cn-ckpt'))?.count === 5 && (await pingsFrom(a, 'us-ckpt'))?.count === 5,
    );
    const after = (await b.api('GET', '/api/federation/peers/cn-ckpt')).body.fingerprint;
    expect(after).not.toBe(before);
    const updates = await b.api('GET', '/api/audit?action=federation.peer_card_updated&subjectId=cn-ckpt');
    expect(updates.body.items[0].data.rotated).toBe(true);
  }, 60_000);

  it('countersigns checkpoints, verifies them, and catches a rewritten history at home and at the peer', async () => {
    await ping(a, 'us-ckpt', 20);
    const verified = await waitFor(
      'a countersigned checkpoint on a',
      async () => {
        const r = (await a.api('GET', '/api/audit/verify')).body as Verify;
        return r.ok && (r.checkpoints?.verified ?? 0) >= 2 ? r : null;
      },
      30_000,
    );
    expect(verified.ok).toBe(true);
    await a.stop();
    const ok = await crossline(['audit', 'verify', '--data-dir', a.dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/countersigned checkpoints: [1-9]\d* verified/);

    // Rewrite history: edit entry 2 and recompute every later hash and the head, as an insider would.
    const db = await openDb({ dataDir: a.dataDir });
    await db.query(`UPDATE audit_log SET actor_label = 'nobody' WHERE seq = 2`);
    let prev = (await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 1'))[0]!.hash;
    for (const row of await db.query('SELECT * FROM audit_log WHERE seq >= 2 ORDER BY seq')) {
      const { hash: _old, ...body } = rowToAuditEntry(row as never);
      const hash = hashAuditEntry({ ...body, prevHash: prev });
      await db.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1', [body.seq, prev, hash]);
      prev = hash;
    }
    await db.query('UPDATE audit_head SET hash = $1', [prev]);
    await db.close();

    const broken = await crossline(['audit', 'verify', '--json', '--data-dir', a.dataDir]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, reason: 'checkpoint_mismatch' });

    // The peer refuses a's next checkpoint: its anchor no longer matches what b countersigned.
    await a.start();
    await ping(a, 'us-ckpt', 1);
    const refused = await waitFor(
      'b to refuse the rewritten history',
      async () => {
        const r = await b.api('GET', '/api/audit?action=federation.rejected&subjectType=federation_message');
        return r.body.items.find((e: { data: { code: string } }) => e.data.code === 'FED_CHECKPOINT_CONFLICT');
      },
      30_000,
    );
    expect(refused.data.type).toBe('audit.checkpoint');
    const outbox = await waitFor(
      'a to learn of the refusal',
      async () => {
        const r = await a.api('GET', '/api/federation/outbox?state=rejected');
        return r.body.items.find((m: { code: string }) => m.code === 'FED_CHECKPOINT_CONFLICT');
      },
      30_000,
    );
    expect(outbox.type).toBe('audit.checkpoint');
  }, 120_000);
});
