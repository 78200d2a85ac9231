// "Sign in with <agency IdP>" buttons beside the local form, one per enabled provider, and the
// message of a refused single sign-on: the node redirects back to the sign-in page with
// `?sso_error=<CODE>`, shown here in the page's language from the node's own error catalogue. They
// follow the passkey button, below the sign-in page's "or".
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, ApiError, http } from '../../api/client';
import { pickedBeforeSignIn } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { pickBi } from '../../lib/format';
import { SSO_ERRORS, type SsoErrorCode } from '../../../../src/domain/sso/errors';
import { refusalCodeOf } from '../../../../src/domain/sso/provider';

/** The refusal the node sent the browser back with, read once (and taken out of the address bar). */
function takeRefusal(): ApiError | null {
  const params = new URLSearchParams(window.location.search);
  const raw = params.get('sso_error');
  if (!raw) return null;
  params.delete('sso_error');
  const rest = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  const code: SsoErrorCode = refusalCodeOf(raw);
  return new ApiError(SSO_ERRORS[code].status, { code, message: SSO_ERRORS[code].message });
}

export function SsoButtons() {
  const { t, i18n } = useTranslation();
  const [refusal] = useState(takeRefusal);
  const providers = useQuery({
    queryKey: ['sso-providers'],
    queryFn: () => answer(http.GET('/api/auth/oidc/providers')),
    retry: false,
    staleTime: 60_000,
  });
  const items = providers.data?.items ?? [];
  if (items.length === 0 && !refusal) return null;
  // Only a language picked on this page travels: it becomes that session's, as with the password form.
  const locale = pickedBeforeSignIn.locale;
  return (
    <div className="stack" data-testid="sso">
      {refusal && <ErrorSummary error={refusal} />}
      {items.map((p) => (
        <a
          key={p.slug}
          className="btn"
          href={`/api/auth/oidc/${encodeURIComponent(p.slug)}/start${locale ? `?locale=${locale}` : ''}`}
        >
          {t('sso.signInWith', { name: pickBi({ en: p.nameEn, zh: p.nameZh }, i18n.language) })}
        </a>
      ))}
    </div>
  );
}
