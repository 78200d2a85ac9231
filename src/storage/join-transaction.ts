// Lets a use case run inside a transaction someone else opened (the federation inbox applies a
// received message and records its receipt atomically): `transaction(fn)` joins instead of nesting.
import type { Db, Queryable } from './db.js';

export function joinTransaction(db: Db, tx: Queryable): Db {
  return {
    store: db.store,
    query: (sql, params) => tx.query(sql, params),
    transaction: (fn) => fn(tx),
    groupTransaction: (fn) => fn(tx),
    exec: async (sql) => {
      await tx.query(sql);
    },
    session: () => db.session(),
    // The outer owner closes the real database; a joined view never does.
    close: async () => undefined,
  };
}
