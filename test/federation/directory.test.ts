// The signed membership directory across four real nodes (two on the system PostgreSQL, two on the
// embedded server): two founders sign version 1 and one publishes it; the two members, which had
// confirmed only the founders' cards, learn each other (and the founders learn them) without any
// manual peering. A key rotation announced in version 2 is accepted everywhere; a member dropped
// in version 3 is suspended; an older version is refused as a rollback, and a version too few
// founders signed is refused on arrival.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_CHANNEL, DIRECTORY_TYPE } from '../../src/federation/handlers/directory-handler.js';
import { enqueueMessage } from '../../src/federation/outbox.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { rotateNodeKeys } from '../../src/services/federation/rotate-node-keys.js';
import { findPeer } from '../../src/storage/repositories/peer.repository.js';
import { eventually, startPeeredNodes, type PeeredNode } from '../support/peered-nodes.js';

type Doc = Record<string, unknown> & { version: number; members: Record<string, unknown>[] };

describe('signed membership directory', () => {
  let nodes: PeeredNode[];
  let a: PeeredNode;
  let b: PeeredNode;
  let c: PeeredNode;
  let d: PeeredNode;
  let stop: () => Promise<void>;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    // Founders a and b know each other; members c and d confirmed only the founders' cards.
    const started = await startPeeredNodes(
      [
        { id: 'a-founder', store: 'postgres' },
        { id: 'b-founder', store: 'embedded' },
        { id: 'c-member', store: 'postgres' },
        { id: 'd-member', store: 'embedded' },
      ],
      [
        ['a-founder', 'b-founder'],
        ['b-founder', 'a-founder'],
        ['c-member', 'a-founder'],
        ['c-member', 'b-founder'],
        ['d-member', 'a-founder'],
        ['d-member', 'b-founder'],
      ],
    );
    nodes = started.nodes;
    [a, b, c, d] = nodes as [PeeredNode, PeeredNode, PeeredNode, PeeredNode];
    stop = started.stop;
    for (const n of nodes) tokens.set(n.id, await n.userWith(['admin']));
  }, 180_000);
  afterAll(async () => {
    await stop?.();
  });

  const call = async (n: PeeredNode, method: 'GET' | 'POST', url: string, body?: object) =>
    n.api(tokens.get(n.id)!, method, url, body);
  const member = (n: PeeredNode, roles: string[] = []) => {
    const card = ownNodeCard(n.node.ctx, n.node.url);
    return {
      party: n.id,
      name: card.name,
      country: card.country,
      endpoint: card.endpoint,
      fingerprint: card.fingerprint,
      roles,
    };
  };
  const founders = () =>
    [a, b].map((n) => ({ party: n.id, fingerprint: ownNodeCard(n.node.ctx, n.node.url).fingerprint }));
  const signByFounders = async (draft: Doc) => {
    const one = await call(a, 'POST', '/api/federation/directory/sign', { draft });
    expect(one.status, JSON.stringify(one.json)).toBe(200);
    const two = await call(b, 'POST', '/api/federation/directory/sign', { draft: one.json });
    expect(two.status, JSON.stringify(two.json)).toBe(200);
    expect(two.json.signatures).toHaveLength(2);
    return two.json as { document: Doc; signatures: string[] };
  };
  const heldVersion = async (n: PeeredNode) =>
    (await call(n, 'GET', '/api/federation/directory')).json.current?.version as number | undefined;
  const peerOf = (n: PeeredNode, id: string) => findPeer(n.node.ctx.db, id);
  let v1: { document: Doc; signatures: string[] };

  it('one founder alone cannot make a version; founders sign, publish, and every node peers with every member', async () => {
    const draft: Doc = {
      v: 1,
      federation: 'test-net',
      version: 1,
      issuedAt: new Date().toISOString(),
      previous: null,
      founders: founders(),
      threshold: 2,
      members: [member(a), member(b, ['secretariat']), member(c), member(d)],
    };
    const lone = await call(a, 'POST', '/api/federation/directory/sign', { draft });
    const refused = await call(c, 'POST', '/api/federation/directory/apply', { directory: lone.json });
    expect(refused.json.error?.code ?? refused.json.code, JSON.stringify(refused.json)).toBe(
      'FED_DIRECTORY_NOT_ENOUGH_SIGNATURES',
    );
    expect(refused.status).toBe(422);
    expect(await peerOf(c, 'd-member')).toBeNull(); // a refusal changes nothing

    v1 = await signByFounders(draft);
    const published = await call(a, 'POST', '/api/federation/directory/publish', { directory: v1 });
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    expect(published.json.sentTo.sort()).toEqual(['b-founder', 'c-member', 'd-member']);
    for (const n of nodes) await eventually(async () => (await heldVersion(n)) === 1, `${n.id} to apply version 1`);
    for (const n of nodes) {
      for (const other of nodes.filter((o) => o !== n)) {
        const peer = await peerOf(n, other.id);
        expect(peer, `${n.id} → ${other.id}`).toMatchObject({
          status: 'active',
          fingerprint: ownNodeCard(other.node.ctx, other.node.url).fingerprint,
        });
      }
    }
    const onC = (await call(c, 'GET', '/api/federation/directory')).json;
    expect(onC.history[0]).toMatchObject({
      version: 1,
      source: 'peer:a-founder',
      diff: { added: ['a-founder', 'b-founder', 'c-member', 'd-member'] },
    });
    expect(onC.history[0].outcomes).toEqual(
      expect.arrayContaining([
        { party: 'd-member', outcome: 'peer_added' },
        { party: 'c-member', outcome: 'self' },
      ]),
    );
    expect(onC.current.members.find((m: { party: string }) => m.party === 'd-member').peer).toMatchObject({
      status: 'active',
      fingerprintMatches: true,
    });
    // The members, peered through the directory only, now talk to each other.
    const ping = await call(c, 'POST', '/api/federation/peers/d-member/ping', { count: 3 });
    expect(ping.status).toBe(201);
    await eventually(async () => {
      const s = await call(d, 'GET', '/api/federation/pings?from=c-member');
      return s.json.channels?.[0]?.count === 3;
    }, "d to receive c's pings");
    // Served to anyone who asks, as applied.
    const served = await fetch(`${a.node.url}/federation/v1/directory`);
    expect(await served.json()).toMatchObject({ document: { version: 1, federation: 'test-net' } });
  }, 120_000);

  it('accepts a key rotation announced in a new version', async () => {
    const rotated = await rotateNodeKeys(d.node.ctx, { kind: 'system', partyId: 'd-member' });
    const before = v1.document;
    const draft: Doc = {
      ...before,
      version: 2,
      issuedAt: new Date().toISOString(),
      previous: (await call(a, 'GET', '/api/federation/directory')).json.current.hash,
      members: [member(a), member(b, ['secretariat']), member(c), member(d)],
    };
    const v2 = await signByFounders(draft);
    // The secretariat (b) publishes this time.
    const published = await call(b, 'POST', '/api/federation/directory/publish', { directory: v2 });
    expect(published.status, JSON.stringify(published.json)).toBe(200);
    for (const n of nodes) await eventually(async () => (await heldVersion(n)) === 2, `${n.id} to apply version 2`);
    for (const n of [a, b, c]) {
      await eventually(
        async () => (await peerOf(n, 'd-member'))?.fingerprint === ownNodeCard(d.node.ctx, d.node.url).fingerprint,
        `${n.id} to take d's new key`,
      );
    }
    const onC = (await call(c, 'GET', '/api/federation/directory')).json;
    expect(onC.history[0].diff.rotated).toEqual([expect.objectContaining({ party: 'd-member' })]);
    // d's new key reaches c either through this version (peer_rotated) or first through the ordinary
    // rotation path — d's next message carries an unknown kid, c fetches the card its old key endorses
    // (docs/federation.md §2) — in which case the version finds it already current (unchanged).
    const outcome = onC.history[0].outcomes.find((o: { party: string }) => o.party === 'd-member');
    expect(['peer_rotated', 'unchanged']).toContain(outcome?.outcome);
    expect(rotated.fingerprint).toBeTruthy();
  }, 120_000);

  it('suspends a member a new version drops, and refuses an older version (rollback)', async () => {
    const held = (await call(a, 'GET', '/api/federation/directory')).json.current;
    const draft: Doc = {
      ...v1.document,
      version: 3,
      issuedAt: new Date().toISOString(),
      previous: held.hash,
      members: [member(a), member(b, ['secretariat']), member(d)],
    };
    const v3 = await signByFounders(draft);
    const published = await call(a, 'POST', '/api/federation/directory/publish', { directory: v3 });
    expect(published.json.sentTo.sort()).toEqual(['b-founder', 'd-member']);
    for (const n of [a, b, d]) {
      await eventually(async () => (await peerOf(n, 'c-member'))?.status === 'suspended', `${n.id} to suspend c`);
    }
    const onD = (await call(d, 'GET', '/api/federation/directory')).json;
    expect(onD.history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    expect(onD.history[0].diff.removed).toEqual(['c-member']);
    const rollback = await call(d, 'POST', '/api/federation/directory/apply', { directory: v1 });
    expect(rollback.status).toBe(409);
    expect(JSON.stringify(rollback.json)).toContain('FED_DIRECTORY_ROLLBACK');
    expect(await heldVersion(d)).toBe(3);
  }, 120_000);

  it('refuses, over the wire, a newer version too few founders signed (dead letter, signed refusal)', async () => {
    const held = (await call(a, 'GET', '/api/federation/directory')).json.current;
    const draft: Doc = {
      ...v1.document,
      version: 4,
      issuedAt: new Date().toISOString(),
      previous: held.hash,
      members: [member(a), member(b, ['secretariat'])],
    };
    const lone = (await call(a, 'POST', '/api/federation/directory/sign', { draft })).json;
    // Sent by hand: publishing would refuse it at a already (a never sends what it would not accept).
    await a.node.ctx.db.transaction((tx) =>
      enqueueMessage(tx, a.node.ctx, {
        to: 'd-member',
        channel: DIRECTORY_CHANNEL,
        type: DIRECTORY_TYPE,
        schema: 1,
        body: { directory: lone },
      }),
    );
    const letter = await eventually(async () => {
      const r = await call(d, 'GET', '/api/federation/dead-letters?peer=a-founder');
      return r.json.items?.find((x: { type: string }) => x.type === DIRECTORY_TYPE);
    }, 'd to refuse the version');
    expect(letter.code).toBe('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES');
    expect(await heldVersion(d)).toBe(3);
    expect((await peerOf(d, 'b-founder'))?.status).toBe('active');
  }, 60_000);
});
