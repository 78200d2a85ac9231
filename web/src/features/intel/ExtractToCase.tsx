// A case's "extract from free text" mode: paste a victim statement or a report, pick the found
// indicators, add them to this case in one batch.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea } from '../../components/Field';
import { IndicatorPicker } from './IndicatorPicker';
import { observablesBody, useExtract } from './useExtract';

export function ExtractToCase({ caseId, tlp }: { caseId: string; tlp: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const { run, chosen, setChosen, picked } = useExtract();
  const add = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/cases/{id}/observables', {
          params: { path: { id: caseId } },
          body: observablesBody(picked, tlp),
        }),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
    },
  });
  const indicators = run.data?.indicators ?? [];
  return (
    <div className="stack-sm">
      <TextArea
        label={t('intel.extract.textLabel')}
        path="text"
        rows={6}
        value={text}
        hint={t('intel.extract.textHint')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={run.isPending || text.trim() === ''}
          onClick={() => {
            add.reset();
            run.mutate(text);
          }}
        >
          {t('intel.extract.submit')}
        </button>
      </div>
      {run.data && indicators.length === 0 && <p role="status">{t('intel.extract.none')}</p>}
      {indicators.length > 0 && (
        <>
          <IndicatorPicker indicators={indicators} chosen={chosen} onChange={setChosen} />
          <div className="form-actions">
            <button
              type="button"
              className="btn primary"
              disabled={picked.length === 0 || add.isPending}
              onClick={() => add.mutate()}
            >
              {t('intel.extract.addToThisCase', { count: picked.length })}
            </button>
          </div>
        </>
      )}
      {add.data && (
        <div className="alert success" role="status">
          {t('intel.extract.added', {
            added: add.data.added.length,
            merged: add.data.merged.length + add.data.duplicates.length,
            rejected: add.data.rejected.length,
          })}
        </div>
      )}
      {(run.error ?? add.error) !== null && <ErrorSummary error={run.error ?? add.error} />}
    </div>
  );
}
