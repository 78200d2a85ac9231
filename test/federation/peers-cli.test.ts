// `crossline keys` and `crossline peers` as an admin runs them (real processes, node stopped):
// export a card, refuse a wrong fingerprint or a tampered card, add, list, suspend, ping, remove, rotate.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode, crossline, type TestNode } from './support/cluster.js';

describe('crossline keys / peers (CLI)', () => {
  let a: TestNode;
  let b: TestNode;
  let cardFile: string;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      createNode({ id: 'cn-cli-a', country: 'CN', store: 'embedded' }),
      createNode({ id: 'us-cli-b', country: 'US', store: 'embedded' }),
    ]);
    cardFile = path.join(a.dataDir, 'us-cli-b.card.json');
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('exports a card and adds it only with the right fingerprint', async () => {
    const shown = await crossline(['keys', 'show', '--data-dir', b.dataDir]);
    expect(shown.code).toBe(0);
    const fingerprint = /fingerprint (\S+)/.exec(shown.stdout)![1]!;
    expect(fingerprint).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    const card = await crossline(['keys', 'show', '--card', '--data-dir', b.dataDir]);
    writeFileSync(cardFile, card.stdout);
    expect(JSON.parse(card.stdout)).toMatchObject({ id: 'us-cli-b', country: 'US', endpoint: b.url });

    const tampered = path.join(a.dataDir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...JSON.parse(card.stdout), endpoint: 'http://127.0.0.1:9' }));
    const refused = await crossline(['peers', 'add', tampered, '--yes', '--data-dir', a.dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('FED_CARD_INVALID');

    const wrong = await crossline(['peers', 'add', cardFile, '--fingerprint', 'AAAA-BBBB', '--data-dir', a.dataDir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('FED_FINGERPRINT_MISMATCH');
    const unconfirmed = await crossline(['peers', 'add', cardFile, '--data-dir', a.dataDir]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stdout).toContain(fingerprint);

    const added = await crossline([
      'peers',
      'add',
      cardFile,
      '--fingerprint',
      fingerprint.toLowerCase(),
      '--data-dir',
      a.dataDir,
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added peer us-cli-b (active)');
    const again = await crossline(['peers', 'add', cardFile, '--yes', '--data-dir', a.dataDir]);
    expect(again.stderr).toContain('FED_PEER_EXISTS');
  }, 180_000);

  it('lists, suspends (nothing can be queued), resumes, pings and removes', async () => {
    expect((await crossline(['peers', 'suspend', 'us-cli-b', '--data-dir', a.dataDir])).stdout).toContain(
      'is suspended',
    );
    const blocked = await crossline(['peers', 'ping', 'us-cli-b', '--data-dir', a.dataDir]);
    expect(blocked.stderr).toContain('FED_PEER_SUSPENDED');
    expect((await crossline(['peers', 'resume', 'us-cli-b', '--data-dir', a.dataDir])).stdout).toContain('is active');
    const pinged = await crossline(['peers', 'ping', 'us-cli-b', '--count', '3', '--data-dir', a.dataDir]);
    expect(pinged.stdout).toContain('queued 3 ping(s) to us-cli-b: seq 1..3');
    const list = await crossline(['peers', 'list', '--data-dir', a.dataDir]);
    expect(list.stdout).toMatch(/^us-cli-b\tactive\tUS\t\S+\tqueue=3\t/m);
    expect((await crossline(['peers', 'remove', 'us-cli-b', '--data-dir', a.dataDir])).stdout).toContain(
      'removed peer us-cli-b',
    );
    expect((await crossline(['peers', 'suspend', 'us-cli-b', '--data-dir', a.dataDir])).stderr).toContain(
      'FED_PEER_NOT_FOUND',
    );
  }, 180_000);

  it('rotates keys: a new fingerprint, the old version kept', async () => {
    const before = /fingerprint (\S+)/.exec((await crossline(['keys', 'show', '--data-dir', a.dataDir])).stdout)![1];
    const rotated = await crossline(['keys', 'rotate', '--data-dir', a.dataDir]);
    expect(rotated.code).toBe(0);
    const after = /fingerprint (\S+)/.exec(rotated.stdout)![1];
    expect(after).not.toBe(before);
    const shown = await crossline(['keys', 'show', '--data-dir', a.dataDir]);
    expect(shown.stdout).toContain('1 retired version(s)');
    expect(shown.stdout).toContain(after);
    // The ring is sealed in the database, not in a file beside the master key.
    expect(existsSync(path.join(a.dataDir, 'keys', 'keyring.enc'))).toBe(false);
  }, 60_000);
});
