// Administrators: values excluded from correlation (a shared CDN, a public resolver) with the reason.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { CorrelationExclusion } from '../../api/intel-correlation-types';
import type { JsonBody } from '../../api/types';
import { useCaseMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';

type Draft = { type: string; value: string; reason: string };

/** The body of an exclusion; the type is held as a string by the select, the route's schema checks it. */
const toBody = (v: Draft) => v as JsonBody<'/api/intel/exclusions', 'post'>;
/** The listed exclusion's path; its type is one the server recorded (the answer declares it as a string). */
const pathOf = (e: CorrelationExclusion) => ({ type: e.type, hash: e.hash });

export function ExclusionsPanel() {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const [v, setV] = useState<Draft>({ type: 'domain', value: '', reason: '' });
  const list = useQuery({
    queryKey: ['intel', 'exclusions'],
    queryFn: () => answer(http.GET('/api/intel/exclusions')),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['intel', 'exclusions'] });
  const add = useMutation({
    mutationFn: () => answer(http.POST('/api/intel/exclusions', { body: toBody(v) })),
    onSuccess: async () => {
      setV({ ...v, value: '', reason: '' });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (e: CorrelationExclusion) =>
      answer(http.DELETE('/api/intel/exclusions/{type}/{hash}', { params: { path: pathOf(e) } })),
    onSuccess: refresh,
  });
  const err = useFieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const items = list.data?.items ?? [];
  const types = Object.entries(meta?.observableTypes ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  return (
    <Panel title={t('intel.alerts.exclusions.title')} id="intel-exclusions">
      <p className="small">{t('intel.alerts.exclusions.hint')}</p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <SelectField
          label={t('intel.alerts.exclusions.type')}
          path="type"
          options={types}
          value={v.type}
          onChange={(e) => setV({ ...v, type: e.target.value })}
        />
        <TextField
          label={t('intel.alerts.exclusions.value')}
          path="value"
          className="grow"
          value={v.value}
          error={err('value')}
          onChange={(e) => setV({ ...v, value: e.target.value })}
        />
        <TextField
          label={t('intel.alerts.exclusions.reason')}
          path="reason"
          className="grow"
          value={v.reason}
          error={err('reason')}
          onChange={(e) => setV({ ...v, reason: e.target.value })}
        />
        <button type="submit" className="btn primary" disabled={add.isPending}>
          {t('intel.alerts.exclusions.add')}
        </button>
      </form>
      {add.error !== null && <ErrorSummary error={add.error} />}
      <DataTable
        items={items}
        rowKey={(e) => `${e.type}:${e.hash}`}
        empty={<Empty title={t('intel.alerts.exclusions.empty')} />}
        columns={[
          t('intel.alerts.exclusions.type'),
          t('intel.alerts.exclusions.value'),
          t('intel.alerts.exclusions.reason'),
          t('intel.alerts.exclusions.by'),
          <span key="actions" className="sr-only">
            {t('intel.alerts.colActions')}
          </span>,
        ]}
        row={(e) => (
          <>
            <td className="nowrap">{label(meta?.observableTypes, e.type)}</td>
            <td className="mono break">{e.value}</td>
            <td>{e.reason}</td>
            <td className="small">
              {e.createdBy} · <DateTime at={e.createdAt} />
            </td>
            <td>
              <button
                type="button"
                className="btn sm"
                disabled={remove.isPending}
                onClick={() => remove.mutate(e)}
                aria-label={t('intel.alerts.exclusions.removeLabel', { value: e.value })}
              >
                {t('intel.alerts.exclusions.remove')}
              </button>
            </td>
          </>
        )}
      />
    </Panel>
  );
}
