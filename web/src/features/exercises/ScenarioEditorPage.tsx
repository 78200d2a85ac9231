// Scenario editor (/exercises/scenarios/new and /exercises/scenarios/:id): bilingual title and
// briefing, participating peers, and the injects table (T+minutes, kind, target party, content).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import type { ScenarioView } from '../../api/exercise-types';
import { useCallMeta, useRequestMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { FieldPathPrefix, SelectField, TextArea, TextField } from '../../components/Field';
import { PageHeader, Panel } from '../../components/Page';
import { GroupChecklist, useSharingGroups } from '../../components/GroupChecklist';
import { PartyChecklist, usePartyDirectory, usePartyLabel } from '../../components/PartyName';
import { RequestForm } from '../requests/RequestForm';
import { draftOf, injectBody, newInject, type InjectDraft, type InjectKind } from './inject-templates';

type Form = {
  titleEn: string;
  titleZh: string;
  briefingEn: string;
  briefingZh: string;
  participants: string[];
  /** Sharing groups: on save the node adds their active peer members to the participants. */
  groups: string[];
  injects: InjectDraft[];
};
const EMPTY: Form = {
  titleEn: '',
  titleZh: '',
  briefingEn: '',
  briefingZh: '',
  participants: [],
  groups: [],
  injects: [],
};

function fromScenario(s: ScenarioView, timeZone: string): Form {
  return {
    titleEn: s.title.en,
    titleZh: s.title.zh,
    briefingEn: s.briefing.en,
    briefingZh: s.briefing.zh,
    participants: s.participants,
    groups: [],
    injects: s.injects.map((i) => draftOf(i, timeZone)),
  };
}

function InjectFields({
  d,
  i,
  set,
  parties,
  err,
}: {
  d: InjectDraft;
  i: number;
  set: (d: InjectDraft) => void;
  parties: string[];
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const partyLabel = usePartyLabel();
  const { timeZone } = useSession();
  const meta = useCallMeta();
  const requestMeta = useRequestMeta();
  const p = (field: string) => `injects.${i}.${field}`;
  const opts = (labels?: Record<string, { en: string; zh: string }>) =>
    Object.entries(labels ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  return (
    <fieldset className="stack" style={{ border: '1px solid var(--border)', borderRadius: 8, padding: 'var(--sp-3)' }}>
      <legend>{t('exercise.injectN', { n: i + 1 })}</legend>
      <div className="row" style={{ flexWrap: 'wrap', gap: 'var(--sp-2)' }}>
        <TextField
          label={t('exercise.offset')}
          path={p('offsetMinutes')}
          type="number"
          min={0}
          value={d.offsetMinutes}
          onChange={(e) => set({ ...d, offsetMinutes: Number(e.target.value) })}
        />
        <SelectField
          label={t('exercise.kindLabel')}
          path={p('kind')}
          value={d.kind}
          options={(['call', 'request', 'info'] as const).map((k) => ({ value: k, label: t(`exercise.kind.${k}`) }))}
          onChange={(e) =>
            set({ ...newInject(e.target.value as InjectKind, d.party, d.offsetMinutes, timeZone), title: d.title })
          }
        />
        <SelectField
          label={t('exercise.party')}
          path={p('party')}
          value={d.party}
          placeholder={t('exercise.choose')}
          options={parties.map((x) => ({ value: x, label: partyLabel(x) }))}
          onChange={(e) => set({ ...d, party: e.target.value })}
        />
      </div>
      <div className="row" style={{ gap: 'var(--sp-2)' }}>
        <TextField
          className="grow"
          label={t('exercise.injectTitleEn')}
          path={p('title.en')}
          value={d.title.en}
          onChange={(e) => set({ ...d, title: { ...d.title, en: e.target.value } })}
        />
        <TextField
          className="grow"
          label={t('exercise.injectTitleZh')}
          path={p('title.zh')}
          value={d.title.zh}
          lang="zh-CN"
          onChange={(e) => set({ ...d, title: { ...d.title, zh: e.target.value } })}
        />
      </div>
      {d.kind === 'call' && (
        <>
          <div className="row" style={{ gap: 'var(--sp-2)' }}>
            <SelectField
              label={t('exercise.urgency')}
              path={p('urgency')}
              value={d.urgency}
              options={opts(meta.data?.urgencies)}
              onChange={(e) => set({ ...d, urgency: e.target.value as typeof d.urgency })}
            />
            <SelectField
              label={t('exercise.topic')}
              path={p('topic')}
              value={d.topic}
              options={opts(meta.data?.topics)}
              onChange={(e) => set({ ...d, topic: e.target.value as typeof d.topic })}
            />
          </div>
          <div className="row" style={{ gap: 'var(--sp-2)' }}>
            <TextField
              label={t('exercise.callbackName')}
              path={p('callback.name')}
              value={d.callback.name}
              onChange={(e) => set({ ...d, callback: { ...d.callback, name: e.target.value } })}
            />
            <TextField
              label={t('exercise.callbackPhone')}
              path={p('callback.phone')}
              value={d.callback.phone ?? ''}
              onChange={(e) => set({ ...d, callback: { ...d.callback, phone: e.target.value } })}
            />
            <TextField
              label={t('exercise.callbackZone')}
              path={p('callback.timeZone')}
              value={d.callback.timeZone}
              onChange={(e) => set({ ...d, callback: { ...d.callback, timeZone: e.target.value } })}
            />
          </div>
        </>
      )}
      {(d.kind === 'call' || d.kind === 'info') && (
        <div className="row" style={{ gap: 'var(--sp-2)' }}>
          <TextArea
            className="grow"
            label={t('exercise.textEn')}
            path={p('text.en')}
            value={d.text.en}
            onChange={(e) => set({ ...d, text: { ...d.text, en: e.target.value } })}
          />
          <TextArea
            className="grow"
            label={t('exercise.textZh')}
            path={p('text.zh')}
            value={d.text.zh}
            lang="zh-CN"
            onChange={(e) => set({ ...d, text: { ...d.text, zh: e.target.value } })}
          />
        </div>
      )}
      {d.kind === 'request' && d.requestForm && requestMeta.data && (
        // The request form as officers know it, its fields named by their path inside this inject.
        <FieldPathPrefix.Provider value={p('request.')}>
          <RequestForm
            mode="inject"
            meta={requestMeta.data}
            form={d.requestForm}
            onChange={(requestForm) => set({ ...d, requestForm })}
            fieldError={(path) => err(p(`request.${path}`))}
          />
        </FieldPathPrefix.Provider>
      )}
    </fieldset>
  );
}

export function ScenarioEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { timeZone } = useSession();
  const [f, setF] = useState<Form>(EMPTY);
  const directory = usePartyDirectory();
  const groupList = useSharingGroups().items;
  // Injects may already go to the chosen groups' members that are active peers now; the node
  // expands the groups again when saving (docs/federation.md §19).
  const parties = [
    ...new Set([
      ...f.participants,
      ...groupList
        .filter((g) => f.groups.includes(g.id))
        .flatMap((g) => g.members)
        .filter((m) => directory.get(m)?.active && !directory.get(m)?.self),
    ]),
  ];
  const existing = useQuery({
    queryKey: ['exercises', 'scenario', id],
    queryFn: () => answer(http.GET('/api/exercises/scenarios/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  useEffect(() => {
    if (existing.data) setF(fromScenario(existing.data, timeZone));
  }, [existing.data, timeZone]);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: { en: f.titleEn, zh: f.titleZh },
        briefing: { en: f.briefingEn, zh: f.briefingZh },
        participants: f.participants,
        ...(f.groups.length ? { groups: f.groups } : {}),
        injects: f.injects.map((d) => injectBody(d, timeZone)),
      };
      return answer(
        id
          ? http.PATCH('/api/exercises/scenarios/{id}', { params: { path: { id } }, body })
          : http.POST('/api/exercises/scenarios', { body }),
      );
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['exercises'] });
      navigate('/exercises');
    },
  });
  const err = useFieldErrors(save.error);
  const setInject = (i: number, d: InjectDraft) => setF({ ...f, injects: f.injects.map((x, j) => (j === i ? d : x)) });
  const add = (kind: InjectKind) => {
    const last = f.injects.at(-1)?.offsetMinutes ?? -10;
    setF({ ...f, injects: [...f.injects, newInject(kind, parties[0] ?? '', last + 10, timeZone)] });
  };
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/exercises">{t('exercise.title')}</Link>}
        title={id ? t('exercise.editScenario') : t('exercise.newScenario')}
      />
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {save.error && <ErrorSummary error={save.error} />}
        <Panel title={t('exercise.scenario')} id="scenario-basics">
          <div className="stack">
            <div className="row" style={{ gap: 'var(--sp-2)' }}>
              <TextField
                className="grow"
                required
                label={t('exercise.titleEn')}
                path="title.en"
                value={f.titleEn}
                onChange={(e) => setF({ ...f, titleEn: e.target.value })}
              />
              <TextField
                className="grow"
                required
                label={t('exercise.titleZh')}
                path="title.zh"
                lang="zh-CN"
                value={f.titleZh}
                onChange={(e) => setF({ ...f, titleZh: e.target.value })}
              />
            </div>
            <div className="row" style={{ gap: 'var(--sp-2)' }}>
              <TextArea
                className="grow"
                required
                label={t('exercise.briefingEn')}
                path="briefing.en"
                value={f.briefingEn}
                onChange={(e) => setF({ ...f, briefingEn: e.target.value })}
              />
              <TextArea
                className="grow"
                required
                label={t('exercise.briefingZh')}
                path="briefing.zh"
                lang="zh-CN"
                value={f.briefingZh}
                onChange={(e) => setF({ ...f, briefingZh: e.target.value })}
              />
            </div>
            <PartyChecklist
              label={t('exercise.participants')}
              path="participants"
              value={f.participants}
              error={err('participants')}
              onChange={(participants) => setF({ ...f, participants })}
            />
            <GroupChecklist
              path="groups"
              value={f.groups}
              error={err('groups')}
              hint={t('exercise.groupsHint')}
              onChange={(groups) => setF({ ...f, groups })}
            />
          </div>
        </Panel>
        <Panel
          title={t('exercise.injects')}
          id="scenario-injects"
          actions={(['call', 'request', 'info'] as const).map((k) => (
            <button key={k} type="button" className="btn" onClick={() => add(k)}>
              + {t(`exercise.kind.${k}`)}
            </button>
          ))}
        >
          <div className="stack">
            {f.injects.map((d, i) => (
              <div key={i} className="stack">
                <InjectFields d={d} i={i} parties={parties} set={(x) => setInject(i, x)} err={err} />
                <button
                  type="button"
                  className="btn ghost"
                  onClick={() => setF({ ...f, injects: f.injects.filter((_, j) => j !== i) })}
                >
                  {t('exercise.removeInject')}
                </button>
              </div>
            ))}
          </div>
        </Panel>
        <div className="row">
          <button type="submit" className="btn primary" disabled={save.isPending}>
            {t('exercise.save')}
          </button>
        </div>
      </form>
    </>
  );
}
