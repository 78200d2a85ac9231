// Dashboards: requests by status and type, how fast requests are acknowledged and fulfilled, SLA
// compliance per peer, preservations about to lapse, and hotline response times. Computed in the
// browser from the lists this user may see, so every figure respects their permissions.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http, listAll } from '../../api/client';
import { useCallMeta, useRequestMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { useLabel } from '../../components/Bi';
import { PageHeader, QueryState } from '../../components/Page';
import { formatDuration } from '../../lib/format';
import { BarCard } from './BarCard';
import { useChartColors } from './chart-colors';
import { computeDashboard } from './compute-stats';
import { ExpiriesCard, HotlineCard } from './DashboardTables';
import { SlaCard } from './SlaCard';

export function DashboardPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { can, locale } = useSession();
  const c = useChartColors();
  const requestMeta = useRequestMeta().data;
  const callMeta = useCallMeta().data;
  const requests = useQuery({
    queryKey: ['requests', 'all'],
    queryFn: () => listAll((range) => answer(http.GET('/api/requests', { params: { query: range } }))),
    refetchInterval: 60_000,
  });
  const calls = useQuery({
    queryKey: ['calls', 'all'],
    queryFn: () => listAll((range) => answer(http.GET('/api/calls', { params: { query: range } }))),
    enabled: can('call:read'),
    refetchInterval: 60_000,
  });
  const d = requests.data ? computeDashboard(requests.data, calls.data ?? [], Date.now()) : null;
  const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <QueryState isLoading={requests.isLoading} error={requests.error}>
        {d && (
          <div className="stack">
            <div className="grid-4">
              <div className="panel stat">
                <div className="stat-label">{t('dashboard.kpiOpen')}</div>
                <div className="stat-value">{d.open}</div>
              </div>
              <div className={`panel stat ${d.overdue ? 'danger' : ''}`}>
                <div className="stat-label">{t('dashboard.kpiOverdue')}</div>
                <div className="stat-value">{d.overdue}</div>
              </div>
              <div className="panel stat">
                <div className="stat-label">{t('dashboard.kpiAck')}</div>
                <div className="stat-value">{dur(d.medianAckMs)}</div>
              </div>
              <div className="panel stat">
                <div className="stat-label">{t('dashboard.kpiFulfil')}</div>
                <div className="stat-value">{dur(d.medianFulfilMs)}</div>
              </div>
            </div>
            <div className="grid-2">
              <BarCard
                id="by-status"
                title={t('dashboard.byStatus')}
                horizontal
                unit={t('dashboard.requests')}
                data={d.byStatus.map((b) => ({ label: label(requestMeta?.statuses, b.key), value: b.count }))}
              />
              <BarCard
                id="by-type"
                title={t('dashboard.byType')}
                horizontal
                color={c['--chart-2']}
                unit={t('dashboard.requests')}
                data={d.byType.map((b) => ({ label: label(requestMeta?.types, b.key), value: b.count }))}
              />
              <BarCard
                id="ack-dist"
                title={t('dashboard.ackDist')}
                color={c['--chart-5']}
                unit={t('dashboard.requests')}
                data={d.ackDistribution.map((b) => ({
                  label: t(`dashboard.buckets.${b.key as 'lt1h'}`),
                  value: b.count,
                }))}
              />
              <BarCard
                id="fulfil-dist"
                title={t('dashboard.fulfilDist')}
                color={c['--chart-3']}
                unit={t('dashboard.requests')}
                data={d.fulfilDistribution.map((b) => ({
                  label: t(`dashboard.buckets.${b.key as 'lt1d'}`),
                  value: b.count,
                }))}
              />
            </div>
            <div className="grid-2">
              <SlaCard outgoing={d.slaOutgoing} incoming={d.slaIncoming} />
              <ExpiriesCard expiries={d.expiries} />
            </div>
            {can('call:read') && (
              <div className="grid-2">
                <BarCard
                  id="call-dist"
                  title={t('dashboard.callDist')}
                  color={c['--chart-4']}
                  unit={t('dashboard.calls')}
                  data={d.callDistribution.map((b) => ({
                    label: t(`dashboard.buckets.${b.key as 'lt5m'}`),
                    value: b.count,
                  }))}
                />
                <HotlineCard rows={d.hotline} labelOf={(u) => label(callMeta?.urgencies, u)} />
              </div>
            )}
          </div>
        )}
      </QueryState>
    </>
  );
}
