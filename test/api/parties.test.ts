// GET /api/parties: the federation's parties by name and country, for the pickers and the names on
// every page. Every staff role may read it (`party:read`); nobody reads it anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/shared/roles.js';
import { rolesHave } from '../../src/domain/user/permissions.js';
import { insertPeer, type PeerRow } from '../../src/storage/repositories/peer.repository.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

const peer = (id: string, status: PeerRow['status'], name: PeerRow['name'], country: string): PeerRow => ({
  id,
  name,
  country,
  endpoint: `https://${id}.example`,
  card: {},
  fingerprint: 'ab'.repeat(32),
  status,
  addedAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
});

describe('GET /api/parties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('embedded', {
      nodeId: 'cn-test',
      nodeName: { en: 'Test Bureau', zh: '测试局' },
      country: 'CN',
    });
    await insertPeer(t.ctx.db, peer('us-test', 'active', { en: 'US Test Agency', zh: '美国测试机构' }, 'US'));
    await insertPeer(t.ctx.db, peer('fr-test', 'suspended', { en: 'French Test Office', zh: '法国测试办公室' }, 'FR'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists this node first, then its peers by id, with names in both languages, country and whether one can write to them', async () => {
    const { token } = await t.userWith(['investigator']);
    const res = await t.app.inject({ method: 'GET', url: '/api/parties', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: 'cn-test', name: { en: 'Test Bureau', zh: '测试局' }, country: 'CN', self: true, active: true },
      {
        id: 'fr-test',
        name: { en: 'French Test Office', zh: '法国测试办公室' },
        country: 'FR',
        self: false,
        active: false,
      },
      { id: 'us-test', name: { en: 'US Test Agency', zh: '美国测试机构' }, country: 'US', self: false, active: true },
    ]);
  });

  it('is readable by every staff role and by nobody anonymously', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/parties' })).statusCode).toBe(401);
    for (const role of ROLES) {
      expect(rolesHave([role], 'party:read'), role).toBe(true);
      const { token } = await t.userWith([role]);
      const res = await t.app.inject({ method: 'GET', url: '/api/parties', headers: bearer(token) });
      expect(res.statusCode, role).toBe(200);
    }
  });
});
