// Two-factor authentication (TOTP): start enrolment to get the secret and otpauth URI for an
// authenticator app, confirm with a first code; turn it off, or move it to another app, with a
// current code (the server asks for one: a stolen session alone cannot take the second factor over).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { TotpQr } from './TotpQr';

export function TotpPanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  // While TOTP is on, starting again (another app) needs a current code of the enrolled one.
  const enrol = useMutation({
    mutationFn: () => answer(http.POST('/api/auth/totp/enrol', { body: me.user.totpEnabled ? { code } : {} })),
    onSuccess: () => setCode(''),
  });
  const done = async () => {
    setCode('');
    enrol.reset();
    await qc.invalidateQueries({ queryKey: ['me'] });
  };
  const confirm = useMutation({
    mutationFn: () => answer(http.POST('/api/auth/totp/confirm', { body: { code } })),
    onSuccess: done,
  });
  const disable = useMutation({
    mutationFn: () => answer(http.POST('/api/auth/totp/disable', { body: { code } })),
    onSuccess: done,
  });
  const active = enrol.data ? confirm : me.user.totpEnabled ? disable : confirm;
  const err = useFieldErrors(active.error ?? (me.user.totpEnabled ? enrol.error : null));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    active.mutate();
  };
  const codeField = (
    <TextField
      label={t('login.code')}
      path="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      value={code}
      onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      error={err('code') ?? err('body.code')}
    />
  );
  return (
    <Panel
      title={t('totp.title')}
      id="totp"
      actions={
        me.user.totpEnabled ? (
          <Badge tone="success">{t('admin.totpOn')}</Badge>
        ) : (
          <Badge tone="warning">{t('admin.totpOff')}</Badge>
        )
      }
    >
      {me.user.totpEnabled && !enrol.data ? (
        <form className="stack-sm" onSubmit={submit} noValidate>
          <p>{t('totp.enabledHelp')}</p>
          <div className="inline-form">
            {codeField}
            <button type="submit" className="btn danger" disabled={code.length !== 6 || disable.isPending}>
              {t('totp.disable')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={code.length !== 6 || enrol.isPending}
              onClick={() => enrol.mutate()}
            >
              {t('totp.replace')}
            </button>
          </div>
          <ErrorSummary error={disable.error ?? enrol.error} />
        </form>
      ) : !enrol.data ? (
        <div className="stack-sm">
          <p>{t('totp.help')}</p>
          <div>
            <button type="button" className="btn primary" onClick={() => enrol.mutate()} disabled={enrol.isPending}>
              {t('totp.start')}
            </button>
          </div>
          <ErrorSummary error={enrol.error} />
        </div>
      ) : (
        <form className="stack-sm" onSubmit={submit} noValidate>
          <ol className="stack-sm" style={{ paddingLeft: 18, margin: 0 }}>
            <li>{t('totp.step1')}</li>
            <li>{t('totp.step2')}</li>
          </ol>
          <TotpQr uri={enrol.data.otpauthUri} />
          <div className="label small">{t('totp.secret')}</div>
          <div className="code-box fingerprint" data-testid="totp-secret">
            {enrol.data.secret.replace(/(.{4})/g, '$1 ').trim()}
          </div>
          <div className="label small">{t('totp.uri')}</div>
          <div className="code-box small" data-testid="totp-uri">
            {enrol.data.otpauthUri}
          </div>
          <div className="inline-form">
            {codeField}
            <button type="submit" className="btn primary" disabled={code.length !== 6 || confirm.isPending}>
              {t('totp.confirm')}
            </button>
          </div>
          <ErrorSummary error={confirm.error} />
        </form>
      )}
    </Panel>
  );
}
