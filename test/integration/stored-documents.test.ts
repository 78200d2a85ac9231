// Stored documents at the repository boundary, on both stores: a document written before documents
// carried a schema version (version 0) reads back upgraded; a stored document that fails its schema
// raises an error naming table, id and paths; an invalid record is refused before any SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIn } from '../../src/domain/call/test-fixtures.js';
import { draft } from '../../src/domain/request/test-fixtures.js';
import type { RequestRecord } from '../../src/domain/request/types.js';
import { findCall, insertCall, listCalls } from '../../src/storage/repositories/call.repository.js';
import { SCHEMA_VERSION_KEY } from '../../src/storage/repositories/document-codec.js';
import {
  findRequest,
  insertRequest,
  listRequests,
  updateRequest,
} from '../../src/storage/repositories/request.repository.js';
import { StoredDocumentError } from '../../src/storage/repositories/stored-document-error.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

const TIMES = { nextDeadlineAt: null, nextCheckAt: null };
const LIST = { ownParty: 'node-us', excludeDraftsOfOthers: false, limit: 50, offset: 0 };

describe.each(STORES)('stored documents (%s)', (store) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(store);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const storedDoc = async (table: string, id: string) =>
    (await t.ctx.db.query<{ doc: Record<string, unknown> }>(`SELECT doc FROM ${table} WHERE id = $1`, [id]))[0]?.doc;

  it('stamps the schema version on write and reads the record back as written', async () => {
    const r = { ...draft(), id: 'req-v1', reference: 'US-REQ-V1' };
    await insertRequest(t.ctx.db, r, TIMES);
    expect((await storedDoc('requests', r.id))?.[SCHEMA_VERSION_KEY]).toBe(1);
    expect(await findRequest(t.ctx.db, r.id)).toEqual(r);
  });

  it('reads a version-0 document (no version, as written before) upgraded, alone and in lists; the next write stamps it', async () => {
    const r = { ...draft(), id: 'req-v0', reference: 'US-REQ-V0' };
    await insertRequest(t.ctx.db, r, TIMES);
    await t.ctx.db.query(`UPDATE requests SET doc = doc - '${SCHEMA_VERSION_KEY}' WHERE id = $1`, [r.id]);
    expect(await storedDoc('requests', r.id)).not.toHaveProperty(SCHEMA_VERSION_KEY);

    const read = await findRequest(t.ctx.db, r.id);
    expect(read).toEqual(r);
    expect((await listRequests(t.ctx.db, LIST)).find((x) => x.id === r.id)).toEqual(r);

    const next: RequestRecord = { ...r, facts: 'More facts.', version: r.version + 1 };
    await t.ctx.db.transaction((tx) => updateRequest(tx, next, r.version, TIMES));
    expect((await storedDoc('requests', r.id))?.[SCHEMA_VERSION_KEY]).toBe(1);
  });

  it('raises an error naming table, id and failing paths for a stored document that fails its schema', async () => {
    const c = { ...callIn('placed'), id: 'call-bad', reference: 'US-CALL-BAD' };
    await insertCall(t.ctx.db, c, 'outgoing', null);
    await t.ctx.db.query(`UPDATE calls SET doc = jsonb_set(doc, '{escalationLevel}', '7') WHERE id = $1`, [c.id]);

    const err = await findCall(t.ctx.db, c.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoredDocumentError);
    expect(err).toMatchObject({ table: 'calls', id: c.id, operation: 'read', problems: [{ path: 'escalationLevel' }] });
    await expect(listCalls(t.ctx.db, { limit: 50, offset: 0 })).rejects.toThrow(/calls\/call-bad .*escalationLevel/);
    await t.ctx.db.query('DELETE FROM calls WHERE id = $1', [c.id]);
  });

  it('refuses to write an invalid record before any SQL runs', async () => {
    const broken = {
      ...draft(),
      id: 'req-broken',
      reference: 'US-REQ-BROKEN',
      urgency: 'whenever',
    } as unknown as RequestRecord;
    await expect(insertRequest(t.ctx.db, broken, TIMES)).rejects.toMatchObject({
      table: 'requests',
      id: 'req-broken',
      operation: 'write',
    });
    expect(await storedDoc('requests', 'req-broken')).toBeUndefined();
  });
});
