// The tamper-evident audit log: search by text, action, subject and period; verify the whole hash
// chain in one click (the first edited, deleted or reordered entry is named).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, AuditVerify } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { zonedLocalToIso } from '../../lib/zoned';

export function AuditPage() {
  const { t } = useTranslation();
  const { can, timeZone } = useSession();
  const [f, setF] = useState({ q: '', action: '', subjectType: '', from: '', to: '' });
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>(undefined);
  const query = {
    q: f.q, action: f.action, subjectType: f.subjectType, beforeSeq, limit: 100,
    from: f.from ? zonedLocalToIso(f.from, timeZone) : undefined, to: f.to ? zonedLocalToIso(f.to, timeZone) : undefined,
  };
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => api.get<{ items: AuditEntry[] }>('/audit', query) });
  const verify = useMutation({ mutationFn: () => api.get<AuditVerify>('/audit/verify') });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => { setBeforeSeq(undefined); setF({ ...f, [k]: e.target.value }); };
  const items = list.data?.items ?? [];
  const v = verify.data;
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')}
        actions={can('audit:verify') && <button type="button" className="btn primary" onClick={() => verify.mutate()} disabled={verify.isPending}>{t('audit.verify')}</button>} />
      <div className="stack">
        {v && (
          <div className={`alert ${v.ok ? 'success' : 'error'}`} role="status">
            <div>
              <div className="alert-title">{v.ok ? t('audit.chainOk', { count: v.entries }) : t('audit.chainBroken', { seq: v.firstBadSeq })}</div>
              {v.ok ? <div className="hash">{t('audit.head')} {v.headHash}</div> : <div>{v.reason}: {v.detail}</div>}
            </div>
          </div>
        )}
        <ErrorSummary error={verify.error} />
        <Panel flush id="audit-log">
          <FilterBar label={t('audit.filters')}>
            <TextField label={t('requests.search')} path="audit-q" type="search" className="grow" value={f.q} onChange={set('q')} placeholder={t('audit.searchPlaceholder')} />
            <TextField label={t('audit.action')} path="audit-action" value={f.action} onChange={set('action')} placeholder="request.submitted" />
            <TextField label={t('audit.subjectType')} path="audit-subject" value={f.subjectType} onChange={set('subjectType')} placeholder="request" />
            <TextField label={t('audit.from')} path="audit-from" type="datetime-local" value={f.from} onChange={set('from')} />
            <TextField label={t('audit.to')} path="audit-to" type="datetime-local" value={f.to} onChange={set('to')} />
          </FilterBar>
          <QueryState isLoading={list.isLoading} error={list.error}>
            <DataTable
              items={items} rowKey={(e) => e.seq} empty={<Empty title={t('audit.empty')} />}
              columns={[{ title: '#', className: 'num' }, t('audit.when'), t('audit.who'), t('audit.action'), t('audit.subject'), t('audit.hash')]}
              row={(e) => (
                <>
                  <td className="num mono">{e.seq}</td>
                  <td className="small"><DateTime at={e.at} /></td>
                  <td>{e.actorLabel}<div className="sub">{e.actorKind}</div></td>
                  <td className="mono small">{e.action}</td>
                  <td className="small">{e.subjectType ?? '—'}<div className="sub mono">{e.subjectId?.slice(0, 13) ?? ''}</div></td>
                  <td className="hash faint" title={e.hash}>{e.hash.slice(0, 16)}…</td>
                </>
              )} />
            {items.length === 100 && (
              <div className="panel-footer">
                <button type="button" className="btn sm" onClick={() => setBeforeSeq(items[items.length - 1]?.seq)}>{t('audit.older')}</button>
              </div>
            )}
          </QueryState>
        </Panel>
      </div>
    </>
  );
}
