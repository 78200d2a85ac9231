// Shown instead of the workspace while the node's policy requires this user to have a passkey and
// they have none: the API refuses everything but their own account (AUTH_PASSKEY_REQUIRED) until
// they add one here; the page gives way by itself once /auth/me says so.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/Page';
import { PasskeysPanel } from '../account/PasskeysPanel';

export function PasskeyRequiredPage() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <>
      <PageHeader
        title={t('passkey.required.title')}
        actions={
          <button type="button" className="btn" onClick={() => void signOut()}>
            {t('passkey.required.signOut')}
          </button>
        }
      />
      <div className="stack">
        <div className="alert warning" role="status" data-testid="passkey-required">
          <div className="alert-title">{t('passkey.required.body')}</div>
        </div>
        <PasskeysPanel />
      </div>
    </>
  );
}
