// Group commit on both stores: concurrent calls share one transaction, each in a savepoint of its own.
// A call that fails (its own error, or an SQL error) undoes only its statements; the others commit and
// each caller hears of success only after the commit; commit hooks run for the calls that committed; a
// failed COMMIT fails every call of the group and stores none of them. And request creates through it
// keep gap-free references and an intact audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit.js';
import { afterCommit } from '../../src/storage/db.js';
import { ZCreateRequestDraftSchema } from '../../src/domain/request/schemas.js';
import type { UserActor } from '../../src/domain/shared/actor.js';
import { createDraftRequest, insertDraftRequest } from '../../src/services/request/create-request-draft.js';
import { appendAudit } from '../../src/audit/audit-log.js';
import { valueHash } from '../../src/intel/correlation/rules.js';
import { indexSourceValues } from '../../src/storage/repositories/observable-index.repository.js';
import { preservationDraft } from '../factories.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

/** A gate a test opens by hand: `opened` resolves once `open` is called. */
function signal(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

const investigator: UserActor = {
  kind: 'user',
  userId: 'u-gc',
  name: 'Group Commit',
  roles: ['investigator'],
  partyId: 'cn-test',
};

describe.each(STORES)('group commit (%s)', (store) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(store);
    await t.ctx.db.query('CREATE TABLE gc_rows (k int PRIMARY KEY, note text)');
    // Checked at COMMIT, so a group can fail there after every call succeeded.
    await t.ctx.db.query('CREATE TABLE gc_deferred (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)');
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const keys = async () => (await t.ctx.db.query<{ k: number }>('SELECT k FROM gc_rows ORDER BY k')).map((r) => r.k);
  const backendPid = (tx: { query: (sql: string) => Promise<{ pid: number }[]> }) =>
    tx.query('SELECT pg_backend_pid() AS pid').then((rows) => rows[0]!.pid);

  it('commits concurrent calls in shared transactions; a failing call undoes only its own statements', async () => {
    const hooks: number[] = [];
    const pids = new Set<number>();
    const calls = Array.from({ length: 20 }, (_, k) =>
      t.ctx.db.groupTransaction(async (tx) => {
        pids.add(await backendPid(tx as never));
        await tx.query('INSERT INTO gc_rows (k, note) VALUES ($1, $2)', [k, 'call']);
        afterCommit(tx, () => hooks.push(k));
        if (k === 7) throw new Error('call 7 changed its mind');
        // A statement that fails in the database: key 3 is taken by call 3.
        if (k === 12) await tx.query('INSERT INTO gc_rows (k, note) VALUES (3, $1)', ['dup']);
        return k;
      }),
    );
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === 'fulfilled').map((s) => s.value)).toEqual(
      Array.from({ length: 20 }, (_, k) => k).filter((k) => k !== 7 && k !== 12),
    );
    expect((settled[7] as PromiseRejectedResult).reason.message).toBe('call 7 changed its mind');
    expect((settled[12] as PromiseRejectedResult).reason.code).toBe('23505');
    expect(await keys()).toEqual(Array.from({ length: 20 }, (_, k) => k).filter((k) => k !== 7 && k !== 12));
    expect(hooks.sort((a, b) => a - b)).toEqual(await keys());
    // 20 calls made at once ran in fewer transactions than calls (the first alone, the rest together).
    expect(pids.size).toBeLessThan(20);
  });

  it('resolves a call only once its group has committed', async () => {
    const seen = await t.ctx.db.groupTransaction(async (tx) => {
      await tx.query('INSERT INTO gc_rows (k, note) VALUES (100, $1)', ['late']);
      return 'written';
    });
    expect(seen).toBe('written');
    // Another connection sees it: committed before the caller was answered.
    expect(await t.ctx.db.query('SELECT note FROM gc_rows WHERE k = 100')).toEqual([{ note: 'late' }]);
  });

  it('fails every call of a group whose COMMIT fails, and stores none of them', async () => {
    // Hold the group writer busy so the next three calls form one group.
    const held = signal();
    const first = t.ctx.db.groupTransaction(async (tx) => {
      await tx.query('INSERT INTO gc_rows (k, note) VALUES (200, $1)', ['first']);
      await held.opened;
    });
    const group = [1, 1, 2].map((k, i) =>
      t.ctx.db.groupTransaction(async (tx) => {
        await tx.query('INSERT INTO gc_deferred (k) VALUES ($1)', [k]);
        await tx.query('INSERT INTO gc_rows (k, note) VALUES ($1, $2)', [300 + i, 'doomed']);
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    held.open();
    await first;
    const settled = await Promise.allSettled(group);
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason.code).toBe('23505');
    }
    expect(await t.ctx.db.query('SELECT k FROM gc_rows WHERE k >= 300')).toEqual([]);
    expect(await t.ctx.db.query('SELECT k FROM gc_deferred')).toEqual([]);
    // The writer goes on with later calls.
    await t.ctx.db.groupTransaction((tx) => tx.query('INSERT INTO gc_rows (k, note) VALUES (400, $1)', ['after']));
    expect(await t.ctx.db.query('SELECT note FROM gc_rows WHERE k = 400')).toEqual([{ note: 'after' }]);
  });

  it('runs a call that waits on a lock inside a group again on its own, instead of deadlocking', async () => {
    const email = 'lucky.invest88@example.com';
    const firstDone = signal();
    const otherWaiting = signal();
    const held = signal();
    // Keep the writer busy so the two creates below form one group.
    const blocker = t.ctx.db.groupTransaction(() => held.opened);
    const first = t.ctx.db.groupTransaction(async (tx) => {
      const draft = ZCreateRequestDraftSchema.parse(preservationDraft({ identifiers: [] }));
      const made = await insertDraftRequest(tx, t.ctx, investigator, draft, new Date());
      firstDone.open(); // the group now holds the audit head
      return made.record.reference;
    });
    const second = t.ctx.db.groupTransaction(async (tx) => {
      await otherWaiting.opened;
      // Its observable's count row is held by the other transaction, which waits for the audit head.
      const made = await insertDraftRequest(
        tx,
        t.ctx,
        investigator,
        ZCreateRequestDraftSchema.parse(preservationDraft()),
        new Date(),
      );
      return made.record.reference;
    });
    // Another transaction (a case adding the same e-mail, say): counts the value, then appends its audit entry.
    const other = t.ctx.db.transaction(async (tx) => {
      await indexSourceValues(
        tx,
        { kind: 'case', id: 'case-lock' },
        [{ type: 'email', valueHash: valueHash(email), value: email }],
        new Date(),
      );
      await firstDone.opened;
      const appended = appendAudit(
        tx,
        { actor: { kind: 'system', partyId: 'cn-test' }, action: 'test.lock', subjectType: 'test', subjectId: 'lock' },
        new Date(),
      );
      await new Promise((r) => setTimeout(r, 100)); // now waiting for the group's audit head
      otherWaiting.open();
      await appended;
    });
    await new Promise((r) => setTimeout(r, 20));
    held.open();
    await blocker;
    const [a, b, c] = await Promise.allSettled([first, second, other]);
    expect(a.status, String((a as PromiseRejectedResult).reason)).toBe('fulfilled');
    expect(b.status, String((b as PromiseRejectedResult).reason)).toBe('fulfilled');
    expect(c.status, String((c as PromiseRejectedResult).reason)).toBe('fulfilled');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('creates requests at once with gap-free references and an intact audit chain', async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, () =>
        createDraftRequest(t.ctx, investigator, ZCreateRequestDraftSchema.parse(preservationDraft())),
      ),
    );
    const numbers = created.map((r) => Number(r.reference.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => numbers[0]! + i));
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
  });
});
