// Authentication and the route permission are decided before a request body is read (the review's
// "auth before the body"): an unauthenticated or unauthorised upload is answered at once, without
// reading its body, without inviting it (no `100 Continue`), and on a connection that is then
// closed, so the client stops sending and no socket is left holding an unread body.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const MB = 1024 * 1024;
const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const UPLOAD = `/api/cases/${SAMPLE_ID}/evidence?filename=a.bin&mediaType=application%2Foctet-stream`;

type Outcome = {
  status: number;
  connection?: string;
  receivedAtResponse: number;
  receivedInAll: number;
  continued: boolean;
  closed: boolean;
};

describe('authentication before the body', () => {
  let t: TestApp;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    // Bytes the server has read from its sockets: what a body costs it.
    t.app.server.on('connection', (socket: Socket) =>
      socket.on('data', (d: Buffer) => {
        received += d.length;
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * Streams `total` bytes (of `body`, or filler) as fast as the connection takes them; with
   * `expectContinue`, only after a 100.
   */
  function upload(
    path: string,
    headers: Record<string, string>,
    total: number,
    expectContinue = false,
    body?: Buffer,
    method = 'POST',
  ): Promise<Outcome> {
    received = 0;
    const agent = new http.Agent({ keepAlive: true });
    const chunk = Buffer.alloc(64 * 1024, 7);
    return new Promise((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(body?.length ?? total),
          ...(expectContinue ? { expect: '100-continue' } : {}),
          ...headers,
        },
      });
      let sent = 0;
      let continued = false;
      let outcome: Omit<Outcome, 'receivedInAll' | 'closed'> | undefined;
      let closed = false;
      const finish = () => {
        agent.destroy();
        resolve({
          ...(outcome ?? { status: 0, receivedAtResponse: received, continued }),
          receivedInAll: received,
          closed,
        });
      };
      const pump = () => {
        if (body) {
          req.end(body);
          return;
        }
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      req.on('socket', (s) =>
        s.on('close', () => {
          closed = true;
        }),
      );
      req.on('continue', () => {
        continued = true;
        pump();
      });
      req.on('response', (res) => {
        outcome = {
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          receivedAtResponse: received,
          continued,
        };
        res.resume();
        // Give a keep-alive server time to read on (or the socket time to close).
        setTimeout(finish, 1500);
      });
      req.on('error', () => {
        closed = true;
        if (!outcome) finish();
      });
      if (!expectContinue) pump();
    });
  }

  it('answers an unauthenticated 35 MB upload with 401 without reading it, and closes the connection', async () => {
    const out = await upload(UPLOAD, {}, 35 * MB);
    expect(out.status).toBe(401);
    expect(out.receivedAtResponse).toBeLessThan(4 * MB);
    expect(out.connection).toBe('close');
    expect(out.closed).toBe(true);
    expect(out.receivedInAll).toBeLessThan(8 * MB);
  });

  it('answers a role without the route permission 403 the same way', async () => {
    const auditor = await t.userWith(['auditor']);
    const out = await upload(UPLOAD, { authorization: `Bearer ${auditor.token}` }, 35 * MB);
    expect(out.status).toBe(403);
    expect(out.connection).toBe('close');
    expect(out.receivedInAll).toBeLessThan(8 * MB);
  });

  it('does not send 100 Continue to a refused request: the client never sends the body', async () => {
    const out = await upload(UPLOAD, {}, 35 * MB, true);
    expect(out.status).toBe(401);
    expect(out.continued).toBe(false);
    expect(out.receivedInAll).toBeLessThan(64 * 1024);
  });

  it('still invites and reads the body of an authorised request that expects 100-continue', async () => {
    const investigator = await t.userWith(['investigator']);
    // Half a megabyte of JSON (mostly white space), read and applied by the route.
    const json = Buffer.from(`{"displayName": "Read after 100 Continue"${' '.repeat(512 * 1024)}}`);
    const out = await upload(
      '/api/auth/me',
      { authorization: `Bearer ${investigator.token}`, 'content-type': 'application/json' },
      0,
      true,
      json,
      'PATCH',
    );
    expect(out.continued).toBe(true);
    expect(out.status).toBe(200);
    expect(out.receivedInAll).toBeGreaterThan(json.length);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${investigator.token}` },
    });
    expect(me.json().user.displayName).toBe('Read after 100 Continue');
  });
});
