// Statistical reports (docs/spec.md §10.4): pick a quarter, month, year or date range and optionally one
// peer; see the counts, response-time percentiles, SLA compliance and expiries on screen, and
// download the same report as CSV or PDF.
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, ApiError, filterQuery, http } from '../../api/client';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { SelectField, TextField } from '../../components/Field';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { PartyPicker } from '../../components/PartyName';
import { ReportChartCard } from './ReportCharts';
import { ReportDownloads } from './ReportDownloads';
import { ReportTableCard } from './ReportTables';
import { defaultPeriod, periodQuery, type PeriodChoice, type PeriodMode } from './report-query';

export function ReportsPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultPeriod());
  const [peer, setPeer] = useState('');
  const { timeZone } = useSession();
  const query = periodQuery(choice, peer, timeZone);
  const report = useQuery({
    queryKey: ['reports', 'period', query],
    queryFn: () =>
      answer(
        http.GET('/api/reports/period', { params: { query: filterQuery<QueryOf<'/api/reports/period'>>(query) } }),
      ),
    retry: false,
  });
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const issues = report.error instanceof ApiError ? report.error.issues : [];
  const errorAt = (path: string) => {
    const m = issues.find((i) => i.path === path)?.message;
    return m ? bi(m) : undefined;
  };
  const doc = report.data;
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={<ReportDownloads path="/reports/period" query={query} />}
      />
      <div className="stack">
        <Panel title={t('reports.filters')} id="report-filters">
          <form className="row wrap" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.filters')}>
            <SelectField
              label={t('reports.periodKind')}
              path="mode"
              value={choice.mode}
              onChange={(e) => set({ mode: e.target.value as PeriodMode })}
              options={(['quarter', 'month', 'year', 'custom'] as const).map((m) => ({
                value: m,
                label: t(`reports.mode.${m}`),
              }))}
            />
            {(choice.mode === 'quarter' || choice.mode === 'year') && (
              <TextField
                label={t('reports.year')}
                path="year"
                type="number"
                min={1970}
                max={9000}
                value={choice.year}
                onChange={(e) => set({ year: Number(e.target.value) })}
              />
            )}
            {choice.mode === 'quarter' && (
              <SelectField
                label={t('reports.quarter')}
                path="quarter"
                value={String(choice.quarter)}
                onChange={(e) => set({ quarter: Number(e.target.value) })}
                options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))}
              />
            )}
            {choice.mode === 'month' && (
              <TextField
                label={t('reports.month')}
                path="month"
                type="month"
                value={choice.month}
                onChange={(e) => set({ month: e.target.value })}
              />
            )}
            {choice.mode === 'custom' && (
              <>
                <TextField
                  label={t('reports.from')}
                  path="from"
                  type="date"
                  value={choice.from}
                  onChange={(e) => set({ from: e.target.value })}
                  error={errorAt('from')}
                />
                <TextField
                  label={t('reports.to')}
                  path="to"
                  type="date"
                  value={choice.to}
                  onChange={(e) => set({ to: e.target.value })}
                  error={errorAt('to')}
                />
              </>
            )}
            <PartyPicker
              label={t('reports.peer')}
              path="peer"
              value={peer}
              placeholder={t('reports.allPeers')}
              onChange={setPeer}
            />
          </form>
        </Panel>
        <QueryState isLoading={report.isLoading} error={report.error}>
          {doc && (
            <>
              <Panel title={bi(doc.title)} id="report-summary">
                <dl className="kv">
                  {doc.facts.map((f) => (
                    <Fragment key={f.label.en}>
                      <dt>{bi(f.label)}</dt>
                      <dd>{f.text ? bi(f.text) : f.value}</dd>
                    </Fragment>
                  ))}
                </dl>
              </Panel>
              <div className="grid-2">
                {doc.charts.map((c) => (
                  <ReportChartCard key={c.id} chart={c} />
                ))}
              </div>
              {doc.tables.map((table) => (
                <ReportTableCard key={table.id} table={table} labels={doc.valueLabels} />
              ))}
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
