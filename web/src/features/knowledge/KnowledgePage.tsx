// The knowledge base: own and received articles, filtered by kind, status and tag.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from '../../api/knowledge-types';
import type { QueryOf } from '../../api/types';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { DataTable, FilterBar } from '../../components/ListParts';
import { PartyName } from '../../components/PartyName';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { TlpBadge } from '../../components/Tlp';
import { useUrlFilters } from '../../lib/use-url-filters';
import './knowledge.css';

const FILTERS = ['kind', 'status', 'tag'] as const;

export function KnowledgePage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const [f, set] = useUrlFilters(FILTERS);
  const list = useQuery({
    queryKey: ['knowledge', 'list', f],
    queryFn: () =>
      answer(
        http.GET('/api/knowledge/articles', {
          params: { query: filterQuery<QueryOf<'/api/knowledge/articles'>>({ ...f, limit: 200 }) },
        }),
      ),
  });
  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        subtitle={t('knowledge.subtitle')}
        actions={
          can('knowledge:edit') && (
            <Link className="btn primary" to="/knowledge/new">
              + {t('knowledge.new')}
            </Link>
          )
        }
      />
      <Panel flush id="knowledge-list" title={t('knowledge.listTitle', { count: list.data?.items.length ?? 0 })}>
        <FilterBar label={t('knowledge.filters')}>
          <SelectField
            label={t('knowledge.kind')}
            path="kb-kind"
            value={f.kind}
            placeholder={t('knowledge.all')}
            options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
            onChange={(e) => set('kind', e.target.value)}
          />
          <SelectField
            label={t('knowledge.status')}
            path="kb-status"
            value={f.status}
            placeholder={t('knowledge.all')}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.statuses.${s}`) }))}
            onChange={(e) => set('status', e.target.value)}
          />
          <TextField
            label={t('knowledge.tag')}
            path="kb-tag"
            value={f.tag}
            onChange={(e) => set('tag', e.target.value)}
          />
        </FilterBar>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <DataTable
            items={list.data?.items ?? []}
            rowKey={(a) => a.id}
            empty={<Empty title={t('knowledge.emptyTitle')}>{t('knowledge.emptyBody')}</Empty>}
            columns={[
              t('knowledge.colTitle'),
              t('knowledge.kind'),
              t('knowledge.origin'),
              'TLP',
              t('knowledge.status'),
              t('knowledge.colUpdated'),
            ]}
            row={(a) => (
              <>
                <td>
                  <Link className="row-link title-cell" to={`/knowledge/${a.id}`}>
                    {bi(a.title) || a.title.zh || a.title.en}
                  </Link>
                  <div className="sub">
                    {a.tags.map((tag) => (
                      <button key={tag} type="button" className="link-button" onClick={() => set('tag', tag)}>
                        #{tag}{' '}
                      </button>
                    ))}
                  </div>
                </td>
                <td className="nowrap">{t(`knowledge.kinds.${a.kind}`)}</td>
                <td className="nowrap">
                  <PartyName id={a.originParty} />
                  {!a.isOwn && (
                    <>
                      {' '}
                      · <Badge tone="info">{t('knowledge.received')}</Badge>
                    </>
                  )}
                </td>
                <td>
                  <TlpBadge tlp={a.tlp} />
                </td>
                <td>
                  <Badge tone={genericTone(a.status)}>{t(`knowledge.statuses.${a.status}`)}</Badge>
                </td>
                <td className="small">
                  <DateTime at={a.updatedAt} /> · v{a.version}
                </td>
              </>
            )}
          />
        </QueryState>
      </Panel>
    </>
  );
}
