// A request's search row rides in the statement that writes the request (gated-write.ts): it is
// written with the record, and a version conflict writes neither; history rows ride with the audit
// entries. On both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { ZCreateRequestDraftSchema } from '../../src/domain/request/schemas.js';
import type { UserActor } from '../../src/domain/shared/actor.js';
import { createDraftRequest } from '../../src/services/request/create-request-draft.js';
import { requestTimes } from '../../src/services/request/request-support.js';
import { searchDocumentRider } from '../../src/services/search/index-search-document.js';
import { requestDocument } from '../../src/services/search/search-documents.js';
import { findRequest, updateRequest } from '../../src/storage/repositories/request.repository.js';
import { preservationDraft } from '../factories.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('request write riders (%s)', (store) => {
  let t: TestContext;
  const actor: UserActor = {
    kind: 'user',
    userId: 'u-rider',
    name: 'Rider Test',
    roles: ['investigator'],
    partyId: 'cn-test',
  };
  beforeAll(async () => {
    t = await createTestContext(store);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const searchRow = async (id: string) =>
    (
      await t.ctx.db.query<{ title: string }>('SELECT title FROM search_documents WHERE kind = $1 AND ref_id = $2', [
        'request',
        id,
      ])
    )[0];

  it('writes the search row with the request and the history row with its audit entry', async () => {
    const created = await createDraftRequest(t.ctx, actor, ZCreateRequestDraftSchema.parse(preservationDraft()));
    expect((await searchRow(created.id))?.title).toContain(created.reference);
    const history = await t.ctx.db.query<{ type: string; action: string }>(
      `SELECT e.type, a.action FROM record_events e JOIN audit_log a ON a.seq = e.audit_seq WHERE e.subject_id = $1`,
      [created.id],
    );
    expect(history).toEqual([{ type: 'draft_created', action: 'request.draft_created' }]);
  });

  it('writes no search row when the update loses a version conflict, and the new one when it wins', async () => {
    const created = await createDraftRequest(t.ctx, actor, ZCreateRequestDraftSchema.parse(preservationDraft()));
    const record = (await findRequest(t.ctx.db, created.id))!;
    const changed = {
      ...record,
      version: record.version + 1,
      subject: { en: 'Renamed after review', zh: '复核后更名' },
    };
    const write = (expected: number) =>
      t.ctx.db.transaction((tx) =>
        updateRequest(
          tx,
          changed,
          expected,
          requestTimes(t.ctx, changed, t.clock.now()),
          searchDocumentRider(requestDocument(changed)),
        ),
      );
    await expect(write(record.version + 7)).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'CONFLICT');
    expect((await searchRow(created.id))?.title).not.toContain('Renamed after review');
    await write(record.version);
    expect((await searchRow(created.id))?.title).toContain('Renamed after review');
  });
});
