// Federation: this node's card and fingerprint (to read out to a new peer), the peers with their
// health (PeersPanel: searchable, by region, health at a glance), adding a
// peer after confirming its fingerprint out of band, the signed membership directory (members,
// their health, what changed in each version), the sharing groups, the messages peers refused, and (admins) the
// dead letters: peers' messages this node refused for their content.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { AddPeerForm } from './AddPeerForm';
import { DeadLetters } from './DeadLetters';
import { DirectoryPanel } from './DirectoryPanel';
import { GroupsPanel } from './GroupsPanel';
import { PeersPanel } from './PeersPanel';
import { UndeliveredPages } from './UndeliveredPages';
import { RefusedByPeers } from './RefusedByPeers';

export function FederationPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const node = useQuery({ queryKey: ['federation', 'node'], queryFn: () => answer(http.GET('/api/federation/node')) });
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
        <PeersPanel />
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
