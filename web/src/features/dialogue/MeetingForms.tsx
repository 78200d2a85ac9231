// Forms on a meeting page: the meeting's own steps (held, minutes agreed, cancelled), recording an
// agreed outcome, and recording an action item with owner and due date.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { MeetingDetail } from '../../api/types';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['dialogue'] });
}

export function MeetingActions({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const act = useMutation({
    mutationFn: (action: 'mark_held' | 'agree_minutes' | 'cancel') =>
      answer(
        http.POST('/api/dialogue/meetings/{id}/actions', {
          params: { path: { id: m.id } },
          body: action === 'cancel' ? { action, reason } : { action },
        }),
      ),
    onSuccess: async () => {
      setCancelling(false);
      await refresh();
    },
  });
  const steps = (['mark_held', 'agree_minutes'] as const).filter((a) => m.allowedActions.includes(a));
  return (
    <div className="stack-sm">
      <div className="row">
        {steps.map((a) => (
          <button key={a} type="button" className="btn primary" disabled={act.isPending} onClick={() => act.mutate(a)}>
            {t(`dialogue.meetingActions.${a}`)}
          </button>
        ))}
        {m.allowedActions.includes('cancel') && (
          <button type="button" className="btn danger" aria-expanded={cancelling} onClick={() => setCancelling(true)}>
            {t('dialogue.meetingActions.cancel')}
          </button>
        )}
        {steps.length === 0 && !m.allowedActions.includes('cancel') && (
          <span className="muted">{t('workflow.nothingToDo')}</span>
        )}
      </div>
      {m.minutesAgreedBy.length > 0 && (
        <p className="faint">{t('dialogue.minutesAgreedBy', { parties: m.minutesAgreedBy.join(', ') })}</p>
      )}
      {cancelling && (
        <form
          className="action-form inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate('cancel');
          }}
        >
          <TextField
            label={t('workflow.fields.reason')}
            path="reason"
            required
            className="grow"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn danger" disabled={!reason.trim()}>
            {t('workflow.confirm', { action: t('dialogue.meetingActions.cancel') })}
          </button>
        </form>
      )}
      <ErrorSummary error={act.error} />
    </div>
  );
}

export function OutcomeForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const add = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/dialogue/meetings/{id}/outcomes', {
          params: { path: { id: meetingId } },
          body: { text: { zh, en } },
        }),
      ),
    onSuccess: async () => {
      setZh('');
      setEn('');
      await refresh();
    },
  });
  const err = useFieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="inline-form" style={{ marginTop: 'var(--sp-3)' }} onSubmit={submit} noValidate>
      <TextField
        label={t('dialogue.outcomeZh')}
        path="text.zh"
        lang="zh-CN"
        className="grow"
        value={zh}
        onChange={(e) => setZh(e.target.value)}
        error={err('text.zh')}
      />
      <TextField
        label={t('dialogue.outcomeEn')}
        path="text.en"
        lang="en"
        className="grow"
        value={en}
        onChange={(e) => setEn(e.target.value)}
        error={err('text.en')}
      />
      <button type="submit" className="btn" disabled={add.isPending}>
        {t('dialogue.recordOutcome')}
      </button>
      <ErrorSummary error={add.error} />
    </form>
  );
}

export function ActionItemForm({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const bi = useBi();
  const refresh = useRefresh();
  const [v, setV] = useState({
    zh: '',
    en: '',
    ownerParty: m.parties[0] ?? '',
    ownerName: '',
    dueDate: '',
    outcomeId: '',
  });
  const add = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/dialogue/meetings/{id}/action-items', {
          params: { path: { id: m.id } },
          body: {
            title: { zh: v.zh, en: v.en },
            ownerParty: v.ownerParty,
            ownerName: v.ownerName,
            dueDate: v.dueDate,
            outcomeId: v.outcomeId || null,
          },
        }),
      ),
    onSuccess: async () => {
      setV({ ...v, zh: '', en: '', ownerName: '', dueDate: '' });
      await refresh();
    },
  });
  const err = useFieldErrors(add.error);
  const field = (k: keyof typeof v, path: string) => ({
    path,
    value: v[k],
    error: err(path),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="stack-sm" onSubmit={submit} noValidate>
      <h3 className="section-title">{t('dialogue.addItem')}</h3>
      <div className="form-grid">
        <TextField label={t('dialogue.itemZh')} lang="zh-CN" {...field('zh', 'title.zh')} />
        <TextField label={t('dialogue.itemEn')} lang="en" {...field('en', 'title.en')} />
        <SelectField
          label={t('dialogue.ownerParty')}
          options={m.parties.map((p) => ({ value: p, label: p }))}
          {...field('ownerParty', 'ownerParty')}
        />
        <TextField label={t('dialogue.owner')} {...field('ownerName', 'ownerName')} />
        <TextField label={t('dialogue.due')} type="date" {...field('dueDate', 'dueDate')} />
        <SelectField
          label={t('dialogue.fromOutcome')}
          placeholder="—"
          {...field('outcomeId', 'outcomeId')}
          options={m.outcomes.map((o) => ({ value: o.id, label: bi(o.text).slice(0, 60) }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={add.isPending}>
          {t('dialogue.addItemButton')}
        </button>
      </div>
      <ErrorSummary error={add.error} />
    </form>
  );
}
