import { describe, expect, it } from 'vitest';
import type { CaseDomainEvent, CaseEventType } from './events.js';
import { formatBytes, timelineEntry } from './timeline.js';

const ev = (type: CaseEventType, data: Record<string, unknown> = {}): CaseDomainEvent => ({
  type,
  at: '2025-03-01T08:00:00.000Z',
  actor: 'Li Wei',
  actorId: 'u-1',
  data: { caseId: 'case-1', ...data },
});

const ROWS: [CaseEventType, Record<string, unknown>, string, string, string][] = [
  [
    'case.created',
    { reference: 'CN-2025-000001' },
    'Case CN-2025-000001 opened',
    '立案：CN-2025-000001',
    'case:case-1',
  ],
  ['case.activated', {}, 'Status: Active', '状态：侦办中', 'case:case-1'],
  [
    'case.suspended',
    { reason: 'awaiting MLA' },
    'Case suspended: awaiting MLA',
    '案件中止：awaiting MLA',
    'case:case-1',
  ],
  ['case.resumed', {}, 'Case resumed', '案件恢复侦办', 'case:case-1'],
  ['case.closed', { reason: 'convicted' }, 'Case closed: convicted', '案件结案：convicted', 'case:case-1'],
  ['case.reopened', { reason: 'new victim' }, 'Case reopened: new victim', '案件重新开启：new victim', 'case:case-1'],
  [
    'case.updated',
    { fields: ['title', 'tlp'] },
    'Case details updated (title, TLP)',
    '案件信息已更新（标题、TLP 标记）',
    'case:case-1',
  ],
  [
    'case.member_added',
    { userId: 'u-2', caseRole: 'member' },
    'Zhang Min added as Member',
    'Zhang Min 以成员身份加入',
    'case:case-1',
  ],
  ['case.member_removed', { userId: 'u-2' }, 'Zhang Min removed from the case', 'Zhang Min 已移出本案', 'case:case-1'],
  [
    'case.member_role_changed',
    { userId: 'u-2', from: 'member', to: 'lead' },
    'Zhang Min is now Lead investigator',
    'Zhang Min 改为主办人',
    'case:case-1',
  ],
  ['case.request_linked', { requestId: 'r' }, 'Request for assistance linked', '已关联协助请求', 'case:case-1'],
  ['case.request_unlinked', { requestId: 'r' }, 'Request for assistance unlinked', '已取消关联协助请求', 'case:case-1'],
  ['case.call_linked', { callId: 'c' }, 'Hotline call linked', '已关联热线呼叫', 'case:case-1'],
  ['case.call_unlinked', { callId: 'c' }, 'Hotline call unlinked', '已取消关联热线呼叫', 'case:case-1'],
  ['case.party_added', { partyId: 'us-fbi' }, 'FBI joined the case', 'FBI 加入本案', 'case:case-1'],
  ['case.party_removed', { partyId: 'us-fbi' }, 'FBI left the case', 'FBI 退出本案', 'case:case-1'],
  [
    'observable.added',
    { count: 1, items: [{ id: 'o1', type: 'domain', value: 'evil.com' }] },
    'Domain added: evil.com',
    '新增域名：evil.com',
    'observable:o1',
  ],
  ['observable.added', { count: 3, items: [] }, '3 observables added', '新增 3 条可观测数据', 'case:case-1'],
  [
    'observable.merged',
    { count: 1, items: [{ id: 'o1', type: 'ip', value: '8.8.8.8' }] },
    'IP address seen again: 8.8.8.8',
    'IP 地址再次出现：8.8.8.8',
    'observable:o1',
  ],
  [
    'observable.merged',
    { count: 2, items: [] },
    '2 observables seen again (merged)',
    '2 条可观测数据再次出现（已合并）',
    'case:case-1',
  ],
  [
    'evidence.added',
    { evidenceId: 'e1', filename: 'chat.zip', size: 2_621_440 },
    'Evidence added: chat.zip (2.5 MB)',
    '新增证据：chat.zip（2.5 MB）',
    'evidence:e1',
  ],
  [
    'evidence.custody',
    { evidenceId: 'e1', filename: 'chat.zip', kind: 'exported' },
    'Custody — Exported: chat.zip',
    '证据保管——导出：chat.zip',
    'evidence:e1',
  ],
  [
    'task.created',
    { taskId: 't1', title: 'Freeze wallet' },
    'Task created: Freeze wallet',
    '新建任务：Freeze wallet',
    'task:t1',
  ],
  [
    'task.started',
    { taskId: 't1', title: 'Freeze wallet' },
    'Task started: Freeze wallet',
    '任务开始：Freeze wallet',
    'task:t1',
  ],
  [
    'task.completed',
    { taskId: 't1', title: 'Freeze wallet' },
    'Task done: Freeze wallet',
    '任务完成：Freeze wallet',
    'task:t1',
  ],
  [
    'task.cancelled',
    { taskId: 't1', title: 'Freeze wallet', reason: 'dup' },
    'Task cancelled: Freeze wallet: dup',
    '任务取消：Freeze wallet：dup',
    'task:t1',
  ],
  [
    'task.reopened',
    { taskId: 't1', title: 'Freeze wallet' },
    'Task reopened: Freeze wallet',
    '任务重新打开：Freeze wallet',
    'task:t1',
  ],
  [
    'task.reassigned',
    { taskId: 't1', title: 'Freeze wallet', to: 'u-2' },
    'Task assigned to Zhang Min: Freeze wallet',
    '任务指派给 Zhang Min：Freeze wallet',
    'task:t1',
  ],
  [
    'task.reassigned',
    { taskId: 't1', title: 'Freeze wallet', to: null },
    'Task unassigned: Freeze wallet',
    '任务取消指派：Freeze wallet',
    'task:t1',
  ],
  [
    'task.rescheduled',
    { taskId: 't1', title: 'Freeze wallet', to: '2025-03-05T10:00:00.000Z' },
    'Task due 2025-03-05 10:00 UTC: Freeze wallet',
    '任务截止时间改为 2025-03-05 10:00（UTC）：Freeze wallet',
    'task:t1',
  ],
  [
    'task.rescheduled',
    { taskId: 't1', title: 'Freeze wallet', to: null },
    'Task due date removed: Freeze wallet',
    '任务截止时间已取消：Freeze wallet',
    'task:t1',
  ],
  [
    'task.updated',
    { taskId: 't1', title: 'Freeze wallet' },
    'Task updated: Freeze wallet',
    '任务已更新：Freeze wallet',
    'task:t1',
  ],
];

const names = {
  user: (id: string) => (id === 'u-2' ? 'Zhang Min' : undefined),
  party: (id: string) => (id === 'us-fbi' ? 'FBI' : undefined),
};

describe('timelineEntry', () => {
  it.each(ROWS)('%s %j', (type, data, en, zh, ref) => {
    const entry = timelineEntry(ev(type, data), names);
    expect(entry.summary).toEqual({ en, zh });
    expect(`${entry.ref.type}:${entry.ref.id}`).toBe(ref);
    expect(entry).toMatchObject({ at: '2025-03-01T08:00:00.000Z', kind: type, actor: 'Li Wei' });
  });
  it('falls back to ids without name look-ups', () => {
    expect(timelineEntry(ev('case.party_added', { partyId: 'eu-europol' })).summary.en).toBe(
      'eu-europol joined the case',
    );
  });
  it('still produces a row for an event type it does not know', () => {
    const e = timelineEntry({ ...ev('case.created'), type: 'case.archived' as CaseEventType });
    expect(e.summary).toEqual({ en: 'case.archived', zh: 'case.archived' });
  });
  it('formats byte sizes', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 ** 3)]).toEqual(['512 B', '1.5 KB', '3.0 GB']);
  });
});
