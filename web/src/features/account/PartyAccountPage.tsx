// What an external party's TAXII account sees when it signs in to the web UI: what the account is
// for, where its TAXII client connects, and its own settings (where it manages its API tokens).
// Every other page would only answer AUTH_PARTY_ACCOUNT_TAXII_ONLY.
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { useSession } from '../../app/session';
import { PageHeader, Panel } from '../../components/Page';
import { AccountPage } from './AccountPage';

function PartyAccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <PageHeader
        title={t('partyAccount.title')}
        subtitle={t('partyAccount.subtitle', { party: me.boundParty ?? '' })}
      />
      <Panel title={t('partyAccount.howTitle')} id="party-account">
        <div className="stack">
          <p>{t('partyAccount.how', { party: me.boundParty ?? '' })}</p>
          <dl className="kv">
            <dt>{t('partyAccount.discovery')}</dt>
            <dd className="mono break">{`${window.location.origin}/taxii2/`}</dd>
          </dl>
          <p>
            <Link to="/account">{t('partyAccount.tokens')}</Link>
          </p>
        </div>
      </Panel>
    </>
  );
}

export function PartyAccountRoutes() {
  return (
    <Routes>
      <Route path="/account" element={<AccountPage />} />
      <Route path="*" element={<PartyAccountPage />} />
    </Routes>
  );
}
