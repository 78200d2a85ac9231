// Messages this node sent that a peer refused for good (the outbox's rejected list): the peer's code
// and, when this node knows the code, what it means — so an admin sees why without reading logs.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';

export function RefusedByPeers() {
  const { t } = useTranslation();
  const bi = useBi();
  const q = useQuery({
    queryKey: ['federation', 'outbox', 'rejected'],
    queryFn: () => answer(http.GET('/api/federation/outbox', { params: { query: { state: 'rejected', limit: 100 } } })),
    refetchInterval: 30_000,
  });
  return (
    <Panel
      title={t('refusedByPeers.title')}
      flush
      footer={<p className="faint small">{t('refusedByPeers.help')}</p>}
      id="refused-by-peers"
    >
      <QueryState isLoading={q.isLoading} error={q.error}>
        <DataTable
          items={q.data?.items ?? []}
          rowKey={(m) => m.mid}
          empty={<Empty title={t('refusedByPeers.none')} />}
          columns={[
            t('refusedByPeers.message'),
            t('refusedByPeers.peer'),
            t('refusedByPeers.code'),
            t('refusedByPeers.sent'),
          ]}
          row={(m) => (
            <>
              <td>
                <div className="mono small">{m.type}</div>
                <div className="sub mono small">
                  {m.channel} #{m.seq}
                </div>
              </td>
              <td>
                <PartyName id={m.peer} />
              </td>
              <td>
                <div className="danger-text mono small">{m.code ?? '—'}</div>
                <div className="sub small">{m.reason ? bi(m.reason) : t('peerRefusal.unknownCode')}</div>
              </td>
              <td className="small">
                <DateTime at={m.createdAt} />
              </td>
            </>
          )}
        />
      </QueryState>
    </Panel>
  );
}
