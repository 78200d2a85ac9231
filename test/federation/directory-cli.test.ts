// `crossline directory` as an admin runs it (real processes): a founder signs a draft, a member that
// confirmed only the founder's card applies it; the founder's own apply cannot reach the member
// while it is down (reported, not fatal) and a re-sync of the same version adds it once it is up;
// a member may not publish; `show` lists members and versions.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode, crossline, type TestNode } from './support/cluster.js';

describe('crossline directory (CLI)', () => {
  let a: TestNode;
  let b: TestNode;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      createNode({ id: 'cn-dir-a', country: 'CN', store: 'embedded' }),
      createNode({ id: 'us-dir-b', country: 'US', store: 'embedded' }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  const cardOf = async (n: TestNode) =>
    JSON.parse((await crossline(['keys', 'show', '--card', '--data-dir', n.dataDir])).stdout) as {
      id: string;
      name: { en: string; zh: string };
      country: string;
      endpoint: string;
      fingerprint: string;
    };

  it('signs, applies, reports an unreachable member, re-syncs it, and shows the result', async () => {
    const [ca, cb] = [await cardOf(a), await cardOf(b)];
    const aCard = path.join(b.dataDir, 'a.card.json');
    writeFileSync(aCard, JSON.stringify(ca));
    expect((await crossline(['peers', 'add', aCard, '--yes', '--data-dir', b.dataDir])).code).toBe(0);

    const member = (c: typeof ca, roles: string[]) => ({
      party: c.id,
      name: c.name,
      country: c.country,
      endpoint: c.endpoint,
      fingerprint: c.fingerprint,
      roles,
    });
    const draft = path.join(a.dataDir, 'draft.json');
    writeFileSync(
      draft,
      JSON.stringify({
        v: 1,
        federation: 'cli-net',
        version: 1,
        issuedAt: new Date().toISOString(),
        previous: null,
        founders: [{ party: ca.id, fingerprint: ca.fingerprint }],
        threshold: 1,
        members: [member(ca, []), member(cb, [])],
      }),
    );
    const notFounder = await crossline([
      'directory',
      'sign',
      draft,
      '--out',
      path.join(b.dataDir, 'x.json'),
      '--data-dir',
      b.dataDir,
    ]);
    expect(notFounder.code).toBe(2);
    expect(notFounder.stderr).toContain('FED_DIRECTORY_NOT_FOUNDER');
    const signedFile = path.join(a.dataDir, 'signed.json');
    const signed = await crossline(['directory', 'sign', draft, '--out', signedFile, '--data-dir', a.dataDir]);
    expect(signed.stdout).toContain('signed version 1 of cli-net: 1 signature(s)');

    const onB = await crossline(['directory', 'apply', signedFile, '--data-dir', b.dataDir]);
    expect(onB.code, onB.stderr).toBe(0);
    expect(onB.stdout).toContain('applied cli-net version 1, signed by cn-dir-a');
    expect(onB.stdout).toMatch(/^cn-dir-a\tunchanged$/m);
    expect(onB.stdout).toMatch(/^us-dir-b\tself$/m);

    // b's node is down: a's apply records the member it could not reach and goes on.
    const onA = await crossline(['directory', 'apply', signedFile, '--data-dir', a.dataDir]);
    expect(onA.code, onA.stderr).toBe(0);
    expect(onA.stdout).toMatch(/^us-dir-b\tcard_unreachable/m);
    await b.start();
    try {
      const again = await crossline(['directory', 'apply', signedFile, '--data-dir', a.dataDir]);
      expect(again.stdout).toContain('re-synced cli-net version 1');
      expect(again.stdout).toMatch(/^us-dir-b\tpeer_added$/m);
      const shown = await crossline(['directory', 'show', '--data-dir', a.dataDir]);
      expect(shown.stdout).toContain('cli-net version 1');
      expect(shown.stdout).toMatch(/^us-dir-b\tUS\t\tactive/m);
      const json = JSON.parse((await crossline(['directory', 'show', '--json', '--data-dir', a.dataDir])).stdout);
      expect(json.history).toHaveLength(1);
      expect(json.history[0].outcomes).toContainEqual({ party: 'us-dir-b', outcome: 'peer_added' });
    } finally {
      await b.stop();
    }
    const publish = await crossline(['directory', 'publish', '--data-dir', b.dataDir]);
    expect(publish.stderr).toContain('FED_DIRECTORY_NOT_PUBLISHER');
  }, 240_000);
});
