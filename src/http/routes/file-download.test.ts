import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendDownload } from './file-download.js';

describe('contentDisposition', () => {
  it('keeps the UTF-8 name in filename* and an ASCII fallback in filename', () => {
    expect(contentDisposition('勒索信.txt')).toBe(
      `attachment; filename="___.txt"; filename*=UTF-8''%E5%8B%92%E7%B4%A2%E4%BF%A1.txt`,
    );
  });

  it('replaces what could break the header or disguise the extension', () => {
    // Quotes, slashes, control characters and a right-to-left override (shows "exe.txt" as "txt.exe").
    expect(contentDisposition('a"b/c\\d\ne\u202Etxt.exe')).toBe(
      `attachment; filename="a_b_c_d_e_txt.exe"; filename*=UTF-8''a_b_c_d_e_txt.exe`,
    );
    expect(contentDisposition('  ')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
    expect(contentDisposition('x\uD800y')).toBe(`attachment; filename="x_y"; filename*=UTF-8''x_y`);
  });
});

describe('sendDownload', () => {
  it('sends the bytes as a download that is never sniffed, run or cached, with extra headers', async () => {
    const app = Fastify();
    app.get('/f', async (_request, reply) =>
      sendDownload(
        reply,
        { mediaType: 'image/png', fileName: 'shot.png', bytes: Buffer.from([1, 2, 3]) },
        { 'repr-digest': 'sha-256=:x:' },
      ),
    );
    const res = await app.inject({ method: 'GET', url: '/f' });
    expect(res.rawPayload).toEqual(Buffer.from([1, 2, 3]));
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `attachment; filename="shot.png"; filename*=UTF-8''shot.png`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
      'repr-digest': 'sha-256=:x:',
    });
    await app.close();
  });
});
