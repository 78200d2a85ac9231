// Actions on a call that the API allows this user: acknowledge in one click; answer, note, log a
// callback attempt, escalate, close or cancel with a short form.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { CallAction, CallDetail, JsonBody } from '../../api/types';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextArea } from '../../components/Field';

const FIELDS: Partial<Record<CallAction, { name: 'answer' | 'text' | 'reason'; required: boolean }>> = {
  answer: { name: 'answer', required: true },
  note: { name: 'text', required: true },
  callback_attempt: { name: 'text', required: false },
  cancel: { name: 'reason', required: false },
};
/**
 * An action's body: the typed text goes in the action's own field (FIELDS). The field is picked at run
 * time, so the body is typed as the route declares it here, once; the route's schema checks the pairing.
 */
function actionBody(action: CallAction, text: string): JsonBody<'/api/calls/{id}/actions', 'post'> {
  const f = FIELDS[action];
  return { action, ...(f && text.trim() ? { [f.name]: text.trim() } : {}) } as JsonBody<
    '/api/calls/{id}/actions',
    'post'
  >;
}

const SHOWN: CallAction[] = ['acknowledge', 'answer', 'note', 'callback_attempt', 'escalate', 'close', 'cancel'];

export function CallActions({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<CallAction | null>(null);
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: (action: CallAction) =>
      answer(
        http.POST('/api/calls/{id}/actions', { params: { path: { id: call.id } }, body: actionBody(action, text) }),
      ),
    onSuccess: async () => {
      setOpen(null);
      setText('');
      await qc.invalidateQueries({ queryKey: ['calls'] });
    },
  });
  const err = useFieldErrors(act.error);
  const actions = SHOWN.filter((a) => call.allowedActions.includes(a));
  if (actions.length === 0) return <p className="muted">{t('workflow.nothingToDo')}</p>;
  const click = (a: CallAction) => {
    act.reset();
    if (a === 'acknowledge') act.mutate(a);
    else setOpen(a);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (open) act.mutate(open);
  };
  const field = open ? FIELDS[open] : undefined;
  return (
    <div className="stack-sm">
      <div className="row" role="group" aria-label={t('workflow.actions')}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            aria-expanded={a === 'acknowledge' ? undefined : open === a}
            disabled={act.isPending}
            className={`btn ${a === 'acknowledge' ? 'urgent' : a === 'cancel' ? 'danger' : a === 'answer' ? 'primary' : ''}`}
            onClick={() => click(a)}
          >
            {t(`callActions.${a as 'acknowledge'}`)}
          </button>
        ))}
      </div>
      {open && (
        <form className="action-form stack-sm" onSubmit={submit} noValidate>
          <h3>{t(`callActions.${open as 'acknowledge'}`)}</h3>
          {field && (
            <TextArea
              label={t(`callActions.fields.${field.name}`)}
              path={field.name}
              required={field.required}
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={err(field.name)}
            />
          )}
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className={`btn ${open === 'cancel' ? 'danger' : 'primary'}`}
              disabled={act.isPending}
            >
              {t('workflow.confirm', { action: t(`callActions.${open as 'acknowledge'}`) })}
            </button>
          </div>
        </form>
      )}
      <ErrorSummary error={act.error} />
    </div>
  );
}
