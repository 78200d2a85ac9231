// Tasks of a case: who does what by when, due-soon and overdue flagged; start, complete, cancel
// or reopen with one click where allowed.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { CaseDetail } from '../../api/case-types';
import { useCaseMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { Badge, type Tone } from '../../components/Badge';
import { useLabel } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';
import { zonedLocalToIso } from '../../../../src/domain/shared/zones';

const ONE_CLICK = ['start', 'complete', 'cancel', 'reopen'] as const;
const TASK_TONES: Record<string, Tone> = { todo: 'info', doing: 'violet', done: 'success', cancelled: 'neutral' };

export function TasksPanel({ kase: c }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { timeZone } = useSession();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
  const add = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/cases/{id}/tasks', {
          params: { path: { id: c.id } },
          body: { title, ...(due ? { dueAt: zonedLocalToIso(due, timeZone) } : {}) },
        }),
      ),
    onSuccess: async () => {
      setTitle('');
      setDue('');
      await refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: (typeof ONE_CLICK)[number] }) =>
      answer(
        http.POST('/api/cases/{id}/tasks/{taskId}/actions', {
          params: { path: { id: c.id, taskId: id } },
          body: { action },
        }),
      ),
    onSuccess: refresh,
  });
  const err = useFieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const tasks = c.tasks ?? [];
  return (
    <div className="stack">
      {c.allowedActions.includes('update') && (
        <Panel title={t('tasks.add')} id="add-task">
          <form className="inline-form" onSubmit={submit} noValidate>
            <TextField
              label={t('tasks.title')}
              path="title"
              className="grow"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={err('title')}
            />
            <TextField
              label={t('tasks.due')}
              path="dueAt"
              type="datetime-local"
              value={due}
              onChange={(e) => setDue(e.target.value)}
              error={err('dueAt')}
            />
            <button type="submit" className="btn primary" disabled={add.isPending || !title.trim()}>
              {t('tasks.addButton')}
            </button>
          </form>
          <ErrorSummary error={add.error} />
        </Panel>
      )}
      <Panel title={t('cases.tabTasks')} flush id="tasks">
        <DataTable
          items={tasks}
          rowKey={(task) => task.id}
          rowClass={(task) => (task.isOverdue ? 'overdue' : undefined)}
          empty={<Empty title={t('tasks.empty')} />}
          columns={[
            t('tasks.title'),
            t('common.status'),
            t('tasks.due'),
            <span key="actions" className="sr-only">
              {t('common.actions')}
            </span>,
          ]}
          row={(task) => (
            <>
              <td>
                <div className="title-cell">{task.title}</div>
                {task.description && <div className="sub">{task.description}</div>}
              </td>
              <td>
                <Badge tone={TASK_TONES[task.status] ?? 'neutral'}>{label(meta?.taskStatuses, task.status)}</Badge>
              </td>
              <td>
                {task.dueAt ? (
                  <Countdown
                    dueAt={task.dueAt}
                    stopped={['done', 'cancelled'].includes(task.status) ? t('clock.finished') : null}
                  />
                ) : (
                  '—'
                )}
              </td>
              <td>
                <div className="row">
                  {ONE_CLICK.filter((a) => task.allowedActions.includes(a)).map((a) => (
                    <button
                      key={a}
                      type="button"
                      className={`btn sm ${a === 'complete' ? 'primary' : a === 'cancel' ? 'danger' : ''}`}
                      disabled={act.isPending}
                      onClick={() => act.mutate({ id: task.id, action: a })}
                      aria-label={`${t(`tasks.actions.${a}`)}: ${task.title}`}
                    >
                      {t(`tasks.actions.${a}`)}
                    </button>
                  ))}
                </div>
              </td>
            </>
          )}
        />
        <ErrorSummary error={act.error} />
      </Panel>
    </div>
  );
}
