// The director's live board (/exercises/:id): per inject and party what was sent and done against
// the deadlines with live countdowns, refreshed every 2 s while the exercise runs; at the end the
// score per party and the timeline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import type { BoardRow, StepScore } from '../../api/exercise-types';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DataTable } from '../../components/ListParts';
import { PartyName, usePartyLabel } from '../../components/PartyName';
import { timeScaleLabel } from './time-scale';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { StateBadge } from './StateBadge';
import { useRecordStatusLabel } from './use-record-status';

const STEPS = ['acknowledge', 'accept', 'fulfil'] as const;

function StepCell({ row, step }: { row: BoardRow; step: (typeof STEPS)[number] }) {
  const { t } = useTranslation();
  const s: StepScore | undefined = row.steps.find((x) => x.step === step);
  if (!s) return <span className="muted">—</span>;
  const deadline = s.deadlineMinutes != null ? t('exercise.minutes', { n: s.deadlineMinutes }) : null;
  if (s.measuredMinutes != null) {
    const tone = s.status === 'met' ? 'success' : s.status === 'missed' ? 'danger' : 'info';
    return (
      <span data-testid={`step-${row.injectId}-${step}`}>
        <Badge tone={tone}>{t('exercise.minutes', { n: s.measuredMinutes })}</Badge>
        {deadline && <span className="small muted"> / {deadline}</span>}
      </span>
    );
  }
  const due = step === 'acknowledge' ? row.dueAt.acknowledge : step === 'fulfil' ? row.dueAt.fulfil : null;
  if (s.status === 'pending' && due)
    return (
      <span data-testid={`step-${row.injectId}-${step}`}>
        <Countdown dueAt={due} />
      </span>
    );
  return (
    <span className="small muted" data-testid={`step-${row.injectId}-${step}`}>
      {t(`exercise.stepStatus.${s.status}`)}
    </span>
  );
}

function recordLink(row: BoardRow): string | null {
  if (row.callId) return `/hotline/calls/${row.callId}`;
  if (row.requestId) return `/requests/${row.requestId}`;
  return null;
}

export function ExerciseBoardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const partyLabel = usePartyLabel();
  const statusLabel = useRecordStatusLabel();
  const { can } = useSession();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['exercises', 'board', id],
    queryFn: () => answer(http.GET('/api/exercises/{id}/board', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.exercise.state === 'ended' ? false : 2_000),
  });
  const act = useMutation({
    mutationFn: (action: 'start' | 'end') =>
      answer(
        action === 'start'
          ? http.POST('/api/exercises/{id}/start', { params: { path: { id } } })
          : http.POST('/api/exercises/{id}/end', { params: { path: { id } } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['exercises'] }),
  });
  const b = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {b && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/exercises">{t('exercise.title')}</Link> / {t('exercise.board')}
              </>
            }
            title={bi(b.exercise.title)}
            subtitle={t('exercise.boardSubtitle', {
              scale: timeScaleLabel(t, b.exercise.timeScale),
              director: partyLabel(b.exercise.director),
            })}
            actions={
              <div className="row">
                <StateBadge state={b.exercise.state} />
                {b.minute != null && (
                  <Badge tone="violet">
                    <span data-testid="exercise-minute">T+{Math.floor(b.minute)}</span>
                  </Badge>
                )}
                {can('exercise:direct') && b.exercise.state === 'draft' && (
                  <button
                    type="button"
                    className="btn primary"
                    onClick={() => act.mutate('start')}
                    disabled={act.isPending}
                  >
                    {t('exercise.start')}
                  </button>
                )}
                {can('exercise:direct') && b.exercise.state === 'running' && (
                  <button
                    type="button"
                    className="btn danger"
                    onClick={() => act.mutate('end')}
                    disabled={act.isPending}
                  >
                    {t('exercise.end')}
                  </button>
                )}
              </div>
            }
          />
          <div className="alert warning" role="note" style={{ marginBottom: 'var(--sp-4)' }}>
            <div>
              <div className="alert-title">{t('exercise.banner.title')}</div>
              <div className="prewrap">{bi(b.exercise.briefing)}</div>
            </div>
          </div>
          {act.error && <ErrorSummary error={act.error} />}
          <div className="stack">
            <Panel title={t('exercise.scores')} id="exercise-scores" flush>
              <table className="table" data-testid="party-scores">
                <thead>
                  <tr>
                    <th scope="col">{t('exercise.party')}</th>
                    <th scope="col">{t('exercise.score')}</th>
                    <th scope="col">{t('exercise.met')}</th>
                    <th scope="col">{t('exercise.missed')}</th>
                    <th scope="col">{t('exercise.pending')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.parties.map((p) => (
                    <tr key={p.party}>
                      <td>
                        <PartyName id={p.party} />
                      </td>
                      <td
                        className="mono"
                        data-testid={`score-${p.party}`}
                        style={{ fontSize: 'var(--fs-lg)', fontWeight: 700 }}
                      >
                        {p.score ?? '—'}
                      </td>
                      <td>{p.met}</td>
                      <td>{p.missed}</td>
                      <td>{p.pending}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="small muted" style={{ padding: '0 var(--sp-3)' }}>
                {t('exercise.formula')}
              </p>
            </Panel>
            <Panel title={t('exercise.injects')} id="exercise-injects" flush>
              <DataTable
                items={b.rows}
                rowKey={(r) => `${r.injectId}-${r.party}`}
                testId="exercise-board"
                columns={[
                  'T+',
                  t('exercise.inject'),
                  t('exercise.party'),
                  t('exercise.sent'),
                  t('exercise.record'),
                  ...STEPS.map((s) => t(`exercise.step.${s}`)),
                  t('exercise.result'),
                ]}
                row={(r) => {
                  const link = recordLink(r);
                  return (
                    <>
                      <td className="mono">{r.offsetMinutes}</td>
                      <td>
                        <div className="title-cell">{bi(r.title)}</div>
                        <div className="sub">{t(`exercise.kind.${r.kind}`)}</div>
                      </td>
                      <td>
                        <PartyName id={r.party} />
                      </td>
                      <td className="small">
                        {r.error ? (
                          <Badge tone="danger">{bi(r.error)}</Badge>
                        ) : r.firedAt ? (
                          <DateTime at={r.firedAt} />
                        ) : b.exercise.state === 'ended' ? (
                          <span className="muted">{t('exercise.notSent')}</span>
                        ) : (
                          <Countdown dueAt={r.plannedAt} />
                        )}
                      </td>
                      <td className="small">
                        {link && r.reference ? (
                          <Link className="mono" to={link}>
                            {r.reference}
                          </Link>
                        ) : (
                          '—'
                        )}
                        {r.status && <div className="sub">{statusLabel(r.kind, r.status)}</div>}
                      </td>
                      {STEPS.map((s) => (
                        <td key={s}>
                          <StepCell row={r} step={s} />
                        </td>
                      ))}
                      <td>
                        {r.met == null ? (
                          '—'
                        ) : (
                          <Badge tone={r.met ? 'success' : 'danger'}>
                            {r.met ? t('exercise.metYes') : t('exercise.metNo')}
                          </Badge>
                        )}
                      </td>
                    </>
                  );
                }}
              />
            </Panel>
            <Panel title={t('exercise.timeline')} id="exercise-timeline">
              {b.timeline.length ? (
                <ol className="timeline" data-testid="exercise-timeline">
                  {b.timeline.map((e, i) => {
                    const title = b.rows.find((r) => r.injectId === e.injectId)?.title;
                    return (
                      <li key={i}>
                        <span className="mono">T+{e.minute}</span> · {t(`exercise.event.${e.event}`)} ·{' '}
                        {title ? bi(title) : e.injectId} · <PartyName id={e.party} />
                      </li>
                    );
                  })}
                </ol>
              ) : (
                <Empty title={t('exercise.noTimeline')} />
              )}
            </Panel>
          </div>
        </>
      )}
    </QueryState>
  );
}
