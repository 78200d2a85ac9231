// Federation: this node's card and fingerprint (to read out to a new peer), the peers with their
// health — last contact, queue depth, oldest undelivered message, latency, failures — adding a
// peer after confirming its fingerprint out of band, the signed membership directory (members,
// their health, what changed in each version), the sharing groups, the messages peers refused, and (admins) the
// dead letters: peers' messages this node refused for their content.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { Badge, type Tone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DataTable } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { AddPeerForm } from './AddPeerForm';
import { DeadLetters } from './DeadLetters';
import { DirectoryPanel } from './DirectoryPanel';
import { GroupsPanel } from './GroupsPanel';
import { UndeliveredPages } from './UndeliveredPages';
import { RefusedByPeers } from './RefusedByPeers';

const STATUS_TONES: Record<string, Tone> = { active: 'success', suspended: 'warning', removed: 'neutral' };

export function FederationPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const qc = useQueryClient();
  const node = useQuery({ queryKey: ['federation', 'node'], queryFn: () => answer(http.GET('/api/federation/node')) });
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
  return (
    <>
      <PageHeader title={t('federation.title')} subtitle={t('federation.subtitle')} />
      <div className="stack">
        <Panel title={t('federation.nodeCard')} id="node-card">
          <QueryState isLoading={node.isLoading} error={node.error}>
            {node.data && (
              <div className="grid-2">
                <dl className="kv">
                  <dt>{t('federation.name')}</dt>
                  <dd>{bi(node.data.card.name)}</dd>
                  <dt>{t('federation.nodeId')}</dt>
                  <dd className="mono">
                    {node.data.card.id} · {node.data.card.country}
                  </dd>
                  <dt>{t('federation.endpoint')}</dt>
                  <dd className="mono break">{node.data.card.endpoint}</dd>
                  <dt>{t('federation.keyId')}</dt>
                  <dd className="mono">{node.data.kid}</dd>
                  <dt>{t('federation.issued')}</dt>
                  <dd>
                    <DateTime at={node.data.card.issuedAt} />
                  </dd>
                </dl>
                <div className="stack-sm">
                  <div className="label small" id="fp-label">
                    {t('federation.fingerprint')}
                  </div>
                  <div className="code-box fingerprint" aria-labelledby="fp-label">
                    {node.data.fingerprint}
                  </div>
                  <p className="faint">{t('federation.fingerprintHelp')}</p>
                  <div>
                    <button
                      type="button"
                      className="btn sm"
                      onClick={() => void navigator.clipboard?.writeText(JSON.stringify(node.data.card, null, 2))}
                    >
                      {t('federation.copyCard')}
                    </button>
                  </div>
                </div>
              </div>
            )}
          </QueryState>
        </Panel>
        <Panel title={t('federation.peers')} flush id="peers">
          <QueryState isLoading={peers.isLoading} error={peers.error}>
            <DataTable
              items={peers.data?.items ?? []}
              rowKey={(p) => p.id}
              rowClass={(p) => (p.health.failures.consecutive > 0 ? 'overdue' : undefined)}
              empty={<Empty title={t('federation.noPeers')}>{t('federation.noPeersBody')}</Empty>}
              columns={[
                t('federation.peer'),
                t('common.status'),
                t('federation.lastContact'),
                { title: t('federation.queue'), className: 'num' },
                t('federation.oldest'),
                { title: t('federation.latency'), className: 'num' },
                t('federation.failures'),
                ...(can('federation:manage')
                  ? [
                      <span key="actions" className="sr-only">
                        {t('common.actions')}
                      </span>,
                    ]
                  : []),
              ]}
              row={(p) => (
                <>
                  <td>
                    <div className="title-cell">{bi(p.name)}</div>
                    <div className="sub mono">
                      {p.id} · {p.country}
                    </div>
                    <div className="sub mono small" title={t('federation.fingerprint')}>
                      {p.fingerprint}
                    </div>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONES[p.status] ?? 'neutral'} dot>
                      {t(`federation.status.${p.status as 'active'}`, { defaultValue: p.status })}
                    </Badge>
                  </td>
                  <td className="small">
                    <DateTime at={p.health.lastContactAt} />
                  </td>
                  <td className="num">{p.health.queueDepth}</td>
                  <td className="small">
                    <DateTime at={p.health.oldestUndeliveredAt} />
                  </td>
                  <td className="num small nowrap">
                    {ms(p.health.latencyMs.p50)} / {ms(p.health.latencyMs.p99)}
                  </td>
                  <td className="small">
                    {p.health.failures.consecutive > 0 ? (
                      <Badge tone="danger">
                        {t('federation.failing', {
                          count: p.health.failures.consecutive,
                          code: p.health.failures.lastCode ?? '',
                        })}
                      </Badge>
                    ) : (
                      <span className="muted">{t('federation.failuresTotal', { count: p.health.failures.total })}</span>
                    )}
                  </td>
                  {can('federation:manage') && (
                    <td>
                      <div className="row">
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
        <DirectoryPanel />
        <GroupsPanel />
        <RefusedByPeers />
        {can('federation:manage') && <DeadLetters />}
        {can('federation:manage') && <UndeliveredPages />}
        {can('federation:manage') && <AddPeerForm />}
      </div>
    </>
  );
}
