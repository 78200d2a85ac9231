// Paging (issue 19) with real parts on both stores: a real SMTP server (npm smtp-server, with AUTH)
// receives the e-mails and mailparser reads them; a webhook receiver checks every signature and
// answers 500 once; the clock is moved and escalation pages reach the next rung of the roster
// exactly once; an undeliverable page escalates at once; the acknowledgement link works once; a page
// held by quiet hours goes out once when they end; a response due within N hours pages once; the
// administrator's paging settings override the configuration.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../src/demo/mail-catcher.js';
import {
  PAGE_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from '../../src/domain/paging/index.js';
import { deliverDuePages } from '../../src/services/paging/deliver-pages.js';
import { createMetrics } from '../../src/http/plugins/metrics.js';
import { CLOCK_SOURCES } from '../../src/workers/clock-sources.js';
import { startWorkers } from '../../src/workers/index.js';
import { sweepDeadlines } from '../../src/workers/deadline-worker.js';
import { preservationDraft } from '../factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const MIN = 60_000;

type Hook = { body: string; headers: IncomingMessage['headers']; status: number };

/** A webhook receiver: answers each request with the next planned status (200 when none is left). */
async function startHookReceiver(): Promise<{ url: string; hooks: Hook[]; plan: number[]; close(): Promise<void> }> {
  const hooks: Hook[] = [];
  const plan: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = plan.shift() ?? 200;
      hooks.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`,
    hooks,
    plan,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const incoming = (over: object = {}) => ({
  fromParty: 'us-fbi',
  topic: 'emergency_threat_to_life',
  urgency: 'emergency',
  language: 'en',
  message: 'Suicide threat posted on Weibo account weibo.com/u/777; we need subscriber details now.',
  callback: { name: 'Agent Smith', phone: '+1 202 555 0100', timeZone: 'America/New_York' },
  ...over,
});

describe.each(STORES)('paging (%s)', (store) => {
  let t: TestApp;
  let mail: MailCatcher;
  let hook: Awaited<ReturnType<typeof startHookReceiver>>;
  let duty: { token: string; userId: string };
  let deputy: { token: string; userId: string };
  let boss: { token: string; userId: string };
  let webhookSecret: string;
  const parsed: ParsedMail[] = [];

  const req = (token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  /** Every mail caught so far, parsed, for one address. */
  const mailsTo = async (address: string) => {
    for (const m of mail.mails.slice(parsed.length)) parsed.push(await simpleParser(m.raw));
    return parsed.filter((p) => (Array.isArray(p.to) ? p.to : [p.to]).some((a) => a?.text.includes(address)));
  };
  const deliver = () => deliverDuePages(t.ctx);

  beforeAll(async () => {
    mail = await startMailCatcher({ auth: { user: 'crossline', pass: 'relay-secret' } });
    hook = await startHookReceiver();
    t = await createTestApp(store, {
      smtpHost: mail.host,
      smtpPort: mail.port,
      smtpSecurity: 'none',
      smtpUser: 'crossline',
      smtpPassword: 'relay-secret',
      smtpFrom: 'Crossline CN <pages@cn.example>',
      publicUrl: 'https://cn.example',
      pagingAllowHttpWebhooks: true,
      pagingWebhookHosts: ['127.0.0.1'],
      pagingRetryBaseSeconds: 1,
      pagingRetryCapSeconds: 1,
      pagingMaxAttempts: 3,
    });
    duty = await t.userWith(['point_of_contact']);
    deputy = await t.userWith(['point_of_contact']);
    boss = await t.userWith(['supervisor']);
    // The duty officer reads Chinese and lives in Shanghai.
    expect(
      (await req(duty.token, 'PATCH', '/api/auth/me', { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).statusCode,
    ).toBe(200);
    const set = await req(duty.token, 'PUT', '/api/me/paging', {
      email: 'duty@cn.example',
      emailEnabled: true,
      webhookUrl: hook.url,
      webhookEnabled: true,
    });
    expect(set.statusCode).toBe(200);
    webhookSecret = set.json().webhookSecret;
    expect(webhookSecret).toMatch(/^whsec_/);
    expect((await req(duty.token, 'GET', '/api/me/paging')).json()).toMatchObject({
      email: 'duty@cn.example',
      emailEnabled: true,
      webhookUrl: hook.url,
      webhookHasSecret: true,
      smtpConfigured: true,
      allowedContent: ['reference', 'urgency', 'deadline'],
    });
    expect((await req(duty.token, 'GET', '/api/me/paging')).json().webhookSecret).toBeUndefined();
    expect(
      (await req(deputy.token, 'PUT', '/api/me/paging', { email: 'deputy@cn.example', emailEnabled: true })).statusCode,
    ).toBe(200);
    expect(
      (await req(boss.token, 'PUT', '/api/me/paging', { email: 'boss@cn.example', emailEnabled: true })).statusCode,
    ).toBe(200);
    // Today's roster: one person per rung.
    const day = { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z', timeZone: 'Asia/Shanghai' };
    for (const [u, role] of [
      [duty, 'duty_officer'],
      [deputy, 'deputy'],
      [boss, 'supervisor'],
    ] as const) {
      expect((await req(boss.token, 'POST', '/api/roster/shifts', { userId: u.userId, role, ...day })).statusCode).toBe(
        201,
      );
    }
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
    await hook?.close();
  });

  it('refuses bad settings with bilingual issues', async () => {
    const notHttps = await req(deputy.token, 'PUT', '/api/me/paging', { webhookUrl: 'ftp://gateway.example/x' });
    expect(notHttps.statusCode).toBe(422);
    expect(notHttps.json().error.issues[0].message.zh).toMatch(/HTTPS/);
    const elsewhere = await req(deputy.token, 'PUT', '/api/me/paging', { webhookUrl: 'http://10.0.0.5/internal' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.issues[0]).toMatchObject({ path: 'webhookUrl', code: 'host_not_allowed' });
    expect(
      (await req(deputy.token, 'PUT', '/api/me/paging', { quietHours: { start: '25:00', end: '07:00' } })).statusCode,
    ).toBe(400);
    const noAddress = await req(deputy.token, 'PUT', '/api/me/paging', { email: null });
    expect(noAddress.statusCode).toBe(422);
    expect(noAddress.json().error.issues[0]).toMatchObject({ path: 'email', code: 'required' });
  });

  let callId = '';
  it('pages the duty officer by roster at once for an emergency call: e-mail in Chinese with the link and no case details, signed webhook', async () => {
    const call = await req(duty.token, 'POST', '/api/calls/incoming', incoming());
    expect(call.statusCode).toBe(201);
    callId = call.json().id;
    const reference = call.json().reference as string;
    const result = await deliver();
    expect(result.outcomes.map((o) => `${o.channel}:${o.result}`).sort()).toEqual(['email:sent', 'webhook:sent']);

    const [m, ...more] = await mailsTo('duty@cn.example');
    expect(more).toHaveLength(0);
    expect(m!.subject).toBe(`[Crossline] 新的热线呼叫 ${reference}（紧急）`);
    expect(m!.from?.text).toContain('pages@cn.example');
    expect(m!.text).toContain(`编号：${reference}`);
    expect(m!.text).toContain('紧急程度：紧急');
    expect(m!.text).toMatch(/时限：2026年3月2日 16:15（GMT\+8）/); // 08:00 UTC + 15 min, in Shanghai
    expect(m!.text).toContain(`打开记录（需登录）：https://cn.example/hotline/calls/${callId}`);
    expect(m!.text).toContain(`Reference: ${reference}`); // the English version below
    expect(m!.text).not.toMatch(/Weibo|weibo|Smith|subscriber|Threat to life|危及生命/i);
    expect(m!.messageId).toMatch(/@cn-test\.crossline>$/);

    expect(hook.hooks).toHaveLength(1);
    const h = hook.hooks[0]!;
    expect(
      verifyWebhookSignature(
        webhookSecret,
        h.headers[SIGNATURE_HEADER] as string,
        h.headers[TIMESTAMP_HEADER] as string,
        h.body,
        new Date(),
      ),
    ).toBe(true);
    const payload = JSON.parse(h.body);
    expect(payload).toMatchObject({
      type: 'crossline.page',
      version: 1,
      node: 'cn-test',
      kind: 'call.incoming',
      emergency: true,
      subject: { type: 'call', id: callId, reference, urgency: 'emergency' },
      link: `https://cn.example/hotline/calls/${callId}`,
      recipient: { userId: duty.userId, language: 'zh' },
    });
    expect(payload.title).toBeUndefined();
    expect(h.headers[PAGE_ID_HEADER]).toBe(payload.pageId);
    // Nobody else is on the rung; delivering again sends nothing.
    expect(await mailsTo('deputy@cn.example')).toHaveLength(0);
    expect((await deliver()).outcomes).toEqual([]);
  });

  it('opens the one-time acknowledgement link for its recipient only, once', async () => {
    const [m] = await mailsTo('duty@cn.example');
    const link = /确认（需登录，仅可使用一次）：(\S+)/.exec(m!.text!)![1]!;
    const token = new URL(link).searchParams.get('page')!;
    expect((await req(deputy.token, 'POST', '/api/paging/ack-link', { token })).json().error.code).toBe(
      'PAGING_ACK_LINK_INVALID',
    );
    const opened = await req(duty.token, 'POST', '/api/paging/ack-link', { token });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toEqual({ subjectType: 'call', subjectId: callId, path: `/hotline/calls/${callId}` });
    const again = await req(duty.token, 'POST', '/api/paging/ack-link', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message.zh).toBeTruthy();
    expect(
      (await req(duty.token, 'POST', '/api/paging/ack-link', { token: `${token.slice(0, -2)}xx` })).statusCode,
    ).toBe(404);
  });

  it('escalation pages go to the next rung exactly once when the clock passes the deadline', async () => {
    const sweep = async () =>
      (await sweepDeadlines(t.ctx, CLOCK_SOURCES)).fired.filter((f) => f.id === callId).map((f) => f.event);
    t.clock.advance(16 * MIN);
    expect(await sweep()).toEqual(['escalation:1']);
    expect(await sweep()).toEqual([]);
    await Promise.all([deliver(), deliver()]); // two passes at once (as two processes would) still page once
    const toDeputy = await mailsTo('deputy@cn.example');
    expect(toDeputy.map((m) => m.subject)).toEqual([
      expect.stringMatching(
        /^\[Crossline\] Unacknowledged call escalated to you CN-TEST-CALL-2026-\d{4} \(Emergency\)$/,
      ),
    ]);
    expect(await mailsTo('boss@cn.example')).toHaveLength(0);
    expect(await mailsTo('duty@cn.example')).toHaveLength(1);

    t.clock.advance(15 * MIN);
    expect(await sweep()).toEqual(['escalation:2']);
    await deliver();
    expect(await mailsTo('boss@cn.example')).toHaveLength(1);
    expect(await mailsTo('deputy@cn.example')).toHaveLength(1);
    t.clock.advance(60 * MIN);
    expect(await sweep()).toEqual([]);
    await deliver();
    expect(mail.mails).toHaveLength(3);
  });

  it('retries a webhook that answered 500, with the same page id and a valid signature', async () => {
    hook.plan.push(500);
    const before = hook.hooks.length;
    expect((await req(duty.token, 'POST', '/api/me/paging/test')).statusCode).toBe(200);
    const first = await deliver();
    expect(first.outcomes.map((o) => `${o.channel}:${o.result}`).sort()).toEqual(['email:sent', 'webhook:retried']);
    expect((await deliver()).outcomes).toEqual([]); // not due yet
    t.clock.advance(2_000);
    expect((await deliver()).outcomes.map((o) => `${o.channel}:${o.result}`)).toEqual(['webhook:sent']);
    const [a, b] = hook.hooks.slice(before);
    expect([a!.status, b!.status]).toEqual([500, 200]);
    expect(a!.headers[PAGE_ID_HEADER]).toBe(b!.headers[PAGE_ID_HEADER]);
    for (const h of [a!, b!]) {
      expect(
        verifyWebhookSignature(
          webhookSecret,
          h.headers[SIGNATURE_HEADER] as string,
          h.headers[TIMESTAMP_HEADER] as string,
          h.body,
          new Date(),
        ),
      ).toBe(true);
    }
    expect(JSON.parse(b!.body).kind).toBe('paging.test');
    const test = (await mailsTo('duty@cn.example')).at(-1)!;
    expect(test.subject).toBe('[Crossline] 测试传呼');
  });

  it('a page that cannot be delivered escalates at once to the supervisors (paged) and shows in the admin view', async () => {
    const admin = await t.userWith(['admin']);
    hook.plan.push(400);
    const bossMails = (await mailsTo('boss@cn.example')).length;
    expect((await req(duty.token, 'POST', '/api/me/paging/test')).statusCode).toBe(200);
    const out = await deliver();
    expect(out.outcomes.map((o) => `${o.channel}:${o.result}`).sort()).toEqual([
      'email:sent',
      'email:sent',
      'webhook:failed',
    ]);
    const toBoss = await mailsTo('boss@cn.example');
    expect(toBoss).toHaveLength(bossMails + 1);
    expect(toBoss.at(-1)!.subject).toBe('[Crossline] A page could not be delivered');
    const bossNotices = (await req(boss.token, 'GET', '/api/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'paging.failed');
    expect(bossNotices[0].title.zh).toContain('传呼未能送达');
    const list = await req(admin.token, 'GET', '/api/paging/pages?state=failed');
    expect(list.statusCode).toBe(200);
    expect(list.json().counts.failed).toBe(1);
    expect(list.json().items[0]).toMatchObject({
      userId: duty.userId,
      channel: 'webhook',
      state: 'failed',
      lastError: expect.stringContaining('WEBHOOK_400'),
    });
    expect((await req(duty.token, 'GET', '/api/paging/pages')).statusCode).toBe(403);
  });

  it('holds a non-emergency page in quiet hours and sends it once when they end; emergencies are never held', async () => {
    // Quiet hours 12:00–23:00 in Shanghai (04:00–15:00 UTC); the test clock is put in the afternoon.
    t.clock.set('2026-03-02T09:40:00.000Z');
    expect(
      (
        await req(duty.token, 'PUT', '/api/me/paging', {
          webhookEnabled: false,
          quietHours: { start: '12:00', end: '23:00' },
        })
      ).statusCode,
    ).toBe(200);
    const count = (await mailsTo('duty@cn.example')).length;
    const urgent = await req(
      duty.token,
      'POST',
      '/api/calls/incoming',
      incoming({ urgency: 'urgent', topic: 'ransomware_incident' }),
    );
    expect(urgent.statusCode).toBe(201);
    await deliver();
    expect(await mailsTo('duty@cn.example')).toHaveLength(count);
    // The admin sees it waiting, with the end of the quiet hours.
    const admin = await t.userWith(['admin']);
    const pending = (await req(admin.token, 'GET', '/api/paging/pages?state=pending'))
      .json()
      .items.filter((p: { userId: string }) => p.userId === duty.userId);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      channel: 'email',
      heldUntil: '2026-03-02T15:00:00.000Z',
      nextAttemptAt: '2026-03-02T15:00:00.000Z',
    });
    // An emergency goes out at once.
    expect((await req(duty.token, 'POST', '/api/calls/incoming', incoming())).statusCode).toBe(201);
    await deliver();
    expect(await mailsTo('duty@cn.example')).toHaveLength(count + 1);
    // A minute before the end, still held; at the end, sent exactly once (two passes at once, as two processes).
    t.clock.set('2026-03-02T14:59:00.000Z');
    expect((await deliver()).outcomes).toEqual([]);
    t.clock.set('2026-03-02T15:00:00.000Z');
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect([...a.outcomes, ...b.outcomes].map((o) => `${o.channel}:${o.result}`)).toEqual(['email:sent']);
    const mails = await mailsTo('duty@cn.example');
    expect(mails).toHaveLength(count + 2);
    expect(mails.at(-1)!.subject).toBe(`[Crossline] 新的热线呼叫 ${urgent.json().reference as string}（加急）`);
    expect((await deliver()).outcomes).toEqual([]);
  });

  it("lets the administrator change the node's paging settings: validated in both languages, audited, never showing the SMTP password", async () => {
    const admin = await t.userWith(['admin']);
    const got = await req(admin.token, 'GET', '/api/paging/settings');
    expect(got.statusCode).toBe(200);
    expect(got.body).not.toContain('relay-secret');
    expect(got.json()).toMatchObject({
      smtp: { host: mail.host, port: mail.port, security: 'none', user: 'crossline', hasPassword: true },
      content: ['reference', 'urgency', 'deadline'],
      webhookHosts: ['127.0.0.1'],
      deadlineSoonHours: 4,
      overridden: [],
    });
    expect((await req(duty.token, 'GET', '/api/paging/settings')).statusCode).toBe(403);
    const bad = await req(admin.token, 'PUT', '/api/paging/settings', {
      webhookHosts: ['gw.mps.example', 'http://x/'],
      smtpFrom: 'nobody',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['webhookHosts.1', 'smtpFrom']);
    expect(bad.json().error.issues[0].message.zh).toContain('不是主机名');
    expect((await req(admin.token, 'PUT', '/api/paging/settings', { deadlineSoonHours: 0 })).statusCode).toBe(400);
    expect(
      (await req(admin.token, 'PUT', '/api/paging/settings', { content: ['reference', 'secrets'] })).statusCode,
    ).toBe(400);

    const set = await req(admin.token, 'PUT', '/api/paging/settings', {
      content: ['reference', 'title'],
      webhookHosts: ['GW.mps.example'],
      deadlineSoonHours: 2,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      content: ['reference', 'title'],
      webhookHosts: ['gw.mps.example'],
      deadlineSoonHours: 2,
      overridden: ['content', 'webhookHosts', 'deadlineSoonHours'],
    });
    // Users see the administrator's values; the old webhook host is no longer allowed.
    expect((await req(duty.token, 'GET', '/api/me/paging')).json()).toMatchObject({
      allowedContent: ['reference', 'title'],
      webhookHosts: ['gw.mps.example'],
    });
    expect(
      (await req(deputy.token, 'PUT', '/api/me/paging', { webhookUrl: hook.url })).json().error.issues[0].code,
    ).toBe('host_not_allowed');
    // The e-mail now says the notice title and not the urgency.
    const before = (await mailsTo('boss@cn.example')).length;
    expect((await req(boss.token, 'POST', '/api/me/paging/test')).statusCode).toBe(200);
    await deliver();
    const test = (await mailsTo('boss@cn.example')).slice(before);
    expect(test).toHaveLength(1);
    expect(test[0]!.text).toContain('Notice: Test page');
    const audit = (await req(admin.token, 'GET', '/api/audit?limit=20'))
      .json()
      .items.find((e: { action: string }) => e.action === 'paging.settings_changed');
    expect(audit).toBeTruthy();
    expect(JSON.stringify(audit)).not.toContain('relay-secret');

    const back = await req(admin.token, 'PUT', '/api/paging/settings', {
      content: null,
      webhookHosts: null,
      deadlineSoonHours: null,
    });
    expect(back.json()).toMatchObject({
      content: ['reference', 'urgency', 'deadline'],
      webhookHosts: ['127.0.0.1'],
      deadlineSoonHours: 4,
      overridden: [],
    });
  });

  it('pages the officer and supervisor once when the response this node owes is due within N hours (N set by the administrator)', async () => {
    const admin = await t.userWith(['admin']);
    expect((await req(duty.token, 'PUT', '/api/me/paging', { quietHours: null })).statusCode).toBe(200);
    const { requestedParty: _omit, ...content } = preservationDraft();
    const created = await req(duty.token, 'POST', '/api/requests/incoming', {
      ...content,
      requestingParty: 'us-demo',
      senderReference: 'FBI-2026-301',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const dueAt = Date.parse(created.json().clocks.responseDueAt as string);
    const sweep = async () =>
      (await sweepDeadlines(t.ctx, CLOCK_SOURCES)).fired.filter((f) => f.id === id).map((f) => f.event);
    const dutyMails = (await mailsTo('duty@cn.example')).length;
    const bossMails = (await mailsTo('boss@cn.example')).length;

    // Sessions expire when the clock jumps days ahead: the administrator sets N = 2 hours first.
    expect((await req(admin.token, 'PUT', '/api/paging/settings', { deadlineSoonHours: 2 })).statusCode).toBe(200);
    t.clock.set(new Date(dueAt - 3 * 3_600_000 - 59 * 60_000));
    expect(await sweep()).toEqual([]); // within the configuration's 4 hours, not within the administrator's 2
    t.clock.set(new Date(dueAt - 2 * 3_600_000 + 60_000));
    const [one, two] = await Promise.all([sweep(), sweep()]); // two processes sweep at once: it fires once
    expect([...one, ...two]).toEqual([`response_due_soon@${created.json().clocks.responseDueAt as string}`]);
    expect(await sweep()).toEqual([]);
    await Promise.all([deliver(), deliver()]);
    // (The calls of earlier tests, never acknowledged, escalate too as the clock jumps: only this request's pages count here.)
    const reference = created.json().reference as string;
    const toDuty = (await mailsTo('duty@cn.example')).slice(dutyMails).filter((m) => m.subject?.includes(reference));
    const toBoss = (await mailsTo('boss@cn.example')).slice(bossMails).filter((m) => m.subject?.includes(reference));
    expect(toDuty.map((m) => m.subject)).toEqual([
      `[Crossline] 请求答复即将到期 ${created.json().reference as string}（加急）`,
    ]);
    expect(toBoss.map((m) => m.subject)).toEqual([
      `[Crossline] Request response due soon ${created.json().reference as string} (Urgent)`,
    ]);
    expect(toDuty[0]!.text).toContain(`https://cn.example/requests/${id}`);
    expect(toDuty[0]!.text).not.toMatch(/lucky\.invest88|Shenzhen|mailbox/i);
    const notes = await t.ctx.db.query<{ kind: string; recipient_role: string }>(
      'SELECT kind, recipient_role FROM notifications WHERE subject_id = $1 ORDER BY recipient_role',
      [id],
    );
    expect(notes).toEqual([
      { kind: 'request.response_due_soon', recipient_role: 'point_of_contact' },
      { kind: 'request.response_due_soon', recipient_role: 'supervisor' },
    ]);
    // The deadline passing still fires its own overdue events; the warning does not come again.
    t.clock.set(new Date(dueAt + 60_000));
    expect((await sweep()).some((e) => e.startsWith('response_due_soon'))).toBe(false);
    t.clock.set('2026-03-02T15:00:00.000Z');
    expect((await req(admin.token, 'PUT', '/api/paging/settings', { deadlineSoonHours: null })).statusCode).toBe(200);
  });
});

describe('paging over STARTTLS, and after a process died', () => {
  it('sends through a relay that requires STARTTLS and AUTH, trusting its private CA; takes over the pages of a dead process', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'crossline-smtp-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const mail = await startMailCatcher({
      host: '127.0.0.1',
      auth: { user: 'u', pass: 'p' },
      tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') },
    });
    const t = await createTestApp('embedded', {
      smtpHost: 'localhost',
      smtpPort: mail.port,
      smtpSecurity: 'starttls',
      smtpUser: 'u',
      smtpPassword: 'p',
      smtpCaFile: cert,
    });
    try {
      const me = await t.userWith(['analyst']);
      await t.app.inject({
        method: 'PUT',
        url: '/api/me/paging',
        headers: bearer(me.token),
        payload: { email: 'a@cn.example', emailEnabled: true },
      });
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/me/paging/test', headers: bearer(me.token) })).statusCode,
      ).toBe(200);
      // A process that claimed the page and died: its lease names an owner whose liveness lock is gone.
      await t.ctx.db.query(`UPDATE page_outbox SET lease_owner = 424242, lease_until = $1`, [
        new Date(Date.now() + 3_600_000).toISOString(),
      ]);
      expect((await deliverDuePages(t.ctx)).outcomes.map((o) => o.result)).toEqual(['sent']);
      const [m] = await mail.waitFor(1);
      expect((await simpleParser(m!.raw)).subject).toBe('[Crossline] Test page');
      expect((await deliverDuePages(t.ctx)).outcomes).toEqual([]);
    } finally {
      await t.close();
      await mail.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the running paging worker delivers a page within seconds of its commit and counts it in /metrics', async () => {
    const mail = await startMailCatcher();
    const t = await createTestApp('embedded', { smtpHost: mail.host, smtpPort: mail.port, smtpSecurity: 'none' });
    const metrics = createMetrics();
    const workers = startWorkers(t.ctx, metrics);
    try {
      const me = await t.userWith(['investigator']);
      await t.app.inject({
        method: 'PUT',
        url: '/api/me/paging',
        headers: bearer(me.token),
        payload: { email: 'i@cn.example', emailEnabled: true },
      });
      const started = Date.now();
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/me/paging/test', headers: bearer(me.token) })).statusCode,
      ).toBe(200);
      await mail.waitFor(1, 5_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      await workers.paging.sweepNow();
      const text = await metrics.registry.metrics();
      expect(text).toContain('crossline_pages_total{channel="email",result="sent"} 1');
      expect(text).toContain('crossline_pages{state="sent"} 1');
    } finally {
      await workers.stop();
      await t.close();
      await mail.close();
    }
  });
});
