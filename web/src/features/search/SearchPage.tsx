// Full-text search across the knowledge base, cases, requests and public reports the user may
// see; the query lives in the address (?q=), so the header search box and links land here.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { answer, filterQuery, http } from '../../api/client';
import { SEARCH_KINDS, type SearchKind } from '../../api/knowledge-types';
import type { QueryOf } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { Highlight } from './Highlight';
import '../knowledge/knowledge.css';

const LINK: Record<SearchKind, (id: string) => string> = {
  article: (id) => `/knowledge/${id}`,
  case: (id) => `/cases/${id}`,
  request: (id) => `/requests/${id}`,
  report: (id) => `/triage/${id}`,
};

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kinds = (params.get('kinds') ?? '').split(',').filter(Boolean) as SearchKind[];
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const results = useQuery({
    queryKey: ['search', q, kinds.join(',')],
    enabled: q.trim().length > 0,
    queryFn: () =>
      answer(
        http.GET('/api/search', {
          params: { query: filterQuery<QueryOf<'/api/search'>>({ q, kinds: kinds.join(','), limit: 50 }) },
        }),
      ),
  });
  const update = (next: { q?: string; kinds?: SearchKind[] }) => {
    const p = new URLSearchParams(params);
    if (next.q !== undefined) p.set('q', next.q);
    if (next.kinds) {
      if (next.kinds.length) p.set('kinds', next.kinds.join(','));
      else p.delete('kinds');
    }
    setParams(p, { replace: next.q === undefined });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: draft.trim() });
  };
  return (
    <>
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <Panel id="search-form" title={t('search.formTitle')}>
        <form role="search" onSubmit={submit} className="stack">
          <div className="toolbar">
            <label htmlFor="search-q" className="sr-only">
              {t('search.query')}
            </label>
            <input
              id="search-q"
              className="input grow"
              type="search"
              value={draft}
              placeholder={t('search.placeholder')}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="btn primary">
              {t('search.submit')}
            </button>
          </div>
          <fieldset className="form-section">
            <legend>{t('search.kinds')}</legend>
            {SEARCH_KINDS.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) => update({ kinds: e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k) })}
                />
                {t(`search.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <p className="small muted">{t('search.syntax')}</p>
        </form>
      </Panel>
      {q && (
        <Panel
          id="search-results"
          title={
            results.data
              ? t('search.resultsTitle', { count: results.data.items.length, q })
              : // No count while loading or after an error: "0 results" above an error message would be false.
                t('search.resultsTitleQuery', { q })
          }
        >
          <QueryState isLoading={results.isLoading} error={results.error}>
            {results.data && results.data.items.length > 0 ? (
              <ol className="kb-list">
                {results.data.items.map((r) => (
                  <li key={`${r.kind}-${r.id}`} className="search-result">
                    <div className="small muted">
                      {t(`search.kind.${r.kind}`)} · <DateTime at={r.updatedAt} />
                    </div>
                    <h3 className="search-result-title">
                      <Link to={LINK[r.kind](r.id)}>
                        <Highlight snippet={r.titleHighlight} />
                      </Link>
                    </h3>
                    <p className="search-snippet">
                      <Highlight snippet={r.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <Empty title={t('search.emptyTitle')}>{t('search.emptyBody')}</Empty>
            )}
          </QueryState>
        </Panel>
      )}
    </>
  );
}
