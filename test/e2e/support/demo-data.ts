// Records the browser tests need beyond the seeded demo workload, created through the node's API
// as the demo users would.
import { DEMO_PASSWORD } from '../../../src/demo/demo-parties.js';

export class ApiSession {
  private cookie = '';
  private constructor(private readonly base: string) {}

  static async signIn(base: string, username: string): Promise<ApiSession> {
    const s = new ApiSession(base);
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    s.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return s;
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api${path}`, {
      method, headers: { cookie: this.cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

/** An emergency call from the US demo unit, taken by phone and recorded by the duty officer. */
export async function recordEmergencyCall(base: string, message: string): Promise<{ id: string; reference: string }> {
  const duty = await ApiSession.signIn(base, 'duty');
  return duty.call('POST', '/calls/incoming', {
    fromParty: 'us-demo', topic: 'online_fraud_funds_in_transit', urgency: 'emergency', language: 'en', message,
    callback: { name: 'SA Jordan Lee', phone: '+1 202 555 0147', email: 'jlee@example.gov', timeZone: 'America/New_York' },
  });
}
