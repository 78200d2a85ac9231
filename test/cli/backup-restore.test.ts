// `crossline backup` / `crossline restore`: a running node with cases, evidence, requests, public
// reports, intel objects and audit entries is backed up while it runs and restored into a fresh data
// dir (a new embedded PostgreSQL server) and a fresh schema of the system PostgreSQL; the copies hold
// the same rows, the evidence decrypts, the audit chain verifies. Damaged backups and non-empty
// targets are refused before anything is written; the real CLI runs too.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadNodeSecrets } from '../../src/services/federation/node-key-ring.js';
import { backupNode } from '../../src/services/backup/backup-node.js';
import { restoreNode } from '../../src/services/backup/restore-node.js';
import { openStoredEvidence } from '../../src/services/case/evidence-support.js';
import { importStix } from '../../src/services/intel/import-stix.js';
import { listTables } from '../../src/storage/backup-tables.js';
import { openDb, type Db } from '../../src/storage/db.js';
import { findEvidence } from '../../src/storage/repositories/evidence.repository.js';
import { preservationDraft } from '../factories.js';
import { pngBytes, zhFraudReport } from '../support/public-report-fixtures.js';
import { indicator } from '../support/stix-samples.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_PG_URL } from '../support/test-context.js';
import { crossline } from '../support/cli.js';

/**
 * What a restore must leave (docs/operations.md, "Keys and evidence"): nothing group- or
 * world-writable anywhere (the check test/cli/node-process.test.ts makes after init and start), the
 * data dir 0700 — 0711 when the node runs as root and its embedded server as another account — and
 * every node file and directory outside the server's own no more open than 0600 / 0700, whatever
 * mode the backup recorded.
 */
function openModes(dir: string, embedded: boolean): string[] {
  const found: string[] = [];
  const dataDirMode = statSync(dir).mode & 0o777;
  const want = embedded && process.getuid?.() === 0 ? 0o711 : 0o700;
  if (dataDirMode !== want) found.push(`${dir} ${dataDirMode.toString(8)} (want ${want.toString(8)})`);
  const walk = (d: string, inServer: boolean) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      const server = inServer || (d === dir && name === 'postgres');
      const mode = st.mode & 0o777;
      if ((mode & 0o022) !== 0 || (!server && (mode & 0o077) !== 0)) found.push(`${p} ${mode.toString(8)}`);
      if (st.isDirectory()) walk(p, server);
    }
  };
  walk(dir, false);
  return found;
}

/** Every table as sorted text rows: what "the same node" means, column by column. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await listTables(db)) {
    const cols = t.columns.map((c) => `coalesce("${c}"::text, '<null>')`).join(` || '|' || `);
    const rows = await db.query<{ r: string }>(`SELECT ${cols} AS r FROM "${t.table}"`);
    out[t.table] = rows.map((x) => x.r).sort();
  }
  return out;
}

describe('crossline backup and restore', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'crossline-backup-'));
  const file = path.join(work, 'node.clbk');
  const schema = `t_restore_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let t: TestApp;
  let source: Record<string, string[]>;
  let evidence: { id: string; caseId: string; bytes: Buffer };
  let masterKeyFile: string;

  /** A fresh target data dir holding only the node's master key (supplied apart from the backup). */
  const target = (name: string) => {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'keys'), { recursive: true });
    copyFileSync(masterKeyFile, path.join(dir, 'keys', 'master.key'));
    return dir;
  };

  beforeAll(async () => {
    t = await createTestApp('embedded');
    masterKeyFile = path.join(t.dataDir, 'keys', 'master.key');
    const configFile = path.join(t.dataDir, 'crossline.json');
    writeFileSync(
      configFile,
      JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), nodeId: 'cn-test', country: 'CN' }),
    );
    const lead = await t.userWith(['investigator']);
    const kase = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: { title: { en: 'Investment fraud ring', zh: '投资诈骗团伙' }, crimeCategories: ['online_fraud'] },
    });
    expect(kase.statusCode, kase.body).toBe(201);
    const bytes = Buffer.concat([Buffer.from('聊天记录 chat log\n'), randomBytes(50_000)]);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${kase.json().id}/evidence`,
      query: { filename: 'chat.txt', mediaType: 'text/plain' },
      headers: { ...bearer(lead.token), 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(up.statusCode, up.body).toBe(201);
    evidence = { id: up.json().id, caseId: kase.json().id, bytes };
    const req = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: bearer(lead.token),
      payload: preservationDraft(),
    });
    expect(req.statusCode, req.body).toBe(201);
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: '203.0.113.9',
      payload: zhFraudReport({
        attachments: [{ filename: '截图.png', contentBase64: pngBytes(3).toString('base64') }],
      }),
    });
    expect(report.statusCode, report.body).toBe(201);
    const bundle = JSON.stringify({
      type: 'bundle',
      id: `bundle--${crypto.randomUUID()}`,
      objects: [1, 2, 3].map((n) => indicator(n)),
    });
    const imported = await importStix(t.ctx, Readable.from([bundle]), {
      actor: { kind: 'system', partyId: 'cn-test' },
    });
    expect(imported.imported).toBe(3);
    // Files an operator left too open: the backup records their modes, a restore must not repeat them.
    chmodSync(configFile, 0o666);
    mkdirSync(path.join(t.dataDir, 'notes'), { mode: 0o777 });
    chmodSync(path.join(t.dataDir, 'notes'), 0o777);
    writeFileSync(path.join(t.dataDir, 'notes', 'handover.txt'), 'shift handover notes', { mode: 0o666 });
    chmodSync(path.join(t.dataDir, 'notes', 'handover.txt'), 0o666);
    // The node keeps running: a backup reads one consistent snapshot next to it.
    source = await dump(t.ctx.db);
  }, 30_000);

  afterAll(async () => {
    const pg = await openDb({ dataDir: work, databaseUrl: TEST_PG_URL });
    await pg.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pg.close();
    await t?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a self-verifying backup with every table and the node files, but never the master key', async () => {
    const s = await backupNode({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      nodeId: 'cn-test',
      out: file,
    });
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(s.rows).toBe(Object.values(source).reduce((a, r) => a + r.length, 0));
    expect(s.tables).toBe(Object.keys(source).length);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      kind: 'header',
      format: 'crossline-backup',
      formatVersion: 1,
      nodeId: 'cn-test',
      store: 'external',
    });
    expect(lines[0].migrations).toContain('001_core.sql');
    const trailer = lines.at(-1);
    expect(trailer.sha256).toBe(
      createHash('sha256')
        .update(text.slice(0, text.lastIndexOf('{"kind":"trailer"')))
        .digest('hex'),
    );
    expect(trailer.tables.custody_events).toBe(source.custody_events!.length);
    const files = lines.filter((l) => l.kind === 'file').map((l) => l.path);
    expect(files).toEqual(expect.arrayContaining(['crossline.json', `evidence/${evidence.caseId}/${evidence.id}`]));
    // The key ring travels sealed, as a row of the database.
    expect(trailer.tables.node_key_ring).toBe(1);
    expect(files).not.toContain('keys/keyring.enc');
    expect(
      files.some(
        (f: string) => f.startsWith('postgres/') || f.startsWith('keys/embedded-db') || f.endsWith('master.key'),
      ),
    ).toBe(false);
    expect(text).not.toContain(readFileSync(masterKeyFile, 'utf8').trim());
  });

  it('restores into a fresh data dir with its own embedded server: same rows, evidence decrypts, audit chain intact', async () => {
    const dir = target('embedded-copy');
    // With no umask to narrow them, modes are exactly what the restore asks for.
    const umask = process.umask(0);
    let s: Awaited<ReturnType<typeof restoreNode>>;
    try {
      s = await restoreNode({ file, dataDir: dir, env: {} });
    } finally {
      process.umask(umask);
    }
    expect(s.audit).toMatchObject({ ok: true });
    expect(s.masterKey).toBe('opens');
    expect(readFileSync(path.join(dir, 'notes', 'handover.txt'), 'utf8')).toBe('shift handover notes');
    expect(openModes(dir, true).join('\n')).toBe('');
    const db = await openDb({ dataDir: dir });
    try {
      expect(await dump(db)).toEqual(source);
      const [seq] = await db.query<{ next: number }>(
        `SELECT nextval(pg_get_serial_sequence('intel_objects', 'seq'))::int AS next`,
      );
      expect(seq!.next).toBeGreaterThan(3);
      const ctx = {
        db,
        config: loadConfig({ dataDir: dir, nodeId: 'cn-test' }, {}),
        secrets: await loadNodeSecrets(db, dir, {}),
        clock: () => new Date(),
        logger: pino({ level: 'silent' }),
      };
      const stored = await findEvidence(db, evidence.id);
      expect((await openStoredEvidence(ctx, stored!.record)).equals(evidence.bytes)).toBe(true);
    } finally {
      await db.close();
    }
    // A second restore into the now populated dir is refused.
    await expect(restoreNode({ file, dataDir: dir })).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  }, 20_000);

  it('restores into a fresh PostgreSQL schema with the same rows, and refuses that schema once it holds tables', async () => {
    const dir = target('pg-copy');
    const s = await restoreNode({ file, dataDir: dir, databaseUrl: TEST_PG_URL, schema, env: {} });
    expect(s.audit).toMatchObject({ ok: true });
    expect(openModes(dir, false).join('\n')).toBe('');
    const db = await openDb({ dataDir: dir, databaseUrl: TEST_PG_URL, schema });
    try {
      expect(await dump(db)).toEqual(source);
    } finally {
      await db.close();
    }
    const other = target('pg-again');
    await expect(restoreNode({ file, dataDir: other, databaseUrl: TEST_PG_URL, schema })).rejects.toMatchObject({
      code: 'RESTORE_TARGET_NOT_EMPTY',
    });
    expect(existsSync(path.join(other, 'crossline.json'))).toBe(false);
  }, 20_000);

  it('refuses a backup with one byte changed, before writing anything', async () => {
    // One byte of the compressed stream, and one digit inside the content (recompressed, so only the hash can tell).
    const raw = readFileSync(file);
    raw[Math.floor(raw.length / 2)]! ^= 0x01;
    const flipped = path.join(work, 'flipped.clbk');
    writeFileSync(flipped, raw);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const at = text.indexOf('"rows":[["') + 10;
    const edited = path.join(work, 'edited.clbk');
    writeFileSync(edited, gzipSync(text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1)));
    for (const bad of [flipped, edited]) {
      const dir = path.join(work, `bad-${path.basename(bad)}`);
      await expect(restoreNode({ file: bad, dataDir: dir })).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('runs as the real CLI: backup says the master key is not included, restore verifies, a damaged file exits 1', async () => {
    const out = path.join(work, 'cli.clbk');
    const backup = await crossline('backup', '--data-dir', t.dataDir, '--out', out);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('master key is NOT in the backup');
    const dir = target('cli-copy');
    const [restore, bad] = await Promise.all([
      crossline('restore', out, '--data-dir', dir),
      crossline('restore', path.join(work, 'edited.clbk'), '--data-dir', path.join(work, 'cli-bad')),
    ]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(openModes(dir, true).join('\n')).toBe('');
    expect(restore.stdout).toMatch(/audit log intact \/ 审计日志完整: \d+ entries/);
    expect(restore.stdout).toContain('master key: opens');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('BACKUP_CORRUPT');
    expect(bad.stderr).toContain('备份文件已损坏或被篡改');
  }, 40_000);
});
