import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BundleFormatError, readBundleObjects, type BundleElement, type BundleHeader } from './bundle-stream.js';

async function readAll(input: string | Buffer, chunkSize = 1 << 16, header?: BundleHeader): Promise<BundleElement[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: BundleElement[] = [];
  for await (const e of readBundleObjects(Readable.from(chunks), header ? { header } : {})) out.push(e);
  return out;
}

const values = (els: BundleElement[]): unknown[] => els.map((e) => ('value' in e ? e.value : { error: e.error }));

async function failure(input: string): Promise<BundleFormatError> {
  try {
    await readAll(input);
  } catch (err) {
    if (err instanceof BundleFormatError) return err;
    throw err;
  }
  throw new Error('expected a BundleFormatError');
}

const objects = [
  {
    type: 'domain-name',
    id: 'domain-name--1',
    value: '例子.中国',
    note: 'quote " and backslash \\ and \u00e9 and emoji 🚓',
  },
  { type: 'x-test', id: 'x-test--2', nested: { list: [1, 2, [3, { a: '}]' }]], empty: {} }, escaped: 'a\\"b\\\\' },
  { type: 'url', id: 'url--3', value: 'https://example.com/{path}[0]' },
];
const bundle = JSON.stringify({ type: 'bundle', id: 'bundle--x', objects }, null, 2);

describe('readBundleObjects', () => {
  it('yields each object of the bundle in order', async () => {
    expect(values(await readAll(bundle))).toEqual(objects);
  });

  it('gives the same result whatever the chunk boundaries (inside strings, escapes, multibyte UTF-8)', async () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(values(await readAll(bundle, size))).toEqual(objects);
  });

  it('accepts a BOM, any whitespace, and objects before the id and type', async () => {
    const text = `\ufeff \n\t{ "objects" : [ ${JSON.stringify(objects[0])} ,\r\n ${JSON.stringify(objects[2])} ] , "id":"bundle--y", "type" : "bundle" }\n`;
    const header: BundleHeader = {};
    expect(values(await readAll(text, 4, header))).toEqual([objects[0], objects[2]]);
    expect(header).toEqual({ id: 'bundle--y', type: 'bundle' });
  });

  it('reads an empty objects array and a bundle without one', async () => {
    expect(await readAll('{"type":"bundle","id":"bundle--1","objects":[]}')).toEqual([]);
    expect(await readAll('{"type":"bundle","id":"bundle--1"}')).toEqual([]);
  });

  it('handles a huge object spread over many chunks', async () => {
    const big = {
      type: 'x-big',
      id: 'x-big--1',
      blob: '汉'.repeat(2_000_000),
      list: Array.from({ length: 50_000 }, (_, i) => i),
    };
    const els = await readAll(JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [big, objects[0]] }), 65_536);
    expect(values(els)).toEqual([big, objects[0]]);
  });

  it('reports an element that is not valid JSON with its index and offset, and keeps reading', async () => {
    const text = '{"type":"bundle","objects":[{"a":1},{"b":tru},{"c":3}]}';
    const els = await readAll(text, 3);
    expect(els.map((e) => e.index)).toEqual([0, 1, 2]);
    expect('error' in els[1]! && els[1].offset).toBe(text.indexOf('{"b"'));
    expect(values(els)[2]).toEqual({ c: 3 });
  });

  it('yields non-object elements for the validator to reject', async () => {
    expect(values(await readAll('{"type":"bundle","objects":[1, "x", null, [2]]}', 2))).toEqual([1, 'x', null, [2]]);
  });

  it('fails clearly on a broken structure, with the byte position', async () => {
    expect((await failure('')).message).toMatch(/empty/);
    expect((await failure('[1,2]')).message).toMatch(/must be a JSON object/);
    expect((await failure('{"type":"bundle","objects":[{"a":1}')).message).toMatch(/truncated/);
    expect((await failure('{"type":"bundle","objects":[{"a":1} {"b":2}]}')).offset).toBe(36);
    expect((await failure('{"type":"bundle","objects":[{"a":1},]}')).message).toMatch(/expected an object/);
    expect((await failure('{"type":"report","objects":[]}')).message).toMatch(/not a STIX bundle/);
    expect((await failure('{"type":"bundle","objects":{}}')).message).toMatch(/must be an array/);
    expect((await failure('{"type":"bundle" "objects":[]}')).message).toMatch(/expected ','/);
    expect((await failure('{"type":"bundle","objects":[]} x')).message).toMatch(/after the bundle/);
    expect((await failure('{"id":"bundle--1"}')).message).toMatch(/not a STIX bundle/);
    expect((await failure('{"type":"bundle","objects":[],"objects":[]}')).message).toMatch(/twice/);
  });

  it('reports progress in bytes', async () => {
    const seen: number[] = [];
    const bytes = Buffer.from(bundle);
    const chunks = [bytes.subarray(0, 100), bytes.subarray(100)];
    for await (const _ of readBundleObjects(Readable.from(chunks), { onBytes: (n) => seen.push(n) })) {
      /* drain */
    }
    expect(seen).toEqual([100, bytes.length]);
  });
});
