// CPU per call of the federation page's two 15-second polls with 30 peers (issue #17 item 5):
// GET /api/federation/peers (listPeerStatuses) and GET /api/federation/directory (directoryView).
// A node on the system PostgreSQL with 30 peers from generated cards, 200 sent and 20 pending
// messages per peer, a directory listing them all; each use case called CALLS times; the figures
// are this process's CPU (process.cpuUsage), wall time and the number of SQL statements per call
// (PROFILE=1 adds the time spent in each statement). Run: npx tsx bench/peer-health.bench.ts
import { buildNodeCard, createKeyRing } from '../src/federation/crypto/index.js';
import { addPeer } from '../src/services/federation/add-peer.js';
import { applyDirectory } from '../src/services/federation/directory/apply-directory.js';
import { directoryView } from '../src/services/federation/directory/directory-view.js';
import { signDirectoryDraft } from '../src/services/federation/directory/sign-directory.js';
import { ownNodeCard } from '../src/services/federation/node-card.js';
import { listPeerStatuses } from '../src/services/federation/peer-status.js';
import { pingPeer } from '../src/services/federation/ping-peer.js';
import { createTestContext } from '../test/support/test-context.js';

const PEERS = 30;
const CALLS = Number(process.env.CALLS ?? 60);
const COUNTRIES = ['US', 'GB', 'FR', 'DE', 'JP', 'KR', 'AU', 'SG', 'BR', 'ZA', 'AE', 'IN', 'CA', 'MX', 'NG'];

async function main() {
  const t = await createTestContext('postgres');
  const system = { kind: 'system' as const, partyId: 'cn-test' };
  try {
    const now = t.clock.now();
    const cards = [];
    for (let i = 0; i < PEERS; i++) {
      const card = buildNodeCard(
        {
          id: `peer-${String(i).padStart(2, '0')}`,
          name: { en: `Agency ${i}`, zh: `机构 ${i}` },
          country: COUNTRIES[i % COUNTRIES.length]!,
          endpoint: `http://127.0.0.1:9/p${i}`,
        },
        createKeyRing(now),
        now,
      );
      await addPeer(t.ctx, system, { card, fingerprint: card.fingerprint });
      await pingPeer(t.ctx, system, card.id, 220);
      cards.push(card);
    }
    // 200 of each peer's 220 messages delivered (receipts and latency samples), 20 still pending.
    await t.ctx.db.query(
      `UPDATE federation_outbox SET state = 'sent', result = 'accepted', sent_at = created_at + interval '40 ms',
         bid = 'b-' || peer_id WHERE seq <= 200`,
    );
    await t.ctx.db.query(
      `INSERT INTO federation_receipts (bid, peer_id, jws, received_at, stored_at)
       SELECT DISTINCT bid, peer_id, 'x', now(), now() FROM federation_outbox WHERE bid IS NOT NULL`,
    );
    await t.ctx.db.query('ANALYZE federation_outbox, peers'); // as autovacuum would after such a load
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
      federation: 'bench-net',
      version: 1,
      issuedAt: now.toISOString(),
      previous: null,
      founders: [{ party: own.id, fingerprint: own.fingerprint }],
      threshold: 1,
      members: [member(own), ...cards.map(member)],
    };
    await applyDirectory(t.ctx, system, await signDirectoryDraft(t.ctx, system, draft), 'upload');

    let statements = 0;
    const query = t.ctx.db.query.bind(t.ctx.db);
    const bySql = new Map<string, number>();
    t.ctx.db.query = (async (...args: Parameters<typeof query>) => {
      statements++;
      const t0 = performance.now();
      try {
        return await query(...args);
      } finally {
        const key = args[0].replace(/\s+/g, ' ').slice(0, 60);
        bySql.set(key, (bySql.get(key) ?? 0) + performance.now() - t0);
      }
    }) as typeof query;
    const measure = async (name: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 5; i++) await fn(); // warm up
      statements = 0;
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      for (let i = 0; i < CALLS; i++) await fn();
      const wall = performance.now() - wall0;
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000 / CALLS;
      console.log(
        JSON.stringify({
          bench: 'peer-health',
          use: name,
          peers: PEERS,
          calls: CALLS,
          cpu_ms_per_call: Math.round(cpuMs * 100) / 100,
          wall_ms_per_call: Math.round((wall / CALLS) * 100) / 100,
          statements_per_call: statements / CALLS,
        }),
      );
    };
    await measure('listPeerStatuses', () => listPeerStatuses(t.ctx));
    await measure('directoryView', () => directoryView(t.ctx));
    if (process.env.PROFILE) {
      console.log([...bySql].sort((a, b) => b[1] - a[1]).slice(0, 8));
    }
  } finally {
    await t.cleanup();
  }
}

await main();
