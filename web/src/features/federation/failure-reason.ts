// A peer's last delivery failure for people: the error catalogue's meaning when the server knows the
// code, else the transport's own codes (NETWORK, TIMEOUT, HTTP_<status>, src/federation/deliver-batch.ts);
// the raw code itself is only ever a tooltip.
import { useTranslation } from 'react-i18next';
import { useBi } from '../../components/Bi';

export function useFailureReason(): (code: string | null, reason: { en: string; zh: string } | null) => string {
  const { t } = useTranslation();
  const bi = useBi();
  return (code, reason) => {
    if (reason) return bi(reason);
    const http = /^HTTP_(\d{3})$/.exec(code ?? '');
    if (http) return t('peerHealth.failure.http', { status: http[1] });
    if (code === 'NETWORK') return t('peerHealth.failure.network');
    if (code === 'TIMEOUT') return t('peerHealth.failure.timeout');
    return t('peerHealth.failure.other');
  };
}
