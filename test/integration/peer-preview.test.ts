// `POST /api/federation/peers/preview {url}` fetches a node card for an admin: it must not become a
// port scanner or a way into other hosts. No redirects are followed, only http(s) to the host named,
// every failure is the same bilingual FED_CARD_FETCH_FAILED without the low-level reason, and an
// expected network failure leaves no "unhandled error" stack trace in the log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { CARD_PATH } from '../../src/federation/card-fetch.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createUser } from '../../src/services/user/create-user.js';
import { login } from '../../src/services/user/login.js';
import { bearer, TEST_PASSWORD } from '../support/test-app.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

type Hit = { path: string };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('peer card preview', () => {
  let tc: TestContext;
  let app: App;
  let admin: string;
  const logLines: string[] = [];
  const cardHits: Hit[] = [];
  let cardServer: Server;
  let redirectServer: Server;
  let cardUrl: string;
  let redirectUrl: string;

  beforeAll(async () => {
    tc = await createTestContext('embedded');
    // Capture what the node logs, to check that expected failures leave no stack trace.
    tc.ctx.logger = pino(
      { level: 'debug' },
      {
        write: (line: string) => {
          logLines.push(line);
        },
      },
    );
    app = await buildApp({ ctx: tc.ctx });
    await app.ready();
    const system = { kind: 'system' as const, partyId: tc.ctx.config.nodeId };
    await createUser(tc.ctx, system, {
      username: 'root-admin',
      displayName: 'Admin',
      roles: ['admin'],
      password: TEST_PASSWORD,
      locale: 'en',
      timeZone: 'UTC',
    });
    admin = (await login(tc.ctx, { username: 'root-admin', password: TEST_PASSWORD })).token;
    const card = JSON.stringify(ownNodeCard(tc.ctx, 'http://127.0.0.1:1'));
    cardServer = createServer((req, res) => {
      cardHits.push({ path: req.url ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(card);
    });
    cardUrl = await listen(cardServer);
    // Answers every request with a redirect to the card server (another host:port).
    redirectServer = createServer((req, res) => res.writeHead(302, { location: `${cardUrl}${req.url ?? ''}` }).end());
    redirectUrl = await listen(redirectServer);
  });
  afterAll(async () => {
    await new Promise((r) => cardServer?.close(r));
    await new Promise((r) => redirectServer?.close(r));
    await app?.close();
    await tc?.cleanup();
  });

  const preview = (url: string) =>
    app.inject({ method: 'POST', url: '/api/federation/peers/preview', headers: bearer(admin), payload: { url } });

  it('previews a card served where it was asked for', async () => {
    const res = await preview(cardUrl);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().card.id).toBe('cn-test');
    expect(cardHits.map((h) => h.path)).toEqual([CARD_PATH]);
  });

  it('does not follow a redirect to another host', async () => {
    cardHits.length = 0;
    const res = await preview(redirectUrl);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('FED_CARD_FETCH_FAILED');
    expect(cardHits).toEqual([]);
  });

  it('answers a closed port exactly like any other failure: no reason, no port, no stack trace in the log', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((r) => closed.close(r));
    logLines.length = 0;
    const res = await preview(url);
    expect(res.statusCode, res.body).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('FED_CARD_FETCH_FAILED');
    expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|refused|fetch failed|reason|status/i);
    // The same answer as for the redirect: nothing tells an open port from a closed one.
    const other = (await preview(redirectUrl)).json().error;
    expect({ ...error, details: Object.keys(error.details) }).toEqual({
      ...other,
      details: Object.keys(other.details),
    });
    expect(Object.keys(error.details)).toEqual(['url']);
    const logged = logLines.join('\n');
    expect(logged).not.toContain('unhandled error');
    expect(logged).not.toMatch(/"stack"/);
  });

  it('refuses schemes other than http(s) before any connection', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/card', 'gopher://127.0.0.1:70/', 'javascript:alert(1)']) {
      const res = await preview(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
    }
  });
});
