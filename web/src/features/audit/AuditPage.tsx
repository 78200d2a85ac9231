// The tamper-evident audit log: search by text, record (type + reference or id) and period; each
// entry says what happened in words and links to the record by its reference; verify the whole hash
// chain in one click (the first edited, deleted or reordered entry is named).
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import type { AuditEntry, QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { zonedLocalToIso } from '../../../../src/domain/shared/zones';

/** Where a record of each type is shown (types without a page of their own are not linked). */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  request: (id) => `/requests/${id}`,
  call: (id) => `/hotline/calls/${id}`,
  case: (id) => `/cases/${id}`,
  meeting: (id) => `/dialogue/${id}`,
  exercise: (id) => `/exercises/${id}`,
  exercise_scenario: (id) => `/exercises/scenarios/${id}`,
  knowledge_article: (id) => `/knowledge/${id}`,
  public_report: (id) => `/triage/${id}`,
  peer: () => '/network',
  node: () => '/network',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Subject({ e }: { e: AuditEntry }) {
  const bi = useBi();
  const { t } = useTranslation();
  if (!e.subjectType) return <>—</>;
  const page = e.subjectId ? RECORD_PAGES[e.subjectType]?.(e.subjectId) : undefined;
  const name =
    e.reference ??
    (e.subjectType === 'peer' && e.subjectId ? <PartyName id={e.subjectId} /> : null) ??
    (e.subjectId && !UUID.test(e.subjectId) ? e.subjectId : null);
  return (
    <>
      {e.subjectLabel ? bi(e.subjectLabel) : e.subjectType}
      <div className="sub">
        {page && name ? (
          <Link to={page} className="mono">
            {name}
          </Link>
        ) : name ? (
          <span className="mono">{name}</span>
        ) : page ? (
          <Link to={page}>{t('audit.openRecord')}</Link>
        ) : null}
      </div>
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can, timeZone } = useSession();
  const [f, setF] = useState({ q: '', subjectType: '', record: '', from: '', to: '' });
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>(undefined);
  const record = f.record.trim();
  const query = {
    q: f.q,
    subjectType: f.subjectType,
    beforeSeq,
    limit: 100,
    ...(record ? (UUID.test(record) ? { subjectId: record } : { reference: record }) : {}),
    from: f.from ? (zonedLocalToIso(f.from, timeZone) ?? undefined) : undefined,
    to: f.to ? (zonedLocalToIso(f.to, timeZone) ?? undefined) : undefined,
  };
  const meta = useQuery({
    queryKey: ['audit', 'meta'],
    queryFn: () => answer(http.GET('/api/audit/meta')),
    staleTime: Infinity,
  });
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => answer(http.GET('/api/audit', { params: { query: filterQuery<QueryOf<'/api/audit'>>(query) } })),
  });
  const verify = useMutation({ mutationFn: () => answer(http.GET('/api/audit/verify')) });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setBeforeSeq(undefined);
    setF({ ...f, [k]: e.target.value });
  };
  const items = list.data?.items ?? [];
  const v = verify.data;
  const subjectOptions = Object.entries(meta.data?.subjectTypes ?? {})
    .map(([value, l]) => ({ value, label: bi(l) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          can('audit:verify') && (
            <button type="button" className="btn primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
              {t('audit.verify')}
            </button>
          )
        }
      />
      <div className="stack">
        {v && (
          <div className={`alert ${v.ok ? 'success' : 'error'}`} role="status">
            <div>
              <div className="alert-title">
                {v.ok ? t('audit.chainOk', { count: v.entries }) : t('audit.chainBroken', { seq: v.firstBadSeq })}
              </div>
              {v.ok ? (
                <div className="hash">
                  {t('audit.head')} {v.headHash}
                </div>
              ) : (
                <div>
                  {v.reason}: {v.detail}
                </div>
              )}
            </div>
          </div>
        )}
        <ErrorSummary error={verify.error} />
        <Panel flush id="audit-log">
          <FilterBar label={t('audit.filters')}>
            <TextField
              label={t('requests.search')}
              path="audit-q"
              type="search"
              className="grow"
              value={f.q}
              onChange={set('q')}
              placeholder={t('audit.searchPlaceholder')}
            />
            <SelectField
              label={t('audit.subjectType')}
              path="audit-subject"
              value={f.subjectType}
              onChange={set('subjectType')}
              placeholder={t('common.all')}
              options={subjectOptions}
            />
            <TextField
              label={t('audit.record')}
              path="audit-record"
              value={f.record}
              onChange={set('record')}
              placeholder={t('audit.recordPlaceholder')}
            />
            <TextField
              label={t('audit.from')}
              path="audit-from"
              type="datetime-local"
              value={f.from}
              onChange={set('from')}
            />
            <TextField label={t('audit.to')} path="audit-to" type="datetime-local" value={f.to} onChange={set('to')} />
          </FilterBar>
          <QueryState isLoading={list.isLoading} error={list.error}>
            <DataTable
              items={items}
              rowKey={(e) => e.seq}
              empty={<Empty title={t('audit.empty')} />}
              columns={[
                { title: '#', className: 'num' },
                t('audit.when'),
                t('audit.who'),
                t('audit.action'),
                t('audit.subject'),
                t('audit.hash'),
              ]}
              row={(e) => (
                <>
                  <td className="num mono">{e.seq}</td>
                  <td className="small">
                    <DateTime at={e.at} />
                  </td>
                  <td>
                    {e.actorKind === 'system' ? (
                      t('audit.actor.system')
                    ) : e.actorKind === 'peer' ? (
                      <PartyName id={e.actorId ?? e.actorLabel} />
                    ) : (
                      e.actorLabel
                    )}
                    <div className="sub">
                      {t(
                        `audit.actor.${e.actorKind === 'peer' || e.actorKind === 'system' || e.actorKind === 'user' ? e.actorKind : 'other'}`,
                      )}
                    </div>
                  </td>
                  <td className="small" title={e.action}>
                    {bi(e.label)}
                  </td>
                  <td className="small">
                    <Subject e={e} />
                  </td>
                  <td className="hash faint" title={e.hash}>
                    {e.hash.slice(0, 16)}…
                  </td>
                </>
              )}
            />
            {items.length === 100 && (
              <div className="panel-footer">
                <button type="button" className="btn sm" onClick={() => setBeforeSeq(items[items.length - 1]?.seq)}>
                  {t('audit.older')}
                </button>
              </div>
            )}
          </QueryState>
        </Panel>
      </div>
    </>
  );
}
