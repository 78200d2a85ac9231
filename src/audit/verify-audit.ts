// Walks the whole audit chain and names the first entry that was edited, deleted or reordered, then
// checks the chain against peers' countersigned checkpoints (which catch a wholesale rewrite).
import type { Queryable } from '../storage/db.js';
import { GENESIS_HASH, hashAuditEntry, rowToAuditEntry } from './audit-log.js';
import { verifyCountersignedCheckpoints, type CheckpointVerification } from './verify-checkpoints.js';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string; checkpoints: CheckpointVerification }
  | {
      ok: false;
      entries: number;
      firstBadSeq: number;
      reason: AuditFailure;
      detail: string;
      checkpoints?: CheckpointVerification;
    };

export type AuditFailure =
  'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch' | 'checkpoint_mismatch' | 'bad_countersignature';

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
    return fail(
      count,
      count + 1,
      'head_mismatch',
      `the chain ends at entry ${count} but the recorded head is entry ${head?.seq ?? '?'}: entries were removed from the end`,
    );
  }
  // An intact chain may still be a rewritten one: compare it with what peers countersigned.
  const checkpoints = await verifyCountersignedCheckpoints(db);
  if (checkpoints.failure) {
    const { failure, ...counts } = checkpoints;
    return {
      ok: false,
      entries: count,
      firstBadSeq: failure.seq,
      reason: failure.reason,
      detail: failure.detail,
      checkpoints: counts,
    };
  }
  return { ok: true, entries: count, headHash: prevHash, checkpoints };
}

function fail(entries: number, firstBadSeq: number, reason: AuditFailure, detail: string): AuditVerification {
  return { ok: false, entries, firstBadSeq, reason, detail };
}
