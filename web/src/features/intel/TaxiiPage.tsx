// TAXII 2.1 (docs/spec.md §5.2): where this node serves TAXII, its collections with their sharing scope,
// and the feeds it pulls from other TAXII servers.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { IntelTabs } from './IntelTabs';
import { TaxiiCollectionsPanel } from './TaxiiCollectionsPanel';
import { TaxiiFeedsPanel } from './TaxiiFeedsPanel';

export function TaxiiPage() {
  const { t } = useTranslation();
  const info = useQuery({ queryKey: ['intel', 'taxii', 'info'], queryFn: () => answer(http.GET('/api/intel/taxii')) });
  return (
    <>
      <PageHeader title={t('intel.title')} subtitle={t('intel.taxii.subtitle')} />
      <IntelTabs />
      <div className="stack">
        <Panel title={t('intel.taxii.server.title')} id="taxii-server">
          <QueryState isLoading={info.isLoading} error={info.error}>
            {info.data && (
              <dl className="kv">
                <dt>{t('intel.taxii.server.discovery')}</dt>
                <dd className="mono break">{info.data.discoveryUrl}</dd>
                <dt>{t('intel.taxii.server.apiRoots')}</dt>
                <dd className="mono break">
                  <ul className="plain-list">
                    {info.data.apiRoots.map((r) => (
                      <li key={r.name}>{r.url}</li>
                    ))}
                  </ul>
                </dd>
                <dt>{t('intel.taxii.server.maxContent')}</dt>
                <dd>{t('intel.taxii.server.megabytes', { mb: Math.round(info.data.maxContentLength / 1048576) })}</dd>
              </dl>
            )}
            <p className="small">{t('intel.taxii.server.hint')}</p>
          </QueryState>
        </Panel>
        <TaxiiCollectionsPanel />
        <TaxiiFeedsPanel />
      </div>
    </>
  );
}
