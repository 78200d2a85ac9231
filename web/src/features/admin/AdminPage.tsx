// Administration: users and their roles (create, change roles, disable, unlock, reset password),
// API tokens, and the pages (paging) sent and not delivered.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader, TabPanel, Tabs } from '../../components/Page';
import { PagesPanel } from './PagesPanel';
import { TokensPanel } from './TokensPanel';
import { UsersPanel } from './UsersPanel';

export function AdminPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = [{ id: 'users', label: t('admin.users') }, { id: 'tokens', label: t('tokens.title') }, { id: 'pages', label: t('pages.title') }];
  const tab = params.get('tab');
  const current = tab === 'tokens' || tab === 'pages' ? tab : 'users';
  return (
    <>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} />
      <Tabs label={t('admin.title')} tabs={tabs} current={current} onChange={(tab) => setParams({ tab }, { replace: true })} />
      <TabPanel id={current}>{current === 'users' ? <UsersPanel /> : current === 'tokens' ? <TokensPanel /> : <PagesPanel />}</TabPanel>
    </>
  );
}
