import { openDb } from '/work/main/src/storage/db.ts';
import { mkdtempSync } from 'node:fs';
const db = await openDb({ dataDir: mkdtempSync('/tmp/plk/u-') });
for (const [name, big] of [['wide', true], ['narrow', false]] as const) {
  await db.exec(`CREATE TABLE ${name} (mid text PRIMARY KEY, peer text, channel text, seq bigint, state text, jws text, sent_at timestamptz, bid text, result text, UNIQUE (peer, channel, seq))`);
  await db.exec(`CREATE INDEX ${name}_p ON ${name} (peer, channel, seq) WHERE state = 'pending'`);
  const N = 5000;
  const mids = Array.from({ length: N }, (_, i) => `m${i.toString().padStart(8, '0')}`);
  let t0 = performance.now();
  await db.query(`INSERT INTO ${name} SELECT m, 'p', 'c', s, 'pending', j FROM unnest($1::text[], $2::bigint[], $3::text[]) AS x(m, s, j)`, [mids, mids.map((_, i) => i), mids.map(() => big ? 'x'.repeat(800) : 'x')]);
  const ins = performance.now() - t0;
  t0 = performance.now();
  for (let b = 0; b < N; b += 100) {
    const part = mids.slice(b, b + 100);
    await db.transaction(async (tx) => { await tx.query(`UPDATE ${name} o SET state = 'sent', result = x.r, bid = 'b', sent_at = now() FROM unnest($1::text[], $2::text[]) AS x(m, r) WHERE o.mid = x.m`, [part, part.map(() => 'accepted')]); });
  }
  const upd = performance.now() - t0;
  t0 = performance.now();
  for (let b = 0; b < 50; b++) await db.query(`SELECT mid, jws FROM ${name} WHERE peer = 'p' AND state = 'sent' ORDER BY channel, seq LIMIT 100`);
  console.log(name, 'insert ms', ins.toFixed(0), 'update ms/100', (upd / (N / 100)).toFixed(2), 'select ms', ((performance.now() - t0)/50).toFixed(2));
}
await db.close();
