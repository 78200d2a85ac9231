// Sign-in: user name and password, then the 6-digit code when the account has TOTP enrolled.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { pickedBeforeSignIn } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { BrandMark } from '../../components/Icon';
import { LanguageSwitch, ThemeSwitch } from '../../components/Switches';
import { applyLocale } from '../../i18n';
import '../../styles/login.css';

export function LoginPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const locale = pickedBeforeSignIn.locale;
      await api.post('/auth/login', { username, password, ...(needsCode ? { totp } : {}), ...(locale ? { locale } : {}) });
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH_TOTP_REQUIRED') {
        setNeedsCode(true);
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
        <h1 id="login-title">{needsCode ? t('login.codeTitle') : t('login.title')}</h1>
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          {!needsCode ? (
            <>
              <TextField label={t('login.username')} path="username" autoComplete="username" required autoFocus
                value={username} onChange={(e) => setUsername(e.target.value)} />
              <TextField label={t('login.password')} path="password" type="password" autoComplete="current-password" required
                value={password} onChange={(e) => setPassword(e.target.value)} />
            </>
          ) : (
            <>
              <p className="muted">{t('login.codeHelp')}</p>
              <TextField label={t('login.code')} path="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}"
                maxLength={6} required autoFocus value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))} />
            </>
          )}
          <ErrorSummary error={error} />
          <button type="submit" className="btn primary" disabled={busy || !username || !password || (needsCode && totp.length !== 6)}>
            {busy ? t('login.signingIn') : needsCode ? t('login.verify') : t('login.signIn')}
          </button>
          {needsCode && (
            <button type="button" className="btn ghost" onClick={() => { setNeedsCode(false); setTotp(''); setError(null); }}>
              {t('login.back')}
            </button>
          )}
        </form>
        <p className="faint login-notice">{t('login.notice')}</p>
      </main>
    </div>
  );
}
