// My account: name, default language and time zone (kept on the account), two-factor
// authentication, and my API tokens. The header's language switch changes only this browser
// session; saving here makes the chosen language the account's default and this session's.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { Locale } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { PageHeader, Panel } from '../../components/Page';
import { isValidTimeZone } from '../../../../src/domain/shared/zones';
import { applyLocale } from '../../i18n';
import { TokensPanel } from '../admin/TokensPanel';
import { PagingPanel } from './PagingPanel';
import { TotpPanel } from './TotpPanel';
import { PasskeysPanel } from './PasskeysPanel';
import { PasskeyPolicyPanel } from './PasskeyPolicyPanel';

const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/Brussels',
  'Europe/London',
  'UTC',
];

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const qc = useQueryClient();
  const [v, setV] = useState({ displayName: me.user.displayName, locale: me.user.locale, timeZone: me.user.timeZone });
  const save = useMutation({
    mutationFn: () => {
      if (!isValidTimeZone(v.timeZone)) throw new Error(t('account.badZone'));
      return answer(http.PATCH('/api/auth/me', { body: v }));
    },
    onSuccess: async () => {
      // This session follows the account's default again.
      if (me.session?.sessionChoice) await answer(http.PUT('/api/auth/session/locale', { body: { locale: null } }));
      await applyLocale(v.locale);
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const err = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        title={t('account.title')}
        subtitle={`${me.user.username} · ${me.user.roles.map((r) => t(`roles.${r}`)).join(', ')}`}
      />
      <div className="stack">
        <Panel title={t('account.profile')} id="profile">
          <form className="stack-sm" onSubmit={submit} noValidate>
            <div className="form-grid">
              <TextField
                label={t('account.displayName')}
                path="displayName"
                value={v.displayName}
                error={err('displayName')}
                onChange={(e) => setV({ ...v, displayName: e.target.value })}
              />
              <SelectField
                label={t('language.accountDefault')}
                hint={t('language.accountDefaultHint')}
                path="locale"
                value={v.locale}
                onChange={(e) => setV({ ...v, locale: e.target.value as Locale })}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
              <TextField
                label={t('account.timeZone')}
                path="timeZone"
                list="zones"
                value={v.timeZone}
                error={err('timeZone')}
                hint={t('account.timeZoneHint')}
                onChange={(e) => setV({ ...v, timeZone: e.target.value })}
              />
              <datalist id="zones">
                {ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </div>
            <div className="form-actions">
              {save.isSuccess && (
                <span className="faint" role="status">
                  {t('account.saved')}
                </span>
              )}
              <button type="submit" className="btn primary" disabled={save.isPending}>
                {t('common.save')}
              </button>
            </div>
            <ErrorSummary error={save.error} />
          </form>
        </Panel>
        <PagingPanel />
        <TotpPanel />
        <PasskeysPanel />
        {/* Supervisors set the passkey policy here (administrators also under Administration). */}
        {me.user.roles.some((r) => r === 'supervisor' || r === 'admin') && <PasskeyPolicyPanel />}
        <TokensPanel />
      </div>
    </>
  );
}
