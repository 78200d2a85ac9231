// Administration: users and their roles (create, change roles, disable, unlock, reset password),
// API tokens, the pages (paging) sent and not delivered, the node's paging settings, and the
// single-sign-on providers (SsoProvidersPanel.tsx).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader, TabPanel, Tabs } from '../../components/Page';
import { PagesPanel } from './PagesPanel';
import { PasskeyPolicyPanel } from '../account/PasskeyPolicyPanel';
import { PagingSettingsPanel } from './PagingSettingsPanel';
import { SsoProvidersPanel } from './SsoProvidersPanel';
import { TokensPanel } from './TokensPanel';
import { UsersPanel } from './UsersPanel';

export function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { id: 'users', label: t('admin.users') },
    { id: 'tokens', label: t('tokens.title') },
    { id: 'pages', label: t('pages.title') },
    { id: 'paging', label: t('pagingAdmin.tab') },
    { id: 'passkeys', label: t('passkey.policy.title') },
    { id: 'sso', label: t('sso.admin.tab') },
  ];
  const tab = params.get('tab');
  const current =
    tab === 'tokens' || tab === 'pages' || tab === 'paging' || tab === 'passkeys' || tab === 'sso' ? tab : 'users';
  return (
    <>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} />
      <Tabs
        label={t('admin.title')}
        tabs={tabs}
        current={current}
        onChange={(tab) => setParams({ tab }, { replace: true })}
      />
      <TabPanel id={current}>
        {current === 'users' ? (
          <UsersPanel />
        ) : current === 'tokens' ? (
          <TokensPanel />
        ) : current === 'pages' ? (
          <PagesPanel />
        ) : current === 'passkeys' ? (
          <PasskeyPolicyPanel />
        ) : current === 'sso' ? (
          <SsoProvidersPanel />
        ) : (
          <PagingSettingsPanel />
        )}
      </TabPanel>
    </>
  );
}
