// Browser test of the federation at 30 agencies (issue #17 item 5), in both languages: the Chinese
// demo node gets 28 more peers (generated cards added through the product's peering service; they
// are not running, so some have failed deliveries recorded the way the delivery loop records them,
// and two are suspended). The federation page's health summary counts each class right, the table
// is grouped by region with the least healthy first, the search narrows it (name, country, party
// id) and a summary button filters it; the case share dialog and the broadcast page's recipient
// picker search, group by region and "select all in" a region. Screenshots of the three pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionOf } from '../../src/domain/federation/regions.js';
import { buildNodeCard, createKeyRing } from '../../src/federation/crypto/index.js';
import { recordFailure } from '../../src/federation/record-failure.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { applyDirectory } from '../../src/services/federation/directory/apply-directory.js';
import { signDirectoryDraft } from '../../src/services/federation/directory/sign-directory.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { setPeerStatus } from '../../src/services/federation/manage-peer.js';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, text, type Lang } from './support/ui.js';

/** 28 agencies: [country, English country name, Chinese country name]. */
const AGENCIES: [string, string, string][] = [
  ['JP', 'Japan', '日本'],
  ['KR', 'Korea', '韩国'],
  ['SG', 'Singapore', '新加坡'],
  ['AU', 'Australia', '澳大利亚'],
  ['NZ', 'New Zealand', '新西兰'],
  ['IN', 'India', '印度'],
  ['ID', 'Indonesia', '印度尼西亚'],
  ['TH', 'Thailand', '泰国'],
  ['MY', 'Malaysia', '马来西亚'],
  ['PH', 'Philippines', '菲律宾'],
  ['GB', 'United Kingdom', '英国'],
  ['FR', 'France', '法国'],
  ['DE', 'Germany', '德国'],
  ['NL', 'Netherlands', '荷兰'],
  ['ES', 'Spain', '西班牙'],
  ['IT', 'Italy', '意大利'],
  ['PL', 'Poland', '波兰'],
  ['SE', 'Sweden', '瑞典'],
  ['CA', 'Canada', '加拿大'],
  ['BR', 'Brazil', '巴西'],
  ['MX', 'Mexico', '墨西哥'],
  ['AR', 'Argentina', '阿根廷'],
  ['CL', 'Chile', '智利'],
  ['ZA', 'South Africa', '南非'],
  ['NG', 'Nigeria', '尼日利亚'],
  ['KE', 'Kenya', '肯尼亚'],
  ['AE', 'United Arab Emirates', '阿联酋'],
  ['SA', 'Saudi Arabia', '沙特阿拉伯'],
];
const idOf = (cc: string) => `${cc.toLowerCase()}-desk`;
const UNREACHABLE = ['jp-desk', 'fr-desk', 'br-desk'];
const DEGRADED = ['sg-desk', 'ng-desk'];
const SUSPENDED = ['pl-desk', 'ae-desk'];
// With the demo's US peer: 29 peers; 29 − 3 − 2 − 2 healthy.
const TOTAL = AGENCIES.length + 1;
const HEALTHY = TOTAL - UNREACHABLE.length - DEGRADED.length - SUSPENDED.length;
const EUROPE = AGENCIES.filter(([cc]) => regionOf(cc) === 'europe').map(([cc]) => idOf(cc));

/** An outgoing preservation request to `party`, as an investigator fills it in. */
function scaleRequest(i: number, party: string) {
  return {
    type: 'preservation',
    requestedParty: party,
    caseRef: `CN-MPS-2026-SCALE-${String(i).padStart(4, '0')}`,
    subject: { en: `Preserve the account records of suspect ${i}`, zh: `保全嫌疑人${i}的账户记录` },
    crimeCategory: 'online_fraud',
    facts: 'Victims transferred funds after instructions sent from these accounts in March 2026.',
    dataRequested: 'Subscriber records and login IP logs of the accounts listed.',
    identifiers: [
      {
        kind: 'email',
        value: `suspect.${i}@mail.example.com`,
        from: '2026-03-01T00:00:00+08:00',
        to: '2026-03-20T23:59:59+08:00',
        timeZone: 'Asia/Shanghai',
        service: 'Example Mail',
      },
    ],
    legalBasis: 'coe_budapest_art29',
    urgency: 'routine',
    confidentiality: 'confidential',
    contactOfficer: { name: 'Zhang Wei', email: 'zhang.wei@cn-demo.example', phone: '+86 10 5555 0100' },
    details: { preservation: { dataToPreserve: 'Subscriber information, IP logs', provider: 'Example Mail Inc.' } },
  };
}

describe('the federation at 30 agencies in the web UI', () => {
  const suite = browserSuite();

  beforeAll(async () => {
    const cn = suite.web.node.ctx;
    const admin = { kind: 'system' as const, partyId: 'cn-demo' };
    const now = new Date();
    const cards = [ownNodeCard(cn, suite.web.url), ownNodeCard(suite.web.peer.ctx, suite.web.peerUrl)];
    for (const [cc, en, zh] of AGENCIES) {
      const card = buildNodeCard(
        {
          id: idOf(cc),
          name: { en: `${en} Cybercrime 24/7 Desk`, zh: `${zh}网络犯罪 24/7 联络点` },
          country: cc,
          endpoint: `http://127.0.0.1:9/${idOf(cc)}`,
        },
        createKeyRing(now),
        now,
      );
      await addPeer(cn, admin, { card, fingerprint: card.fingerprint });
      cards.push(card);
    }
    // A directory founded by this node alone (1 of 1) listing all 30 agencies: all are peers already
    // with the listed keys, so applying it fetches no card.
    const draft = {
      v: 1 as const,
      federation: 'g7-24-7',
      version: 1,
      issuedAt: now.toISOString(),
      previous: null,
      founders: [{ party: cards[0]!.id, fingerprint: cards[0]!.fingerprint }],
      threshold: 1,
      members: cards.map((c) => ({
        party: c.id,
        name: c.name,
        country: c.country,
        endpoint: c.endpoint,
        fingerprint: c.fingerprint,
        roles: [],
      })),
    };
    await applyDirectory(cn, admin, await signDirectoryDraft(cn, admin, draft), 'upload');
    for (const id of UNREACHABLE)
      for (let i = 0; i < 3; i++) await recordFailure(cn, id, [], 'NETWORK', 'connect ECONNREFUSED 127.0.0.1:9');
    for (const id of DEGRADED) await recordFailure(cn, id, [], 'TIMEOUT', 'The operation was aborted due to timeout');
    for (const id of SUSPENDED) await setPeerStatus(cn, admin, id, 'suspended');
  }, 120_000);
  afterAll(async () => {
    await suite.browser.page.context().clearCookies();
  });

  const shot = (name: string, lang: Lang) =>
    screenshot(suite.browser.page, `ui30-${name}-${lang === 'en' ? 'en' : 'zh'}`);

  for (const lang of ['en', 'zh-CN'] as const) {
    const T = (key: string, values?: Record<string, string | number>) => text(lang, key, values);

    it(`federation page: health at a glance, grouped by region, searchable (${lang})`, async () => {
      const { page } = suite.browser;
      await page.setViewportSize({ width: 1440, height: 900 });
      await signInByApi(page, suite.web.url, 'admin', lang);
      await page.goto(`${suite.web.url}/network`);
      const summary = page.getByTestId('peer-health-summary');
      await summary.waitFor();
      const count = async (c: string) => (await summary.locator(`[data-health="${c}"]`).textContent())?.trim();
      expect(await count('unreachable')).toBe(T('peerHealth.count.unreachable', { count: UNREACHABLE.length }));
      expect(await count('degraded')).toBe(T('peerHealth.count.degraded', { count: DEGRADED.length }));
      expect(await count('suspended')).toBe(T('peerHealth.count.suspended', { count: SUSPENDED.length }));
      expect(await count('healthy')).toBe(T('peerHealth.count.healthy', { count: HEALTHY }));
      expect((await summary.getByRole('button').first().textContent())?.trim()).toBe(
        T('peerHealth.all', { count: TOTAL }),
      );

      // Grouped by region: Europe holds its 8 agencies, the unreachable French desk first.
      const table = page.getByTestId('peer-table');
      const europe = table.locator('tbody[data-section="europe"]');
      expect(await europe.locator('tr.section-row').textContent()).toBe(
        T('peerList.regionCount', { region: T('regions.europe'), count: EUROPE.length }),
      );
      const europeRows = europe.locator('tr:not(.section-row)');
      expect(await europeRows.count()).toBe(EUROPE.length);
      expect(await europeRows.first().textContent()).toContain('fr-desk');
      expect(await europeRows.first().textContent()).toContain(T('peerHealth.state.unreachable'));
      const sections = await table
        .locator('tbody')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
      expect(sections).toEqual(['asia_pacific', 'europe', 'americas', 'africa', 'middle_east']);
      // The directory's 30 members: grouped by region too (this node among Asia-Pacific), searchable.
      const directory = page.getByTestId('directory-members');
      expect(await directory.locator('tbody tr:not(.section-row)').count()).toBe(TOTAL + 1);
      expect(await directory.locator('tbody[data-section="asia_pacific"] tr.section-row').textContent()).toBe(
        T('peerList.regionCount', { region: T('regions.asia_pacific'), count: 11 }),
      );
      // Failures read for people, in both panels: what happened, never the transport's code.
      const failing = T('peerHealth.failing', { count: 3, reason: T('peerHealth.failure.network') });
      for (const where of [table, directory]) {
        const jp = await where.locator('tr', { hasText: 'jp-desk' }).textContent();
        expect(jp).toContain(T('peerHealth.state.unreachable'));
        expect(jp).toContain(failing);
        expect(jp).not.toContain('NETWORK');
      }
      const find = page.getByRole('searchbox', { name: T('peerList.directorySearch') });
      await find.fill(lang === 'en' ? 'kenya' : '肯尼亚');
      await expect.poll(() => directory.locator('tbody tr:not(.section-row)').count()).toBe(1);
      await find.fill('');
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await shot('federation', lang);

      // The search narrows the list: by country name in the reader's language, then by party id.
      const search = page.getByRole('searchbox', { name: T('peerList.search') });
      await search.fill(lang === 'en' ? 'brazil' : '巴西');
      await expect.poll(() => table.locator('tbody tr:not(.section-row)').count()).toBe(1);
      expect(await table.locator('tbody tr:not(.section-row)').textContent()).toContain('br-desk');
      expect(await page.getByTestId('peer-shown').textContent()).toBe(T('peerList.shown', { shown: 1, total: TOTAL }));
      await search.fill('ke-desk');
      await expect.poll(() => table.locator('tbody tr:not(.section-row)').count()).toBe(1);
      expect(await table.locator('tbody').getAttribute('data-section')).toBe('africa');
      await search.fill('');

      // A summary button filters: only the unreachable ones.
      await summary.locator('[data-health="unreachable"]').click();
      await expect.poll(() => table.locator('tbody tr:not(.section-row)').count()).toBe(UNREACHABLE.length);
      const shown = await table.locator('tbody tr:not(.section-row)').allTextContents();
      for (const id of UNREACHABLE) expect(shown.some((row) => row.includes(id))).toBe(true);
      await summary.locator('[data-health="unreachable"]').click();
      await expect.poll(() => table.locator('tbody tr:not(.section-row)').count()).toBe(TOTAL);
    });

    it(`case share dialog: search, regions, select all in a region (${lang})`, async () => {
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'investigator', lang);
      const investigator = await ApiSession.signIn(suite.web.url, 'investigator');
      const cases = await investigator.call<{ items: { id: string }[] }>('GET', '/cases?limit=5');
      await page.goto(`${suite.web.url}/cases/${cases.items[0]!.id}?tab=share`);
      const picker = page.getByRole('group', { name: T('share.recipients') });
      await picker.locator('.region-checklist').waitFor();
      // Suspended peers are not offered; Europe lists its active agencies.
      const europe = picker.getByRole('group', { name: new RegExp(`^${T('regions.europe')}`) });
      const activeEurope = EUROPE.filter((id) => !SUSPENDED.includes(id));
      expect(await europe.getByRole('checkbox').count()).toBe(activeEurope.length);
      await europe.getByRole('button', { name: T('peerList.selectRegion', { region: T('regions.europe') }) }).click();
      expect(await picker.getByRole('checkbox', { checked: true }).count()).toBe(activeEurope.length);
      expect(await picker.getByText(T('peerList.selected', { count: activeEurope.length })).count()).toBe(1);
      const search = picker.getByRole('searchbox', { name: T('peerList.search') });
      await search.fill(lang === 'en' ? 'japan' : '日本');
      expect(await picker.getByRole('checkbox').count()).toBe(1);
      await search.fill('');
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await shot('case-share', lang);
    });

    it(`broadcast page: the recipient picker searches and groups by region (${lang})`, async () => {
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'duty', lang);
      await page.goto(`${suite.web.url}/hotline?tab=broadcast`);
      const picker = page.getByRole('group', { name: T('broadcast.parties') });
      await picker.locator('.region-checklist').waitFor();
      const regions = await picker.locator('.region-group-head .label').allTextContents();
      expect(regions[0]).toBe(T('peerList.regionCount', { region: T('regions.asia_pacific'), count: 10 }));
      expect(regions).toHaveLength(5);
      const search = picker.getByRole('searchbox', { name: T('peerList.search') });
      await search.fill('desk');
      expect(await picker.getByRole('checkbox').count()).toBe(AGENCIES.length - SUSPENDED.length);
      await search.fill(lang === 'en' ? 'kenya' : '肯尼亚');
      expect(await picker.getByRole('checkbox').count()).toBe(1);
      await search.fill('');
      await picker.getByRole('button', { name: T('peerList.selectRegion', { region: T('regions.americas') }) }).click();
      // The Americas: the demo's US node and five desks.
      expect(await picker.getByRole('checkbox', { checked: true }).count()).toBe(6);
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await shot('broadcast', lang);
    });
  }

  it('dashboard: the SLA card charts the busiest peers and lists all on request (en, zh-CN)', async () => {
    // Runs last: these requests are queued to peers that are not running, so their failures grow.
    const investigator = await ApiSession.signIn(suite.web.url, 'investigator');
    const desks = AGENCIES.map(([cc]) => idOf(cc))
      .filter((id) => !SUSPENDED.includes(id))
      .slice(0, 12);
    for (const [i, party] of desks.entries()) {
      const draft = await investigator.call<{ id: string }>('POST', '/requests', scaleRequest(i, party));
      await investigator.call('POST', `/requests/${draft.id}/actions`, { action: 'submit' });
    }
    const { page } = suite.browser;
    for (const lang of ['en', 'zh-CN'] as const) {
      await signInByApi(page, suite.web.url, 'supervisor', lang);
      await page.goto(`${suite.web.url}/dashboard`);
      const sla = page.locator('section[aria-labelledby="sla-title"]');
      const rows = sla.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(8);
      const showAll = sla.getByRole('button', { name: /^(Show all|显示全部)/ });
      const label = (await showAll.textContent()) ?? '';
      const total = Number(/\d+/.exec(label)?.[0]);
      expect(total).toBeGreaterThanOrEqual(desks.length);
      expect(label).toBe(text(lang, 'peerList.showAll', { count: total }));
      await showAll.click();
      await expect.poll(() => rows.count()).toBe(total);
      await settle(page);
      await shot('dashboard', lang);
    }
  });
});
