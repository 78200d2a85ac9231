// Planning a meeting of the mechanism: bilingual title, kind, time in the user's zone, place,
// parties, participants and a bilingual agenda.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { answer, http } from '../../api/client';
import { useDialogueMeta } from '../../api/meta';
import type { JsonBody } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { PartyChecklist, PartyPicker } from '../../components/PartyName';
import { zonedLocalToIso } from '../../../../src/domain/shared/zones';

type Row = { a: string; b: string; c: string };
type Form = {
  titleEn: string;
  titleZh: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  location: string;
  parties: string[];
};
type NewMeeting = JsonBody<'/api/dialogue/meetings', 'post'>;

/**
 * The body of POST /dialogue/meetings: times in the user's zone, empty rows left out. The kind select
 * holds a string; the route's schema is the authority on it, so the body is typed as the route declares it here, once.
 */
function meetingBody(v: Form, people: Row[], agenda: Row[], timeZone: string): NewMeeting {
  return {
    title: { en: v.titleEn, zh: v.titleZh },
    kind: v.kind,
    location: v.location || null,
    startsAt: zonedLocalToIso(v.startsAt, timeZone) ?? '',
    endsAt: zonedLocalToIso(v.endsAt, timeZone) ?? '',
    parties: v.parties,
    participants: people
      .filter((p) => p.b.trim())
      .map((p) => ({ party: p.a.trim(), name: p.b.trim(), title: p.c.trim() || null })),
    agenda: agenda.filter((x) => x.a.trim() || x.b.trim()).map((x) => ({ zh: x.a.trim(), en: x.b.trim() })),
  } as NewMeeting;
}

export function MeetingForm() {
  const { t } = useTranslation();
  const bi = useBi();
  const { me, timeZone } = useSession();
  const meta = useDialogueMeta().data;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState<Form>({
    titleEn: '',
    titleZh: '',
    kind: 'working_group',
    startsAt: '',
    endsAt: '',
    location: '',
    parties: [me.node.id],
  });
  const [people, setPeople] = useState<Row[]>([{ a: me.node.id, b: me.user.displayName, c: '' }]);
  const [agenda, setAgenda] = useState<Row[]>([{ a: '', b: '', c: '' }]);
  const create = useMutation({
    mutationFn: () => answer(http.POST('/api/dialogue/meetings', { body: meetingBody(v, people, agenda, timeZone) })),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: ['dialogue'] });
      navigate(`/dialogue/${m.id}`);
    },
  });
  const err = useFieldErrors(create.error);
  const field = (k: Exclude<keyof typeof v, 'parties'>, path: string) => ({
    path,
    value: v[k],
    error: err(path),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }),
  });
  const rowsEditor = (rows: Row[], set: (r: Row[]) => void, labels: [string, string, string?], path: string) => (
    <div className="stack-sm">
      {rows.map((r, i) => (
        <div key={i} className="inline-form">
          {path === 'participants' ? (
            <PartyPicker
              label={labels[0]}
              path={`${path}.${i}.party`}
              includeSelf
              allowOther
              value={r.a}
              error={err(`${path}.${i}.party`)}
              onChange={(a) => set(rows.map((x, j) => (j === i ? { ...x, a } : x)))}
            />
          ) : (
            <TextField
              label={labels[0]}
              path={`${path}.${i}.a`}
              value={r.a}
              onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, a: e.target.value } : x)))}
            />
          )}
          <TextField
            label={labels[1]}
            path={`${path}.${i}.b`}
            className="grow"
            value={r.b}
            onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, b: e.target.value } : x)))}
          />
          {labels[2] && (
            <TextField
              label={labels[2]}
              path={`${path}.${i}.c`}
              value={r.c}
              onChange={(e) => set(rows.map((x, j) => (j === i ? { ...x, c: e.target.value } : x)))}
            />
          )}
        </div>
      ))}
      <div>
        <button type="button" className="btn sm" onClick={() => set([...rows, { a: '', b: '', c: '' }])}>
          + {t('dialogue.addRow')}
        </button>
      </div>
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary error={create.error} />
      <Panel title={t('dialogue.plan')} id="plan-meeting">
        <div className="form-grid">
          <TextField label={t('dialogue.titleZh')} required lang="zh-CN" {...field('titleZh', 'title.zh')} />
          <TextField label={t('dialogue.titleEn')} required lang="en" {...field('titleEn', 'title.en')} />
          <SelectField
            label={t('dialogue.kind')}
            {...field('kind', 'kind')}
            options={Object.entries(meta?.meetingKinds ?? {}).map(([value, l]) => ({ value, label: bi(l) }))}
          />
          <TextField label={t('dialogue.location')} {...field('location', 'location')} />
          <TextField
            label={t('dialogue.starts')}
            required
            type="datetime-local"
            hint={t('requestForm.inYourZone', { zone: timeZone })}
            {...field('startsAt', 'startsAt')}
          />
          <TextField label={t('dialogue.ends')} required type="datetime-local" {...field('endsAt', 'endsAt')} />
        </div>
        <PartyChecklist
          label={t('dialogue.parties')}
          path="parties"
          includeSelf
          value={v.parties}
          error={err('parties')}
          onChange={(parties) => setV({ ...v, parties })}
        />
      </Panel>
      <Panel title={t('dialogue.participants')} id="participants">
        {rowsEditor(
          people,
          setPeople,
          [t('cases.partyId'), t('calls.callbackName'), t('dialogue.position')],
          'participants',
        )}
        {err('participants') && (
          <p className="field">
            <span className="error">⚠ {err('participants')}</span>
          </p>
        )}
      </Panel>
      <Panel title={t('dialogue.agenda')} id="agenda">
        {rowsEditor(agenda, setAgenda, [t('dialogue.agendaZh'), t('dialogue.agendaEn')], 'agenda')}
      </Panel>
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={create.isPending}>
          {t('dialogue.create')}
        </button>
      </div>
    </form>
  );
}
