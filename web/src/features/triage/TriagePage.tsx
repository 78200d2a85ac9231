// The triage queue: reports from the public, filtered by status, category, date and correlation;
// select several and turn them into one case.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import type { ReportCategory, ReportStatus } from '../../api/public-report-types';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { useUrlFilters } from '../../lib/use-url-filters';
import { canForward } from '../../../../src/domain/public-report/transitions';

const FILTERS = ['status', 'category', 'from', 'to', 'hasCorrelation'] as const;
const STATUSES: ReportStatus[] = ['received', 'under_review', 'duplicate', 'forwarded', 'closed'];
const CATEGORIES: ReportCategory[] = ['fraud', 'illegal_content', 'other'];
const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);

export function TriagePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [f, set] = useUrlFilters(FILTERS);
  const [selected, setSelected] = useState<string[]>([]);
  const queue = useQuery({
    queryKey: ['triage', 'list', f],
    queryFn: () =>
      answer(
        http.GET('/api/triage/reports', {
          params: {
            query: filterQuery<QueryOf<'/api/triage/reports'>>({
              ...f,
              from: dayStart(f.from),
              to: dayStart(f.to),
              limit: 200,
            }),
          },
        }),
      ),
  });
  const createCase = useMutation({
    mutationFn: () => answer(http.POST('/api/triage/cases', { body: { reportIds: selected } })),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['triage'] });
      void navigate(`/cases/${r.caseId}`);
    },
  });
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  return (
    <>
      <PageHeader
        title={t('triage.title')}
        subtitle={t('triage.subtitle')}
        actions={
          can('triage:act') && (
            <button
              type="button"
              className="btn primary"
              disabled={selected.length === 0 || createCase.isPending}
              onClick={() => createCase.mutate()}
            >
              {t('triage.createCase', { count: selected.length })}
            </button>
          )
        }
      />
      <ErrorSummary error={createCase.error} />
      <Panel
        flush
        id="triage-list"
        title={t('triage.total', { count: queue.data?.total ?? 0 })}
        actions={
          queue.data ? (
            <span className="faint small">{t('triage.spam', { count: queue.data.spamDiscarded })}</span>
          ) : undefined
        }
      >
        <FilterBar label={t('triage.filters')}>
          <SelectField
            label={t('triage.status')}
            path="triage-status"
            value={f.status}
            placeholder={t('triage.any')}
            options={STATUSES.map((s) => ({ value: s, label: t(`triage.status_${s}`) }))}
            onChange={(e) => set('status', e.target.value)}
          />
          <SelectField
            label={t('triage.category')}
            path="triage-category"
            value={f.category}
            placeholder={t('triage.any')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`triage.category_${c}`) }))}
            onChange={(e) => set('category', e.target.value)}
          />
          <TextField
            label={t('triage.from')}
            path="triage-from"
            type="date"
            value={f.from}
            onChange={(e) => set('from', e.target.value)}
          />
          <TextField
            label={t('triage.to')}
            path="triage-to"
            type="date"
            value={f.to}
            onChange={(e) => set('to', e.target.value)}
          />
          <SelectField
            label={t('triage.correlated')}
            path="triage-correlated"
            value={f.hasCorrelation}
            placeholder={t('triage.any')}
            options={[
              { value: 'true', label: t('triage.onlyCorrelated') },
              { value: 'false', label: t('triage.onlyUncorrelated') },
            ]}
            onChange={(e) => set('hasCorrelation', e.target.value)}
          />
        </FilterBar>
        <QueryState isLoading={queue.isLoading} error={queue.error}>
          <DataTable
            items={queue.data?.items ?? []}
            rowKey={(r) => r.id}
            region={t('triage.title')}
            empty={<Empty title={t('triage.empty')} />}
            columns={[
              <span key="select" className="sr-only">
                {t('triage.select', { receipt: '' })}
              </span>,
              t('triage.receipt'),
              t('triage.excerpt'),
              t('triage.amount'),
              t('triage.indicators'),
              t('triage.status'),
              t('triage.submitted'),
            ]}
            row={(r) => (
              <>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('triage.select', { receipt: r.receipt })}
                    checked={selected.includes(r.id)}
                    disabled={!canForward(r.status)}
                    onChange={(e) => toggle(r.id, e.target.checked)}
                  />
                </td>
                <td className="mono nowrap">
                  <Link className="row-link" to={`/triage/${r.id}`}>
                    {r.receipt}
                  </Link>
                </td>
                <td>
                  <div className="title-cell" lang={r.language === 'zh' ? 'zh-CN' : 'en'}>
                    {r.excerpt}
                  </div>
                  <div className="sub">
                    {t(`triage.category_${r.category}`)}
                    {r.attachmentCount ? ` · ${t('triage.files')}: ${r.attachmentCount}` : ''}
                  </div>
                </td>
                <td className="nowrap">
                  {r.amountLost !== null ? `${r.amountLost.toLocaleString()} ${r.currency ?? ''}` : '—'}
                </td>
                <td className="nowrap">
                  {r.indicatorCount}
                  {r.hasCorrelation && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('triage.correlations')}</Badge>
                    </>
                  )}
                </td>
                <td>
                  <Badge tone={genericTone(r.status)}>{t(`triage.status_${r.status}`)}</Badge>
                </td>
                <td className="small">
                  <DateTime at={r.submittedAt} />
                </td>
              </>
            )}
          />
        </QueryState>
      </Panel>
    </>
  );
}
