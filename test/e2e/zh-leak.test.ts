// The zh-CN leak check (issue 14): every page of the app rendered in Chinese, and its main forms
// after an empty submit, shows no English words outside a short allow-list (proper names, codes
// such as TLP:AMBER, STIX, references like CN-DEMO-REQ-…, URLs, hashes, user names) and no raw
// code values (bank_account, under_review). Text people typed (marked lang="en"), identifiers set
// in monospace and code blocks are not the UI's words and are left out. One browser, one node;
// a screenshot of each page as test-output/screenshots/zh-<page>.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findIds } from './flows/pages-audit.js';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { screenshot, settle, signInByApi, text } from './support/ui.js';

const suite = browserSuite();

/** Words the Chinese UI may show: names of products, standards and formats, codes, demo user names. */
const ALLOWED = new Set([
  'Crossline',
  'TLP',
  'RED',
  'AMBER',
  'GREEN',
  'CLEAR',
  'STIX',
  'TAXII',
  'SHA',
  'API',
  'URL',
  'IP',
  'IPv',
  'ICP',
  'PDF',
  'CSV',
  'JSON',
  'TOTP',
  'UTC',
  'GMT',
  'ID',
  'Markdown',
  'WeChat',
  'Telegram',
  'Weibo',
  'QQ',
  'USDT',
  'TRC',
  'ERC',
  'BTC',
  'ETH',
  'USD',
  'CNY',
  'RMB',
  'admin',
  'duty',
  'investigator',
  'analyst',
  'supervisor',
  'auditor',
  'cn',
  'us',
  'demo',
  'FBI',
  'MPS',
  'CN',
  'US',
  'HK',
  'EU',
  'p',
  'HH',
  'MM',
  'Asia',
  'Shanghai',
  'America',
  'New_York',
  'Europe',
  'Brussels',
  'Hong_Kong',
  'Chicago',
  'Los_Angeles',
  'London',
  'OK',
  'AI',
  'English',
  'hxxp',
  'https',
  'http',
  'www',
  'com',
  'org',
  'net',
  'ms',
  'MB',
  'KB',
  'GB',
  // Currencies, file formats, payment and chat services, protocols: names, not words to translate.
  'HKD',
  'MOP',
  'TWD',
  'EUR',
  'GBP',
  'SGD',
  'THB',
  'MYR',
  'JPY',
  'PayPal',
  'Alipay',
  'WhatsApp',
  'PNG',
  'JPEG',
  'WebP',
  'GIF',
  'HTTP',
  'HTTPS',
  'POST',
  'GET',
  'Bearer',
  'Basic',
  'Webhook',
  'SMS',
  'VPN',
  'DNS',
  // Legal citations (ETS No. 185 Art. 29, CLOUD Act, 18 U.S.C., PRC MLAA …) are references, cited as written.
  'ETS',
  'No',
  'Art',
  'CLOUD',
  'Act',
  'PRC',
  'MLAA',
  'Regulation',
  'U',
  'S',
  'C',
  'USC',
  // Standards and their vocabularies: JWS receipts, TLP:AMBER+STRICT, the search operator OR, and
  // STIX 2.1 object types, which analysts use as identifiers (indicator, threat-actor, ipv4-addr).
  'JWS',
  'STRICT',
  'OR',
  'indicator',
  'observed',
  'data',
  'malware',
  'campaign',
  'threat',
  'actor',
  'infrastructure',
  'relationship',
  'sighting',
  'marking',
  'definition',
  'ipv',
  'addr',
  'domain',
  'name',
  'email',
  'file',
  'url',
  'identity',
  'report',
  'vulnerability',
  'tool',
  'attack',
  'pattern',
  'intrusion',
  'set',
  'course',
  'of',
  'action',
  'location',
  'note',
  'opinion',
  'grouping',
  'mac',
  'mutex',
  'process',
  'software',
  'user',
  'account',
  'windows',
  'registry',
  'key',
  'x509',
  'certificate',
  'autonomous',
  'system',
  'directory',
  'artifact',
  'network',
  'traffic',
  'bundle',
  'language',
  'content',
]);

/** Patterns taken out before counting words: references, codes, addresses, hashes, time zones. */
const NEUTRAL = [
  /https?:\/\/\S+/g,
  /hxxps?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\b[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g,
  /\bTLP:[A-Z]+(?:\+STRICT)?/g,
  /`[^`]*`/g,
  /\/[a-z][\w-]*\/\S*/g,
  /\b[0-9a-f]{8,}\b/gi,
  /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g,
  /\b[a-z0-9-]+\.(?:com|org|net|cn|io|example)\b/g,
  /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/g,
];

type Found = { words: string[]; codes: string[] };

/**
 * Texts of records as the API sent them (a call's message, a request's facts, tags, names): what
 * people wrote, in whatever language they wrote it, not the UI's words. The English half of a
 * bilingual { en, zh } value is left out, so a page showing it in Chinese is still caught, and so
 * are the label tables (…/meta), which are the UI's words.
 */
function collectRecordTexts(page: Page, into: Set<string>, pairs: Map<string, string>): () => Promise<void> {
  const pending = new Set<Promise<void>>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 3) into.add(v);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const bilingual = typeof o.en === 'string' && typeof o.zh === 'string';
      if (bilingual && (o.zh as string).length > 1 && (o.en as string).length > 2)
        pairs.set(o.zh as string, o.en as string);
      for (const [k, x] of Object.entries(o)) if (!(bilingual && k === 'en')) walk(x);
    }
  };
  page.on('response', (res) => {
    const url = res.url();
    if (!url.includes('/api/') || /\/meta(\?|$)/.test(url) || !(res.headers()['content-type'] ?? '').includes('json'))
      return;
    const reading: Promise<void> = res
      .json()
      .then(walk, () => undefined)
      .finally(() => pending.delete(reading));
    pending.add(reading);
  });
  /** Waits until every answer received so far has been read. */
  return async () => {
    await Promise.all([...pending]);
  };
}

/**
 * A text node without the records' own texts in it: a node may be a piece of one (a highlighted
 * search hit, a shortened message), or hold a label and one; and a name shown in both languages on
 * purpose ("…（美国） / Demo Cyber Division (United States)") keeps its English half.
 */
function withoutRecordTexts(node: string, records: Set<string>, pairs: Map<string, string>): string {
  let t = node.replace(/…$/, '').replace(/^#/, '').trim();
  if (t.length < 3) return t;
  for (const r of records) if (r.includes(t)) return '';
  for (const r of records) if (r.length >= 8 && t.includes(r)) t = t.split(r).join(' ');
  for (const [zh, en] of pairs) if (t.includes(zh) && t.includes(en)) t = t.split(en).join(' ');
  return t;
}

/** The visible UI text nodes of the page, without what people typed (lang="en"), identifiers and code. */
async function uiTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Search hits below their kind-and-date line are the records' own words.
    const skip =
      '[lang="en"], .mono, code, pre, script, style, noscript, textarea, [aria-hidden="true"], .sr-only, .search-result > :not(:first-child)';
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip)) continue;
      if (el.tagName !== 'OPTION' && !el.checkVisibility()) continue;
      parts.push(n.textContent ?? '');
    }
    return parts;
  });
}

function leaks(textOnPage: string): Found {
  let rest = textOnPage;
  for (const p of NEUTRAL) rest = rest.replace(p, ' ');
  const codes = [...new Set(rest.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [])];
  const words = [
    ...new Set(
      (rest.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((w) => w.length > 1 && !ALLOWED.has(w) && !codes.includes(w)),
    ),
  ];
  return { words, codes };
}

type PageSpec = {
  name: string;
  user: string | null;
  path: string | ((ids: Ids) => string);
  /** Steps to reach the page from `path` (a tab), before it is read. */
  open?: (page: Page) => Promise<void>;
  /** Steps before the empty submit (open a tab, pick a mode); then the form's submit button is pressed. */
  emptySubmit?: (page: Page) => Promise<void>;
};
type Ids = Awaited<ReturnType<typeof findIds>> & { reportId: string; articleId: string; exerciseId: string | null };

const submitFirstForm =
  (scope = 'main form') =>
  async (page: Page) => {
    await page.locator(scope).locator('button[type="submit"]').first().click();
    await page.locator('.alert.error, .field .error').first().waitFor({ timeout: 10_000 });
  };

const PAGES: PageSpec[] = [
  { name: 'inbox', user: 'duty', path: '/' },
  { name: 'requests', user: 'supervisor', path: '/requests' },
  { name: 'request', user: 'supervisor', path: (i) => `/requests/${i.requestId}` },
  { name: 'request-new', user: 'investigator', path: '/requests/new', emptySubmit: submitFirstForm() },
  { name: 'request-incoming', user: 'duty', path: '/requests/incoming/new' },
  { name: 'hotline', user: 'duty', path: '/hotline' },
  { name: 'hotline-place', user: 'duty', path: '/hotline?tab=place', emptySubmit: submitFirstForm() },
  { name: 'hotline-roster', user: 'supervisor', path: '/hotline?tab=roster' },
  { name: 'call', user: 'duty', path: (i) => `/hotline/calls/${i.callId}` },
  { name: 'cases', user: 'investigator', path: '/cases' },
  { name: 'case', user: 'investigator', path: (i) => `/cases/${i.caseId}` },
  {
    name: 'case-observables',
    user: 'investigator',
    path: (i) => `/cases/${i.caseId}?tab=observables`,
    emptySubmit: async (page) => {
      await page.getByRole('button', { name: text('zh-CN', 'observables.paste'), exact: true }).click();
      await page.getByRole('button', { name: text('zh-CN', 'observables.addAll') }).click();
      await page.locator('.alert.error, .field .error').first().waitFor({ timeout: 10_000 });
    },
  },
  { name: 'case-evidence', user: 'investigator', path: (i) => `/cases/${i.caseId}?tab=evidence` },
  { name: 'case-new', user: 'investigator', path: '/cases/new', emptySubmit: submitFirstForm() },
  { name: 'triage', user: 'analyst', path: '/triage' },
  { name: 'triage-report', user: 'analyst', path: (i) => `/triage/${i.reportId}` },
  { name: 'intel', user: 'analyst', path: '/intel' },
  { name: 'intel-alerts', user: 'analyst', path: '/intel/alerts' },
  { name: 'intel-extract', user: 'analyst', path: '/intel/extract' },
  { name: 'intel-taxii', user: 'admin', path: '/intel/taxii' },
  { name: 'knowledge', user: 'investigator', path: '/knowledge' },
  { name: 'knowledge-article', user: 'investigator', path: (i) => `/knowledge/${i.articleId}` },
  { name: 'knowledge-new', user: 'investigator', path: '/knowledge/new', emptySubmit: submitFirstForm() },
  { name: 'search', user: 'investigator', path: `/search?q=${encodeURIComponent('电信诈骗')}` },
  { name: 'dashboard', user: 'supervisor', path: '/dashboard' },
  { name: 'reports', user: 'supervisor', path: '/reports' },
  { name: 'dialogue', user: 'supervisor', path: '/dialogue' },
  { name: 'dialogue-plan', user: 'supervisor', path: '/dialogue?tab=plan', emptySubmit: submitFirstForm() },
  { name: 'meeting', user: 'supervisor', path: (i) => `/dialogue/${i.meetingId}` },
  { name: 'exercises', user: 'supervisor', path: '/exercises' },
  { name: 'exercise-new', user: 'supervisor', path: '/exercises/scenarios/new' },
  { name: 'federation', user: 'admin', path: '/network' },
  { name: 'audit', user: 'auditor', path: '/audit' },
  {
    name: 'admin',
    user: 'admin',
    path: '/admin',
    emptySubmit: async (page) => {
      await page.getByRole('button', { name: `+ ${text('zh-CN', 'admin.newUser')}` }).click();
      await submitFirstForm('main form')(page);
    },
  },
  { name: 'account', user: 'duty', path: '/account' },
  { name: 'notifications', user: 'supervisor', path: '/notifications' },
  { name: 'public-report', user: null, path: '/report', emptySubmit: submitFirstForm('form') },
];

async function idsOf(base: string): Promise<Ids> {
  const ids = await findIds(base);
  const analyst = await ApiSession.signIn(base, 'analyst');
  const investigator = await ApiSession.signIn(base, 'investigator');
  const supervisor = await ApiSession.signIn(base, 'supervisor');
  const reports = await analyst.call<{ items: { id: string }[] }>('GET', '/triage/reports');
  const articles = await investigator.call<{ items: { id: string }[] }>('GET', '/knowledge/articles');
  const exercises = await supervisor
    .call<{ items?: { id: string }[] }>('GET', '/exercises')
    .catch(() => ({ items: [] }));
  return {
    ...ids,
    reportId: reports.items[0]!.id,
    articleId: articles.items[0]!.id,
    exerciseId: exercises.items?.[0]?.id ?? null,
  };
}

describe('the Chinese UI speaks Chinese', () => {
  it('every page, and its main forms after an empty submit, shows no English words and no code values', async () => {
    const { page } = suite.browser;
    const base = suite.web.url;
    const ids = await idsOf(base);
    const problems: string[] = [];
    const records = new Set<string>();
    const pairs = new Map<string, string>();
    const answersRead = collectRecordTexts(page, records, pairs);
    let signedInAs: string | null | undefined;
    const check = async (name: string) => {
      await settle(page);
      await answersRead();
      const found = leaks((await uiTexts(page)).map((t) => withoutRecordTexts(t, records, pairs)).join(' '));
      if (found.words.length) problems.push(`${name}: English ${found.words.join(', ')}`);
      if (found.codes.length) problems.push(`${name}: code values ${found.codes.join(', ')}`);
      await screenshot(page, `zh-${name}`);
    };
    // ZH_LEAK_ONLY=reports,triage checks only those pages (while fixing them).
    const only = process.env.ZH_LEAK_ONLY?.split(',');
    for (const spec of PAGES.filter((p) => !only || only.includes(p.name))) {
      if (spec.user !== signedInAs) {
        if (spec.user) await signInByApi(page, base, spec.user, 'zh-CN');
        else await page.context().clearCookies();
        signedInAs = spec.user;
      }
      await page.goto(`${base}${typeof spec.path === 'string' ? spec.path : spec.path(ids)}`);
      if (!spec.user) await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
      let opened = await page
        .locator('main h1, h1')
        .first()
        .waitFor()
        .then(
          () => true,
          () => false,
        );
      if (opened && spec.open)
        opened = await spec.open(page).then(
          () => true,
          () => false,
        );
      if (!opened) {
        problems.push(`${spec.name}: the page did not open`);
        await screenshot(page, `zh-${spec.name}`);
        continue;
      }
      await check(spec.name);
      if (spec.emptySubmit) {
        // A form whose empty submit shows no message at all is a finding too; go on with the rest.
        const shown = await spec.emptySubmit(page).then(
          () => true,
          (e: Error) => {
            problems.push(`${spec.name}: empty submit: ${e.message.split('\n')[0]}`);
            return false;
          },
        );
        if (shown) await check(`${spec.name}-empty`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
