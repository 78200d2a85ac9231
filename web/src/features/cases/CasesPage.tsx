// Cases this user works on: filter by status, crime category, text, or only the ones they lead.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import { useCaseMeta } from '../../api/meta';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { PartyName } from '../../components/PartyName';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { TlpBadge } from '../../components/Tlp';
import { useUrlFilters } from '../../lib/use-url-filters';

const FILTERS = ['q', 'status', 'category', 'mine'] as const;

export function CasesPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const { can } = useSession();
  const meta = useCaseMeta();
  const [f, set] = useUrlFilters(FILTERS);
  const list = useQuery({
    queryKey: ['cases', 'list', f],
    queryFn: () =>
      answer(http.GET('/api/cases', { params: { query: filterQuery<QueryOf<'/api/cases'>>({ ...f, limit: 500 }) } })),
  });
  const options = (labels?: Record<string, { en: string; zh: string }>) =>
    Object.entries(labels ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          can('case:create') && (
            <Link className="btn primary" to="/cases/new">
              + {t('cases.new')}
            </Link>
          )
        }
      />
      <Panel flush id="cases-list" title={t('cases.listTitle', { count: list.data?.items.length ?? 0 })}>
        <FilterBar label={t('cases.filters')}>
          <TextField
            label={t('requests.search')}
            path="case-q"
            type="search"
            className="grow"
            value={f.q}
            placeholder={t('cases.searchPlaceholder')}
            onChange={(e) => set('q', e.target.value)}
          />
          <SelectField
            label={t('common.status')}
            path="case-status"
            value={f.status}
            placeholder={t('common.all')}
            options={options(meta.data?.statuses)}
            onChange={(e) => set('status', e.target.value)}
          />
          <SelectField
            label={t('requestForm.crimeCategory')}
            path="case-category"
            value={f.category}
            placeholder={t('common.all')}
            options={options(meta.data?.crimeCategories)}
            onChange={(e) => set('category', e.target.value)}
          />
          <label className="check" style={{ height: 34 }}>
            <input
              type="checkbox"
              checked={f.mine === 'true'}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
            {t('cases.mine')}
          </label>
        </FilterBar>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <DataTable
            items={list.data?.items ?? []}
            rowKey={(c) => c.id}
            empty={<Empty title={t('cases.emptyTitle')}>{t('cases.emptyBody')}</Empty>}
            columns={[
              t('requests.colReference'),
              t('cases.colTitle'),
              t('cases.colLead'),
              'TLP',
              t('common.status'),
              t('requests.colUpdated'),
            ]}
            row={(c) => (
              <>
                <td className="mono nowrap">
                  <Link className="row-link" to={`/cases/${c.id}`}>
                    {c.reference}
                  </Link>
                </td>
                <td>
                  <div className="title-cell">{c.title ? bi(c.title) : t('cases.restricted')}</div>
                  <div className="sub">
                    {(c.crimeCategories ?? []).map((k) => label(meta.data?.crimeCategories, k)).join(' · ')}
                  </div>
                </td>
                <td className="nowrap">{c.leadParty ? <PartyName id={c.leadParty} /> : '—'}</td>
                <td>
                  <TlpBadge tlp={c.tlp} />
                </td>
                <td>
                  <Badge tone={genericTone(c.status)}>{label(meta.data?.statuses, c.status)}</Badge>
                </td>
                <td className="small">
                  <DateTime at={c.updatedAt} />
                </td>
              </>
            )}
          />
        </QueryState>
      </Panel>
    </>
  );
}
