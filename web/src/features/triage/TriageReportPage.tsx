// One report in triage: the victim's account and fields, screenshots (downloads are audited),
// extracted indicators, correlations, suggested duplicates to merge, and the one-step case.
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useCaseMeta } from '../../api/meta';
import { useLabel } from '../../components/Bi';
import { DataTable } from '../../components/ListParts';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import {
  canForward,
  canMarkDuplicate,
  triageActions,
  type TriageAction,
} from '../../../../src/domain/public-report/transitions';
import { IndicatorNotes } from '../intel/IndicatorNotes';
import { ReportFacts } from './ReportFacts';

export function TriageReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const report = useQuery({
    queryKey: ['triage', 'report', id],
    queryFn: () => answer(http.GET('/api/triage/reports/{id}', { params: { path: { id } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['triage'] });
  const act = useMutation({
    mutationFn: (action: TriageAction) =>
      answer(
        http.POST('/api/triage/reports/{id}/actions', {
          params: { path: { id } },
          body: { action, note: note || undefined },
        }),
      ),
    onSuccess: () => {
      setNote('');
      void refresh();
    },
  });
  const merge = useMutation({
    mutationFn: (dup: string) =>
      answer(http.POST('/api/triage/reports/{id}/merge', { params: { path: { id } }, body: { duplicateIds: [dup] } })),
    onSuccess: () => void refresh(),
  });
  const toCase = useMutation({
    mutationFn: () => answer(http.POST('/api/triage/cases', { body: { reportIds: [id] } })),
    onSuccess: (r) => {
      void refresh();
      void navigate(`/cases/${r.caseId}`);
    },
  });
  const r = report.data;
  const mayAct = can('triage:act');
  const label = useLabel();
  const caseMeta = useCaseMeta().data;
  const typeLabel = (type: string) => label(caseMeta?.observableTypes, type);
  const sourceLink = (kind: string, id: string, text: string): ReactNode =>
    kind === 'report' ? (
      <Link to={`/triage/${id}`}>{text}</Link>
    ) : kind === 'case' ? (
      <Link to={`/cases/${id}`}>{text}</Link>
    ) : kind === 'request' ? (
      <Link to={`/requests/${id}`}>{text}</Link>
    ) : (
      text
    );
  return (
    <QueryState isLoading={report.isLoading} error={report.error}>
      {r && (
        <>
          <PageHeader
            eyebrow={<Link to="/triage">{t('triage.back')}</Link>}
            title={r.receipt}
            subtitle={
              <>
                <Badge tone={genericTone(r.status)}>{t(`triage.status_${r.status}`)}</Badge>{' '}
                {t(`triage.category_${r.category}`)} · <DateTime at={r.submittedAt} />
              </>
            }
            actions={
              mayAct &&
              canForward(r.status) && (
                <button
                  type="button"
                  className="btn primary"
                  disabled={toCase.isPending}
                  onClick={() => toCase.mutate()}
                >
                  {t('triage.createCaseOne')}
                </button>
              )
            }
          />
          <ErrorSummary error={toCase.error ?? act.error ?? merge.error} />
          {r.duplicateOfReport && (
            <p>
              <Link to={`/triage/${r.duplicateOfReport.id}`}>
                {t('triage.duplicateOf', { receipt: r.duplicateOfReport.receipt })}
              </Link>
            </p>
          )}
          {r.caseId && (
            <p>
              <Link to={`/cases/${r.caseId}`}>{t('triage.caseLink')}</Link>
            </p>
          )}
          <div className="stack">
            <Panel id="triage-narrative" title={t('triage.narrative')}>
              <p style={{ whiteSpace: 'pre-wrap', margin: 0 }} lang={r.language === 'zh' ? 'zh-CN' : 'en'}>
                {r.narrative}
              </p>
            </Panel>
            <ReportFacts report={r} />
            <Panel id="triage-indicators" title={t('triage.indicatorsTitle')} flush={r.indicators.length > 0}>
              <DataTable
                testId="indicators"
                items={r.indicators}
                rowKey={(i) => `${i.type}:${i.value}`}
                empty={<p className="muted">{t('triage.noIndicators')}</p>}
                columns={[t('triage.colType'), t('triage.colValue'), t('triage.colFoundIn')]}
                row={(i) => (
                  <>
                    <td className="nowrap">{typeLabel(i.type)}</td>
                    <td className="mono break">
                      {i.display}
                      <IndicatorNotes type={i.type} value={i.value} flags={i.flags} />
                    </td>
                    <td className="nowrap">{t(`triage.source_${i.source}`)}</td>
                  </>
                )}
              />
            </Panel>
            <Panel id="triage-correlations" title={t('triage.correlations')} flush={r.correlations.length > 0}>
              <DataTable
                items={r.correlations}
                rowKey={(c) => `${c.type}:${c.value}:${c.sourceKind}:${c.sourceId}`}
                empty={<p className="muted">{t('triage.noCorrelations')}</p>}
                columns={[t('triage.colType'), t('triage.colValue'), t('triage.colAlsoIn')]}
                row={(c) => (
                  <>
                    <td className="nowrap">{typeLabel(c.type)}</td>
                    <td className="mono break">{c.value}</td>
                    <td>
                      {t(`triage.kind_${c.sourceKind as 'case'}`)}{' '}
                      {sourceLink(c.sourceKind, c.sourceId, c.sourceLabel ?? c.sourceId)}
                    </td>
                  </>
                )}
              />
            </Panel>
            <Panel id="triage-duplicates" title={t('triage.duplicates')}>
              {r.duplicates.length ? (
                <ul className="evidence-list">
                  {r.duplicates.map((d) => (
                    <li key={d.id} className="stack-sm">
                      <div className="row">
                        <Link className="mono" to={`/triage/${d.id}`}>
                          {d.receipt}
                        </Link>
                        <Badge tone={genericTone(d.status)}>{t(`triage.status_${d.status}`)}</Badge>
                        <span className="faint small">
                          {t('triage.score')}: {Math.round(d.score * 100)}% ·{' '}
                          {d.reasons
                            .map((x) => t(`triage.reason_${x as 'same_contact'}`))
                            .join(i18n.language === 'zh-CN' ? '、' : ', ')}
                        </span>
                      </div>
                      <div className="faint small">{d.excerpt}</div>
                      {mayAct && canMarkDuplicate(d.status, r.status) && (
                        <div>
                          <button
                            type="button"
                            className="btn sm"
                            disabled={merge.isPending}
                            onClick={() => merge.mutate(d.id)}
                          >
                            {t('triage.merge', { receipt: d.receipt })}
                          </button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('triage.noDuplicates')}</p>
              )}
            </Panel>
            {mayAct && (
              <Panel id="triage-actions" title={t('triage.actions')}>
                <div className="stack">
                  <TextField
                    label={t('triage.note')}
                    path="triage-note"
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <div className="row">
                    {triageActions(r.status).map((a) => (
                      <button
                        key={a}
                        type="button"
                        className="btn"
                        disabled={act.isPending}
                        onClick={() => act.mutate(a)}
                      >
                        {t(`triage.action_${a}`)}
                      </button>
                    ))}
                  </div>
                  {r.notes.length > 0 && (
                    <ul className="plain-list small">
                      {r.notes.map((n) => (
                        <li key={n.at}>
                          <DateTime at={n.at} /> · {n.by}: {n.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </Panel>
            )}
          </div>
        </>
      )}
    </QueryState>
  );
}
