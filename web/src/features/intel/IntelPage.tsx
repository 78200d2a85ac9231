// Threat intelligence, STIX objects: the objects this node holds (type filter, text search, TLP),
// bundle import with a per-object error report, and export of the whole collection as a bundle.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { TlpBadge } from '../../components/Tlp';
import { useUrlFilters } from '../../lib/use-url-filters';
import { IntelTabs } from './IntelTabs';
import { StixImportPanel } from './StixImportPanel';

const PAGE = 50;
const TYPES = [
  'indicator',
  'observed-data',
  'malware',
  'campaign',
  'threat-actor',
  'infrastructure',
  'relationship',
  'sighting',
  'marking-definition',
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'email-addr',
  'file',
];

export function IntelPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [f, set] = useUrlFilters(['type', 'q', 'offset'], { pageKey: 'offset' });
  const { type, q } = f;
  const offset = Number(f.offset) || 0;
  const list = useQuery({
    queryKey: ['intel', 'objects', { type, q, offset }],
    queryFn: () =>
      answer(
        http.GET('/api/intel/objects', {
          params: { query: filterQuery<QueryOf<'/api/intel/objects'>>({ type, q, limit: PAGE, offset }) },
        }),
      ),
  });
  const total = list.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('intel.title')}
        subtitle={t('intel.objects.subtitle')}
        actions={
          <a className="btn" href={`/api/intel/stix/export${type ? `?type=${encodeURIComponent(type)}` : ''}`} download>
            {t('intel.objects.export')}
          </a>
        }
      />
      <IntelTabs />
      <Panel flush id="intel-objects" title={t('intel.objects.listTitle', { count: total })}>
        <FilterBar label={t('intel.objects.filters')}>
          <TextField
            label={t('intel.objects.search')}
            path="intel-q"
            type="search"
            className="grow"
            value={q}
            placeholder={t('intel.objects.searchPlaceholder')}
            onChange={(e) => set('q', e.target.value)}
          />
          <SelectField
            label={t('intel.objects.colType')}
            path="intel-type"
            value={type}
            placeholder={t('intel.objects.allTypes')}
            options={TYPES.map((v) => ({ value: v, label: v }))}
            onChange={(e) => set('type', e.target.value)}
          />
        </FilterBar>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <DataTable
            items={list.data?.items ?? []}
            rowKey={(o) => `${o.collectionId}/${o.id}`}
            empty={<Empty title={t('intel.objects.emptyTitle')}>{t('intel.objects.emptyBody')}</Empty>}
            columns={[
              t('intel.objects.colType'),
              t('intel.objects.colLabel'),
              'TLP',
              t('intel.objects.colModified'),
              t('intel.objects.colAdded'),
            ]}
            row={(o) => (
              <>
                <td className="mono nowrap">{o.type}</td>
                <td>
                  <Link className="row-link" to={`/intel/objects/${encodeURIComponent(o.id)}`}>
                    {o.label}
                  </Link>
                  <div className="sub mono">{o.id}</div>
                </td>
                <td>{o.tlp ? <TlpBadge tlp={o.tlp} /> : '—'}</td>
                <td className="small nowrap">
                  <DateTime at={o.modified} />
                </td>
                <td className="small">
                  <DateTime at={o.addedAt} />
                </td>
              </>
            )}
          />
        </QueryState>
        {total > PAGE && (
          <nav className="row panel-body" aria-label={t('intel.objects.paging')}>
            <button
              type="button"
              className="btn"
              disabled={offset === 0}
              onClick={() => set('offset', String(Math.max(0, offset - PAGE)))}
            >
              {t('intel.objects.previous')}
            </button>
            <span className="small">
              {t('intel.objects.range', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}
            </span>
            <button
              type="button"
              className="btn"
              disabled={offset + PAGE >= total}
              onClick={() => set('offset', String(offset + PAGE))}
            >
              {t('intel.objects.next')}
            </button>
          </nav>
        )}
      </Panel>
      {can('intel:write') && <StixImportPanel />}
    </>
  );
}
