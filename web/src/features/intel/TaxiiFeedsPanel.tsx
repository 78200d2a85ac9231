// TAXII feeds: remote collections this node pulls on a schedule — last run, result, last error and
// watermark; intel managers add feeds and pull one now.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { TaxiiCollection, TaxiiPullResult } from '../../api/intel-taxii-types';
import type { JsonBody } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';

type Draft = {
  name: string;
  url: string;
  collection: string;
  targetCollection: string;
  authKind: 'none' | 'bearer' | 'basic';
  username: string;
  secret: string;
  intervalMinutes: string;
};
const EMPTY: Draft = {
  name: '',
  url: '',
  collection: '',
  targetCollection: 'local',
  authKind: 'bearer',
  username: '',
  secret: '',
  intervalMinutes: '60',
};

type FeedBody = JsonBody<'/api/intel/feeds', 'post'>;

function toBody(d: Draft): FeedBody {
  const auth: FeedBody['auth'] =
    d.authKind === 'none'
      ? { kind: 'none' }
      : d.authKind === 'bearer'
        ? { kind: 'bearer', token: d.secret }
        : { kind: 'basic', username: d.username, password: d.secret };
  return {
    name: d.name,
    url: d.url,
    collection: d.collection,
    targetCollection: d.targetCollection,
    auth,
    intervalMinutes: Number(d.intervalMinutes),
  };
}

function AddFeedForm({ collections }: { collections: TaxiiCollection[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(EMPTY);
  const add = useMutation({
    mutationFn: () => answer(http.POST('/api/intel/feeds', { body: toBody(d) })),
    onSuccess: async () => {
      setD(EMPTY);
      await qc.invalidateQueries({ queryKey: ['intel', 'taxii'] });
    },
  });
  const err = useFieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section className="stack" aria-labelledby="taxii-feed-new-heading">
      <h3 className="section-title" id="taxii-feed-new-heading">
        {t('intel.taxii.feeds.newTitle')}
      </h3>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField
          label={t('intel.taxii.feeds.name')}
          path="name"
          required
          value={d.name}
          error={err('name')}
          onChange={(e) => setD({ ...d, name: e.target.value })}
        />
        <TextField
          label={t('intel.taxii.feeds.url')}
          path="url"
          required
          type="url"
          placeholder="https://…/taxii2/"
          value={d.url}
          error={err('url')}
          hint={t('intel.taxii.feeds.urlHint')}
          onChange={(e) => setD({ ...d, url: e.target.value })}
        />
        <TextField
          label={t('intel.taxii.feeds.collection')}
          path="collection"
          required
          value={d.collection}
          error={err('collection')}
          hint={t('intel.taxii.feeds.collectionHint')}
          onChange={(e) => setD({ ...d, collection: e.target.value })}
        />
        <SelectField
          label={t('intel.taxii.feeds.target')}
          path="targetCollection"
          value={d.targetCollection}
          error={err('targetCollection')}
          options={collections.map((c) => ({ value: c.alias ?? c.id, label: c.title }))}
          onChange={(e) => setD({ ...d, targetCollection: e.target.value })}
        />
        <SelectField
          label={t('intel.taxii.feeds.auth')}
          path="auth.kind"
          value={d.authKind}
          options={(['none', 'bearer', 'basic'] as const).map((k) => ({
            value: k,
            label: t(`intel.taxii.feeds.authKinds.${k}`),
          }))}
          onChange={(e) => setD({ ...d, authKind: e.target.value as Draft['authKind'] })}
        />
        {d.authKind === 'basic' && (
          <TextField
            label={t('intel.taxii.feeds.username')}
            path="auth.username"
            autoComplete="off"
            value={d.username}
            error={err('auth.username')}
            onChange={(e) => setD({ ...d, username: e.target.value })}
          />
        )}
        {d.authKind !== 'none' && (
          <TextField
            label={t(d.authKind === 'bearer' ? 'intel.taxii.feeds.token' : 'intel.taxii.feeds.password')}
            path="auth.secret"
            type="password"
            autoComplete="new-password"
            value={d.secret}
            error={err(d.authKind === 'bearer' ? 'auth.token' : 'auth.password')}
            onChange={(e) => setD({ ...d, secret: e.target.value })}
          />
        )}
        <TextField
          label={t('intel.taxii.feeds.interval')}
          path="intervalMinutes"
          type="number"
          min={5}
          max={10080}
          value={d.intervalMinutes}
          error={err('intervalMinutes')}
          onChange={(e) => setD({ ...d, intervalMinutes: e.target.value })}
        />
        <button type="submit" className="btn primary" disabled={add.isPending}>
          {t('intel.taxii.feeds.add')}
        </button>
      </form>
      {add.error !== null && <ErrorSummary error={add.error} />}
    </section>
  );
}

export function TaxiiFeedsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [lastPull, setLastPull] = useState<TaxiiPullResult | null>(null);
  const feeds = useQuery({
    queryKey: ['intel', 'taxii', 'feeds'],
    queryFn: () => answer(http.GET('/api/intel/feeds')),
  });
  const collections = useQuery({
    queryKey: ['intel', 'taxii', 'collections'],
    queryFn: () => answer(http.GET('/api/intel/collections')),
  });
  const pull = useMutation({
    mutationFn: (id: string) => answer(http.POST('/api/intel/feeds/{id}/pull', { params: { path: { id } } })),
    onSuccess: async (result) => {
      setLastPull(result);
      await qc.invalidateQueries({ queryKey: ['intel', 'taxii'] });
    },
  });
  const titleOf = (id: string) => collections.data?.items.find((c) => c.id === id)?.title ?? id;
  const items = feeds.data?.items ?? [];
  const manage = can('intel:manage');
  return (
    <Panel title={t('intel.taxii.feeds.title')} id="taxii-feeds">
      <QueryState isLoading={feeds.isLoading} error={feeds.error}>
        <DataTable
          items={items}
          rowKey={(f) => f.id}
          region={t('intel.taxii.feeds.title')}
          empty={<Empty title={t('intel.taxii.feeds.empty')}>{t('intel.taxii.feeds.emptyBody')}</Empty>}
          columns={[
            t('intel.taxii.feeds.name'),
            t('intel.taxii.feeds.source'),
            t('intel.taxii.feeds.target'),
            t('intel.taxii.feeds.lastRun'),
            t('intel.taxii.feeds.watermark'),
            ...(manage
              ? [
                  <span key="actions" className="sr-only">
                    {t('intel.taxii.actions')}
                  </span>,
                ]
              : []),
          ]}
          row={(f) => (
            <>
              <td>
                {f.name}
                <div className="small faint">
                  {t('intel.taxii.feeds.every', { minutes: f.intervalMinutes })}
                  {f.enabled ? '' : ` · ${t('intel.taxii.feeds.disabled')}`}
                </div>
              </td>
              <td className="small">
                <span className="mono break">{f.url}</span>
                <div>{f.collection}</div>
              </td>
              <td className="small">{titleOf(f.targetCollectionId)}</td>
              <td className="small">
                {f.lastRunAt ? <DateTime at={f.lastRunAt} /> : t('intel.taxii.feeds.never')}
                {f.lastResult && <div>{t('intel.taxii.feeds.result', f.lastResult)}</div>}
                {f.lastError && (
                  <div className="error" role="status">
                    {t('intel.taxii.feeds.lastError', { error: f.lastError })}
                  </div>
                )}
              </td>
              <td className="mono small">{f.watermark ?? '—'}</td>
              {manage && (
                <td>
                  <button
                    type="button"
                    className="btn sm"
                    disabled={pull.isPending || f.running}
                    onClick={() => pull.mutate(f.id)}
                    aria-label={t('intel.taxii.feeds.pullLabel', { name: f.name })}
                  >
                    {t('intel.taxii.feeds.pull')}
                  </button>
                </td>
              )}
            </>
          )}
        />
      </QueryState>
      {lastPull && (
        <p role="status" className="small">
          {lastPull.summary
            ? t('intel.taxii.feeds.pulled', {
                name: lastPull.feed.name,
                imported: lastPull.summary.imported,
                duplicates: lastPull.summary.duplicates,
                invalid: lastPull.summary.invalidCount,
              })
            : t('intel.taxii.feeds.pullFailed', { name: lastPull.feed.name, error: lastPull.error ?? '' })}
        </p>
      )}
      {pull.error !== null && <ErrorSummary error={pull.error} />}
      {manage && <AddFeedForm collections={collections.data?.items ?? []} />}
    </Panel>
  );
}
