// Browser test of the TAXII page (docs/spec.md §5.2) on the demo federation: the Chinese node shows its
// discovery URL, an intel manager creates a partner collection, adds a feed pulling the US node's
// TAXII collection with an API token, pulls it now and sees the result; a partner's TAXII account
// signing in sees what it is for and its own settings only; axe finds nothing serious.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-parties.js';
import { indicator } from '../support/stix-samples.js';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, type Lang, text } from './support/ui.js';

const TAXII = 'application/taxii+json;version=2.1';

/** A text of the intel area as the UI shows it. */
const intelText = (lang: Lang, key: string, values: Record<string, string | number> = {}) =>
  text(lang, `intel.${key}`, values);

describe('TAXII collections and feeds in a browser', () => {
  const suite = browserSuite();
  let peerToken: string;
  beforeAll(async () => {
    // On the US node: an analyst's API token, and two indicators in its local collection.
    const login = await fetch(`${suite.web.peerUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }),
    });
    const session = ((await login.json()) as { token: string }).token;
    const created = await fetch(`${suite.web.peerUrl}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
      body: JSON.stringify({ name: 'taxii e2e' }),
    });
    peerToken = ((await created.json()) as { token: string }).token;
    const pushed = await fetch(`${suite.web.peerUrl}/taxii2/api/collections/local/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${peerToken}` },
      body: JSON.stringify({ objects: [indicator(101, { tlp: 'GREEN' }), indicator(102)] }),
    });
    expect(pushed.status).toBe(202);
  }, 240_000);
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: shows the discovery URL, creates a collection under its own API root, adds a feed and pulls it`, async () => {
      const page = suite.browser.page;
      const t = (key: string, values: Record<string, string | number> = {}) => intelText(lang, `taxii.${key}`, values);
      await signInByApi(page, suite.web.url, 'admin', lang);
      await page.goto(`${suite.web.url}/intel/taxii`);
      await page.getByText(`${suite.web.url}/taxii2/`, { exact: true }).waitFor();

      const collection = `Partners ${lang}`;
      const newForm = page.locator('section[aria-labelledby="taxii-new-heading"]');
      await newForm.getByLabel(t('collections.name')).fill(collection);
      await newForm.getByLabel(t('collections.readers')).fill('us-fbi, *');
      await newForm.getByLabel(t('collections.maxTlp')).selectOption('GREEN');
      await newForm.getByLabel(t('collections.apiRoot')).fill(`partners-${lang.toLowerCase()}`);
      await newForm.getByRole('button', { name: t('collections.create') }).click();
      await page.getByRole('button', { name: t('collections.editLabel', { name: collection }) }).waitFor();
      // The collection's API root is listed with the node's others, and in the collection's row.
      await page.getByText(`${suite.web.url}/taxii2/partners-${lang.toLowerCase()}/`, { exact: true }).waitFor();
      const row = page.getByRole('row').filter({ hasText: collection });
      expect(await row.getByRole('cell', { name: `partners-${lang.toLowerCase()}`, exact: true }).count()).toBe(1);

      const feedName = `US phishing ${lang}`;
      const feedForm = page.locator('section[aria-labelledby="taxii-feed-new-heading"]');
      await feedForm.getByLabel(t('feeds.name')).fill(feedName);
      await feedForm.getByLabel(t('feeds.url')).fill(`${suite.web.peerUrl}/taxii2/`);
      await feedForm.getByLabel(t('feeds.collection')).fill('local');
      await feedForm.getByLabel(t('feeds.token')).fill(peerToken);
      await feedForm.getByRole('button', { name: t('feeds.add') }).click();
      await page.getByRole('button', { name: t('feeds.pullLabel', { name: feedName }) }).click();
      // The first feed imports both objects; the second (other language) finds them already here.
      const imported = lang === 'en' ? 2 : 0;
      await page
        .getByText(t('feeds.pulled', { name: feedName, imported, duplicates: 2 - imported, invalid: 0 }))
        .waitFor();
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `taxii-${lang}`);
    });
  }

  it('a partner account signing in to the web UI is shown what it is for, and its own settings only', async () => {
    const page = suite.browser.page;
    const admin = await ApiSession.signIn(suite.web.url, 'admin');
    const user = await admin.call<{ id: string }>('POST', '/users', {
      username: 'vn-partner',
      displayName: 'Viet Nam partner (TAXII)',
      roles: ['analyst'],
      password: DEMO_PASSWORD,
      locale: 'zh-CN',
    });
    await admin.call('PUT', `/intel/party-accounts/${user.id}`, { party: 'vn-mps' });
    await signInByApi(page, suite.web.url, 'vn-partner', 'zh-CN');
    await page.goto(`${suite.web.url}/cases`);
    await page.getByRole('heading', { name: text('zh-CN', 'partyAccount.title') }).waitFor();
    expect(await page.getByText(text('zh-CN', 'partyAccount.subtitle', { party: 'vn-mps' })).count()).toBe(1);
    expect(await page.getByText(text('zh-CN', 'partyAccount.how', { party: 'vn-mps' })).count()).toBe(1);
    expect(await page.getByText(`${suite.web.url}/taxii2/`, { exact: true }).count()).toBe(1);
    // No workspace navigation: the account is not an officer of this node, whatever its roles.
    expect(await page.locator('nav.sidebar a').count()).toBe(0);
    await settle(page);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'party-account-home-zh-CN');
    await page.getByRole('link', { name: text('zh-CN', 'partyAccount.tokens') }).click();
    await page.getByRole('heading', { name: text('zh-CN', 'account.title') }).waitFor();
    await settle(page);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'party-account-settings-zh-CN');
  });
});
