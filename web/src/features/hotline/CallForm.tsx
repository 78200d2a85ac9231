// Placing a call to a peer's 24/7 point of contact, recording one received by phone, or broadcasting
// one alert to sharing groups / all peers (one call per recipient, docs/federation.md §19); the
// acknowledgement period follows the urgency (15 min emergency, 2 h urgent by default).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { answer, http } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import type { JsonBody } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { GroupChecklist } from '../../components/GroupChecklist';
import { PartyChecklist, PartyPicker } from '../../components/PartyName';

type Form = {
  party: string;
  topic: string;
  urgency: string;
  message: string;
  language: string;
  name: string;
  phone: string;
  email: string;
  timeZone: string;
};
type CallContent = Omit<JsonBody<'/api/calls', 'post'>, 'toParty'>;

/**
 * What placing a call and recording an incoming one send alike. Selects hold strings; the route's schema
 * is the authority on them (an unknown value comes back as a field error), so the content is typed here, once.
 */
function callContent(v: Form): CallContent {
  const callback = { name: v.name, phone: v.phone || null, email: v.email || null, timeZone: v.timeZone };
  return { topic: v.topic, urgency: v.urgency, message: v.message, language: v.language, callback } as CallContent;
}

export function CallForm({ mode }: { mode: 'place' | 'record' | 'broadcast' }) {
  const { t, i18n } = useTranslation();
  const bi = useBi();
  const { me, timeZone } = useSession();
  const meta = useCallMeta().data;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState<Form>({
    party: '',
    topic: 'other',
    urgency: 'urgent',
    message: '',
    language: i18n.language === 'zh-CN' ? 'zh' : 'en',
    name: mode !== 'record' ? me.user.displayName : '',
    phone: '',
    email: mode !== 'record' ? (me.user.email ?? '') : '',
    timeZone: mode !== 'record' ? timeZone : '',
  });
  const [to, setTo] = useState<{ groups: string[]; parties: string[]; allPeers: boolean }>({
    groups: [],
    parties: [],
    allPeers: false,
  });
  const ours = mode !== 'record';
  const place = useMutation({
    // Where to go once placed: the call, or the broadcast page following every recipient's call.
    mutationFn: async (): Promise<string> => {
      if (mode === 'broadcast')
        return `/hotline/broadcasts/${(await answer(http.POST('/api/calls/broadcasts', { body: { ...callContent(v), ...to } }))).id}`;
      const call =
        mode === 'place'
          ? await answer(http.POST('/api/calls', { body: { ...callContent(v), toParty: v.party } }))
          : await answer(http.POST('/api/calls/incoming', { body: { ...callContent(v), fromParty: v.party } }));
      return `/hotline/calls/${call.id}`;
    },
    onSuccess: async (path) => {
      await qc.invalidateQueries({ queryKey: ['calls'] });
      navigate(path);
    },
  });
  const err = useFieldErrors(place.error);
  const field = (key: keyof typeof v, path: string) => ({
    path,
    value: v[key],
    error: err(path),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });
  const opts = (labels?: Record<string, { en: string; zh: string }>) =>
    Object.entries(labels ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  const ackMinutes = meta?.defaultAckMinutes[v.urgency];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary error={place.error} />
      <div className="form-grid">
        {mode === 'broadcast' ? (
          <div className="span-2 stack-sm">
            <GroupChecklist
              path="groups"
              value={to.groups}
              error={err('groups')}
              onChange={(groups) => setTo({ ...to, groups })}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={to.allPeers}
                onChange={(e) => setTo({ ...to, allPeers: e.target.checked })}
              />
              {t('broadcast.allPeers')}
            </label>
            {!to.allPeers && (
              <PartyChecklist
                label={t('broadcast.parties')}
                path="parties"
                value={to.parties}
                error={err('parties')}
                onChange={(parties) => setTo({ ...to, parties })}
              />
            )}
          </div>
        ) : (
          <PartyPicker
            label={mode === 'place' ? t('calls.toParty') : t('calls.fromParty')}
            required
            allowOther
            path={mode === 'place' ? 'toParty' : 'fromParty'}
            value={v.party}
            error={err(mode === 'place' ? 'toParty' : 'fromParty')}
            onChange={(party) => setV({ ...v, party })}
          />
        )}
        <SelectField label={t('calls.topic')} required options={opts(meta?.topics)} {...field('topic', 'topic')} />
        <SelectField
          label={t('common.urgency')}
          required
          options={opts(meta?.urgencies)}
          {...field('urgency', 'urgency')}
          hint={ackMinutes ? t('calls.ackWithin', { minutes: ackMinutes }) : undefined}
        />
        <SelectField
          label={t('calls.language')}
          options={[
            { value: 'zh', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          {...field('language', 'language')}
        />
        <TextArea
          label={t('calls.message')}
          required
          className="span-2"
          rows={4}
          hint={t('calls.messageHint')}
          {...field('message', 'message')}
        />
      </div>
      <fieldset className="form-section">
        <legend>{ours ? t('calls.callbackOurs') : t('calls.callbackTheirs')}</legend>
        <div className="form-grid">
          <TextField label={t('calls.callbackName')} required {...field('name', 'callback.name')} />
          <TextField
            label={t('calls.callbackTimeZone')}
            required
            list="tz-list"
            {...field('timeZone', 'callback.timeZone')}
          />
          <TextField label={t('calls.callbackPhone')} type="tel" {...field('phone', 'callback.phone')} />
          <TextField label={t('calls.callbackEmail')} type="email" {...field('email', 'callback.email')} />
        </div>
      </fieldset>
      <datalist id="tz-list">
        {['Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Europe/Brussels', 'Europe/London', 'UTC'].map(
          (z) => (
            <option key={z} value={z} />
          ),
        )}
      </datalist>
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${v.urgency === 'emergency' ? 'urgent' : 'primary'}`}
          disabled={place.isPending}
        >
          {mode === 'broadcast' ? t('broadcast.send') : mode === 'place' ? t('calls.place') : t('calls.record')}
        </button>
      </div>
    </form>
  );
}
