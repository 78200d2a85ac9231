// /exercises/participations/:id: a participant's view of an exercise another node directs —
// briefing, the injects announced, information received, and links to the injected calls and requests.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { StateBadge } from './StateBadge';
import { useRecordStatusLabel } from './use-record-status';

export function ParticipationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const statusLabel = useRecordStatusLabel();
  const q = useQuery({
    queryKey: ['exercises', 'participation', id],
    queryFn: () => answer(http.GET('/api/exercises/participations/{id}', { params: { path: { id } } })),
    refetchInterval: 5_000,
  });
  const p = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {p && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/exercises">{t('exercise.title')}</Link> / {t('exercise.participation')}
              </>
            }
            title={bi(p.title)}
            subtitle={
              <>
                {t('exercise.directedBy')} <PartyName id={p.directorParty} />
              </>
            }
            actions={<StateBadge state={p.state} />}
          />
          <div
            className="alert warning"
            role="note"
            data-testid="exercise-banner"
            style={{ marginBottom: 'var(--sp-4)' }}
          >
            <div>
              <div className="alert-title">{t('exercise.banner.title')}</div>
              <div className="prewrap">{bi(p.briefing)}</div>
            </div>
          </div>
          <div className="stack">
            <Panel title={t('exercise.injectedRecords')} id="participation-records">
              {p.records.length ? (
                <ul>
                  {p.records.map((r) => (
                    <li key={r.id}>
                      <Link className="mono" to={r.kind === 'call' ? `/hotline/calls/${r.id}` : `/requests/${r.id}`}>
                        {r.reference}
                      </Link>
                      {' · '}
                      {t(`exercise.kind.${r.kind}`)} · {statusLabel(r.kind, r.status)} · <DateTime at={r.at} />
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty title={t('exercise.noRecords')} />
              )}
            </Panel>
            <Panel title={t('exercise.received')} id="participation-info">
              {p.received.length ? (
                p.received.map((r) => (
                  <div key={r.injectId} className="alert info">
                    <div>
                      <div className="alert-title">
                        {bi(r.title)} · <DateTime at={r.at} />
                      </div>
                      <div className="prewrap">{bi(r.text)}</div>
                    </div>
                  </div>
                ))
              ) : (
                <Empty title={t('exercise.noInfo')} />
              )}
            </Panel>
            <Panel title={t('exercise.announced')} id="participation-injects">
              <ul>
                {p.injects.map((i) => (
                  <li key={i.id}>
                    <span className="mono">T+{i.offsetMinutes}</span> · {t(`exercise.kind.${i.kind}`)} · {bi(i.title)}
                  </li>
                ))}
              </ul>
            </Panel>
          </div>
        </>
      )}
    </QueryState>
  );
}
