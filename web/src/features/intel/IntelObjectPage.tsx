// One STIX object: every stored version (newest first) with its collection, source and TLP, and
// the raw JSON of the version chosen.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { formatDateTime } from '../../lib/format';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { TlpBadge } from '../../components/Tlp';
import { IntelTabs } from './IntelTabs';

export function IntelObjectPage() {
  const { t } = useTranslation();
  const { locale, timeZone } = useSession();
  const { id = '' } = useParams();
  const [chosen, setChosen] = useState(0);
  const detail = useQuery({
    queryKey: ['intel', 'objects', 'detail', id],
    queryFn: () => answer(http.GET('/api/intel/objects/{id}', { params: { path: { id } } })),
  });
  const versions = detail.data?.versions ?? [];
  const current = versions[Math.min(chosen, Math.max(0, versions.length - 1))];
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/intel">{t('intel.objects.back')}</Link>}
        title={current?.label ?? id}
        subtitle={<span className="mono">{id}</span>}
      />
      <IntelTabs />
      <QueryState isLoading={detail.isLoading} error={detail.error}>
        <Panel flush id="intel-versions" title={t('intel.objects.versionsTitle', { count: versions.length })}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('intel.objects.colModified')}</th>
                  <th scope="col">TLP</th>
                  <th scope="col">{t('intel.objects.colSource')}</th>
                  <th scope="col">{t('intel.objects.colAdded')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('intel.objects.show')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v, i) => (
                  <tr key={`${v.collectionId}/${v.modified}`} aria-current={i === chosen ? 'true' : undefined}>
                    <td className="nowrap">
                      <DateTime at={v.modified} />
                    </td>
                    <td>{v.tlp ? <TlpBadge tlp={v.tlp} /> : '—'}</td>
                    <td className="small">{v.source}</td>
                    <td className="small">
                      <DateTime at={v.addedAt} />
                    </td>
                    <td>
                      <button type="button" className="btn sm" aria-pressed={i === chosen} onClick={() => setChosen(i)}>
                        {t('intel.objects.show')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
        {current && (
          <Panel
            id="intel-raw"
            title={t('intel.objects.rawTitle', { modified: formatDateTime(current.modified, locale, timeZone) })}
          >
            <pre
              className="mono small"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}
              tabIndex={0}
              aria-label={t('intel.objects.rawTitle', { modified: formatDateTime(current.modified, locale, timeZone) })}
            >
              {JSON.stringify(current.object, null, 2)}
            </pre>
          </Panel>
        )}
      </QueryState>
    </>
  );
}
