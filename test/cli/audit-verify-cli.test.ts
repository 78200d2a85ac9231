// `crossline init`, `users add` and `audit verify` as a user runs them: real processes, real exit codes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db.js';
import { crossline } from '../support/cli.js';

describe('crossline CLI: init, users add, audit verify', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises a node, adds users, verifies the log, then detects a direct edit of one row', async () => {
    const init = await crossline(
      'init',
      '--data-dir',
      dir,
      '--node-id',
      'cn-cli',
      '--admin-password',
      'admin password 123',
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created administrator "admin"');
    const add = await crossline(
      'users',
      'add',
      'li.qiang',
      '--role',
      'point_of_contact',
      '--role',
      'investigator',
      '--name',
      '李强',
      '--data-dir',
      dir,
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/created user li\.qiang \(point_of_contact, investigator\) with password: \S+/);
    const badRole = await crossline('users', 'add', 'x.y', '--role', 'overlord', '--data-dir', dir);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('INVALID_INPUT');

    const ok = await crossline('audit', 'verify', '--data-dir', dir);
    expect(ok.stdout).toContain('audit log intact: 2 entries');
    expect(ok.code).toBe(0);

    const db = await openDb({ dataDir: dir });
    await db.query(`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2`);
    await db.close();
    const bad = await crossline('audit', 'verify', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('BROKEN at entry 2');
  });
});
