// /exercises: scenarios and runs this node directs (a director starts a run here), and exercises
// other nodes direct that this node takes part in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { answer, http } from '../../api/client';
import type { ScenarioView } from '../../api/exercise-types';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/Field';
import { PartyName } from '../../components/PartyName';
import { timeScaleLabel } from './time-scale';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { StateBadge } from './StateBadge';

const SCALES = ['1', '10', '60', '120'];

function StartRun({ scenario }: { scenario: ScenarioView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [scale, setScale] = useState('60');
  const start = useMutation({
    mutationFn: async () => {
      const run = await answer(
        http.POST('/api/exercises', { body: { scenarioId: scenario.id, timeScale: Number(scale) } }),
      );
      return answer(http.POST('/api/exercises/{id}/start', { params: { path: { id: run.id } } }));
    },
    onSuccess: async (run) => {
      await qc.invalidateQueries({ queryKey: ['exercises'] });
      navigate(`/exercises/${run.id}`);
    },
  });
  return (
    <div className="row" style={{ alignItems: 'flex-end', gap: 'var(--sp-2)' }}>
      <SelectField
        label={t('exercise.timeScale')}
        path={`scale-${scenario.id}`}
        value={scale}
        options={SCALES.map((s) => ({ value: s, label: timeScaleLabel(t, Number(s)) }))}
        onChange={(e) => setScale(e.target.value)}
      />
      <button type="button" className="btn primary" disabled={start.isPending} onClick={() => start.mutate()}>
        {t('exercise.start')}
      </button>
      {start.error && <ErrorSummary error={start.error} />}
    </div>
  );
}

export function ExercisesPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['exercises', 'overview'],
    queryFn: () => answer(http.GET('/api/exercises')),
    refetchInterval: 5_000,
  });
  const mayDirect = can('exercise:direct');
  return (
    <>
      <PageHeader
        title={t('exercise.title')}
        subtitle={t('exercise.subtitle')}
        actions={
          mayDirect && (
            <Link className="btn primary" to="/exercises/scenarios/new">
              + {t('exercise.newScenario')}
            </Link>
          )
        }
      />
      <QueryState isLoading={q.isLoading} error={q.error}>
        {q.data && (
          <div className="stack">
            <Panel title={t('exercise.participations')} id="exercise-participations" flush>
              {q.data.participations.length ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('exercise.colTitle')}</th>
                      <th scope="col">{t('exercise.director')}</th>
                      <th scope="col">{t('exercise.colState')}</th>
                      <th scope="col">{t('exercise.started')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.participations.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <Link className="row-link" to={`/exercises/participations/${p.id}`}>
                            {bi(p.title)}
                          </Link>
                        </td>
                        <td>
                          <PartyName id={p.directorParty} />
                        </td>
                        <td>
                          <StateBadge state={p.state} />
                        </td>
                        <td className="small">
                          <DateTime at={p.startedAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty title={t('exercise.noParticipations')} />
              )}
            </Panel>
            <Panel title={t('exercise.runs')} id="exercise-runs" flush>
              {q.data.exercises.length ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('exercise.colTitle')}</th>
                      <th scope="col">{t('exercise.participants')}</th>
                      <th scope="col">{t('exercise.colState')}</th>
                      <th scope="col">{t('exercise.timeScale')}</th>
                      <th scope="col">{t('exercise.started')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.exercises.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <Link className="row-link" to={`/exercises/${e.id}`}>
                            {bi(e.title)}
                          </Link>
                        </td>
                        <td>
                          {e.participants.map((p) => (
                            <PartyName key={p} id={p} />
                          ))}
                        </td>
                        <td>
                          <StateBadge state={e.state} />
                        </td>
                        <td className="small" title={timeScaleLabel(t, e.timeScale)}>
                          {e.timeScale <= 1
                            ? t('exercise.scaleRealTime')
                            : t('exercise.scaleShort', { scale: e.timeScale })}
                        </td>
                        <td className="small">{e.startedAt ? <DateTime at={e.startedAt} /> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty title={t('exercise.noRuns')} />
              )}
            </Panel>
            <Panel title={t('exercise.scenarios')} id="exercise-scenarios">
              {q.data.scenarios.length ? (
                <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {q.data.scenarios.map((s) => (
                    <li
                      key={s.id}
                      className="card"
                      style={{ padding: 'var(--sp-3)', border: '1px solid var(--border)', borderRadius: 8 }}
                    >
                      <h3 style={{ margin: 0 }}>
                        {mayDirect ? <Link to={`/exercises/scenarios/${s.id}`}>{bi(s.title)}</Link> : bi(s.title)}
                      </h3>
                      <p className="small">
                        {t('exercise.scenarioSummary', {
                          injects: s.injects.length,
                          minutes: Math.max(0, ...s.injects.map((i) => i.offsetMinutes)),
                        })}
                        {' · '}
                        {s.participants.map((p) => (
                          <PartyName key={p} id={p} />
                        ))}{' '}
                        <Badge tone="neutral">{t('exercise.byAuthor', { name: s.createdBy })}</Badge>
                      </p>
                      {mayDirect && <StartRun scenario={s} />}
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty title={t('exercise.noScenarios')} />
              )}
            </Panel>
          </div>
        )}
      </QueryState>
    </>
  );
}
