// The audit chain detects a direct edit, deletion, tail deletion or reordering of rows, on both stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/audit/audit-log.js';
import { verifyAuditChain } from '../../src/audit/verify-audit.js';
import { openDb, sendTogether } from '../../src/storage/db.js';
import { recordChange } from '../../src/services/shared/record-change.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('audit chain (%s)', (store) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext(store);
    for (let i = 1; i <= 6; i++) {
      await t.ctx.db.transaction((tx) =>
        appendAudit(
          tx,
          {
            actor: { kind: 'system', partyId: 'cn-test' },
            action: 'test.event',
            subjectType: 'test',
            subjectId: `s${i}`,
            data: { n: i, text: '案件编号 ' + i, nested: { b: 2, a: 1 } },
          },
          t.clock.now(),
        ),
      );
      t.clock.advance(1000);
    }
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 6 });
  });

  it('names the edited entry', async () => {
    await t.ctx.db.query(`UPDATE audit_log SET data = '{"n": 99}' WHERE seq = 3`);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
  });

  it('names a deleted entry', async () => {
    await t.ctx.db.query('DELETE FROM audit_log WHERE seq = 4');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'missing_entry' });
  });

  it('notices entries removed from the end', async () => {
    await t.ctx.db.query('DELETE FROM audit_log WHERE seq >= 5');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'head_mismatch' });
  });

  it('names the first of two swapped entries', async () => {
    await t.ctx.db.query('UPDATE audit_log SET seq = -2 WHERE seq = 2');
    await t.ctx.db.query('UPDATE audit_log SET seq = 2 WHERE seq = 3');
    await t.ctx.db.query('UPDATE audit_log SET seq = 3 WHERE seq = -2');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash_mismatch' });
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.ctx.db.transaction((tx) =>
          appendAudit(
            tx,
            {
              actor: { kind: 'system', partyId: 'cn-test' },
              action: 'test.concurrent',
              subjectType: 'test',
              subjectId: `c${i}`,
            },
            t.clock.now(),
          ),
        ),
      ),
    );
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 26 });
  });

  it('chains appends started together in one transaction one after the other, with a right or a wrong guess of the head', async () => {
    // sendTogether lets a change's own append and a correlation alert's start before either is answered.
    const together = (label: string) =>
      t.ctx.db.transaction((tx) =>
        sendTogether(tx, () =>
          [1, 2, 3].map((i) =>
            appendAudit(
              tx,
              {
                actor: { kind: 'system', partyId: 'cn-test' },
                action: 'test.together',
                subjectType: label,
                subjectId: `${i}`,
              },
              t.clock.now(),
            ),
          ),
        ),
      );
    await together('right-guess');
    // Another process moves the head: this process's guess is now wrong for every append.
    const other = await openDb({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
    });
    try {
      await other.transaction((tx) => appendAudit(tx, event(99), t.clock.now()));
    } finally {
      await other.close();
    }
    await together('wrong-guess');
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 13 });
    const rows = await t.ctx.db.query<{ subject_type: string; subject_id: string }>(
      `SELECT subject_type, subject_id FROM audit_log WHERE action = 'test.together' ORDER BY seq`,
    );
    expect(rows.map((r) => `${r.subject_type}:${r.subject_id}`)).toEqual([
      'right-guess:1',
      'right-guess:2',
      'right-guess:3',
      'wrong-guess:1',
      'wrong-guess:2',
      'wrong-guess:3',
    ]);
  });

  it('sendTogether fails with the first failure in the order sent and rolls the transaction back', async () => {
    const outcome = t.ctx.db.transaction((tx) =>
      sendTogether(tx, () => [
        appendAudit(tx, event(1), t.clock.now()),
        tx.query('SELECT 1 / 0'),
        tx.query('SELECT no_such_column FROM audit_log'),
      ]),
    );
    await expect(outcome).rejects.toMatchObject({ code: '22012' }); // division_by_zero, not the aborted transaction's 25P02
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 6 });
  });

  const event = (i: number) => ({
    actor: { kind: 'system' as const, partyId: 'cn-test' },
    action: 'test.mixed',
    subjectType: 'test',
    subjectId: `m${i}`,
  });

  it('keeps the chain when appends roll back, also while others are waiting on the head', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        t.ctx.db.transaction(async (tx) => {
          await appendAudit(tx, event(i), t.clock.now());
          if (i % 3 === 0) throw new Error('roll back');
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(8);
    await t.ctx.db.transaction((tx) => appendAudit(tx, event(99), t.clock.now()));
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 15 });
  });
});

describe.each(STORES)('audit chain with two writer processes (%s)', (store) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext(store);
  });
  afterEach(async () => {
    await t.cleanup();
  });
  const mixed = (i: number) => ({
    actor: { kind: 'system' as const, partyId: 'cn-test' },
    action: 'test.mixed',
    subjectType: 'test',
    subjectId: `m${i}`,
  });

  it('keeps the chain when a second process writes to the same database', async () => {
    const other = await openDb({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
    });
    try {
      for (let round = 0; round < 4; round++) {
        await Promise.all([
          t.ctx.db.transaction((tx) => appendAudit(tx, mixed(round * 2), t.clock.now())),
          other.transaction((tx) => appendAudit(tx, mixed(round * 2 + 1), t.clock.now())),
        ]);
      }
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 8 });
    } finally {
      await other.close();
    }
  });

  it('writes each history row with its own entry, also when the other process moved the head in between', async () => {
    const other = await openDb({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
    });
    const change = (subjectId: string) => ({
      actor: { kind: 'system' as const, partyId: 'cn-test' },
      subjectType: 'test',
      subjectId,
      events: [
        { type: 'opened', at: t.clock.now().toISOString() },
        { type: 'noted', at: t.clock.now().toISOString(), data: { n: 1 } },
      ],
    });
    try {
      // Alternating writers: each one's guess of the head is wrong every second round (the fallback path).
      for (let round = 0; round < 3; round++) {
        await t.ctx.db.transaction((tx) => recordChange(tx, change(`a${round}`), t.clock.now()));
        await other.transaction((tx) => recordChange(tx, change(`b${round}`), t.clock.now()));
      }
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, entries: 12 });
      const rows = await t.ctx.db.query<{ subject_id: string; type: string; action: string }>(
        `SELECT e.subject_id, e.type, a.action FROM record_events e JOIN audit_log a ON a.seq = e.audit_seq
         WHERE e.subject_type = 'test' AND a.subject_id = e.subject_id ORDER BY e.audit_seq`,
      );
      expect(rows.map((r) => `${r.subject_id}:${r.type}:${r.action}`)).toEqual(
        ['a0', 'b0', 'a1', 'b1', 'a2', 'b2'].flatMap((id) => [`${id}:opened:test.opened`, `${id}:noted:test.noted`]),
      );
    } finally {
      await other.close();
    }
  });
});
