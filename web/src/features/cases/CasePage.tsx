// One case: overview and lifecycle, observables, evidence with chain of custody, tasks, the
// timeline of everything that happened, and a share preview per peer.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useCaseMeta } from '../../api/meta';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { Empty, PageHeader, Panel, QueryState, TabPanel, Tabs } from '../../components/Page';
import { useSession } from '../../app/session';
import { ReportDownloads } from '../reports/ReportDownloads';
import { TlpBadge } from '../../components/Tlp';
import { CaseOverview } from './CaseOverview';
import { EvidencePanel } from './EvidencePanel';
import { ObservablesPanel } from './ObservablesPanel';
import { SharePanel } from './SharePanel';
import { TasksPanel } from './TasksPanel';

export function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const bi = useBi();
  const label = useLabel();
  const meta = useCaseMeta();
  const [params, setParams] = useSearchParams();
  const q = useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => answer(http.GET('/api/cases/{id}', { params: { path: { id: id! } } })),
  });
  const c = q.data;
  const full = c?.access === 'full';
  const tabs = [
    { id: 'overview', label: t('cases.tabOverview') },
    ...(full
      ? [
          { id: 'observables', label: `${t('cases.tabObservables')} (${c?.observables?.length ?? 0})` },
          { id: 'evidence', label: `${t('cases.tabEvidence')} (${c?.evidence?.length ?? 0})` },
          { id: 'tasks', label: `${t('cases.tabTasks')} (${c?.tasks?.length ?? 0})` },
          { id: 'timeline', label: t('cases.tabTimeline') },
          { id: 'share', label: t('cases.tabShare') },
        ]
      : []),
  ];
  const current = tabs.some((x) => x.id === params.get('tab')) ? (params.get('tab') as string) : 'overview';
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {c && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/cases">{t('cases.title')}</Link> / <span className="mono">{c.reference}</span>
              </>
            }
            title={c.title ? bi(c.title) : c.reference}
            subtitle={(c.crimeCategories ?? []).map((k) => label(meta.data?.crimeCategories, k)).join(' · ')}
            actions={
              <div className="row">
                <TlpBadge tlp={c.tlp} />
                <Badge tone={genericTone(c.status)} dot>
                  {label(meta.data?.statuses, c.status)}
                </Badge>
                {can('report:read') && <ReportDownloads path={`/reports/cases/${c.id}`} />}
              </div>
            }
          />
          <Tabs
            label={t('cases.title')}
            tabs={tabs}
            current={current}
            onChange={(tab) => setParams({ tab }, { replace: true })}
          />
          <TabPanel id={current}>
            {current === 'overview' && <CaseOverview kase={c} />}
            {current === 'observables' && <ObservablesPanel kase={c} />}
            {current === 'evidence' && <EvidencePanel kase={c} />}
            {current === 'tasks' && <TasksPanel kase={c} />}
            {current === 'share' && <SharePanel kase={c} />}
            {current === 'timeline' && (
              <Panel title={t('cases.tabTimeline')} id="case-timeline">
                {(c.timeline ?? []).length === 0 ? (
                  <Empty title={t('history.empty')} />
                ) : (
                  <ol className="timeline">
                    {[...(c.timeline ?? [])].reverse().map((e, i) => (
                      <li key={`${e.at}-${i}`}>
                        <div className="what">{bi(e.summary)}</div>
                        <div className="when">
                          <DateTime at={e.at} /> · {e.actor}
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
              </Panel>
            )}
          </TabPanel>
        </>
      )}
    </QueryState>
  );
}
