// Sign-in: user name and password, then the 6-digit code when the account has TOTP enrolled, or its
// passkey (PasskeySignIn.tsx); or a passkey alone ("Sign in with a passkey"); or the agency's
// identity provider (SsoButtons.tsx).
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, ApiError, http } from '../../api/client';
import type { Locale } from '../../api/types';
import { pickedBeforeSignIn } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { BrandMark } from '../../components/Icon';
import { LanguageSwitch, ThemeSwitch } from '../../components/Switches';
import { applyLocale } from '../../i18n';
import '../../styles/login.css';
import { PasskeySignInButton, PasskeyStepError, usePasskeySecondStep } from './PasskeySignIn';
import { SsoButtons } from './SsoButtons';

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  // The second step may be a passkey: offered beside the code, or the only one accepted.
  const [passkeyOffered, setPasskeyOffered] = useState(false);
  const [needsPasskey, setNeedsPasskey] = useState(false);
  const passkeyStep = usePasskeySecondStep({ username, password });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const locale = pickedBeforeSignIn.locale;
      await answer(
        http.POST('/api/auth/login', {
          body: { username, password, ...(needsCode ? { totp } : {}), ...(locale ? { locale } : {}) },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH_TOTP_REQUIRED') {
        setNeedsCode(true);
        setPasskeyOffered(err.details.passkey === true);
      } else if (err instanceof ApiError && err.code === 'AUTH_PASSKEY_CONFIRM_REQUIRED') {
        setNeedsPasskey(true);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const chooseLanguage = (locale: Locale) => {
    pickedBeforeSignIn.locale = locale;
    void applyLocale(locale);
  };

  return (
    <div className="login-page">
      <div className="login-tools">
        <LanguageSwitch onChange={chooseLanguage} className="select login-select" />
        <ThemeSwitch className="btn" />
      </div>
      <main className="login-card panel" aria-labelledby="login-title">
        <div className="login-brand">
          <BrandMark />
          <div>
            <div className="login-product">Crossline</div>
            <div className="faint">{t('login.tagline')}</div>
          </div>
        </div>
        <h1 id="login-title">
          {needsPasskey ? t('passkey.confirmTitle') : needsCode ? t('login.codeTitle') : t('login.title')}
        </h1>
        {needsPasskey ? (
          <div className="stack">
            <p className="muted">{t('passkey.confirmHelp')}</p>
            <PasskeyStepError error={passkeyStep.error} />
            <button
              type="button"
              className="btn primary"
              autoFocus
              disabled={passkeyStep.busy}
              onClick={() => void passkeyStep.confirm()}
            >
              {passkeyStep.busy ? t('passkey.signingIn') : t('passkey.confirm')}
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() => {
                setNeedsPasskey(false);
                passkeyStep.reset();
              }}
            >
              {t('login.back')}
            </button>
          </div>
        ) : (
          <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
            {!needsCode ? (
              <>
                <TextField
                  label={t('login.username')}
                  path="username"
                  autoComplete="username"
                  required
                  autoFocus
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                />
                <TextField
                  label={t('login.password')}
                  path="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </>
            ) : (
              <>
                <p className="muted">{t('login.codeHelp')}</p>
                <TextField
                  label={t('login.code')}
                  path="totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                  autoFocus
                  value={totp}
                  onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
                />
              </>
            )}
            <ErrorSummary error={error} />
            <button
              type="submit"
              className="btn primary"
              disabled={busy || !username || !password || (needsCode && totp.length !== 6)}
            >
              {busy ? t('login.signingIn') : needsCode ? t('login.verify') : t('login.signIn')}
            </button>
            {needsCode && passkeyOffered && (
              <>
                <button
                  type="button"
                  className="btn"
                  disabled={passkeyStep.busy}
                  onClick={() => void passkeyStep.confirm()}
                >
                  {passkeyStep.busy ? t('passkey.signingIn') : t('passkey.useInstead')}
                </button>
                <PasskeyStepError error={passkeyStep.error} />
              </>
            )}
            {needsCode && (
              <button
                type="button"
                className="btn ghost"
                onClick={() => {
                  setNeedsCode(false);
                  setTotp('');
                  setError(null);
                  passkeyStep.reset();
                }}
              >
                {t('login.back')}
              </button>
            )}
          </form>
        )}
        {!needsCode && !needsPasskey && <PasskeySignInButton />}
        {!needsCode && !needsPasskey && <SsoButtons />}
        <p className="faint login-notice">{t('login.notice')}</p>
      </main>
    </div>
  );
}
