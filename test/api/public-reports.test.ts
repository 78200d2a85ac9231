// The public report routes without an account: submission and status, size and type limits,
// rate limits with Retry-After, the honeypot, and status answers that cannot enumerate receipts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { sweepHousekeeping } from '../../src/workers/housekeeping-worker.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { pngBytes, zhFraudReport } from '../support/public-report-fixtures.js';

type Json = Record<string, any>;
/** /metrics answers a scrape token only. */
const METRICS_TOKEN = 'public-report-test-metrics-token-0123';

describe('public report API', () => {
  let t: TestApp;
  let ipSeq = 0;
  beforeAll(async () => {
    t = await createTestApp('embedded', { metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Each test speaks from its own address so the per-IP limits of one do not touch another. */
  const freshIp = () => `198.51.100.${++ipSeq}`;
  const submit = (payload: object, ip = freshIp()) =>
    t.app.inject({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: ip });
  const status = (payload: object, ip = freshIp()) =>
    t.app.inject({ method: 'POST', url: '/api/public/reports/status', payload, remoteAddress: ip });
  const upload = (bytes: Buffer, filename: string, ip = freshIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/reports/attachments',
      query: { filename },
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
      remoteAddress: ip,
    });
  const count = async (table: string) =>
    (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('takes a report with a screenshot without sign-in and gives a receipt that checks the status', async () => {
    const res = await submit(
      zhFraudReport({ attachments: [{ filename: '转账截图.png', contentBase64: pngBytes().toString('base64') }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as Json;
    expect(receipt.receipt).toMatch(/^CL-2026-[0-9A-Z]{4}-[0-9A-Z]{6}$/);
    expect(receipt.statusCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(res.headers['cache-control']).toBe('no-store');

    const ok = await status({ receipt: receipt.receipt.toLowerCase(), code: receipt.statusCode });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      receipt: receipt.receipt,
      status: 'received',
      message: { zh: expect.stringContaining('已收到') },
    });
    // Nothing internal reaches the reporter.
    expect(Object.keys(ok.json()).sort()).toEqual(['message', 'receipt', 'status', 'submittedAt', 'updatedAt']);
  });

  it('answers a wrong code exactly as an unknown receipt, so receipts cannot be probed', async () => {
    const { receipt } = (await submit(zhFraudReport())).json() as Json;
    const wrongCode = await status({ receipt, code: 'AAAAAAAAAA' });
    const unknown = await status({ receipt: 'CL-2026-ZZZZZ0', code: 'AAAAAAAAAA' });
    const malformed = await status({ receipt: 'hello', code: 'x' });
    for (const r of [wrongCode, unknown, malformed]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual(wrongCode.json());
    }
    expect(wrongCode.json().error.code).toBe('PUBLIC_REPORT_STATUS_NOT_FOUND');
  });

  it('refuses a text file named .png (415) and a file over 5 MB (413), storing nothing', async () => {
    const before = await count('public_reports');
    const fake = await submit(
      zhFraudReport({
        attachments: [
          { filename: 'screenshot.png', contentBase64: Buffer.from('this is not an image').toString('base64') },
        ],
      }),
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({
      code: 'PUBLIC_REPORT_ATTACHMENT_TYPE',
      message: { zh: expect.stringContaining('PNG') },
    });
    // A file over 5 MB goes through the upload route (the report body holds a few MB at most) and is refused there.
    const big = Buffer.concat([pngBytes(), Buffer.alloc(5 * 1024 * 1024)]);
    const uploadsBefore = await count('public_report_uploads');
    const tooBig = await upload(big, 'big.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PUBLIC_REPORT_ATTACHMENT_TOO_LARGE');
    const notImage = await upload(Buffer.from('this is not an image'), 'screenshot.png');
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().error.code).toBe('PUBLIC_REPORT_ATTACHMENT_TYPE');
    expect(await count('public_reports')).toBe(before);
    expect(await count('public_report_uploads')).toBe(uploadsBefore);
  });

  it('takes screenshots one by one ahead of the report and attaches them by token, once, within the hour', async () => {
    const png = pngBytes(16);
    const first = await upload(png, '聊天记录.png');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const staged = first.json() as Json;
    expect(staged).toMatchObject({ filename: '聊天记录.png', mediaType: 'image/png', size: png.length });
    expect(staged.uploadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is a secret of the reporter: only its hash is stored, never the plaintext file.
    const rows = await t.ctx.db.query<{ token_hash: string; ciphertext: Uint8Array }>(
      'SELECT token_hash, ciphertext FROM public_report_uploads',
    );
    expect(rows.some((r) => r.token_hash === staged.uploadToken)).toBe(false);
    expect(rows.some((r) => Buffer.from(r.ciphertext).includes(png.subarray(0, 16)))).toBe(false);
    const second = (await upload(pngBytes(4), '')).json() as Json;

    const res = await submit(
      zhFraudReport({
        attachments: [
          { filename: 'inline.png', contentBase64: pngBytes(2).toString('base64') },
          { uploadToken: staged.uploadToken },
          { uploadToken: second.uploadToken },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const [report] = await t.ctx.db.query<{ id: string }>('SELECT id FROM public_reports WHERE receipt = $1', [
      res.json().receipt,
    ]);
    const attached = await t.ctx.db.query<{ position: number; filename: string; media_type: string; size: number }>(
      'SELECT position, filename, media_type, size FROM public_report_attachments WHERE report_id = $1 ORDER BY position',
      [report!.id],
    );
    expect(attached.map((a) => [a.position, a.filename, a.media_type])).toEqual([
      [0, 'inline.png', 'image/png'],
      [1, '聊天记录.png', 'image/png'],
      [2, 'screenshot-3.png', 'image/png'],
    ]);
    expect(attached[1]!.size).toBe(png.length);
    // Used once: the same token cannot attach the file to another report; an unknown one is refused too.
    for (const uploadToken of [staged.uploadToken, 'x'.repeat(43)]) {
      const again = await submit(zhFraudReport({ attachments: [{ uploadToken }] }));
      expect(again.statusCode).toBe(422);
      expect(again.json().error).toMatchObject({
        code: 'PUBLIC_REPORT_UPLOAD_UNKNOWN',
        issues: [{ path: 'attachments.0' }],
      });
    }
    // Not claimed within the hour: swept away, and its token refused.
    const late = (await upload(png, 'late.png')).json() as Json;
    t.clock.advance(61 * 60_000);
    try {
      expect((await sweepHousekeeping(t.ctx)).uploads).toBe(1);
      expect((await submit(zhFraudReport({ attachments: [{ uploadToken: late.uploadToken }] }))).statusCode).toBe(422);
    } finally {
      t.clock.advance(-61 * 60_000);
    }
  });

  it('refuses a body over the route limit with 413 and a code', async () => {
    const huge = JSON.stringify({ ...zhFraudReport(), narrative: 'x'.repeat(37 * 1024 * 1024) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: huge,
      headers: { 'content-type': 'application/json' },
      remoteAddress: freshIp(),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('shows bilingual field messages for a report that needs correcting', async () => {
    const res = await submit(zhFraudReport({ narrative: '被骗了', amountLost: 100, currency: undefined }));
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.issues as Json[];
    expect(issues.map((i) => i.path)).toEqual(['narrative', 'currency']);
    expect(issues[0]!.message.zh).toMatch(/描述/);
  });

  it('limits submissions per IP with 429, a code and Retry-After; other addresses are not affected', async () => {
    const ip = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await submit(zhFraudReport(), ip)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await submit(zhFraudReport(), ip);
    expect(limited.json().error.code).toBe('PUBLIC_REPORT_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(zhFraudReport())).statusCode).toBe(201);
  });

  it('shares one limit per IP between the processes of a node (two apps on one database)', async () => {
    const second = await buildApp({ ctx: { ...t.ctx } });
    await second.ready();
    try {
      const ip = freshIp();
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? t.app : second;
        codes.push(
          (
            await app.inject({
              method: 'POST',
              url: '/api/public/reports',
              payload: zhFraudReport(),
              remoteAddress: ip,
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    } finally {
      await second.close();
    }
  });

  it('forgets buckets that are full again and sessions that expired (housekeeping)', async () => {
    const ip = freshIp();
    expect((await submit(zhFraudReport(), ip)).statusCode).toBe(201);
    const buckets = async () =>
      (
        await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limit_buckets WHERE client = $1', [ip])
      )[0]!.n;
    expect(await buckets()).toBe(1);
    const officer = await t.userWith(['analyst']);
    const sessions = async () =>
      (
        await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
          officer.userId,
        ])
      )[0]!.n;
    expect(await sessions()).toBe(1);
    const later = 9 * 3600_000; // past the 8 h session lifetime
    t.clock.advance(later);
    try {
      const swept = await sweepHousekeeping(t.ctx);
      expect(swept.buckets).toBeGreaterThanOrEqual(1);
      expect(swept.sessions).toBeGreaterThanOrEqual(1);
      expect(await buckets()).toBe(0);
      expect(await sessions()).toBe(0);
    } finally {
      t.clock.advance(-later);
    }
  });

  it('limits status checks per IP too', async () => {
    const ip = freshIp();
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await status({ receipt: 'CL-2026-ZZZZZ0', code: 'X' }, ip)).statusCode;
    expect(last).toBe(429);
  });

  it('silently discards a submission whose honeypot is filled: receipt-like answer, nothing stored, counted', async () => {
    const before = await count('public_reports');
    const res = await submit(zhFraudReport({ fax: 'http://spam.example' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().receipt).toMatch(/^CL-2026-[0-9A-Z]{4}-[0-9A-Z]{6}$/);
    expect(await count('public_reports')).toBe(before);
    const spam = await t.ctx.db.query<{ value: number }>(
      `SELECT value FROM counters WHERE name = 'PUBLIC_REPORT_SPAM_DISCARDED'`,
    );
    expect(spam[0]?.value).toBe(1);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer(METRICS_TOKEN) })).body;
    expect(metrics).toMatch(/^crossline_public_reports_spam_discarded 1$/m);
    expect(metrics).toMatch(/^crossline_public_reports\{status="received"\} \d+$/m);
    // Its receipt leads nowhere.
    expect((await status({ receipt: res.json().receipt, code: res.json().statusCode })).statusCode).toBe(404);
  });
});
