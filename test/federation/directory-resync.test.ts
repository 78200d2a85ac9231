// The directory re-syncs by itself (docs/federation.md §18): a member whose card cannot be fetched
// when a version is applied (here d, behind a proxy that refuses every connection) is recorded as
// `card_unreachable`; once d answers again, the members that hold the version apply it again on
// their own (federationDirectoryResyncSeconds, shortened here) and peer with d — no new version, no
// admin re-applying. The founder a does not know d either: its own re-sync adds d and sends d the
// version it could not send when publishing. Re-syncs that change nothing write no audit entry. The
// members that re-sync are on both stores (c on the system PostgreSQL, e on the embedded server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { findPeer } from '../../src/storage/repositories/peer.repository.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';
import { freePort } from './support/cluster.js';
import { startChaosProxy, type ChaosProxy } from './support/chaos-proxy.js';

type Outcome = { party: string; outcome: string };
type Held = { version: number; hash: string; resyncedAt: string | null; outcomes: Outcome[] };

const FAST = {
  federationRetryBaseMs: 50,
  federationRetryMaxMs: 1000,
  federationPollMs: 200,
  federationDirectoryResyncSeconds: 1,
};

describe('directory re-sync of a member that was unreachable', () => {
  let a: PeeredNode;
  let c: PeeredNode;
  let e: PeeredNode;
  let d: PeeredNode;
  let proxy: ChaosProxy;
  let stop: () => Promise<void>;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    // d is reached only through the proxy: its card names the proxy's address as its endpoint.
    proxy = await startChaosProxy(await freePort(), 'http://127.0.0.1:9');
    // d trusts the founder's card (as a new member does); a, c and e have never seen d's card, and c
    // and e confirmed only a's card: they learn everyone else from the directory.
    const started = await startPeeredNodes(
      [
        { id: 'a-founder', store: 'postgres', settings: FAST },
        { id: 'c-member', store: 'postgres', settings: FAST },
        { id: 'e-member', store: 'embedded', settings: FAST },
        { id: 'd-late', store: 'embedded', settings: { ...FAST, publicUrl: proxy.url } },
      ],
      [
        ['c-member', 'a-founder'],
        ['e-member', 'a-founder'],
        ['d-late', 'a-founder'],
      ],
    );
    [a, c, e, d] = started.nodes as [PeeredNode, PeeredNode, PeeredNode, PeeredNode];
    proxy.setTarget(d.node.url);
    stop = started.stop;
    for (const n of started.nodes) tokens.set(n.id, await n.userWith(['admin']));
  }, 180_000);
  afterAll(async () => {
    await stop?.();
    await proxy?.close();
  });

  const call = async (n: PeeredNode, method: 'GET' | 'POST', url: string, body?: object) =>
    n.api(tokens.get(n.id)!, method, url, body);
  const held = async (n: PeeredNode): Promise<Held | undefined> => {
    const r = (await call(n, 'GET', '/api/federation/directory')).json;
    return r.current ? { ...r.current, outcomes: r.history[0].outcomes } : undefined;
  };
  const outcomeFor = (h: Held | undefined, party: string) => h?.outcomes.find((o) => o.party === party)?.outcome;
  const member = (n: PeeredNode) => {
    const card = ownNodeCard(n.node.ctx, n.node.url);
    return {
      party: n.id,
      name: card.name,
      country: card.country,
      endpoint: card.endpoint,
      fingerprint: card.fingerprint,
      roles: [],
    };
  };

  it('peers with the member once it answers, by re-applying the held version on its own', async () => {
    proxy.partition(true);
    const draft = {
      v: 1,
      federation: 'resync-net',
      version: 1,
      issuedAt: new Date().toISOString(),
      previous: null,
      founders: [{ party: a.id, fingerprint: ownNodeCard(a.node.ctx, a.node.url).fingerprint }],
      threshold: 1,
      members: [member(a), member(c), member(e), member(d)],
    };
    expect(member(d).endpoint).toBe(proxy.url);
    const signed = await call(a, 'POST', '/api/federation/directory/sign', { draft });
    expect(signed.status, JSON.stringify(signed.json)).toBe(200);
    const published = await call(a, 'POST', '/api/federation/directory/publish', { directory: signed.json });
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(published.json.sentTo.sort()).toEqual(['c-member', 'e-member']);
    expect(published.json.notSent).toEqual([{ party: 'd-late', reason: 'not_a_peer' }]);

    // While d is cut off, c and e hold version 1 without d: its card could not be fetched (and the
    // re-syncs meanwhile, every second, fail the same way).
    const before = new Map<string, Held>();
    for (const n of [c, e]) {
      const h = await eventually(async () => {
        const x = await held(n);
        return x?.version === 1 && outcomeFor(x, 'd-late') === 'card_unreachable' && x;
      }, `${n.id} to hold version 1 with d unreachable`);
      expect(outcomeFor(h, n === c ? 'e-member' : 'c-member')).toBe('peer_added');
      expect(await findPeer(n.node.ctx.db, 'd-late')).toBeNull();
      before.set(n.id, h);
    }
    expect(proxy.stats.refused).toBeGreaterThan(0);

    proxy.partition(false);
    const dCard = ownNodeCard(d.node.ctx, d.node.url);
    for (const n of [c, e]) {
      await eventually(
        async () => (await findPeer(n.node.ctx.db, 'd-late'))?.status === 'active',
        `${n.id} to add d by re-syncing`,
        60_000,
      );
      expect(await findPeer(n.node.ctx.db, 'd-late')).toMatchObject({ fingerprint: dCard.fingerprint });
      // Still version 1, the same bytes: re-synced, not replaced.
      const after = await eventually(async () => {
        const x = await held(n);
        return outcomeFor(x, 'd-late') === 'peer_added' && x;
      }, `${n.id} to record d as added`);
      expect(after).toMatchObject({ version: 1, hash: before.get(n.id)!.hash });
      expect(after.resyncedAt).not.toBeNull();
      const history = (await call(n, 'GET', '/api/federation/directory')).json.history as unknown[];
      expect(history).toHaveLength(1);
      const applied = (
        await call(n, 'GET', '/api/audit?action=federation.directory_applied&subjectType=federation_directory')
      ).json.items as { actorKind: string; data: { source: string; resync: boolean; problems: string[] } }[];
      const last = applied[0]!;
      expect(last).toMatchObject({ actorKind: 'system', data: { source: 'resync', resync: true, problems: [] } });
      // The version as received, then the re-sync that added d; the failed re-syncs between wrote nothing.
      expect(applied).toHaveLength(2);
      const added = (await call(n, 'GET', '/api/audit?action=federation.peer_added&subjectId=d-late')).json.items;
      expect(added).toHaveLength(1);
      expect(added[0].data.via).toBe('directory');
    }

    // a's own re-sync made d its peer and sent d version 1, which d applied: d peers with c and e itself.
    await eventually(
      async () => (await findPeer(a.node.ctx.db, 'd-late'))?.status === 'active',
      'a to add d by re-syncing',
      60_000,
    );
    await eventually(async () => (await held(d))?.version === 1, 'd to apply version 1', 60_000);
    for (const id of ['c-member', 'e-member'])
      expect(await findPeer(d.node.ctx.db, id), `d → ${id}`).toMatchObject({ status: 'active' });

    // The pairs talk both ways.
    for (const [from, to] of [
      [c, d],
      [d, c],
      [e, d],
      [d, e],
    ] as const) {
      const ping = await call(from, 'POST', `/api/federation/peers/${to.id}/ping`, { count: 2 });
      expect(ping.status, JSON.stringify(ping.json)).toBe(201);
      await eventually(async () => {
        const s = await call(to, 'GET', `/api/federation/pings?from=${from.id}`);
        return s.json.channels?.[0]?.count === 2;
      }, `${to.id} to receive ${from.id}'s pings`);
    }
  }, 180_000);
});
