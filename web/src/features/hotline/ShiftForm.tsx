// Adding a shift in the officer's local wall time; the node converts it, across DST changes too.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import type { JsonBody, Shift } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';

type Form = { userId: string; role: string; timeZone: string; localStart: string; localEnd: string };
type NewShift = JsonBody<'/api/roster/shifts', 'post'>;

/**
 * The form as POST /roster/shifts takes it (wall-clock start and end in the chosen zone). The role select
 * holds a string; the route's schema is the authority on it, so the body is typed as the route declares it here, once.
 */
const shiftBody = (v: Form): NewShift => v as NewShift;

export function ShiftForm({ shifts }: { shifts: Shift[] }) {
  const { t } = useTranslation();
  const bi = useBi();
  const { me, can, timeZone } = useSession();
  const meta = useCallMeta().data;
  const qc = useQueryClient();
  // Only administrators may list users; others pick from themselves and officers already rostered.
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => answer(http.GET('/api/users')),
    enabled: can('user:manage'),
  });
  const people = new Map<string, string>([[me.user.id, me.user.displayName]]);
  for (const s of shifts) if (s.officer) people.set(s.userId, s.officer.name);
  for (const u of users.data?.items ?? []) if (!u.disabled) people.set(u.id, u.displayName);
  const [v, setV] = useState<Form>({
    userId: me.user.id,
    role: 'duty_officer',
    timeZone,
    localStart: '',
    localEnd: '',
  });
  const add = useMutation({
    mutationFn: () => answer(http.POST('/api/roster/shifts', { body: shiftBody(v) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roster'] }),
  });
  const err = useFieldErrors(add.error);
  const field = (key: keyof typeof v) => ({
    path: key,
    value: v[key],
    error: err(key),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form className="stack-sm" onSubmit={submit} noValidate>
      <div className="inline-form">
        <SelectField
          label={t('roster.officer')}
          options={[...people].map(([value, label]) => ({ value, label }))}
          {...field('userId')}
        />
        <SelectField
          label={t('roster.rung')}
          options={Object.entries(meta?.escalationRoles ?? {}).map(([value, l]) => ({ value, label: bi(l) }))}
          {...field('role')}
        />
        <TextField label={t('roster.start')} type="datetime-local" {...field('localStart')} />
        <TextField label={t('roster.end')} type="datetime-local" {...field('localEnd')} />
        <TextField label={t('calls.callbackTimeZone')} list="tz-list" {...field('timeZone')} />
        <button type="submit" className="btn primary" disabled={add.isPending}>
          {t('roster.add')}
        </button>
      </div>
      <ErrorSummary error={add.error} />
    </form>
  );
}
