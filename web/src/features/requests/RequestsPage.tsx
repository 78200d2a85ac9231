// Requests for assistance: outgoing and incoming, filtered by status, type, urgency, direction,
// text, overdue and "needs my action"; the filters live in the address so a view can be bookmarked or shared.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import { useRequestMeta } from '../../api/meta';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { SelectField, TextField } from '../../components/Field';
import { FilterBar } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { useUrlFilters } from '../../lib/use-url-filters';
import { RequestTable } from './RequestTable';

const FILTERS = ['q', 'status', 'type', 'urgency', 'direction', 'overdue', 'mine'] as const;

export function RequestsPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can, me } = useSession();
  const mayRegister = can('request:act') && me.user.roles.some((r) => r === 'point_of_contact' || r === 'supervisor');
  const meta = useRequestMeta();
  const [filters, set] = useUrlFilters(FILTERS);
  const list = useQuery({
    queryKey: ['requests', 'list', filters],
    queryFn: () =>
      answer(
        http.GET('/api/requests', {
          params: { query: filterQuery<QueryOf<'/api/requests'>>({ ...filters, limit: 500 }) },
        }),
      ),
    refetchInterval: 30_000,
  });
  const options = (labels?: Record<string, { en: string; zh: string }>) =>
    Object.entries(labels ?? {}).map(([value, label]) => ({ value, label: bi(label) }));

  return (
    <>
      <PageHeader
        title={t('requests.title')}
        subtitle={t('requests.subtitle')}
        actions={
          <>
            {mayRegister && (
              <Link className="btn" to="/requests/incoming/new">
                {t('requests.registerIncoming')}
              </Link>
            )}
            {can('request:create') && (
              <Link className="btn primary" to="/requests/new">
                + {t('requests.new')}
              </Link>
            )}
          </>
        }
      />
      <Panel flush id="requests-list" title={t('requests.listTitle', { count: list.data?.items.length ?? 0 })}>
        <FilterBar label={t('requests.filters')}>
          <TextField
            label={t('requests.search')}
            path="filter-q"
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.target.value)}
            placeholder={t('requests.searchPlaceholder')}
            className="grow"
          />
          <SelectField
            label={t('common.status')}
            path="filter-status"
            value={filters.status}
            placeholder={t('common.all')}
            options={options(meta.data?.statuses)}
            onChange={(e) => set('status', e.target.value)}
          />
          <SelectField
            label={t('requestForm.type')}
            path="filter-type"
            value={filters.type}
            placeholder={t('common.all')}
            options={options(meta.data?.types)}
            onChange={(e) => set('type', e.target.value)}
          />
          <SelectField
            label={t('common.urgency')}
            path="filter-urgency"
            value={filters.urgency}
            placeholder={t('common.all')}
            options={options(meta.data?.urgencies)}
            onChange={(e) => set('urgency', e.target.value)}
          />
          <SelectField
            label={t('requests.direction')}
            path="filter-direction"
            value={filters.direction}
            placeholder={t('common.all')}
            options={[
              { value: 'outgoing', label: t('requests.outgoing') },
              { value: 'incoming', label: t('requests.incoming') },
            ]}
            onChange={(e) => set('direction', e.target.value)}
          />
          <label className="check" style={{ height: 34 }}>
            <input
              type="checkbox"
              checked={filters.overdue === 'true'}
              onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
            />
            {t('requests.overdueOnly')}
          </label>
          <label className="check" style={{ height: 34 }}>
            <input
              type="checkbox"
              checked={filters.mine === 'true'}
              onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            />
            {t('answer.nav.mineOnly')}
          </label>
        </FilterBar>
        <QueryState isLoading={list.isLoading} error={list.error}>
          {list.data && list.data.items.length > 0 ? (
            <RequestTable items={list.data.items} />
          ) : (
            <Empty title={t('requests.emptyTitle')}>{t('requests.emptyBody')}</Empty>
          )}
        </QueryState>
      </Panel>
    </>
  );
}
