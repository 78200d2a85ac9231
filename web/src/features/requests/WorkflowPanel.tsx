// Workflow buttons for exactly the actions the API allows this user now, each confirmed in a short
// form with the parameters it needs; and, for an off-federation counterpart, its steps recorded here.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useRequestMeta } from '../../api/meta';
import type { RequestAction, RequestView } from '../../api/types';
import { useSession } from '../../app/session';
import { useLabel } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { ACTION_FIELDS, actionBody, DESTRUCTIVE } from './action-fields';
import { usePartyLabel } from '../../components/PartyName';
import { EvidencePicker } from './EvidencePicker';

function ActionForm({
  request,
  action,
  onBehalf,
  onClose,
}: {
  request: RequestView;
  action: RequestAction;
  onBehalf?: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useRequestMeta().data;
  const { timeZone } = useSession();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const delivers = action === 'fulfil' || action === 'partially_fulfil';
  const run = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/requests/{id}/actions', {
          params: { path: { id: request.id } },
          body: {
            ...actionBody(action, values, timeZone),
            ...(onBehalf ? { onBehalfOfCounterpart: true } : {}),
            ...(delivers && evidenceIds.length ? { evidenceIds } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['requests'] });
      onClose();
    },
  });
  const fieldError = useFieldErrors(run.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const set = (name: string) => (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value });
  return (
    <form className="action-form stack-sm" onSubmit={submit} noValidate aria-label={label(meta?.actions, action)}>
      <h3>
        {label(meta?.actions, action)}
        {onBehalf ? ` — ${t('workflow.forCounterpart')}` : ''}
      </h3>
      {ACTION_FIELDS[action].map((f) => {
        const common = {
          path: f.name,
          required: f.required,
          value: values[f.name] ?? '',
          error: fieldError(f.name),
          onChange: set(f.name),
        };
        const text = t(`workflow.fields.${f.name}`);
        if (f.kind === 'textarea') return <TextArea key={f.name} label={text} rows={3} {...common} />;
        if (f.kind === 'decision') {
          return (
            <SelectField
              key={f.name}
              label={text}
              placeholder={t('common.choose')}
              {...common}
              options={[
                { value: 'granted', label: t('workflow.granted') },
                { value: 'refused', label: t('workflow.refused') },
              ]}
            />
          );
        }
        const type = f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : 'text';
        return (
          <TextField
            key={f.name}
            label={text}
            type={type}
            {...common}
            hint={f.kind === 'datetime' ? t('requestForm.inYourZone', { zone: timeZone }) : undefined}
          />
        );
      })}
      {delivers && !onBehalf && <EvidencePicker request={request} value={evidenceIds} onChange={setEvidenceIds} />}
      <ErrorSummary error={run.error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className={`btn ${DESTRUCTIVE.includes(action) ? 'danger' : 'primary'}`}
          disabled={run.isPending}
        >
          {t('workflow.confirm', { action: label(meta?.actions, action) })}
        </button>
      </div>
    </form>
  );
}

/** Whom the request waits for when this user has no next step: the other party, or a colleague with the role. */
function NextStep({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useRequestMeta().data;
  const partyLabel = usePartyLabel();
  const step = request.expectedStep;
  if (!step || request.nextAction) return null;
  const mySide = request.direction === 'outgoing' ? 'requesting' : 'requested';
  const action = label(meta?.actions, step.action);
  if (step.side !== mySide) {
    const party = request.direction === 'outgoing' ? request.requestedParty : request.requestingParty;
    return (
      <p className="next-step" data-testid="next-step">
        {t('answer.next.waitingFor', { action, party: partyLabel(party) })}
      </p>
    );
  }
  return (
    <p className="next-step" data-testid="next-step">
      {t('answer.next.waitingForRole', {
        action,
        roles: step.roles.map((r) => t(`roles.${r}`)).join(t('answer.next.or')),
      })}
    </p>
  );
}

export function WorkflowPanel({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useRequestMeta().data;
  const [open, setOpen] = useState<RequestAction | null>(null);
  // Already in the order the API offers them: the expected next step first, refusals last.
  const actions = request.allowedActions;
  if (actions.length === 0) {
    return (
      <div className="stack-sm">
        <p className="muted">{t('workflow.nothingToDo')}</p>
        <NextStep request={request} />
      </div>
    );
  }
  const forward = actions.filter((a) => !DESTRUCTIVE.includes(a));
  const back = actions.filter((a) => DESTRUCTIVE.includes(a));
  return (
    <div className="stack-sm">
      <NextStep request={request} />
      <div className="row" role="group" aria-label={t('workflow.actions')}>
        {forward.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === request.nextAction ? 'primary' : ''}`}
            aria-expanded={open === a}
            onClick={() => setOpen(a)}
          >
            {label(meta?.actions, a)}
          </button>
        ))}
        {back.map((a) => (
          <button key={a} type="button" className="btn danger" aria-expanded={open === a} onClick={() => setOpen(a)}>
            {label(meta?.actions, a)}
          </button>
        ))}
      </div>
      {open && <ActionForm key={open} request={request} action={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

export function CounterpartPanel({ request, steps }: { request: RequestView; steps: RequestAction[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useRequestMeta().data;
  const [open, setOpen] = useState<RequestAction | null>(null);
  return (
    <div className="stack-sm">
      <p className="faint">
        {t('workflow.counterpartHelp', {
          party: request.direction === 'outgoing' ? request.requestedParty : request.requestingParty,
        })}
      </p>
      <div className="row" role="group" aria-label={t('workflow.counterpartSteps')}>
        {steps.map((a) => (
          <button key={a} type="button" className="btn sm" aria-expanded={open === a} onClick={() => setOpen(a)}>
            {label(meta?.actions, a)}
          </button>
        ))}
      </div>
      {open && <ActionForm key={open} request={request} action={open} onBehalf onClose={() => setOpen(null)} />}
    </div>
  );
}
