// Indicator extraction (docs/spec.md §5.3): paste text, see each found indicator highlighted in place and
// listed once per value, then add the chosen ones to a case.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea } from '../../components/Field';
import { Empty, PageHeader, Panel } from '../../components/Page';
import { HighlightedText } from './HighlightedText';
import { IndicatorPicker } from './IndicatorPicker';
import { IntelTabs } from './IntelTabs';
import { observablesBody, useExtract } from './useExtract';

export function ExtractPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const [text, setText] = useState('');
  const [caseId, setCaseId] = useState('');
  const { run, chosen, setChosen, picked, extractedText } = useExtract();
  const cases = useQuery({
    queryKey: ['cases', 'list', 'for-extract'],
    enabled: can('case:edit'),
    queryFn: () => answer(http.GET('/api/cases', { params: { query: { limit: 200 } } })),
  });
  const addToCase = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/cases/{id}/observables', {
          params: { path: { id: caseId } },
          body: observablesBody(picked),
        }),
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    addToCase.reset();
    run.mutate(text);
  };
  const result = run.data;
  const caseOptions = (cases.data?.items ?? [])
    .filter((c) => c.access === 'full')
    .map((c) => ({ value: c.id, label: `${c.reference}${c.title ? ` — ${bi(c.title)}` : ''}` }));
  return (
    <>
      <PageHeader title={t('intel.title')} subtitle={t('intel.extract.subtitle')} />
      <IntelTabs />
      <div className="stack">
        <Panel title={t('intel.extract.inputTitle')} id="extract-input">
          <form className="stack-sm" onSubmit={submit} noValidate>
            <TextArea
              label={t('intel.extract.textLabel')}
              path="text"
              rows={8}
              value={text}
              hint={t('intel.extract.textHint')}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="form-actions">
              <button type="submit" className="btn primary" disabled={run.isPending || text.trim() === ''}>
                {run.isPending ? t('intel.extract.running') : t('intel.extract.submit')}
              </button>
            </div>
            {run.error !== null && <ErrorSummary error={run.error} />}
          </form>
        </Panel>
        {result && (
          <Panel
            title={t('intel.extract.resultTitle', { count: result.indicators.length, occurrences: result.occurrences })}
            id="extract-result"
          >
            {result.indicators.length === 0 ? (
              <Empty title={t('intel.extract.none')} />
            ) : (
              <div className="stack-sm">
                <HighlightedText
                  text={extractedText}
                  indicators={result.indicators}
                  label={t('intel.extract.highlighted')}
                />
                <IndicatorPicker indicators={result.indicators} chosen={chosen} onChange={setChosen} />
                {can('case:edit') && (
                  <div className="inline-form">
                    <SelectField
                      label={t('intel.extract.case')}
                      path="caseId"
                      className="grow"
                      value={caseId}
                      options={caseOptions}
                      placeholder={t('intel.extract.casePlaceholder')}
                      onChange={(e) => setCaseId(e.target.value)}
                    />
                    <button
                      type="button"
                      className="btn primary"
                      disabled={!caseId || picked.length === 0 || addToCase.isPending}
                      onClick={() => addToCase.mutate()}
                    >
                      {t('intel.extract.addToCase', { count: picked.length })}
                    </button>
                  </div>
                )}
                {addToCase.data && (
                  <div className={`alert ${addToCase.data.rejected.length ? 'warning' : 'success'}`} role="status">
                    <div>
                      {t('intel.extract.added', {
                        added: addToCase.data.added.length,
                        merged: addToCase.data.merged.length + addToCase.data.duplicates.length,
                        rejected: addToCase.data.rejected.length,
                      })}{' '}
                      <Link to={`/cases/${caseId}`} style={{ textDecoration: 'underline' }}>
                        {t('intel.extract.openCase')}
                      </Link>
                    </div>
                  </div>
                )}
                {addToCase.error !== null && <ErrorSummary error={addToCase.error} />}
              </div>
            )}
          </Panel>
        )}
      </div>
    </>
  );
}
