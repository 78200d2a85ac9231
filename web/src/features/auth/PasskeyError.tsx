// Shows what went wrong in a passkey ceremony: the node's bilingual refusal, or the browser's.
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasskeyBrowserError } from './passkey-ceremony';

export function PasskeyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof PasskeyBrowserError)) return <ErrorSummary error={error} />;
  const text =
    error.trouble === 'cancelled'
      ? t('passkey.cancelled')
      : error.trouble === 'unsupported'
        ? t('passkey.unsupported')
        : t('passkey.browserError', { message: error.message });
  return (
    <div className="alert error" role="alert">
      <div className="alert-title">{text}</div>
    </div>
  );
}
