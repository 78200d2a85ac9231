// Request bodies are limited before they are read (security review item 11), checked over real
// sockets: a refusal must arrive while the client is still sending, so the node never buffers what
// it refuses. The public report rate limit answers 429 before the body, its body limit is a few MB
// (screenshots arrive one by one through their own route), the inbox refuses a batch it has no room
// for right now (503, Retry-After), and an evidence upload is streamed to disk: refused before any
// byte when the case is not the caller's, and several MB round-trip with the right SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_PATH } from '../../src/federation/deliver-batch.js';
import { PUBLIC_REPORT_BODY_LIMIT } from '../../src/http/routes/public-reports/public-reports.routes.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { pngBytes, zhFraudReport } from '../support/public-report-fixtures.js';

type Answer =
  | { status: number; headers: Record<string, string | string[] | undefined>; body: string; sentBytes: number }
  | 'no answer';

/**
 * Sends the headers (declaring `contentLength`) and `first` bytes of the body, then waits — without
 * sending the rest — up to `waitMs` for an answer. 'no answer' means the node waited for the body.
 */
function sendPartial(
  url: string,
  o: { method?: string; headers: Record<string, string>; contentLength: number; first: Buffer; waitMs?: number },
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: o.method ?? 'POST',
      headers: { ...o.headers, 'content-length': String(o.contentLength) },
    });
    let sent = o.first.length;
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, o.waitMs ?? 3_000);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes: sent });
      });
    });
    req.on('error', () => undefined);
    req.write(o.first);
    // Keep the connection busy with a trickle so a node that reads the body keeps waiting for it.
    const trickle = setInterval(() => {
      if (sent + 1024 < o.contentLength && !req.destroyed) {
        req.write(Buffer.alloc(1024));
        sent += 1024;
      }
    }, 100);
    req.on('close', () => clearInterval(trickle));
  });
}

describe('body limits before the body is read', () => {
  let t: TestApp;
  let base: string;
  let lead: { token: string; userId: string };
  let outsider: { token: string; userId: string };
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp('embedded', {
      maxEvidenceBytes: 64 * 1024 * 1024,
      federationMaxBatchBytes: 8 * 1024 * 1024,
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    lead = await t.userWith(['investigator']);
    outsider = await t.userWith(['investigator']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: { title: { en: 'Streaming', zh: '流式上传' }, crimeCategories: ['ransomware'] },
    });
    caseId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the public report body to a few MB and refuses a 35 MB one at once (413)', async () => {
    expect(PUBLIC_REPORT_BODY_LIMIT).toBeLessThanOrEqual(4 * 1024 * 1024);
    const answer = await sendPartial(`${base}/api/public/reports`, {
      headers: { 'content-type': 'application/json' },
      contentLength: 35 * 1024 * 1024,
      first: Buffer.from('{"category":"fraud",'),
    });
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBeLessThan(1024 * 1024);
  });

  it('answers 429 to a rate-limited reporter before reading the body', async () => {
    // Use up this address's tokens (the refused 35 MB body above took one too: tokens go before bodies).
    const codes: number[] = [];
    while (codes.at(-1) !== 429 && codes.length < 10) {
      const res = await fetch(`${base}/api/public/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(zhFraudReport()),
      });
      codes.push(res.status);
    }
    expect(codes.filter((c) => c === 201).length).toBeGreaterThanOrEqual(3);
    expect(codes.at(-1)).toBe(429);
    const answer = await sendPartial(`${base}/api/public/reports`, {
      headers: { 'content-type': 'application/json' },
      contentLength: 2 * 1024 * 1024,
      first: Buffer.from('{"category":"fraud",'),
    });
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body).error.code).toBe('PUBLIC_REPORT_RATE_LIMITED');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 429 to a rate-limited screenshot upload before reading it, and takes one within its limit', async () => {
    const png = pngBytes(8);
    const one = await fetch(`${base}/api/public/reports/attachments?filename=a.png`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(png),
    });
    expect(one.status, await one.clone().text()).toBe(201);
    const big = await sendPartial(`${base}/api/public/reports/attachments`, {
      headers: { 'content-type': 'image/png' },
      contentLength: 35 * 1024 * 1024,
      first: png,
    });
    expect(big !== 'no answer' && big.status).toBe(413);
  });

  it('refuses an inbox batch it has no room for right now (503, Retry-After) instead of buffering it', async () => {
    // One batch as large as the protocol allows is being received (the sender is slow) …
    const first = sendPartial(`${base}${INBOX_PATH}`, {
      headers: { 'content-type': 'application/jose' },
      contentLength: 8 * 1024 * 1024,
      first: Buffer.from('eyJ'),
      waitMs: 2_500,
    });
    await new Promise((r) => setTimeout(r, 300));
    // … so a second one waits its turn at its sender, not in the node's memory.
    const second = await sendPartial(`${base}${INBOX_PATH}`, {
      headers: { 'content-type': 'application/jose' },
      contentLength: 8 * 1024 * 1024,
      first: Buffer.from('eyJ'),
    });
    expect(second).not.toBe('no answer');
    if (second === 'no answer') return;
    expect(second.status).toBe(503);
    expect(JSON.parse(second.body).error.code).toBe('FED_UNAVAILABLE');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    await first;
    // Over the protocol's limit: refused outright.
    const huge = await sendPartial(`${base}${INBOX_PATH}`, {
      headers: { 'content-type': 'application/jose' },
      contentLength: 30 * 1024 * 1024,
      first: Buffer.from('eyJ'),
    });
    expect(huge !== 'no answer' && huge.status).toBe(413);
  });

  it("refuses an evidence upload to a case that is not the caller's before reading the body", async () => {
    const answer = await sendPartial(`${base}/api/cases/${caseId}/evidence?filename=x.bin`, {
      headers: { ...bearer(outsider.token), 'content-type': 'application/octet-stream' },
      contentLength: 50 * 1024 * 1024,
      first: randomBytes(64 * 1024),
    });
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.status).toBe(404);
    expect(answer.sentBytes).toBeLessThan(1024 * 1024);
  });

  it('refuses an evidence upload declared over the limit at once (413 EVIDENCE_TOO_LARGE)', async () => {
    const answer = await sendPartial(`${base}/api/cases/${caseId}/evidence?filename=x.bin`, {
      headers: { ...bearer(lead.token), 'content-type': 'application/octet-stream' },
      contentLength: 65 * 1024 * 1024,
      first: randomBytes(1024),
    });
    expect(answer !== 'no answer' && answer.status).toBe(413);
    expect(answer !== 'no answer' && JSON.parse(answer.body).error.code).toBe('EVIDENCE_TOO_LARGE');
  });

  it('streams an evidence upload of several MB to disk: it round-trips, its SHA-256 matches, no temporary file stays', async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 17);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Sent in chunks without a length (chunked encoding), the way a streaming client sends.
    const up = await fetch(
      `${base}/api/cases/${caseId}/evidence?filename=disk-image.bin&mediaType=application/octet-stream&sha256=${sha256}`,
      {
        method: 'POST',
        headers: { ...bearer(lead.token), 'content-type': 'application/octet-stream' },
        body: new ReadableStream({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 1024 * 1024)
              controller.enqueue(bytes.subarray(at, at + 1024 * 1024));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit,
    );
    expect(up.status, await up.clone().text()).toBe(201);
    const ev = await up.json();
    expect(ev).toMatchObject({ sha256, size: bytes.length });
    const stored = readFileSync(path.join(t.dataDir, 'evidence', caseId, ev.id));
    expect(stored.length).toBe(bytes.length);
    expect(stored.subarray(0, 4096).equals(bytes.subarray(0, 4096))).toBe(false);
    const down = await fetch(`${base}/api/cases/${caseId}/evidence/${ev.id}/content`, { headers: bearer(lead.token) });
    expect(down.status).toBe(200);
    const back = Buffer.from(await down.arrayBuffer());
    expect(createHash('sha256').update(back).digest('hex')).toBe(sha256);
    const tmp = path.join(t.dataDir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('refuses a chunked evidence upload that runs over the limit, leaving nothing behind', async () => {
    const small = await createTestApp('embedded', { maxEvidenceBytes: 1024 * 1024 });
    try {
      const lead2 = await small.userWith(['investigator']);
      const kase = (
        await small.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: bearer(lead2.token),
          payload: { title: { en: 'Small', zh: '小' }, crimeCategories: ['ransomware'] },
        })
      ).json();
      const res = await small.app.inject({
        method: 'POST',
        url: `/api/cases/${kase.id}/evidence?filename=big.bin`,
        headers: { ...bearer(lead2.token), 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
        payload: randomBytes(3 * 1024 * 1024),
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error.code).toBe('EVIDENCE_TOO_LARGE');
      const evidenceDir = path.join(small.dataDir, 'evidence');
      expect(existsSync(evidenceDir) ? readdirSync(evidenceDir) : []).toEqual([]);
      const tmp = path.join(small.dataDir, 'tmp');
      expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
