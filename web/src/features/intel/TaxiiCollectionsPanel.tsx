// TAXII collections: object counts, API root and sharing scope (readers, writers, max TLP); intel
// managers create collections and change their scope and root. Readers and writers may also be
// chosen as sharing groups: on save the node adds their active peer members (docs/federation.md §19).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { JsonBody } from '../../api/types';
import type { TaxiiCollection } from '../../api/intel-taxii-types';
import { useSession } from '../../app/session';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { GroupChecklist } from '../../components/GroupChecklist';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { TLP_LEVELS } from '../../../../src/domain/case/tlp';

type Draft = {
  title: string;
  alias: string;
  readers: string;
  writers: string;
  readerGroups: string[];
  writerGroups: string[];
  maxTlp: string;
  apiRoot: string;
};
const EMPTY: Draft = {
  title: '',
  alias: '',
  readers: '',
  writers: '',
  readerGroups: [],
  writerGroups: [],
  maxTlp: 'AMBER',
  apiRoot: 'api',
};

const parties = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const toDraft = (c: TaxiiCollection): Draft => ({
  title: c.title,
  alias: c.alias ?? '',
  readers: c.readers.join(', '),
  writers: c.writers.join(', '),
  readerGroups: [],
  writerGroups: [],
  maxTlp: c.maxTlp,
  apiRoot: c.apiRoot,
});
/** The body of a create or edit; maxTlp is held as a string by the select, the route's schema checks it. */
const toBody = (d: Draft) =>
  ({
    title: d.title,
    alias: d.alias || null,
    readers: parties(d.readers),
    writers: parties(d.writers),
    ...(d.readerGroups.length ? { readerGroups: d.readerGroups } : {}),
    ...(d.writerGroups.length ? { writerGroups: d.writerGroups } : {}),
    maxTlp: d.maxTlp,
    apiRoot: d.apiRoot.trim() || 'api',
  }) as JsonBody<'/api/intel/collections', 'post'>;

function CollectionForm({
  draft,
  onChange,
  onSubmit,
  pending,
  error,
  submitLabel,
  idPrefix,
}: {
  draft: Draft;
  onChange(d: Draft): void;
  onSubmit(): void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const err = useFieldErrors(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextField
        label={t('intel.taxii.collections.name')}
        path={`${idPrefix}.title`}
        required
        value={draft.title}
        error={err('title')}
        onChange={(e) => onChange({ ...draft, title: e.target.value })}
      />
      <TextField
        label={t('intel.taxii.collections.alias')}
        path={`${idPrefix}.alias`}
        value={draft.alias}
        error={err('alias')}
        onChange={(e) => onChange({ ...draft, alias: e.target.value })}
      />
      <TextField
        label={t('intel.taxii.collections.readers')}
        path={`${idPrefix}.readers`}
        hint={t('intel.taxii.collections.partiesHint')}
        value={draft.readers}
        error={err('readers')}
        onChange={(e) => onChange({ ...draft, readers: e.target.value })}
      />
      <TextField
        label={t('intel.taxii.collections.writers')}
        path={`${idPrefix}.writers`}
        value={draft.writers}
        error={err('writers')}
        onChange={(e) => onChange({ ...draft, writers: e.target.value })}
      />
      <GroupChecklist
        label={t('intel.taxii.collections.readerGroups')}
        path={`${idPrefix}.readerGroups`}
        hint={t('intel.taxii.collections.groupsHint')}
        value={draft.readerGroups}
        error={err('readerGroups')}
        onChange={(readerGroups) => onChange({ ...draft, readerGroups })}
      />
      <GroupChecklist
        label={t('intel.taxii.collections.writerGroups')}
        path={`${idPrefix}.writerGroups`}
        hint={t('intel.taxii.collections.groupsHint')}
        value={draft.writerGroups}
        error={err('writerGroups')}
        onChange={(writerGroups) => onChange({ ...draft, writerGroups })}
      />
      <SelectField
        label={t('intel.taxii.collections.maxTlp')}
        path={`${idPrefix}.maxTlp`}
        value={draft.maxTlp}
        options={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))}
        onChange={(e) => onChange({ ...draft, maxTlp: e.target.value })}
      />
      <TextField
        label={t('intel.taxii.collections.apiRoot')}
        path={`${idPrefix}.apiRoot`}
        hint={t('intel.taxii.collections.apiRootHint')}
        value={draft.apiRoot}
        error={err('apiRoot')}
        onChange={(e) => onChange({ ...draft, apiRoot: e.target.value })}
      />
      <button type="submit" className="btn primary" disabled={pending}>
        {submitLabel}
      </button>
      {error !== null && error !== undefined && <ErrorSummary error={error} />}
    </form>
  );
}

export function TaxiiCollectionsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const list = useQuery({
    queryKey: ['intel', 'taxii', 'collections'],
    queryFn: () => answer(http.GET('/api/intel/collections')),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['intel', 'taxii'] });
  const create = useMutation({
    mutationFn: () => answer(http.POST('/api/intel/collections', { body: toBody(draft) })),
    onSuccess: async () => {
      setDraft(EMPTY);
      await refresh();
    },
  });
  const save = useMutation({
    mutationFn: (e: { id: string; draft: Draft }) =>
      answer(http.PATCH('/api/intel/collections/{id}', { params: { path: { id: e.id } }, body: toBody(e.draft) })),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const items = list.data?.items ?? [];
  const manage = can('intel:manage');
  return (
    <Panel title={t('intel.taxii.collections.title')} id="taxii-collections">
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          items={items}
          rowKey={(c) => c.id}
          region={t('intel.taxii.collections.title')}
          empty={<Empty title={t('intel.taxii.collections.empty')} />}
          columns={[
            t('intel.taxii.collections.name'),
            t('intel.taxii.collections.alias'),
            t('intel.taxii.collections.apiRoot'),
            t('intel.taxii.collections.readers'),
            t('intel.taxii.collections.writers'),
            t('intel.taxii.collections.maxTlp'),
            { title: t('intel.taxii.collections.objects'), className: 'num' },
            ...(manage
              ? [
                  <span key="actions" className="sr-only">
                    {t('intel.taxii.actions')}
                  </span>,
                ]
              : []),
          ]}
          row={(c) => (
            <>
              <td>
                {c.title}
                <div className="mono faint small">{c.id}</div>
              </td>
              <td className="mono">{c.alias ?? '—'}</td>
              <td className="mono">{c.apiRoot}</td>
              <td>
                {c.readers.length ? (
                  c.readers.join(', ')
                ) : (
                  <span className="faint">{t('intel.taxii.collections.localOnly')}</span>
                )}
              </td>
              <td>
                {c.writers.length ? (
                  c.writers.join(', ')
                ) : (
                  <span className="faint">{t('intel.taxii.collections.localOnly')}</span>
                )}
              </td>
              <td className="nowrap">TLP:{c.maxTlp}</td>
              <td className="num">{c.objectCount ?? 0}</td>
              {manage && (
                <td>
                  <button
                    type="button"
                    className="btn sm"
                    onClick={() => setEditing({ id: c.id, draft: toDraft(c) })}
                    aria-label={t('intel.taxii.collections.editLabel', { name: c.title })}
                  >
                    {t('intel.taxii.collections.edit')}
                  </button>
                </td>
              )}
            </>
          )}
        />
      </QueryState>
      {manage && editing && (
        <section className="stack" aria-labelledby="taxii-edit-heading">
          <h3 className="section-title" id="taxii-edit-heading">
            {t('intel.taxii.collections.editTitle')}
          </h3>
          <CollectionForm
            idPrefix="edit"
            draft={editing.draft}
            onChange={(d) => setEditing({ ...editing, draft: d })}
            onSubmit={() => save.mutate(editing)}
            pending={save.isPending}
            error={save.error}
            submitLabel={t('intel.taxii.collections.save')}
          />
          <button type="button" className="btn sm" onClick={() => setEditing(null)}>
            {t('intel.taxii.cancel')}
          </button>
        </section>
      )}
      {manage && (
        <section className="stack" aria-labelledby="taxii-new-heading">
          <h3 className="section-title" id="taxii-new-heading">
            {t('intel.taxii.collections.newTitle')}
          </h3>
          <CollectionForm
            idPrefix="new"
            draft={draft}
            onChange={setDraft}
            onSubmit={() => create.mutate()}
            pending={create.isPending}
            error={create.error}
            submitLabel={t('intel.taxii.collections.create')}
          />
        </section>
      )}
    </Panel>
  );
}
