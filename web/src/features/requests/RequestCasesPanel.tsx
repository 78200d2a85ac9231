// The cases linked to a request, on its page, and the two ways to give the request a case in one
// step: open one from the request (title, category and parties taken from it), or link one of my
// open cases. Evidence answering the request is filed in such a case.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import { useCaseMeta } from '../../api/meta';
import type { RequestView } from '../../api/types';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/Field';
import { requestCasesKey, useRequestCases } from './request-answer';

export function RequestCasesPanel({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const { can } = useSession();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const linked = useRequestCases(request.id);
  const [pick, setPick] = useState('');
  const [linking, setLinking] = useState(false);
  const mayLink = can('case:edit') && request.status !== 'draft';
  const mine = useQuery({
    queryKey: ['cases', 'list', { status: 'open' }],
    queryFn: () => answer(http.GET('/api/cases')),
    enabled: linking && mayLink,
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: requestCasesKey(request.id) }),
      qc.invalidateQueries({ queryKey: ['requests', 'evidence', request.id] }),
      qc.invalidateQueries({ queryKey: ['cases'] }),
    ]);
  const open = useMutation({
    mutationFn: () => answer(http.POST('/api/requests/{id}/case', { params: { path: { id: request.id } } })),
    onSuccess: refresh,
  });
  const link = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/cases/{id}/actions', {
          params: { path: { id: pick } },
          body: { action: 'link_request', requestId: request.id },
        }),
      ),
    onSuccess: async () => {
      setPick('');
      setLinking(false);
      await refresh();
    },
  });
  const items = linked.data?.items ?? [];
  const linkedIds = new Set(items.map((c) => c.id));
  const options = (mine.data?.items ?? [])
    .filter((c) => c.access === 'full' && c.status !== 'closed' && !linkedIds.has(c.id))
    .map((c) => ({ value: c.id, label: `${c.reference} · ${c.title ? bi(c.title) : ''}` }));
  return (
    <div className="stack-sm">
      {linked.isLoading ? (
        <p className="muted">{t('answer.cases.loading')}</p>
      ) : (
        items.length === 0 && <p className="muted">{t('answer.cases.none')}</p>
      )}
      {items.length > 0 && (
        <ul className="plain-list stack-sm">
          {items.map((c) => (
            <li key={c.id} className="row">
              <Link to={`/cases/${c.id}`} className="mono">
                {c.reference}
              </Link>
              {c.title && <span className="break">{bi(c.title)}</span>}
              <Badge tone={genericTone(c.status)}>{label(meta?.statuses, c.status)}</Badge>
            </li>
          ))}
        </ul>
      )}
      {open.data?.opened && (
        <p className="small" role="status">
          {t('answer.cases.opened', { reference: open.data.case.reference })}
        </p>
      )}
      {request.status !== 'draft' && (
        <div className="row">
          {can('case:create') && !items.some((c) => c.mayAddEvidence) && (
            <button type="button" className="btn sm" disabled={open.isPending} onClick={() => open.mutate()}>
              {t('answer.cases.open')}
            </button>
          )}
          {mayLink && !linking && (
            <button type="button" className="btn sm ghost" onClick={() => setLinking(true)}>
              {t('answer.cases.linkExisting')}
            </button>
          )}
        </div>
      )}
      {linking && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pick) link.mutate();
          }}
        >
          <SelectField
            label={t('answer.cases.pick')}
            path="link-case"
            placeholder={t('common.choose')}
            options={options}
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            className="grow"
            hint={mine.data && options.length === 0 ? t('answer.cases.noneToLink') : undefined}
          />
          <button type="submit" className="btn sm primary" disabled={!pick || link.isPending}>
            {t('answer.cases.link')}
          </button>
          <button type="button" className="btn sm" onClick={() => setLinking(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      <ErrorSummary error={open.error ?? link.error} />
    </div>
  );
}
