// The passkey steps of the sign-in page: "Sign in with a passkey" (no user name or password: the
// passkey names the account), and the passkey as the second step after the password.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { pickedBeforeSignIn } from '../../app/session';
import { passkeyAssertion } from './passkey-ceremony';
import { PasskeyError } from './PasskeyError';

/** Password-less sign-in with a discoverable passkey; the session is the same as a password sign-in's. */
export function PasskeySignInButton() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await passkeyAssertion('login');
      const locale = pickedBeforeSignIn.locale;
      await answer(http.POST('/api/auth/passkeys/login', { body: { response, ...(locale ? { locale } : {}) } }));
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack-sm">
      <div className="faint small" style={{ textAlign: 'center' }} aria-hidden="true">
        {t('passkey.or')}
      </div>
      <button type="button" className="btn" onClick={() => void signIn()} disabled={busy} data-testid="passkey-sign-in">
        {busy ? t('passkey.signingIn') : t('passkey.signIn')}
      </button>
      <PasskeyError error={error} />
    </div>
  );
}

/**
 * The second step with a passkey: asks the browser for an answer to a `second_factor` challenge
 * and sends it with the user name and password already typed.
 */
export function usePasskeySecondStep(credentials: { username: string; password: string }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const passkey = await passkeyAssertion('second_factor');
      const locale = pickedBeforeSignIn.locale;
      await answer(http.POST('/api/auth/login', { body: { ...credentials, passkey, ...(locale ? { locale } : {}) } }));
      await qc.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { confirm, busy, error, reset: () => setError(null) };
}

export function PasskeyStepError({ error }: { error: unknown }) {
  return <PasskeyError error={error} />;
}
