// Group commit (docs/performance.md "Create, round 4"). Every create takes the same two rows until its
// COMMIT has been flushed (the gap-free reference counter and the audit log's head), so concurrent
// creates commit one after the other, one WAL flush each. Here the calls that arrive while a group is
// being written wait and form the next group: one transaction, each call in a savepoint of its own —
// a call that fails rolls back its own statements only and gets its own error — and one COMMIT, one
// flush, for the whole group. Every guarantee of a transaction holds for each call: its change and its
// audit entry commit together or not at all, and its caller hears of success only after the commit.
// A call that would wait on another transaction's row lock inside a group runs again on its own
// (GROUP_LOCK_TIMEOUT).

import type { Queryable } from './db.js';

type TransactionRunner = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
/** Registers a call's view of the group's transaction (same socket and database, hooks of its own). */
type OpenMember = (member: Queryable, group: Queryable) => (() => void)[];

type Call = {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The most calls one group takes; the rest wait for the next. */
export const GROUP_LIMIT = 32;

/**
 * How long a call in a group may wait for a row lock. A group holds the audit head from its first
 * call's audit entry on; a later call waiting on a row that another transaction holds — one that
 * itself waits for the audit head (a STIX batch holding observable counts, say) — would deadlock.
 * Such a call gives up quickly instead and runs again in a transaction of its own after the group,
 * where nothing it waits for waits on it.
 */
const GROUP_LOCK_TIMEOUT = "'200ms'";
/** lock_not_available (the lock timeout) and deadlock_detected: the call runs again on its own. */
const RUN_ALONE_CODES = new Set(['55P03', '40P01']);

export function createGroupCommit(
  transaction: TransactionRunner,
  openMember: OpenMember,
  runHooks: (hooks: (() => void)[]) => void,
): <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T> {
  const waiting: Call[] = [];
  let writing = false;

  const writeGroups = async (): Promise<void> => {
    writing = true;
    try {
      while (waiting.length > 0) await writeGroup(waiting.splice(0, GROUP_LIMIT));
    } finally {
      writing = false;
    }
  };

  const writeGroup = async (calls: Call[]): Promise<void> => {
    const done: { call: Call; value: unknown; hooks: (() => void)[] }[] = [];
    const unsettled = new Set(calls);
    const alone: Call[] = [];
    try {
      await transaction(async (group) => {
        void group.query(`SET LOCAL lock_timeout = ${GROUP_LOCK_TIMEOUT}`).catch(() => undefined);
        for (const call of calls) {
          const member: Queryable = { query: (sql, params) => group.query(sql, params) };
          const hooks = openMember(member, group);
          // Sent without waiting: the savepoint travels with the call's first statement.
          const saved = group.query('SAVEPOINT group_call');
          try {
            const value = await call.fn(member);
            await saved;
            done.push({ call, value, hooks });
          } catch (error) {
            // Only the call's own statements are undone; the group goes on.
            await saved.catch(() => undefined);
            await group.query('ROLLBACK TO SAVEPOINT group_call');
            unsettled.delete(call);
            if (RUN_ALONE_CODES.has((error as { code?: string })?.code ?? '')) alone.push(call);
            else call.reject(error);
          }
          // The savepoint is let go with the next call's first statement, not in a round trip of its own.
          void group.query('RELEASE SAVEPOINT group_call').catch(() => undefined);
        }
      });
    } catch (error) {
      // The group's COMMIT (or its connection) failed: none of its calls is stored.
      for (const call of unsettled) call.reject(error);
      await runAlone(alone);
      return;
    }
    for (const { call, value, hooks } of done) {
      runHooks(hooks);
      call.resolve(value);
    }
    await runAlone(alone);
  };

  /** Calls that waited on a lock inside a group, each in a transaction of its own (no lock timeout). */
  const runAlone = async (calls: Call[]): Promise<void> => {
    for (const call of calls) await transaction(call.fn).then(call.resolve, call.reject);
  };

  return <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!writing) void writeGroups();
    });
}
