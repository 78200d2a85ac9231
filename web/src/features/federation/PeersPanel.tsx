// The peers with their health, usable at 30+ agencies (docs/federation.md §20): a health summary
// that doubles as a filter (unreachable / degraded / suspended / healthy), a search box (name in
// either language, party id, country), and the table grouped by region with the least healthy
// first in each region. Per peer: last contact, queue, oldest undelivered, latency, failures.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  classifyPeerHealth,
  countPeerHealth,
  healthRank,
  PEER_HEALTH,
  STALE_QUEUE_MS,
  UNREACHABLE_AFTER,
  type PeerHealthClass,
} from '../../../../src/domain/federation/peer-health';
import { matchesPeerQuery } from '../../../../src/domain/federation/peer-search';
import { groupByRegion } from '../../../../src/domain/federation/regions';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { Badge, type Tone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { useCountryName } from '../../components/PartyName';
import { useFailureReason } from './failure-reason';

const HEALTH_TONES: Record<PeerHealthClass, Tone> = {
  unreachable: 'danger',
  degraded: 'warning',
  suspended: 'neutral',
  healthy: 'success',
};

export function PeersPanel() {
  const { t } = useTranslation();
  const bi = useBi();
  const country = useCountryName();
  const { can } = useSession();
  const qc = useQueryClient();
  const [query, setQuery] = useState('');
  const [only, setOnly] = useState<PeerHealthClass | null>(null);
  const peers = useQuery({
    queryKey: ['federation', 'peers'],
    queryFn: () => answer(http.GET('/api/federation/peers')),
    refetchInterval: 15_000,
  });
  const manage = useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'suspend' | 'resume' | 'ping' }) => {
      const path = { id };
      if (action === 'ping')
        await answer(http.POST('/api/federation/peers/{id}/ping', { params: { path }, body: { count: 1 } }));
      else if (action === 'suspend')
        await answer(http.POST('/api/federation/peers/{id}/suspend', { params: { path } }));
      else await answer(http.POST('/api/federation/peers/{id}/resume', { params: { path } }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['federation'] }),
  });
  const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
  const failureReason = useFailureReason();
  // Classified once per poll, with the time of the answer (the server's figures are as of then).
  const now = new Date(peers.dataUpdatedAt || 0);
  const all = (peers.data?.items ?? []).map((p) => ({
    ...p,
    glance: classifyPeerHealth(
      {
        status: p.status,
        consecutiveFailures: p.health.failures.consecutive,
        oldestUndeliveredAt: p.health.oldestUndeliveredAt,
      },
      now,
    ),
  }));
  type Row = (typeof all)[number];
  const counts = countPeerHealth(all.map((p) => p.glance));
  const matching = all
    .filter((p) => (only ? p.glance === only : true))
    .filter((p) => matchesPeerQuery(p, query, [country(p.country)]))
    .sort((a, b) => healthRank(a.glance) - healthRank(b.glance) || bi(a.name).localeCompare(bi(b.name)));
  const sections = groupByRegion(matching, (p) => p.country).map(({ region, items }) => ({
    key: region,
    title: t('peerList.regionCount', { region: t(`regions.${region}`), count: items.length }),
    items,
  }));
  const filtered = query.trim() !== '' || only !== null;
  return (
    <Panel
      title={t('federation.peers')}
      flush
      id="peers"
      footer={
        all.length > 0 ? (
          <p className="faint small">
            {t('peerHealth.help', { n: UNREACHABLE_AFTER, minutes: STALE_QUEUE_MS / 60_000 })}
          </p>
        ) : undefined
      }
    >
      <QueryState isLoading={peers.isLoading} error={peers.error}>
        {all.length > 0 && (
          <div className="panel-body filter-bar">
            <div className="peer-tools" role="search" aria-label={t('peerList.search')}>
              <TextField
                label={t('peerList.search')}
                path="peer-search"
                type="search"
                placeholder={t('peerList.searchHint')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <div className="stack-sm">
                <span className="label small" id="peer-health-summary">
                  {t('peerHealth.summary')}
                </span>
                <div
                  className="health-summary"
                  role="group"
                  aria-labelledby="peer-health-summary"
                  data-testid="peer-health-summary"
                >
                  <button type="button" className="btn sm" aria-pressed={only === null} onClick={() => setOnly(null)}>
                    {t('peerHealth.all', { count: all.length })}
                  </button>
                  {PEER_HEALTH.map((c) => (
                    <button
                      key={c}
                      type="button"
                      className="btn sm"
                      data-health={c}
                      aria-pressed={only === c}
                      onClick={() => setOnly(only === c ? null : c)}
                    >
                      <span className={`health-dot ${c}`} aria-hidden="true" />
                      {t(`peerHealth.count.${c}`, { count: counts[c] })}
                    </button>
                  ))}
                </div>
              </div>
            </div>
            {filtered && (
              <p className="faint small" aria-live="polite" data-testid="peer-shown">
                {t('peerList.shown', { shown: matching.length, total: all.length })}
              </p>
            )}
          </div>
        )}
        <DataTable
          items={all.length === 0 ? [] : matching}
          sections={sections}
          rowKey={(p: Row) => p.id}
          testId="peer-table"
          rowClass={(p) => (p.glance === 'unreachable' || p.glance === 'degraded' ? 'overdue' : undefined)}
          empty={
            all.length === 0 ? (
              <Empty title={t('federation.noPeers')}>{t('federation.noPeersBody')}</Empty>
            ) : (
              <Empty title={t('peerList.noMatch')} />
            )
          }
          columns={[
            t('federation.peer'),
            t('directory.health'),
            t('federation.lastContact'),
            { title: t('federation.queue'), className: 'num' },
            { title: t('federation.latency'), className: 'num' },
            ...(can('federation:manage')
              ? [{ title: <span className="sr-only">{t('common.actions')}</span>, className: 'action-col' }]
              : []),
          ]}
          row={(p) => (
            <>
              <td className="main-col">
                <div className="title-cell">{bi(p.name)}</div>
                <div className="sub">
                  <span className="mono">{p.id}</span> · {country(p.country)}
                </div>
                <details className="sub small">
                  <summary>{t('peerHealth.fingerprint')}</summary>
                  <span className="mono break">{p.fingerprint}</span>
                </details>
              </td>
              <td>
                <Badge tone={HEALTH_TONES[p.glance]} dot>
                  {t(`peerHealth.state.${p.glance}`)}
                </Badge>
                {p.health.failures.consecutive > 0 ? (
                  <div className="sub small" title={p.health.failures.lastCode ?? undefined}>
                    {t('peerHealth.failing', {
                      count: p.health.failures.consecutive,
                      reason: failureReason(p.health.failures.lastCode, p.health.failures.lastReason),
                    })}
                  </div>
                ) : (
                  p.health.failures.total > 0 && (
                    <div className="sub small muted">
                      {t('federation.failuresTotal', { count: p.health.failures.total })}
                    </div>
                  )
                )}
              </td>
              <td className="small date-col">
                <DateTime at={p.health.lastContactAt} />
              </td>
              <td className="num">
                {p.health.queueDepth}
                {p.health.oldestUndeliveredAt && (
                  <div className="sub small">
                    {t('peerHealth.oldest')} <DateTime at={p.health.oldestUndeliveredAt} />
                  </div>
                )}
              </td>
              <td className="num small nowrap">
                {ms(p.health.latencyMs.p50)} / {ms(p.health.latencyMs.p99)}
              </td>
              {can('federation:manage') && (
                <td className="action-col">
                  <div className="row peer-actions">
                    <button
                      type="button"
                      className="btn sm"
                      onClick={() => manage.mutate({ id: p.id, action: 'ping' })}
                    >
                      {t('federation.ping')}
                    </button>
                    {p.status === 'active' ? (
                      <button
                        type="button"
                        className="btn sm danger"
                        onClick={() => manage.mutate({ id: p.id, action: 'suspend' })}
                      >
                        {t('federation.suspend')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn sm"
                        onClick={() => manage.mutate({ id: p.id, action: 'resume' })}
                      >
                        {t('federation.resume')}
                      </button>
                    )}
                  </div>
                </td>
              )}
            </>
          )}
        />
        <ErrorSummary error={manage.error} />
      </QueryState>
    </Panel>
  );
}
