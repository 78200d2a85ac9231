// The federation key ring in the node's database: every process of a node reads the same ring, a
// rotation by one process reaches the others by its version, two rotations at once cannot both
// win, and a ring still in keys/keyring.enc (a node made before the move) is imported once.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyRing, currentKeys, serializeKeyRing } from '../../src/federation/crypto/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { loadNodeSecrets, refreshNodeSecrets } from '../../src/services/federation/node-key-ring.js';
import { rotateNodeKeys } from '../../src/services/federation/rotate-node-keys.js';
import { openDb, type Db } from '../../src/storage/db.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('node key ring in the database (%s)', (store) => {
  let t: TestContext;
  let otherDb: Db;
  let other: ServiceContext;
  const system = { kind: 'system' as const, partyId: 'cn-test' };

  beforeEach(async () => {
    t = await createTestContext(store);
    // A second process of the same node: same database and master key, its own connection pool.
    otherDb = await openDb({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
    });
    other = { ...t.ctx, db: otherDb, secrets: await loadNodeSecrets(otherDb, t.dataDir, {}) };
  });
  afterEach(async () => {
    await otherDb.close();
    await t.cleanup();
  });

  it('gives every process the same keys and no key ring file', async () => {
    expect(other.secrets.signingKeyId).toBe(t.ctx.secrets.signingKeyId);
    expect(other.secrets.ringVersion).toBe(1);
    expect(existsSync(path.join(t.dataDir, 'keys', 'keyring.enc'))).toBe(false);
  });

  it('carries a rotation by one process to the other at its next refresh', async () => {
    const before = t.ctx.secrets.signingKeyId;
    const rotated = await rotateNodeKeys(t.ctx, system);
    expect(rotated.previousKid).toBe(before);
    expect(await refreshNodeSecrets(other)).toBe(true);
    expect(other.secrets.signingKeyId).toBe(rotated.kid);
    expect(other.secrets.publicKeyFor(before)).toBeDefined(); // the retired key still verifies old messages
    expect(await refreshNodeSecrets(other)).toBe(false);
  });

  it('lets only one of two rotations at once win; the other is refused, and a later one starts from the winner', async () => {
    const outcomes = await Promise.allSettled([rotateNodeKeys(t.ctx, system), rotateNodeKeys(other, system)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
    const winner = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ kid: string }>).value;
    const later = await rotateNodeKeys(other, system);
    expect(await refreshNodeSecrets(t.ctx)).toBe(true);
    expect(t.ctx.secrets.signingKeyId).toBe(later.kid);
    expect(t.ctx.secrets.ringVersion).toBe(3);
    expect(t.ctx.secrets.keyRing.versions.map((v) => v.kid)).toContain(winner.kid);
    expect(t.ctx.secrets.keyRing.versions).toHaveLength(3);
  });

  it('imports a ring kept in keys/keyring.enc by an older release once, then removes the file', async () => {
    await t.ctx.db.query('DELETE FROM node_key_ring');
    const legacy = createKeyRing(new Date('2026-01-01T00:00:00Z'));
    const file = path.join(t.dataDir, 'keys', 'keyring.enc');
    writeFileSync(file, serializeKeyRing(legacy, t.ctx.secrets.masterKey), { mode: 0o600 });
    const loaded = await loadNodeSecrets(t.ctx.db, t.dataDir, {});
    expect(loaded.signingKeyId).toBe(currentKeys(legacy).kid);
    expect(existsSync(file)).toBe(false);
    const again = await loadNodeSecrets(otherDb, t.dataDir, {});
    expect(again.signingKeyId).toBe(currentKeys(legacy).kid);
  });
});
