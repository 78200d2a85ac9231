// Walks the whole audit chain and names the first entry that was edited, deleted or reordered.
import type { Queryable } from '../storage/db.js';
import { GENESIS_HASH, hashAuditEntry, rowToAuditEntry } from './audit-log.js';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: AuditFailure; detail: string };

export type AuditFailure = 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch';

const PAGE = 5000;

export async function verifyAuditChain(db: Queryable): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db.query<Parameters<typeof rowToAuditEntry>[0]>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, PAGE],
    );
    for (const row of rows) {
      const e = rowToAuditEntry(row);
      if (e.seq !== expectedSeq) {
        return fail(count, expectedSeq, 'missing_entry', `entry ${expectedSeq} is missing (next present is ${e.seq})`);
      }
      const { hash, ...body } = e;
      if (hashAuditEntry(body) !== hash) {
        return fail(count, e.seq, 'hash_mismatch', `entry ${e.seq} content does not match its hash`);
      }
      if (e.prevHash !== prevHash) {
        return fail(count, e.seq, 'broken_link', `entry ${e.seq} does not link to entry ${e.seq - 1}`);
      }
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1');
  if (!head || head.seq !== count || head.hash !== prevHash) {
    return fail(count, count + 1, 'head_mismatch',
      `the chain ends at entry ${count} but the recorded head is entry ${head?.seq ?? '?'}: entries were removed from the end`);
  }
  return { ok: true, entries: count, headHash: prevHash };
}

function fail(entries: number, firstBadSeq: number, reason: AuditFailure, detail: string): AuditVerification {
  return { ok: false, entries, firstBadSeq, reason, detail };
}
