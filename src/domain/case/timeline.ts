// Case timeline: turns case, observable, evidence and task events into bilingual one-liners.
import type { Bilingual } from '../../error-types.js';
import { CASE_ROLE_LABELS, CASE_STATUS_LABELS } from './case-types.js';
import type { CaseRole } from './case-types.js';
import type { CustodyKind } from './custody.js';
import { CUSTODY_KIND_LABELS } from './custody.js';
import type { CaseDomainEvent } from './events.js';
import { OBSERVABLE_TYPE_LABELS } from './observable-types.js';
import type { ObservableType } from './observable-types.js';

export type TimelineRef = { type: 'case' | 'observable' | 'evidence' | 'task'; id: string };

export type TimelineEntry = { at: string; kind: string; actor: string; summary: Bilingual; ref: TimelineRef };

/** Optional look-ups so entries show names instead of ids. */
export type TimelineNames = {
  user?: (userId: string) => string | undefined;
  party?: (partyId: string) => string | undefined;
};

const FIELD_LABELS: Record<string, Bilingual> = {
  reference: { en: 'reference', zh: '编号' },
  title: { en: 'title', zh: '标题' },
  summary: { en: 'summary', zh: '摘要' },
  crimeCategories: { en: 'crime categories', zh: '犯罪类别' },
  tlp: { en: 'TLP', zh: 'TLP 标记' },
  confidentiality: { en: 'confidentiality', zh: '保密级别' },
  description: { en: 'description', zh: '描述' },
};

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

const withReason = (t: Bilingual, reason: unknown): Bilingual =>
  typeof reason === 'string' && reason ? { en: `${t.en}: ${reason}`, zh: `${t.zh}：${reason}` } : t;

export function timelineEntry(event: CaseDomainEvent, names: TimelineNames = {}): TimelineEntry {
  const d = event.data as Record<string, unknown> & { caseId: string };
  const str = (k: string) => String(d[k] ?? '');
  const user = (id: unknown) => names.user?.(String(id)) ?? String(id);
  const party = (id: unknown) => names.party?.(String(id)) ?? String(id);
  const base = { at: event.at, kind: event.type, actor: event.actor };
  const onCase = (summary: Bilingual): TimelineEntry => ({ ...base, summary, ref: { type: 'case', id: d.caseId } });
  const onTask = (en: string, zh: string, reason?: unknown): TimelineEntry => ({
    ...base,
    summary: withReason({ en: `${en}: ${str('title')}`, zh: `${zh}：${str('title')}` }, reason),
    ref: { type: 'task', id: str('taskId') },
  });
  const role = (r: unknown) => CASE_ROLE_LABELS[r as CaseRole] ?? { en: String(r), zh: String(r) };
  const lengthOf = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const fields = (list: unknown, lang: 'en' | 'zh') =>
    (Array.isArray(list) ? list : [])
      .map((f) => FIELD_LABELS[String(f)]?.[lang] ?? String(f))
      .join(lang === 'en' ? ', ' : '、');

  switch (event.type) {
    case 'case.created':
      return onCase({ en: `Case ${str('reference')} opened`, zh: `立案：${str('reference')}` });
    case 'case.activated':
      return onCase({ en: `Status: ${CASE_STATUS_LABELS.active.en}`, zh: `状态：${CASE_STATUS_LABELS.active.zh}` });
    case 'case.suspended':
      return onCase(withReason({ en: 'Case suspended', zh: '案件中止' }, d.reason));
    case 'case.resumed':
      return onCase({ en: 'Case resumed', zh: '案件恢复侦办' });
    case 'case.closed':
      return onCase(withReason({ en: 'Case closed', zh: '案件结案' }, d.reason));
    case 'case.reopened':
      return onCase(withReason({ en: 'Case reopened', zh: '案件重新开启' }, d.reason));
    case 'case.updated':
      return onCase({
        en: `Case details updated (${fields(d.fields, 'en')})`,
        zh: `案件信息已更新（${fields(d.fields, 'zh')}）`,
      });
    case 'case.member_added':
      return onCase({
        en: `${user(d.userId)} added as ${role(d.caseRole).en}`,
        zh: `${user(d.userId)} 以${role(d.caseRole).zh}身份加入`,
      });
    case 'case.member_removed':
      return onCase({ en: `${user(d.userId)} removed from the case`, zh: `${user(d.userId)} 已移出本案` });
    case 'case.member_role_changed':
      return onCase({ en: `${user(d.userId)} is now ${role(d.to).en}`, zh: `${user(d.userId)} 改为${role(d.to).zh}` });
    case 'case.request_linked':
      return onCase({ en: 'Request for assistance linked', zh: '已关联协助请求' });
    case 'case.request_unlinked':
      return onCase({ en: 'Request for assistance unlinked', zh: '已取消关联协助请求' });
    case 'case.call_linked':
      return onCase({ en: 'Hotline call linked', zh: '已关联热线呼叫' });
    case 'case.call_unlinked':
      return onCase({ en: 'Hotline call unlinked', zh: '已取消关联热线呼叫' });
    case 'case.party_added':
      return onCase({ en: `${party(d.partyId)} joined the case`, zh: `${party(d.partyId)} 加入本案` });
    case 'case.party_removed':
      return onCase({ en: `${party(d.partyId)} left the case`, zh: `${party(d.partyId)} 退出本案` });
    case 'case.shared':
      return onCase({
        en: `Shared with ${party(d.recipient)}: ${lengthOf(d.observableIds)} observables, ${lengthOf(d.evidenceIds)} evidence items`,
        zh: `已与 ${party(d.recipient)} 共享：${lengthOf(d.observableIds)} 条可观测数据、${lengthOf(d.evidenceIds)} 件证据`,
      });
    case 'case.share_received':
      return onCase({
        en: `Case shared by ${party(d.from)}: ${str('observables')} observables, ${str('evidence')} evidence items to follow`,
        zh: `${party(d.from)} 共享了本案：${str('observables')} 条可观测数据，随后移交 ${str('evidence')} 件证据`,
      });
    case 'observable.added':
    case 'observable.merged': {
      const items = (Array.isArray(d.items) ? d.items : []) as { id: string; type: ObservableType; value: string }[];
      const count = Number(d.count ?? items.length);
      const merged = event.type === 'observable.merged';
      const first = items[0];
      if (count === 1 && first) {
        const label = OBSERVABLE_TYPE_LABELS[first.type] ?? { en: first.type, zh: first.type };
        const summary = merged
          ? { en: `${label.en} seen again: ${first.value}`, zh: `${label.zh}再次出现：${first.value}` }
          : { en: `${label.en} added: ${first.value}`, zh: `新增${label.zh}：${first.value}` };
        return { ...base, summary, ref: { type: 'observable', id: first.id } };
      }
      return onCase(
        merged
          ? { en: `${count} observables seen again (merged)`, zh: `${count} 条可观测数据再次出现（已合并）` }
          : { en: `${count} observables added`, zh: `新增 ${count} 条可观测数据` },
      );
    }
    case 'evidence.added':
      return {
        ...base,
        summary: {
          en: `Evidence added: ${str('filename')} (${formatBytes(Number(d.size))})`,
          zh: `新增证据：${str('filename')}（${formatBytes(Number(d.size))}）`,
        },
        ref: { type: 'evidence', id: str('evidenceId') },
      };
    case 'evidence.received':
      return {
        ...base,
        summary: {
          en: `Evidence received from ${party(d.from)}: ${str('filename')} (${formatBytes(Number(d.size))})`,
          zh: `收到 ${party(d.from)} 移交的证据：${str('filename')}（${formatBytes(Number(d.size))}）`,
        },
        ref: { type: 'evidence', id: str('evidenceId') },
      };
    case 'evidence.custody': {
      const k = CUSTODY_KIND_LABELS[d.kind as CustodyKind] ?? { en: str('kind'), zh: str('kind') };
      return {
        ...base,
        summary: { en: `Custody — ${k.en}: ${str('filename')}`, zh: `证据保管——${k.zh}：${str('filename')}` },
        ref: { type: 'evidence', id: str('evidenceId') },
      };
    }
    case 'task.created':
      return onTask('Task created', '新建任务');
    case 'task.started':
      return onTask('Task started', '任务开始');
    case 'task.completed':
      return onTask('Task done', '任务完成');
    case 'task.cancelled':
      return onTask('Task cancelled', '任务取消', d.reason);
    case 'task.reopened':
      return onTask('Task reopened', '任务重新打开', d.reason);
    case 'task.reassigned':
      return d.to == null
        ? onTask('Task unassigned', '任务取消指派')
        : {
            ...onTask('Task assigned', '任务指派'),
            summary: {
              en: `Task assigned to ${user(d.to)}: ${str('title')}`,
              zh: `任务指派给 ${user(d.to)}：${str('title')}`,
            },
          };
    case 'task.rescheduled':
      return onTask(
        d.to ? `Task due ${str('to').slice(0, 16).replace('T', ' ')} UTC` : 'Task due date removed',
        d.to ? `任务截止时间改为 ${str('to').slice(0, 16).replace('T', ' ')}（UTC）` : '任务截止时间已取消',
      );
    case 'task.updated':
      return onTask('Task updated', '任务已更新');
    default: {
      // Events recorded by a newer version still get a row rather than breaking the page.
      const type = (event as { type: string }).type;
      return onCase({ en: type, zh: type });
    }
  }
}
