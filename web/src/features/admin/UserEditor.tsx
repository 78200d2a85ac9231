// Creating a user, or changing one: roles, name, e-mail, password reset, disable, unlock.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { Locale, Role, User } from '../../api/types';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { fieldId, SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { ROLES } from '../../../../src/domain/shared/roles';

export function UserEditor({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({
    username: '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    password: '',
    locale: 'zh-CN' as Locale,
    timeZone: 'Asia/Shanghai',
    disabled: user?.disabled ?? false,
    unlock: false,
    resetSecondFactors: false,
  });
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['investigator']);
  const save = useMutation({
    mutationFn: () =>
      user
        ? answer(
            http.PATCH('/api/users/{id}', {
              params: { path: { id: user.id } },
              body: {
                displayName: v.displayName,
                email: v.email || null,
                roles,
                disabled: v.disabled,
                ...(v.password ? { password: v.password } : {}),
                ...(v.unlock ? { unlock: true } : {}),
                ...(v.resetSecondFactors ? { resetSecondFactors: true } : {}),
              },
            }),
          )
        : answer(
            http.POST('/api/users', {
              body: {
                username: v.username,
                displayName: v.displayName,
                ...(v.email ? { email: v.email } : {}),
                roles,
                password: v.password,
                locale: v.locale,
                timeZone: v.timeZone,
              },
            }),
          ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const err = useFieldErrors(save.error);
  const field = (k: 'username' | 'displayName' | 'email' | 'password' | 'timeZone') => ({
    path: k,
    value: v[k],
    error: err(k),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Panel title={user ? t('admin.editUser', { name: user.username }) : t('admin.newUser')} id="user-editor">
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary error={save.error} />
        <div className="form-grid">
          {!user && (
            <TextField
              label={t('login.username')}
              required
              autoComplete="off"
              hint={t('admin.usernameHint')}
              {...field('username')}
            />
          )}
          <TextField label={t('account.displayName')} required {...field('displayName')} />
          <TextField label={t('admin.email')} type="email" {...field('email')} />
          <TextField
            label={user ? t('admin.newPassword') : t('login.password')}
            type="password"
            required={!user}
            autoComplete="new-password"
            hint={t('admin.passwordHint')}
            {...field('password')}
          />
          {!user && (
            <>
              <SelectField
                label={t('account.language')}
                path="locale"
                value={v.locale}
                onChange={(e) => setV({ ...v, locale: e.target.value as Locale })}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
              <TextField label={t('account.timeZone')} list="tz-list" {...field('timeZone')} />
            </>
          )}
        </div>
        <fieldset className="form-section" aria-describedby={err('roles') ? `${fieldId('roles')}-error` : undefined}>
          <legend className="label">{t('admin.roles')}</legend>
          <div className="grid-3" id={fieldId('roles')}>
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                />
                {t(`roles.${r}`)}
              </label>
            ))}
          </div>
          {err('roles') && (
            <span className="field">
              <span className="error" id={`${fieldId('roles')}-error`}>
                ⚠ {err('roles')}
              </span>
            </span>
          )}
        </fieldset>
        {user && (
          <div className="row">
            <label className="check">
              <input
                type="checkbox"
                checked={v.disabled}
                onChange={(e) => setV({ ...v, disabled: e.target.checked })}
              />
              {t('admin.disable')}
            </label>
            <label className="check">
              <input type="checkbox" checked={v.unlock} onChange={(e) => setV({ ...v, unlock: e.target.checked })} />
              {t('admin.unlock')}
            </label>
          </div>
        )}
        {user && (
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={v.resetSecondFactors}
                aria-describedby="reset-factors-hint"
                onChange={(e) => setV({ ...v, resetSecondFactors: e.target.checked })}
              />
              {t('admin.resetSecondFactors')}
            </label>
            <span className="hint" id="reset-factors-hint">
              {t('admin.resetSecondFactorsHint')}
            </span>
          </div>
        )}
        <datalist id="tz-list">
          {['Asia/Shanghai', 'America/New_York', 'Europe/Brussels', 'UTC'].map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={save.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
