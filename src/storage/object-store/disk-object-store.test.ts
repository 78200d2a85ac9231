// The disk object store: evidence ciphertext under `<dataDir>/evidence/<caseId>/<evidenceId>`, written
// atomically with private permissions, and no key that could leave the evidence directory.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskObjectStore } from './disk-object-store.js';
import type { ObjectEntry, ObjectStore } from './object-store.js';

const all = async (store: ObjectStore, prefix: string): Promise<ObjectEntry[]> => {
  const out: ObjectEntry[] = [];
  for await (const o of store.list(prefix)) out.push(o);
  return out.sort((a, b) => a.key.localeCompare(b.key));
};

describe('disk object store', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-disk-store-'));
  const store = createDiskObjectStore(dataDir);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('puts, gets, lists and removes objects at the same paths evidence always had', async () => {
    expect(store.kind).toBe('disk');
    const bytes = Buffer.from('ciphertext \u0000\u00ff bytes');
    await store.put('evidence/case-1/ev-1', bytes);
    await store.put('evidence/case-1/ev-2', Buffer.alloc(3, 7));
    await store.put('evidence/case-2/ev-3', Buffer.alloc(5, 1));
    const file = path.join(dataDir, 'evidence', 'case-1', 'ev-1');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(file))).toEqual(['ev-1', 'ev-2']); // no temporary file left behind
    expect((await store.get('evidence/case-1/ev-1'))!.equals(bytes)).toBe(true);

    expect(await all(store, 'evidence/')).toEqual([
      { key: 'evidence/case-1/ev-1', size: bytes.length },
      { key: 'evidence/case-1/ev-2', size: 3 },
      { key: 'evidence/case-2/ev-3', size: 5 },
    ]);
    expect((await all(store, 'evidence/case-2/')).map((o) => o.key)).toEqual(['evidence/case-2/ev-3']);

    await store.put('evidence/case-1/ev-1', Buffer.from('replaced'));
    expect((await store.get('evidence/case-1/ev-1'))!.toString()).toBe('replaced');
    await store.remove('evidence/case-1/ev-1');
    await store.remove('evidence/case-1/ev-1'); // removing twice is not an error
    expect(await store.get('evidence/case-1/ev-1')).toBeNull();
    expect(await store.get('evidence/no-case/no-item')).toBeNull();
  });

  it('stores a finished file by moving it into place, never through memory', async () => {
    const tmp = path.join(dataDir, 'tmp');
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    const source = path.join(tmp, 'upload-1.part');
    writeFileSync(source, Buffer.alloc(4096, 9), { mode: 0o600 });
    await store.putFile('evidence/case-9/ev-9', { path: source, size: 4096, sha256: 'unused-on-disk' });
    const file = path.join(dataDir, 'evidence', 'case-9', 'ev-9');
    expect(readFileSync(file).equals(Buffer.alloc(4096, 9))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(tmp)).toEqual([]);
    await expect(store.putFile('../outside', { path: source, size: 1, sha256: '' })).rejects.toThrow(
      /bad evidence storage key/,
    );
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists only files named by a valid key (not a write in progress or a stray file)', async () => {
    const dir = path.join(dataDir, 'evidence', 'case-3');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.ev-9.0a1b2c.tmp'), 'half');
    writeFileSync(path.join(dataDir, 'evidence', 'stray.txt'), 'x');
    await store.put('evidence/case-3/ev-9', Buffer.from('whole'));
    expect(await all(store, 'evidence/case-3/')).toEqual([{ key: 'evidence/case-3/ev-9', size: 5 }]);
    expect(await all(createDiskObjectStore(path.join(dataDir, 'absent')), 'evidence/')).toEqual([]);
  });

  it('refuses every key that is not evidence/<caseId>/<evidenceId>, before touching the disk', async () => {
    const bad = [
      '../outside',
      'evidence/../../etc/passwd',
      'evidence/a/../../x',
      'evidence/a/b/c',
      'evidence/a/.b',
      'evidence//b',
      '/evidence/a/b',
      'keys/master.key',
      'evidence/a/b\u0000',
    ];
    for (const key of bad) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/bad evidence storage key/);
      await expect(store.get(key), key).rejects.toThrow(/bad evidence storage key/);
      await expect(store.remove(key), key).rejects.toThrow(/bad evidence storage key/);
    }
    expect(readdirSync(dataDir)).toEqual(['evidence']);
  });
});
