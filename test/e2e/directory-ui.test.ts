// Browser test of the membership directory on the federation page, in both languages: the demo's
// two nodes found a directory (2 of 2), version 2 makes the US node the secretariat; the page lists
// both members with their health and what changed in each version, and passes the accessibility check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDirectory } from '../../src/services/federation/directory/apply-directory.js';
import { signDirectoryDraft } from '../../src/services/federation/directory/sign-directory.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { directoryHash } from '../../src/domain/federation-directory/document.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, text } from './support/ui.js';

describe('membership directory in the web UI', () => {
  const suite = browserSuite();

  beforeAll(async () => {
    const { node: cn, peer: us } = suite.web;
    const entry = (n: typeof cn, url: string, roles: 'secretariat'[]) => {
      const card = ownNodeCard(n.ctx, url);
      return {
        party: card.id,
        name: card.name,
        country: card.country,
        endpoint: card.endpoint,
        fingerprint: card.fingerprint,
        roles,
      };
    };
    const founders = [ownNodeCard(cn.ctx, cn.url), ownNodeCard(us.ctx, us.url)].map((c) => ({
      party: c.id,
      fingerprint: c.fingerprint,
    }));
    const v1 = {
      v: 1 as const,
      federation: 'demo-net',
      version: 1,
      issuedAt: new Date().toISOString(),
      previous: null,
      founders,
      threshold: 2,
      members: [entry(cn, cn.url, []), entry(us, us.url, [])],
    };
    const v2 = {
      ...v1,
      version: 2,
      previous: directoryHash(v1),
      members: [entry(cn, cn.url, []), entry(us, us.url, ['secretariat'])],
    };
    for (const draft of [v1, v2]) {
      const one = await signDirectoryDraft(cn.ctx, { kind: 'system', partyId: 'cn-demo' }, draft);
      const both = await signDirectoryDraft(us.ctx, { kind: 'system', partyId: 'us-demo' }, one);
      await applyDirectory(cn.ctx, { kind: 'system', partyId: 'cn-demo' }, both, 'upload');
    }
  }, 60_000);
  afterAll(async () => {
    await suite.browser.page.context().clearCookies();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`lists the members with their health and what changed in each version (${lang})`, async () => {
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'admin', lang);
      await page.goto(`${suite.web.url}/network`);
      await page.getByRole('heading', { name: text(lang, 'directory.title') }).waitFor();
      const members = page.locator('#directory-title').locator('xpath=ancestor::section');
      const us = members.locator('tr', { hasText: 'us-demo' });
      await us.waitFor();
      expect(await us.textContent()).toContain(text(lang, 'peerHealth.state.healthy'));
      expect(await us.textContent()).toContain(text(lang, 'directory.role.secretariat'));
      expect(await members.locator('tr', { hasText: 'cn-demo' }).textContent()).toContain(
        text(lang, 'directory.state.self'),
      );
      const history = page.locator('#directory-history-title').locator('xpath=ancestor::section');
      await page.getByRole('heading', { name: text(lang, 'directory.history') }).waitFor();
      const rows = history.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).textContent()).toContain(text(lang, 'directory.updated'));
      expect(await rows.nth(1).textContent()).toContain(text(lang, 'directory.added'));
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `federation-directory-${lang === 'en' ? 'en' : 'zh'}`);
    });
  }
});
