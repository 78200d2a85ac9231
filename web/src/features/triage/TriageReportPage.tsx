// One report in triage: the victim's account and fields, screenshots (downloads are audited),
// extracted indicators, correlations, suggested duplicates to merge, and the one-step case.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { CaseFromReports, TriageReport } from '../../api/public-report-types';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { ReportFacts } from './ReportFacts';

type Action = 'start_review' | 'close' | 'reopen';
const ACTIONS_BY_STATUS: Record<string, Action[]> = {
  received: ['start_review', 'close'], under_review: ['close'], duplicate: ['start_review', 'close'], forwarded: ['close'], closed: ['reopen'],
};

export function TriageReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const report = useQuery({ queryKey: ['triage', 'report', id], queryFn: () => api.get<TriageReport>(`/triage/reports/${id}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['triage'] });
  const act = useMutation({
    mutationFn: (action: Action) => api.post(`/triage/reports/${id}/actions`, { action, note: note || undefined }),
    onSuccess: () => { setNote(''); void refresh(); },
  });
  const merge = useMutation({ mutationFn: (dup: string) => api.post(`/triage/reports/${id}/merge`, { duplicateIds: [dup] }), onSuccess: () => void refresh() });
  const toCase = useMutation({
    mutationFn: () => api.post<CaseFromReports>('/triage/cases', { reportIds: [id] }),
    onSuccess: (r) => { void refresh(); void navigate(`/cases/${r.caseId}`); },
  });
  const r = report.data;
  const mayAct = can('triage:act');
  return (
    <QueryState isLoading={report.isLoading} error={report.error}>
      {r && (
        <>
          <PageHeader eyebrow={<Link to="/triage">{t('triage.back')}</Link>} title={r.receipt}
            subtitle={<><Badge tone={genericTone(r.status)}>{t(`triage.status_${r.status}`)}</Badge> {t(`triage.category_${r.category}`)} · <DateTime at={r.submittedAt} /></>}
            actions={mayAct && r.status !== 'forwarded' && r.status !== 'closed' && (
              <button type="button" className="btn primary" disabled={toCase.isPending} onClick={() => toCase.mutate()}>{t('triage.createCaseOne')}</button>
            )} />
          <ErrorSummary error={toCase.error ?? act.error ?? merge.error} />
          {r.duplicateOfReport && <p><Link to={`/triage/${r.duplicateOfReport.id}`}>{t('triage.duplicateOf', { receipt: r.duplicateOfReport.receipt })}</Link></p>}
          {r.caseId && <p><Link to={`/cases/${r.caseId}`}>{t('triage.caseLink')}</Link></p>}
          <Panel id="triage-narrative" title={t('triage.narrative')}>
            <p style={{ whiteSpace: 'pre-wrap' }} lang={r.language === 'zh' ? 'zh-CN' : 'en'}>{r.narrative}</p>
          </Panel>
          <ReportFacts report={r} />
          <Panel id="triage-indicators" title={t('triage.indicatorsTitle')}>
            {r.indicators.length ? (
              <ul className="stack" data-testid="indicators">
                {r.indicators.map((i) => (
                  <li key={`${i.type}:${i.value}`}><Badge>{i.type}</Badge> <span className="mono">{i.display}</span> <span className="faint small">({t(`triage.source_${i.source}`)})</span></li>
                ))}
              </ul>
            ) : <p className="muted">{t('triage.noIndicators')}</p>}
          </Panel>
          <Panel id="triage-correlations" title={t('triage.correlations')}>
            {r.correlations.length ? (
              <ul className="stack">
                {r.correlations.map((c) => (
                  <li key={`${c.type}:${c.value}:${c.sourceKind}:${c.sourceId}`}>
                    <span className="mono">{c.value}</span> → {t(`triage.kind_${c.sourceKind as 'case'}`)}{' '}
                    {c.sourceKind === 'report' ? <Link to={`/triage/${c.sourceId}`}>{c.sourceLabel ?? c.sourceId}</Link>
                      : c.sourceKind === 'case' ? <Link to={`/cases/${c.sourceId}`}>{c.sourceLabel ?? c.sourceId}</Link>
                        : c.sourceKind === 'request' ? <Link to={`/requests/${c.sourceId}`}>{c.sourceLabel ?? c.sourceId}</Link> : (c.sourceLabel ?? c.sourceId)}
                  </li>
                ))}
              </ul>
            ) : <p className="muted">{t('triage.noCorrelations')}</p>}
          </Panel>
          <Panel id="triage-duplicates" title={t('triage.duplicates')}>
            {r.duplicates.length ? (
              <ul className="stack">
                {r.duplicates.map((d) => (
                  <li key={d.id} className="stack">
                    <div>
                      <Link className="mono" to={`/triage/${d.id}`}>{d.receipt}</Link>{' '}
                      <Badge tone={genericTone(d.status)}>{t(`triage.status_${d.status}`)}</Badge>{' '}
                      {t('triage.score')}: {Math.round(d.score * 100)}% · {d.reasons.map((x) => t(`triage.reason_${x as 'same_contact'}`)).join(', ')}
                    </div>
                    <div className="faint small">{d.excerpt}</div>
                    {mayAct && d.status !== 'duplicate' && r.status !== 'duplicate' && (
                      <div><button type="button" className="btn sm" disabled={merge.isPending} onClick={() => merge.mutate(d.id)}>{t('triage.merge', { receipt: d.receipt })}</button></div>
                    )}
                  </li>
                ))}
              </ul>
            ) : <p className="muted">{t('triage.noDuplicates')}</p>}
          </Panel>
          {mayAct && (
            <Panel id="triage-actions" title={t('triage.actions')}>
              <div className="stack">
                <TextField label={t('triage.note')} path="triage-note" value={note} onChange={(e) => setNote(e.target.value)} />
                <div className="row">
                  {(ACTIONS_BY_STATUS[r.status] ?? []).map((a) => (
                    <button key={a} type="button" className="btn" disabled={act.isPending} onClick={() => act.mutate(a)}>{t(`triage.action_${a}`)}</button>
                  ))}
                </div>
                {r.notes.length > 0 && (
                  <ul className="stack small">
                    {r.notes.map((n) => <li key={n.at}><DateTime at={n.at} /> · {n.by}: {n.text}</li>)}
                  </ul>
                )}
              </div>
            </Panel>
          )}
        </>
      )}
    </QueryState>
  );
}
