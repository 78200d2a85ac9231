import { describe, expect, it } from 'vitest';
import type { Shift } from '../call/index.js';
import {
  DEFAULT_PAGE_CONTENT,
  ackToken,
  callPageRecipients,
  inQuietHours,
  openAckToken,
  pageDecision,
  pageEmail,
  pageWebhookPayload,
  pagesNow,
  quietHoursEnd,
  verifyWebhookSignature,
  webhookHostAllowed,
  webhookSignature,
  type PageSource,
} from './index.js';

const shift = (
  userId: string,
  role: Shift['role'],
  start = '2026-03-02T00:00:00Z',
  end = '2026-03-03T00:00:00Z',
): Shift => ({ id: `${userId}-${role}`, userId, role, start, end, timeZone: 'Asia/Shanghai' });

describe('who is paged', () => {
  it('pages new emergency and urgent calls, not routine ones; escalations always', () => {
    expect(pageDecision({ kind: 'call.incoming', severity: 'critical', urgency: 'emergency' })).toEqual({
      page: true,
      emergency: true,
    });
    expect(pageDecision({ kind: 'call.incoming', severity: 'warning', urgency: 'urgent' })).toEqual({
      page: true,
      emergency: false,
    });
    expect(pageDecision({ kind: 'call.incoming', severity: 'info', urgency: 'routine' })).toEqual({ page: false });
    expect(pageDecision({ kind: 'call.escalated', severity: 'warning', urgency: 'routine' })).toEqual({
      page: true,
      emergency: false,
    });
    expect(pageDecision({ kind: 'exercise.call.escalated', severity: 'critical', urgency: 'emergency' })).toEqual({
      page: true,
      emergency: true,
    });
  });

  it('pages request deadlines and peer steps, correlation alerts to analysts only, and nothing else below critical', () => {
    expect(pageDecision({ kind: 'request.response_overdue', severity: 'warning' }).page).toBe(true);
    expect(pageDecision({ kind: 'request.peer_step', severity: 'info' }).page).toBe(true);
    expect(pageDecision({ kind: 'intel.correlation', severity: 'info', role: 'analyst' }).page).toBe(true);
    expect(pageDecision({ kind: 'intel.correlation', severity: 'info', role: 'investigator' }).page).toBe(false);
    expect(pageDecision({ kind: 'intel.correlation', severity: 'info' }).page).toBe(true);
    expect(pageDecision({ kind: 'dialogue.action_item_overdue', severity: 'warning' }).page).toBe(false);
    expect(pageDecision({ kind: 'federation.dead_letter', severity: 'critical' })).toEqual({
      page: true,
      emergency: false,
    });
  });

  it('sends a call to the rung it is at by the roster, the next rung up when that one is empty', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const roster = [
      shift('duty-1', 'duty_officer'),
      shift('deputy-1', 'deputy'),
      shift('boss', 'supervisor'),
      shift('later', 'duty_officer', '2026-03-02T12:00:00Z'),
    ];
    expect(callPageRecipients(roster, 0, now)).toEqual(['duty-1']);
    expect(callPageRecipients(roster, 1, now)).toEqual(['deputy-1']);
    expect(callPageRecipients(roster, 2, now)).toEqual(['boss']);
    expect(
      callPageRecipients(
        roster.filter((s) => s.role !== 'deputy'),
        1,
        now,
      ),
    ).toEqual(['boss']);
    expect(callPageRecipients([], 0, now)).toBeNull();
  });
});

describe('quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };
  it('span midnight in the user zone, start inclusive and end exclusive', () => {
    // 14:30 UTC = 22:30 in Shanghai.
    expect(inQuietHours(night, 'Asia/Shanghai', new Date('2026-03-02T14:30:00Z'))).toBe(true);
    expect(inQuietHours(night, 'Asia/Shanghai', new Date('2026-03-02T22:59:00Z'))).toBe(true); // 06:59
    expect(inQuietHours(night, 'Asia/Shanghai', new Date('2026-03-02T23:00:00Z'))).toBe(false); // 07:00
    expect(inQuietHours(night, 'UTC', new Date('2026-03-02T14:30:00Z'))).toBe(false);
    expect(inQuietHours({ start: '12:00', end: '13:00' }, 'UTC', new Date('2026-03-02T12:30:00Z'))).toBe(true);
    expect(inQuietHours({ start: '12:00', end: '12:00' }, 'UTC', new Date('2026-03-02T12:00:00Z'))).toBe(false);
    expect(inQuietHours(null, 'UTC', new Date())).toBe(false);
  });

  it('never hold back an emergency', () => {
    const at = new Date('2026-03-02T14:30:00Z');
    expect(pagesNow({ page: true, emergency: true }, night, 'Asia/Shanghai', at)).toBe(true);
    expect(pagesNow({ page: true, emergency: false }, night, 'Asia/Shanghai', at)).toBe(false);
    expect(pagesNow({ page: true, emergency: false }, night, 'UTC', at)).toBe(true);
    expect(pagesNow({ page: false }, null, 'UTC', at)).toBe(false);
  });
});

const source = (over: Partial<PageSource> = {}): PageSource => ({
  pageId: 'p1',
  nodeId: 'cn-mps',
  kind: 'call.incoming',
  severity: 'critical',
  emergency: true,
  subjectType: 'call',
  subjectId: 'c1',
  reference: 'CN-MPS-CALL-2026-0007',
  urgency: 'emergency',
  deadline: '2026-03-02T10:15:00Z',
  title: { en: 'Incoming emergency call from FBI', zh: '收到FBI的紧急呼叫' },
  summary: { en: 'Suicide threat on Weibo account weibo.com/victim', zh: '微博账号自杀威胁' },
  createdAt: '2026-03-02T10:00:00Z',
  link: 'https://cn.example/hotline/calls/c1',
  ackLink: 'https://cn.example/hotline/calls/c1?page=t',
  recipient: { userId: 'u1', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
  ...over,
});

describe('what a page says', () => {
  it('writes the e-mail in the recipient language first, the other below, with the link and no case details by default', () => {
    const zh = pageEmail(source(), DEFAULT_PAGE_CONTENT);
    expect(zh.language).toBe('zh');
    expect(zh.subject).toBe('[Crossline] 新的热线呼叫 CN-MPS-CALL-2026-0007（紧急）');
    expect(zh.text.indexOf('编号：CN-MPS-CALL-2026-0007')).toBeLessThan(
      zh.text.indexOf('Reference: CN-MPS-CALL-2026-0007'),
    );
    expect(zh.text).toContain('时限：2026年3月2日 18:15（GMT+8）');
    expect(zh.text).toContain('https://cn.example/hotline/calls/c1');
    expect(zh.text).toContain('确认（需登录，仅可使用一次）：https://cn.example/hotline/calls/c1?page=t');
    expect(zh.text).not.toMatch(/Weibo|微博|FBI/);
    const en = pageEmail(source({ recipient: { userId: 'u1', locale: 'en', timeZone: 'UTC' } }), DEFAULT_PAGE_CONTENT);
    expect(en.subject).toBe('[Crossline] New hotline call CN-MPS-CALL-2026-0007 (Emergency)');
    expect(
      en.text.startsWith(
        'New hotline call\nReference: CN-MPS-CALL-2026-0007\nUrgency: Emergency\nDeadline: 2 Mar 2026, 10:15 (GMT+0)',
      ),
    ).toBe(true);
  });

  it('adds the title and summary only when the administrator allows them, and marks exercises', () => {
    const all = pageEmail(source(), ['reference', 'title', 'summary']);
    expect(all.text).toContain('微博账号自杀威胁');
    expect(all.text).not.toContain('紧急程度');
    const drill = pageEmail(source({ kind: 'exercise.call.incoming' }), DEFAULT_PAGE_CONTENT);
    expect(drill.subject).toContain('【演练】');
  });

  it('builds the webhook payload with the same limits', () => {
    const p = pageWebhookPayload(source(), DEFAULT_PAGE_CONTENT);
    expect(p).toMatchObject({
      type: 'crossline.page',
      version: 1,
      pageId: 'p1',
      node: 'cn-mps',
      kind: 'call.incoming',
      emergency: true,
      exercise: false,
      subject: {
        type: 'call',
        id: 'c1',
        reference: 'CN-MPS-CALL-2026-0007',
        urgency: 'emergency',
        deadline: '2026-03-02T10:15:00Z',
      },
      recipient: { userId: 'u1', language: 'zh' },
    });
    expect(p.title).toBeUndefined();
    expect(p.summary).toBeUndefined();
    expect(JSON.stringify(p)).not.toMatch(/Weibo|FBI/);
  });
});

describe('signatures', () => {
  it('signs webhook bodies with the timestamp; a changed body, a wrong secret or an old timestamp fails', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const ts = Math.floor(now.getTime() / 1000);
    const sig = webhookSignature('whsec_a', ts, '{"a":1}');
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_a', sig, String(ts), '{"a":1}', now)).toBe(true);
    expect(verifyWebhookSignature('whsec_a', sig, String(ts), '{"a":2}', now)).toBe(false);
    expect(verifyWebhookSignature('whsec_b', sig, String(ts), '{"a":1}', now)).toBe(false);
    expect(verifyWebhookSignature('whsec_a', sig, String(ts), '{"a":1}', new Date(now.getTime() + 600_000))).toBe(
      false,
    );
  });

  it('makes acknowledgement tokens only this key opens, for the page they name', () => {
    const key = Buffer.alloc(32, 1);
    const token = ackToken(key, '0190-page');
    expect(openAckToken(key, token)).toBe('0190-page');
    expect(openAckToken(Buffer.alloc(32, 2), token)).toBeNull();
    expect(openAckToken(key, token.replace('0190-page', '0190-other'))).toBeNull();
    expect(openAckToken(key, 'garbage')).toBeNull();
  });
});

describe('webhook hosts', () => {
  it('allows only the hosts the administrator named, exactly or under a .suffix', () => {
    const allowed = ['gw.mps.example', '.sms.example'];
    expect(webhookHostAllowed(new URL('https://gw.mps.example/page'), allowed)).toBe(true);
    expect(webhookHostAllowed(new URL('https://a.sms.example/x'), allowed)).toBe(true);
    expect(webhookHostAllowed(new URL('https://sms.example/x'), allowed)).toBe(false);
    expect(webhookHostAllowed(new URL('https://evil-gw.mps.example/x'), allowed)).toBe(false);
    expect(webhookHostAllowed(new URL('https://10.0.0.5/x'), allowed)).toBe(false);
    expect(webhookHostAllowed(new URL('https://gw.mps.example/x'), [])).toBe(false);
  });
});

describe('the end of quiet hours', () => {
  it('is the next local end time after the moment, across midnight, and null outside quiet hours', () => {
    const night = { start: '22:00', end: '07:00' };
    // 22:30 in Shanghai → 07:00 the next morning there (23:00 UTC).
    expect(quietHoursEnd(night, 'Asia/Shanghai', new Date('2026-03-02T14:30:45Z'))?.toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
    // 06:59 → one minute later.
    expect(quietHoursEnd(night, 'Asia/Shanghai', new Date('2026-03-02T22:59:00Z'))?.toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
    expect(quietHoursEnd(night, 'Asia/Shanghai', new Date('2026-03-02T23:00:00Z'))).toBeNull();
    expect(quietHoursEnd(null, 'UTC', new Date())).toBeNull();
    // A clock change inside the quiet hours (New York, 8 March 2026, 02:00 → 03:00): still the local 07:00.
    expect(quietHoursEnd(night, 'America/New_York', new Date('2026-03-08T04:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T11:00:00.000Z',
    );
  });
});
