// Placing a call to a peer's 24/7 point of contact, or recording one received by phone; the
// acknowledgement period follows the urgency (15 min emergency, 2 h urgent by default).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import type { CallView } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { PartyPicker } from '../../components/PartyName';

export function CallForm({ mode }: { mode: 'place' | 'record' }) {
  const { t, i18n } = useTranslation();
  const bi = useBi();
  const { me, timeZone } = useSession();
  const meta = useCallMeta().data;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState({
    party: '', topic: 'other', urgency: 'urgent', message: '', language: i18n.language === 'zh-CN' ? 'zh' : 'en',
    name: mode === 'place' ? me.user.displayName : '', phone: '', email: mode === 'place' ? me.user.email ?? '' : '',
    timeZone: mode === 'place' ? timeZone : '',
  });
  const place = useMutation({
    mutationFn: () => {
      const callback = { name: v.name, phone: v.phone || null, email: v.email || null, timeZone: v.timeZone };
      const common = { topic: v.topic, urgency: v.urgency, message: v.message, language: v.language, callback };
      return mode === 'place'
        ? api.post<CallView>('/calls', { ...common, toParty: v.party })
        : api.post<CallView>('/calls/incoming', { ...common, fromParty: v.party });
    },
    onSuccess: async (call) => {
      await qc.invalidateQueries({ queryKey: ['calls'] });
      navigate(`/hotline/calls/${call.id}`);
    },
  });
  const err = useFieldErrors(place.error);
  const field = (key: keyof typeof v, path: string) => ({
    path, value: v[key], error: err(path), onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });
  const opts = (labels?: Record<string, { en: string; zh: string }>) => Object.entries(labels ?? {}).map(([value, l]) => ({ value, label: bi(l) }));
  const ackMinutes = meta?.defaultAckMinutes[v.urgency];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorSummary error={place.error} />
      <div className="form-grid">
        <PartyPicker label={mode === 'place' ? t('calls.toParty') : t('calls.fromParty')} required allowOther
          path={mode === 'place' ? 'toParty' : 'fromParty'} value={v.party} error={err(mode === 'place' ? 'toParty' : 'fromParty')}
          onChange={(party) => setV({ ...v, party })} />
        <SelectField label={t('calls.topic')} required options={opts(meta?.topics)} {...field('topic', 'topic')} />
        <SelectField label={t('common.urgency')} required options={opts(meta?.urgencies)} {...field('urgency', 'urgency')}
          hint={ackMinutes ? t('calls.ackWithin', { minutes: ackMinutes }) : undefined} />
        <SelectField label={t('calls.language')} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} {...field('language', 'language')} />
        <TextArea label={t('calls.message')} required className="span-2" rows={4} hint={t('calls.messageHint')} {...field('message', 'message')} />
      </div>
      <fieldset className="form-section">
        <legend>{mode === 'place' ? t('calls.callbackOurs') : t('calls.callbackTheirs')}</legend>
        <div className="form-grid">
          <TextField label={t('calls.callbackName')} required {...field('name', 'callback.name')} />
          <TextField label={t('calls.callbackTimeZone')} required list="tz-list" {...field('timeZone', 'callback.timeZone')} />
          <TextField label={t('calls.callbackPhone')} type="tel" {...field('phone', 'callback.phone')} />
          <TextField label={t('calls.callbackEmail')} type="email" {...field('email', 'callback.email')} />
        </div>
      </fieldset>
      <datalist id="tz-list">
        {['Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Europe/Brussels', 'Europe/London', 'UTC'].map((z) => <option key={z} value={z} />)}
      </datalist>
      <div className="form-actions">
        <button type="submit" className={`btn ${v.urgency === 'emergency' ? 'urgent' : 'primary'}`} disabled={place.isPending}>
          {mode === 'place' ? t('calls.place') : t('calls.record')}
        </button>
      </div>
    </form>
  );
}
