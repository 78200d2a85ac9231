// Records the browser tests need beyond the seeded demo federation, created through the nodes'
// API as the demo users would, and a wait for what travels between the nodes.
import { DEMO_PASSWORD } from '../../../src/demo/demo-parties.js';

export class ApiSession {
  private cookie = '';
  private constructor(private readonly base: string) {}

  static async signIn(base: string, username: string): Promise<ApiSession> {
    const s = new ApiSession(base);
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    s.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return s;
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, raw?: string): Promise<T> {
    const json = body !== undefined;
    const res = await fetch(`${this.base}/api${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(json
          ? { 'content-type': 'application/json' }
          : raw !== undefined
            ? { 'content-type': 'application/octet-stream' }
            : {}),
      },
      body: json ? JSON.stringify(body) : raw,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

/** Polls until `check` returns a value (not false/null/undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | false | null | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** An emergency call placed on the US node to the Chinese unit. */
export async function placeCallFromUs(usBase: string, message: string): Promise<{ id: string; reference: string }> {
  const duty = await ApiSession.signIn(usBase, 'duty');
  return duty.call('POST', '/calls', {
    toParty: 'cn-demo',
    topic: 'online_fraud_funds_in_transit',
    urgency: 'emergency',
    language: 'en',
    message,
    callback: {
      name: 'SA Jordan Miles',
      phone: '+1 202 555 0100',
      email: 'jordan.miles@us-demo.example',
      timeZone: 'America/New_York',
    },
  });
}
