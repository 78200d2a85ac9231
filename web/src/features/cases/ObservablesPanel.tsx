// Observables of a case: typed, normalized, deduplicated values with TLP; add one, or paste many
// (one per line, defanged forms like hxxp:// and [.] accepted) and see what was rejected and why.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { outcomeCounts } from './observable-outcome';
import { answer, http } from '../../api/client';
import type { CaseDetail, ObservableOutcome, Tlp } from '../../api/case-types';
import type { JsonBody } from '../../api/types';
import { useCaseMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { TlpBadge } from '../../components/Tlp';
import { ExtractToCase } from '../intel/ExtractToCase';

type Draft = { type: string; value: string; text: string; tlp: Tlp };
type AddBody = JsonBody<'/api/cases/{id}/observables', 'post'>;

/**
 * One observable, or a paste of many, as POST /cases/:id/observables takes them. The type select holds
 * a string; the route's schema is the authority on it, so the body is typed as the route declares it here, once.
 */
function addBody(mode: 'one' | 'paste' | 'extract', v: Draft): AddBody {
  return (
    mode === 'one'
      ? { type: v.type, value: v.value, tlp: v.tlp }
      : { paste: { type: v.type, text: v.text, tlp: v.tlp }, atomic: false }
  ) as AddBody;
}

export function ObservablesPanel({ kase: c }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const [mode, setMode] = useState<'one' | 'paste' | 'extract'>('one');
  const [v, setV] = useState<Draft>({ type: 'domain', value: '', text: '', tlp: c.tlp ?? 'AMBER' });
  const [outcome, setOutcome] = useState<ObservableOutcome | null>(null);
  const add = useMutation({
    mutationFn: () =>
      answer(http.POST('/api/cases/{id}/observables', { params: { path: { id: c.id } }, body: addBody(mode, v) })),
    onSuccess: async (o) => {
      setOutcome(o);
      setV({ ...v, value: '', text: o.rejected.length ? v.text : '' });
      await qc.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
    },
  });
  const err = useFieldErrors(add.error);
  const types = Object.entries(meta?.observableTypes ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    add.mutate();
  };
  const editable = c.allowedActions.includes('update');
  const items = c.observables ?? [];
  return (
    <div className="stack">
      {editable && (
        <Panel
          title={t('observables.add')}
          id="add-observables"
          actions={
            <div className="row" role="group" aria-label={t('observables.mode')}>
              <button type="button" className="btn sm" aria-pressed={mode === 'one'} onClick={() => setMode('one')}>
                {t('observables.one')}
              </button>
              <button type="button" className="btn sm" aria-pressed={mode === 'paste'} onClick={() => setMode('paste')}>
                {t('observables.paste')}
              </button>
              <button
                type="button"
                className="btn sm"
                aria-pressed={mode === 'extract'}
                onClick={() => setMode('extract')}
              >
                {t('intel.extract.caseMode')}
              </button>
            </div>
          }
        >
          {mode === 'extract' ? (
            <ExtractToCase caseId={c.id} tlp={v.tlp} />
          ) : (
            <form className="stack-sm" onSubmit={submit} noValidate>
              <div className="inline-form">
                <SelectField
                  label={t('observables.type')}
                  path="type"
                  options={types}
                  value={v.type}
                  onChange={(e) => setV({ ...v, type: e.target.value })}
                />
                {mode === 'one' && (
                  <TextField
                    label={t('observables.value')}
                    path="observables.0.value"
                    className="grow"
                    value={v.value}
                    onChange={(e) => setV({ ...v, value: e.target.value })}
                    error={err('observables.0.value') ?? err('value')}
                  />
                )}
                <SelectField
                  label="TLP"
                  path="tlp"
                  value={v.tlp}
                  onChange={(e) => setV({ ...v, tlp: e.target.value as typeof v.tlp })}
                  options={Object.keys(meta?.tlp ?? {}).map((k) => ({ value: k, label: `TLP:${k}` }))}
                />
                {mode === 'one' && (
                  <button type="submit" className="btn primary" disabled={add.isPending}>
                    {t('observables.addButton')}
                  </button>
                )}
              </div>
              {mode === 'paste' && (
                <>
                  <TextArea
                    label={t('observables.pasteLabel')}
                    path="paste.text"
                    rows={6}
                    value={v.text}
                    hint={t('observables.pasteHint')}
                    error={err('paste.text') ?? err('paste')}
                    onChange={(e) => setV({ ...v, text: e.target.value })}
                  />
                  <div className="form-actions">
                    <button type="submit" className="btn primary" disabled={add.isPending}>
                      {t('observables.addAll')}
                    </button>
                  </div>
                </>
              )}
              {outcome && (
                <div className={`alert ${outcome.rejected.length ? 'warning' : 'success'}`} role="status">
                  <div>
                    <div className="alert-title">{t('observables.outcome', outcomeCounts(outcome))}</div>
                    {outcome.rejected.length > 0 && (
                      <ul>
                        {outcome.rejected.map((r) => (
                          <li key={r.index}>
                            <span className="mono">{r.value}</span>: {r.issues.map((i) => bi(i.message)).join('; ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </div>
              )}
              {add.error !== null && <ErrorSummary error={add.error} />}
            </form>
          )}
        </Panel>
      )}
      <Panel title={t('cases.tabObservables')} flush id="observables">
        <DataTable
          items={items}
          rowKey={(o) => o.id}
          empty={<Empty title={t('observables.empty')} />}
          columns={[
            t('observables.type'),
            t('observables.value'),
            'TLP',
            t('observables.sources'),
            t('observables.firstSeen'),
          ]}
          row={(o) => (
            <>
              <td className="nowrap">{label(meta?.observableTypes, o.type)}</td>
              <td className="mono break">
                {o.display}
                {o.flags.includes('refanged') && <span className="faint"> · {t('observables.refanged')}</span>}
              </td>
              <td>
                <TlpBadge tlp={o.tlp} />
              </td>
              <td className="small">
                {[...new Set(o.sources.map((s) => s.party))].map((p, i) => (
                  <span key={p}>
                    {i > 0 && ', '}
                    <PartyName id={p} />
                  </span>
                ))}
              </td>
              <td className="small">
                <DateTime at={o.firstSeenAt} />
              </td>
            </>
          )}
        />
      </Panel>
    </div>
  );
}
