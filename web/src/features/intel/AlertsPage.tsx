// Correlation alerts (docs/spec.md §4.5): pairs of records sharing a value, shown only when you may see
// both; open each side, dismiss the alert. Administrators manage excluded values below.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import type { AlertSource } from '../../api/intel-correlation-types';
import type { QueryOf } from '../../api/types';
import { useCaseMeta } from '../../api/meta';
import { useLabel } from '../../components/Bi';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { ExclusionsPanel } from './ExclusionsPanel';
import { IntelTabs } from './IntelTabs';

const PAGE = 50;
const STATE_KEYS = {
  open: 'intel.alerts.states.open',
  acked: 'intel.alerts.states.acked',
  all: 'intel.alerts.states.all',
} as const;

/** Where each kind of source lives in the UI. */
function sourceLink(s: AlertSource): string {
  switch (s.kind) {
    case 'case':
      return `/cases/${s.id}`;
    case 'request':
      return `/requests/${s.id}`;
    case 'report':
      return `/triage/${s.id}`;
    case 'intel':
      return `/intel/objects/${encodeURIComponent(s.id)}`;
  }
}

function SourceLink({ source }: { source: AlertSource }) {
  const { t } = useTranslation();
  return (
    <Link to={sourceLink(source)}>
      {t(`intel.alerts.kinds.${source.kind}`)} {source.label ?? source.id}
    </Link>
  );
}

export function AlertsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useCaseMeta().data;
  // The value's kind in the reader's language ("银行账户／银行卡"); the code only where labels cannot be read.
  const typeName = (type: string) => (meta ? label(meta.observableTypes, type) : type);
  const { can } = useSession();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'open';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const list = useQuery({
    queryKey: ['intel', 'alerts', { state, offset }],
    queryFn: () =>
      answer(
        http.GET('/api/intel/alerts', {
          params: { query: filterQuery<QueryOf<'/api/intel/alerts'>>({ state, limit: PAGE, offset }) },
        }),
      ),
  });
  const ack = useMutation({
    mutationFn: (id: string) => answer(http.POST('/api/intel/alerts/{id}/ack', { params: { path: { id } } })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['intel', 'alerts'] });
    },
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('intel.title')} subtitle={t('intel.alerts.subtitle')} />
      <IntelTabs />
      <div className="stack">
        <Panel
          flush
          id="intel-alerts"
          title={t('intel.alerts.listTitle', { count: total })}
          actions={
            <SelectField
              label={t('intel.alerts.state')}
              path="state"
              value={state}
              onChange={(e) => set('state', e.target.value)}
              options={(Object.keys(STATE_KEYS) as (keyof typeof STATE_KEYS)[]).map((s) => ({
                value: s,
                label: t(STATE_KEYS[s]),
              }))}
            />
          }
        >
          <QueryState isLoading={list.isLoading} error={list.error}>
            <DataTable
              items={items}
              rowKey={(a) => a.id}
              empty={<Empty title={t('intel.alerts.empty')}>{t('intel.alerts.emptyBody')}</Empty>}
              columns={[
                t('intel.alerts.colSources'),
                t('intel.alerts.colValues'),
                t('intel.alerts.colUpdated'),
                <span key="actions" className="sr-only">
                  {t('intel.alerts.colActions')}
                </span>,
              ]}
              row={(a) => (
                <>
                  <td>
                    <SourceLink source={a.a} /> ↔ <SourceLink source={a.b} />
                  </td>
                  <td className="mono break small">
                    {a.matches.map((m) => `${typeName(m.type)}: ${m.value}`).join(', ')}
                  </td>
                  <td className="small nowrap">
                    <DateTime at={a.updatedAt} />
                  </td>
                  <td className="nowrap">
                    {a.ackedAt ? (
                      <span className="faint small">{t('intel.alerts.ackedBy', { name: a.ackedBy ?? '' })}</span>
                    ) : (
                      can('intel:write') && (
                        <button
                          type="button"
                          className="btn sm"
                          disabled={ack.isPending}
                          onClick={() => ack.mutate(a.id)}
                        >
                          {t('intel.alerts.ack')}
                        </button>
                      )
                    )}
                  </td>
                </>
              )}
            />
          </QueryState>
          {total > PAGE && (
            <nav className="row" aria-label={t('intel.alerts.paging')}>
              <button
                type="button"
                className="btn sm"
                disabled={offset === 0}
                onClick={() => set('offset', String(Math.max(0, offset - PAGE)))}
              >
                {t('intel.alerts.previous')}
              </button>
              <span className="small">
                {t('intel.alerts.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}
              </span>
              <button
                type="button"
                className="btn sm"
                disabled={offset + PAGE >= total}
                onClick={() => set('offset', String(offset + PAGE))}
              >
                {t('intel.alerts.next')}
              </button>
            </nav>
          )}
          {ack.error !== null && <ErrorSummary error={ack.error} />}
        </Panel>
        {can('intel:manage') && <ExclusionsPanel />}
      </div>
    </>
  );
}
