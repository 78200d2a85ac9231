// One request: status and clocks, the workflow buttons this user may press, the content as sent,
// and the full history of who did what and when.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useRequestMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { Badge, requestTone, urgencyTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { ReportDownloads } from '../reports/ReportDownloads';
import { usePeerDirectory } from '../../components/PartyName';
import { RequestClocks } from './RequestClocks';
import { RequestDetails } from './RequestDetails';
import { RequestDeliveries } from './RequestDeliveries';
import { RequestCasesPanel } from './RequestCasesPanel';
import { RequestEvidencePanel } from './RequestEvidencePanel';
import { RequestHistory } from './RequestHistory';
import { CounterpartPanel, WorkflowPanel } from './WorkflowPanel';
import { ExerciseBanner } from '../exercises/ExerciseBanner';

export function RequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const { can } = useSession();
  const peers = usePeerDirectory();
  const meta = useRequestMeta();
  const q = useQuery({
    queryKey: ['requests', 'detail', id],
    queryFn: () => answer(http.GET('/api/requests/{id}', { params: { path: { id: id! } } })),
    refetchInterval: 20_000,
  });
  const r = q.data;
  const counterpart = r ? (r.direction === 'outgoing' ? r.requestedParty : r.requestingParty) : '';
  // A counterpart on the federation acts from its own node; one that is not is recorded here
  // (the API lists the steps this user may record for it: points of contact and supervisors).
  const steps = r && r.status !== 'draft' && !peers.has(counterpart) ? r.counterpartActions : [];

  return (
    <QueryState isLoading={q.isLoading || meta.isLoading} error={q.error ?? meta.error}>
      {r && meta.data && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/requests">{t('nav.requests')}</Link> / <span className="mono">{r.reference}</span>
              </>
            }
            title={label(meta.data.types, r.type)}
            subtitle={bi(r.subject) || t('requestView.noSubject')}
            actions={
              <div className="row">
                <Badge tone={r.direction === 'incoming' ? 'info' : 'neutral'}>{t(`requests.${r.direction}`)}</Badge>
                <Badge tone={urgencyTone(r.urgency)}>{label(meta.data.urgencies, r.urgency)}</Badge>
                <Badge tone={requestTone(r.status)} dot>
                  {label(meta.data.statuses, r.status)}
                </Badge>
                {can('report:read') && <ReportDownloads path={`/reports/requests/${r.id}`} />}
              </div>
            }
          />
          <ExerciseBanner exerciseId={r.exerciseId} outgoing={r.direction === 'outgoing'} />
          <div className="grid-main-side request-grid">
            <div className="stack">
              <Panel title={t('workflow.title')} id="workflow">
                <WorkflowPanel request={r} />
                {r.status === 'draft' && (
                  <div className="stack-sm" style={{ marginTop: 'var(--sp-3)' }}>
                    {r.issues && r.issues.length > 0 && (
                      <div className="alert warning">
                        <div>
                          <div className="alert-title">{t('requestView.draftIncomplete')}</div>
                          <ul>
                            {r.issues.map((i) => (
                              <li key={i.path + i.code}>{bi(i.message)}</li>
                            ))}
                          </ul>
                        </div>
                      </div>
                    )}
                    <div>
                      <Link className="btn" to={`/requests/${r.id}/edit`}>
                        {t('requestView.editDraft')}
                      </Link>
                    </div>
                  </div>
                )}
              </Panel>
              {steps.length > 0 && (
                <Panel title={t('workflow.counterpartTitle')} id="counterpart">
                  <CounterpartPanel request={r} steps={steps} />
                </Panel>
              )}
              {r.status !== 'draft' && can('evidence:read') && (
                <Panel
                  title={t(
                    r.direction === 'outgoing' ? 'answer.evidence.titleReceived' : 'answer.evidence.titleAnswer',
                  )}
                  id="request-evidence"
                >
                  <RequestEvidencePanel request={r} />
                </Panel>
              )}
              <Panel title={t('requestView.content')} id="content">
                <RequestDetails request={r} meta={meta.data} />
              </Panel>
            </div>
            <div className="stack">
              <Panel title={t('clock.title')} id="clocks">
                <RequestClocks request={r} />
              </Panel>
              {r.status !== 'draft' && can('case:read') && (
                <Panel title={t('answer.cases.title')} id="request-cases">
                  <RequestCasesPanel request={r} />
                </Panel>
              )}
              <Panel title={t('history.title')} id="history">
                <RequestHistory history={r.history} meta={meta.data} />
              </Panel>
              {peers.has(counterpart) && r.status !== 'draft' && (
                <Panel title={t('deliveries.title')} id="deliveries">
                  <RequestDeliveries requestId={r.id} />
                </Panel>
              )}
            </div>
          </div>
        </>
      )}
    </QueryState>
  );
}
